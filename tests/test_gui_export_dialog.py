"""The export dialog: its labels show their Alt key underlined, never a literal "&"."""
from PySide6.QtWidgets import QLabel

from gui.dialogs.export_dialog import ExportDialog


def test_every_label_with_an_alt_key_has_the_field_it_jumps_to(qtbot):
    dialog = ExportDialog(None, "", "inquiry")
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert {label.text() for label in labels} >= {"&Format:", "&Scope:", "&File:"}
    for label in labels:
        assert label.buddy() is not None, label.text()
    assert dialog.file_label.buddy() is dialog.path
