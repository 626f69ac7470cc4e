"""The note dialog of a divergence: Ctrl+Enter saves, Esc cancels, Enter starts a new line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from gui.dialogs.dialog_keys import SaveKeyFilter


class NoteDialog(QDialog):
    """Ask for the note of one divergence, quoting what it is about."""

    def __init__(self, parent=None, about: str = "", text: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.setMinimumWidth(420)
        self.about = QLabel(about, self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setPlaceholderText("Why it matters, whom to call… (Ctrl+Enter saves; empty removes the note)")
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        SaveKeyFilter(self, (self.edit,)).saveRequested.connect(self.accept)
        self.edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.about)
        column.addWidget(self.edit, 1)
        column.addWidget(QLabel("<small>Ctrl+Enter saves · Esc cancels</small>", self))
        column.addWidget(buttons)
        self.edit.setFocus()

    def text(self) -> str:
        """Return the note as typed, surrounding blank space removed."""
        return self.edit.toPlainText().strip()

    @classmethod
    def ask(cls, parent, about: str, text: str) -> str | None:
        """Show the dialog; return the note, or None when cancelled."""
        dialog = cls(parent, about, text)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
