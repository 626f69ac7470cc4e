"""Keys the note and annotation dialogs share: Ctrl+Enter saves, where a plain Enter is a new line."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt


def is_save_keypress(event) -> bool:
    """Tell whether event is Ctrl+Enter (or Ctrl+Return), the dialogs' save key."""
    return (event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
