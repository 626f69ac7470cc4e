"""The headless commands: `parallax align` and `parallax export`."""
