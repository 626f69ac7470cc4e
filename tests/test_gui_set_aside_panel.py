"""The Set aside panel lists what cannot be placed, and re-attaches or dismisses it by keyboard."""

from PySide6.QtCore import Qt

from core.case.reattach import HIDDEN_OR_REMOVED, SetAside
from core.case.records import JudgedVariant, VerdictRecord
from gui.panels.set_aside_panel import ANNOTATION_ROW, VERDICT_ROW, SetAsidePanel
from gui_fakes import FakeWorkspace

LOST = VerdictRecord(
    "k-lost",
    "confirmed",
    "Mayor's office says Monday.",
    "",
    "ana",
    "t",
    "time",
    "divergence",
    (JudgedVariant("a", 31, 37, "Monday"), JudgedVariant("gone", 5, 12, "Tuesday")),
)


def _panel(qtbot):
    ws = FakeWorkspace()
    ws.set_aside = (SetAside(LOST, HIDDEN_OR_REMOVED),)
    panel = SetAsidePanel(ws)
    qtbot.addWidget(panel)
    panel.show()
    return ws, panel


def test_each_row_shows_the_verdict_the_note_the_text_judged_and_why(qtbot):
    ws, panel = _panel(qtbot)
    assert panel.rows() == [(VERDICT_ROW, "k-lost"), (ANNOTATION_ROW, "n3")]
    row = panel.list.topLevelItem(0)
    assert [row.text(c) for c in range(5)] == [
        "time divergence",
        "Alpha: “Monday”; gone: “Tuesday”",
        "Discrepancy confirmed",
        "Mayor's office says Monday.",
        HIDDEN_OR_REMOVED,
    ]
    assert panel.count_label.text().startswith("1 verdict or note and 1 annotation set aside")


def test_enter_re_attaches_and_delete_dismisses(qtbot):
    ws, panel = _panel(qtbot)
    panel.list.setFocus()
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert ws.calls[-2:] == [("reattach_set_aside", "k-lost", None), ("dismiss_set_aside", "k-lost")]


def test_an_orphaned_annotation_re_attaches_to_the_current_claim_and_keeps_its_quote(qtbot):
    ws, panel = _panel(qtbot)
    ws.select_claim("c1")
    panel.list.setFocus()
    panel.list.setCurrentItem(panel.list.topLevelItem(1))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    updated = next(c[1] for c in ws.calls if c[0] == "update_annotation")
    assert (updated.target_kind, updated.claim_key, updated.selector.exact) == ("claim", "key-c1", "the old ferry")
