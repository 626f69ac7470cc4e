"""Keys the note editors share: Ctrl+Enter saves, where a plain Enter is a new line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal


def is_save_keypress(event) -> bool:
    """Tell whether event is Ctrl+Enter (or Ctrl+Return), the dialogs' save key."""
    return (
        event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    )


class SaveKeyFilter(QObject):
    """Emit saveRequested on Ctrl+Enter in a watched field, which would otherwise take it as a line break."""

    saveRequested = Signal()

    def __init__(self, parent: QObject, fields):
        super().__init__(parent)
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if is_save_keypress(event):
            self.saveRequested.emit()
            return True
        return super().eventFilter(obj, event)
