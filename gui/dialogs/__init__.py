"""Modal and overlay dialogs: export, note, command palette, keyboard help."""
