"""Colours and styles: the theme and the per-type and per-claim colour tables."""
