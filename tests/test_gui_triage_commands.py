"""The triage keys in the Facts view walk the sheet's divergent rows, the rows the checker can see."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui_keyboard import window_on_texts  # noqa: E402

# Invented: a toll and a title that two outlets give differently (fact rows), and an engineer's
# name spelt two ways (a claim's spelling divergence, which no fact row shows).
TEXTS = {
    "Alpha": "Former Mayor Ilse Varga opened the Tarnow bridge on Monday. The flood killed 12 people in the "
    "valley. Engineer Piotr Malinowsky said the bridge would carry trains next year.",
    "Beta": "Mayor Ilse Varga opened the Tarnow bridge on Monday. Crowds cheered at the river. The flood killed "
    "9 people in the valley. Engineer Piotr Malinowski said the bridge would carry trains next year.",
    "Gamma": "The Tarnow bridge opened to traffic on Monday. Police closed two roads nearby. Engineer Piotr "
    "Malinowski said the bridge would carry trains next year.",
}


@pytest.fixture
def window(qtbot):
    win = window_on_texts(qtbot, TEXTS)
    yield win
    win.close()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def test_a_verdict_in_the_facts_view_moves_on_only_to_a_divergent_row_of_the_sheet(window, qtbot):
    ws = window.ws
    spelling = next(d.key for d in ws.alignment.divergences() if d.type == "spelling")
    window.pane_area.panes[0].view.setFocus()
    _press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.facts_view
    assert window.stack.currentWidget() is view
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table, timeout=2000)
    assert [row.label for row in view.rows() if row.divergent] == ["dead", "Ilse Varga: title"]
    _press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: ws.current_divergence() is not None and ws.current_divergence().type == "number")
    _press(qtbot, Qt.Key.Key_1)
    assert ws.current_divergence().type == "title"  # the next divergent row, highlighted
    assert view.table.currentRow() == 1
    _press(qtbot, Qt.Key.Key_2)
    # Nothing else in the sheet waits: the title row stays current, not the spelling out of view.
    assert ws.current_divergence().type == "title"
    assert view.table.currentRow() == 1
    assert window.statusBar().currentMessage() == (
        "Not significant. Every divergent row of the fact sheet has a verdict; Ctrl+Shift+F goes back to the panes."
    )
    _press(qtbot, Qt.Key.Key_3)
    assert ws.verdicts[ws.current_divergence_key].verdict == "follow_up"
    assert spelling not in ws.verdicts


def test_j_in_the_facts_view_walks_its_divergent_rows_and_in_the_panes_the_whole_queue(window, qtbot):
    ws = window.ws
    window.views.toggle_facts_view()
    window.facts_view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.facts_view.table, timeout=2000)
    seen = []
    for _ in range(3):
        _press(qtbot, Qt.Key.Key_J)
        seen.append(ws.current_divergence().type)
    assert seen == ["number", "title", "title"]
    assert window.statusBar().currentMessage() == "No more divergent rows."
    window.views.toggle_facts_view()
    window.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pane_area.panes[0].view, timeout=2000)
    _press(qtbot, Qt.Key.Key_J)
    assert ws.current_divergence().type == "spelling"


def test_4_names_the_source_chosen_as_wrong_in_the_status_bar_as_the_exports_do(window, qtbot):
    from PySide6.QtCore import QTimer

    ws = window.ws
    window.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pane_area.panes[0].view, timeout=2000)
    _press(qtbot, Qt.Key.Key_J)
    judged = ws.current_divergence_key
    assert ws.current_divergence().type == "number"  # 12 (Alpha) vs 9 (Beta)

    def choose_beta():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, choose_beta)
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(20, choose_beta)
    _press(qtbot, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: judged in ws.verdicts, timeout=3000)
    assert (ws.verdicts[judged].verdict, ws.verdicts[judged].source_key) == ("source_error", "beta")
    assert window.statusBar().currentMessage().startswith("Error in a source: Beta. Moved on to the next untriaged")


def test_undoing_a_verdict_names_it_in_the_checkers_words_not_its_stored_id(window, qtbot):
    window.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pane_area.panes[0].view, timeout=2000)
    _press(qtbot, Qt.Key.Key_J)
    judged = window.ws.current_divergence_key
    _press(qtbot, Qt.Key.Key_2)
    assert window.ws.current_divergence_key != judged  # moved on to the next item
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Undone: verdict “Not significant”. Ctrl+Shift+Z redoes it."
    assert window.ws.verdicts == {}
    assert window.ws.current_divergence_key == judged  # back on the item whose verdict went back
    _press(qtbot, Qt.Key.Key_J)
    elsewhere = window.ws.current_divergence_key
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    # redo stays put: the redone verdict may take its item out of a filtered queue
    assert window.ws.verdicts[judged].verdict == "not_significant" and window.ws.current_divergence_key == elsewhere


def test_after_n_a_verdict_key_judges_the_claims_only_divergence_without_j(window, qtbot):
    ws = window.ws
    window.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pane_area.panes[0].view, timeout=2000)
    single = [c.id for c in ws.alignment.claims if len(c.divergences) == 1]
    assert single  # the engineer's name spelt two ways, at least
    for _ in ws.alignment.claims:
        _press(qtbot, Qt.Key.Key_N)
        if ws.current_claim_id in single:
            break
    claim = ws.current_claim()
    assert ws.current_divergence_key is None and len(claim.divergences) == 1
    _press(qtbot, Qt.Key.Key_3)
    assert ws.verdicts[claim.divergences[0].key].verdict == "follow_up"
    assert window.statusBar().currentMessage().startswith("Needs follow-up. Moved on")


def test_0_clears_the_verdict_and_says_which_one_went(window, qtbot):
    window.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.pane_area.panes[0].view, timeout=2000)
    _press(qtbot, Qt.Key.Key_J)
    judged = window.ws.current_divergence_key
    window.ws.auto_advance = False
    _press(qtbot, Qt.Key.Key_3)
    _press(qtbot, Qt.Key.Key_0)
    assert judged not in window.ws.verdicts or not window.ws.verdicts[judged].verdict
    assert window.statusBar().currentMessage() == (
        "Verdict “Needs follow-up” cleared; the item is untriaged again. Ctrl+Z puts it back."
    )
