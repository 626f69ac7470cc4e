"""AnnotationEditor: label, status, note and the quoted target; Ctrl+Enter saves, Esc cancels."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from gui.panels.annotation_editor import AnnotationEditor, label_choices  # noqa: E402
from gui_fakes import make_annotations  # noqa: E402


@pytest.fixture
def editor(qtbot):
    dialog = AnnotationEditor(None, ["embargoed", "Verified"], target_text="on Tuesday")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_labels_are_the_standard_ones_then_the_case_ones_without_repeats(editor):
    assert [editor.label_combo.itemText(i) for i in range(editor.label_combo.count())] == [
        "note",
        "verified",
        "disputed",
        "needs source",
        "error",
        "embargoed",
    ]
    assert label_choices(["", "  ", "Error"]) == ["note", "verified", "disputed", "needs source", "error"]
    assert editor.label_combo.isEditable()


def test_a_new_annotation_starts_on_the_neutral_label_so_verified_is_a_deliberate_choice(editor):
    assert editor.label() == "note"
    assert editor.label() != "verified"


def test_the_target_is_quoted_read_only(editor):
    assert editor.target.toPlainText() == "on Tuesday"
    assert editor.target.isReadOnly()


def test_typing_a_note_and_ctrl_enter_saves_the_values(editor, qtbot):
    editor.label_combo.setCurrentText("source contacted")
    editor.status_combo.setCurrentIndex(1)
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, "Called the press office")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.values() == ("source contacted", "resolved", "Called the press office")


def test_escape_cancels(editor, qtbot):
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Escape)
    assert editor.result() == QDialog.DialogCode.Rejected
    assert not editor.isVisible()


def test_an_existing_annotation_fills_the_fields_and_is_updated(qtbot):
    annotation = make_annotations()[0]
    dialog = AnnotationEditor(None, [], annotation)
    qtbot.addWidget(dialog)
    assert dialog.values() == ("disputed", "open", "City hall says Monday.\nCheck the release.")
    assert dialog.target.toPlainText() == "… bridge “on Tuesday”. It cos…"
    dialog.status_combo.setCurrentText("resolved")
    assert dialog.updated(annotation).status == "resolved"
    assert dialog.updated(annotation).id == "n1"


def test_for_context_annotates_the_selected_text_of_a_source(qtbot):
    from gui.panels.annotation_editor import AnnotationEditor as Editor
    from gui_fakes import FakeWorkspace

    ws = FakeWorkspace(annotations=[])
    dialog = Editor.for_context(ws, None, "b", (57, 67))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Annotate" and dialog.target.toPlainText() == "on Tuesday"
    dialog.label_combo.setCurrentText("disputed")
    dialog.note_edit.setPlainText("Check")
    dialog.accept()
    added = ws.calls[-1][1]
    assert (added.target_kind, added.source_key, added.label, added.note) == ("span", "b", "disputed", "Check")
    assert (added.selector.exact, added.selector.start, added.selector.end) == ("on Tuesday", 57, 67)


def test_for_context_without_selection_annotates_the_current_claim(qtbot):
    from gui.panels.annotation_editor import AnnotationEditor as Editor
    from gui_fakes import FakeWorkspace

    ws = FakeWorkspace(annotations=[])
    ws.select_claim("c1")
    dialog = Editor.for_context(ws, None, None, None)
    qtbot.addWidget(dialog)
    assert dialog.target.toPlainText() == "It cost 1,200 dollars to build."
    dialog.accept()
    assert (ws.calls[-1][1].target_kind, ws.calls[-1][1].claim_key) == ("claim", "key-c1")


def test_for_context_with_nothing_to_annotate_says_so(qtbot):
    from gui.panels.annotation_editor import AnnotationEditor as Editor
    from gui_fakes import FakeWorkspace

    ws = FakeWorkspace(annotations=[])
    with qtbot.waitSignal(ws.message) as blocker:
        assert Editor.for_context(ws, None, None, None) is None
    assert blocker.args == ["Select some text or a claim to annotate."]
