"""Keys the note editors share: Ctrl+Enter saves, where a plain Enter is a new line."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt


def is_save_keypress(event) -> bool:
    """Tell whether event is Ctrl+Enter (or Ctrl+Return), the dialogs' save key."""
    return (event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


class SaveKeyFilter(QObject):
    """Save when Ctrl+Enter is pressed in a watched field, which would otherwise take it as a line break."""

    def __init__(self, save: Callable[[], object], fields, parent: QObject):
        super().__init__(parent)
        self._save = save
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if is_save_keypress(event):
            self._save()
            return True
        return super().eventFilter(obj, event)
