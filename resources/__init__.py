"""Data files shipped with Parallax (demo case, icons, style sheet, export schema); no code."""
