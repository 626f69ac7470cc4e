"""Parallax engine: plain data in, plain data out. Never imports Qt or gui."""

__version__ = "0.1.0"
