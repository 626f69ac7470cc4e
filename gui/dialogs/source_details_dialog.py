"""The source details form (F2): outlet, title, date, author and URL of one source."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from gui.dialogs.dialog_keys import is_save_keypress

# (field of core.model.Source, label with its Alt key, hint shown in the empty field)
FIELDS = (
    ("outlet", "&Outlet:", "the publication, e.g. the newspaper's name"),
    ("title", "&Title:", "the headline"),
    ("published", "&Date:", "YYYY-MM-DD, as published"),
    ("author", "&Author:", "the byline"),
    ("url", "&URL:", "https://…"),
)


class SourceDetailsDialog(QDialog):
    """Edit the details of a source; Enter or Ctrl+Enter saves, Esc cancels."""

    def __init__(self, source, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Source details — {source.label}")
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name, label, hint in FIELDS:
            edit = QLineEdit(getattr(source, name), self)
            edit.setPlaceholderText(hint)
            edit.setObjectName(name)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.edits[name] = edit
        where = source.path or "pasted text"
        form.addRow(QLabel(f"<small>Imported from {where}</small>", self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.edits["outlet"].setFocus()
        self.edits["outlet"].selectAll()

    def details(self) -> dict[str, str]:
        """Return the fields as typed, trimmed."""
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def keyPressEvent(self, event) -> None:
        if is_save_keypress(event):
            self.accept()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent, source) -> dict[str, str] | None:
        """Show the form for a source; return the details, or None when cancelled."""
        dialog = cls(source, parent)
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None
