"""Start-up, the main window and the one action registry."""
