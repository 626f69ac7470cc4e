"""The Facts view: opened by its key, divergent rows first, a clicked cell takes the panes to its words."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app.main_window import MainWindow  # noqa: E402
from gui.panels.facts_view import FIXED_COLUMNS, NOT_STATED  # noqa: E402
from gui.state.actions import action_by_id  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui.style import colors  # noqa: E402
from gui_keyboard import text_source as _source, window_on_texts  # noqa: E402

TEXTS = {
    "Alpha": "Former Mayor Ilse Varga opened the Tarnow bridge. Crowds cheered at the river.",
    "Beta": "Crowds cheered at the river. Mayor Ilse Varga said the new ferry timetable for the northern islands would be published in March.",
    "Gamma": "The Tarnow bridge opened to traffic. Police closed two roads nearby. Crowds cheered at the river.",
}
# The title row repeats the claim's own title divergence: judged once, as that divergence.
TWIN_TEXTS = dict(TEXTS, Beta="Crowds cheered at the river. Mayor Ilse Varga opened the Tarnow bridge.")


@pytest.fixture
def window(qtbot):
    win = window_on_texts(qtbot, TEXTS)
    yield win
    win.close()


def test_the_facts_view_has_one_shortcut_declared_in_the_registry():
    assert action_by_id("view.facts").shortcuts == ("Ctrl+Shift+F",)


def test_its_key_opens_the_sheet_with_the_divergent_title_first_and_silence_shown_as_not_stated(window, qtbot):
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.facts_view
    assert window.stack.currentWidget() is view
    table = view.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == list(FIXED_COLUMNS) + [
        "Alpha",
        "Beta",
        "Gamma",
    ]
    assert table.item(0, 0).text() == "Ilse Varga: title"
    assert table.item(0, 1).text() == "divergent: title"
    assert [table.item(0, 3 + n).text() for n in range(3)] == ["Former Mayor", "Mayor", NOT_STATED]


def test_clicking_a_cell_shows_its_words_in_the_panes_and_a_verdict_key_judges_the_row(window, qtbot):
    ws = window.ws
    window.views.toggle_facts_view()
    table = window.facts_view.table
    row = window.facts_view.rows()[0]
    item = table.item(0, 4)  # Beta's "Mayor"
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.reading, timeout=2000)
    cell = next(c for c in row.cells if c.source == "beta")
    assert ws.current_divergence_key == row.key
    assert ws.current_passage_id == cell.passage
    pane = window.pane_area.pane("beta")
    qtbot.waitUntil(lambda: pane.view.textCursor().hasSelection(), timeout=2000)
    cursor = pane.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (cell.start, cell.end)
    assert pane.source().text[cell.start : cell.end] == "Mayor"
    # The inspector judges the row too: no claim, but the row's words per source and live verdict buttons.
    assert window.inspector.title.text().startswith("<b>Fact sheet</b> · title")
    assert all(button.isEnabled() for button in window.inspector.buttons.values())
    window.pane_area.panes[0].view.setFocus()
    qtbot.keyClick(window.pane_area.panes[0].view, Qt.Key.Key_1)
    assert ws.verdicts[row.key].verdict == "confirmed"
    # The sheet, hidden behind the panes meanwhile, is not rewritten on each key; it shows the
    # verdict when it comes back.
    assert not window.facts_view.isVisible() and table.item(0, 2).text() == colors.verdict_text(None)
    window.views.toggle_facts_view()
    assert window.stack.currentWidget() is window.facts_view
    assert table.item(0, 2).text() == colors.verdict_text("confirmed")


def test_j_reaches_a_divergent_fact_row_from_the_triage_queue(window, qtbot):
    ws = window.ws
    keys = []
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_J)
        QApplication.processEvents()  # a user's next key comes after the event loop has turned
        keys.append(ws.current_divergence_key)
    fact_key = next(r.key for r in ws.alignment.facts if r.divergent)
    assert fact_key in keys


def test_a_burst_of_j_lands_on_the_fact_row_the_same_presses_reach_one_by_one(window, qtbot):
    ws = window.ws
    queue = window.triage_panel.keys()
    fact_at = next(i for i, key in enumerate(queue) if key.startswith("fact:"))
    for _ in range(fact_at + 1):  # back to back: the keys after the first wait and apply together
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: window.triage.key_burst.pending() == 0, timeout=3000)
    assert ws.current_divergence_key == queue[fact_at]


def test_the_table_is_filled_only_when_shown_and_follows_a_new_alignment_then(window, qtbot):
    view = window.facts_view
    assert view.table.rowCount() == 0  # hidden: thousands of cells would cost for nothing
    window.views.toggle_facts_view()
    assert view.table.rowCount() == len(window.ws.alignment.facts) > 0
    with qtbot.waitSignal(window.ws.alignmentChanged, timeout=10000):
        window.ws.add_sources([_source("Delta", "Mayor Ilse Varga cut the ribbon.")])
    assert view.table.columnCount() == len(FIXED_COLUMNS) + 4


def test_activating_a_cell_again_steps_to_the_next_occurrence_of_its_words(qtbot):
    ws = Workspace(debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    texts = {
        "Alpha": "Former Mayor Ilse Varga spoke. Later Mayor Varga left the hall.",
        "Beta": "Mayor Ilse Varga spoke at the hall.",
    }
    with qtbot.waitSignal(ws.alignmentChanged, timeout=10000):
        ws.add_sources([_source(o, t) for o, t in texts.items()])
    win.views.toggle_facts_view()
    row = win.facts_view.rows()[0]
    alpha = [c for c in row.cells if c.source == "alpha"]
    assert [c.text for c in alpha] == ["Former Mayor", "Mayor"]
    shown = []
    for _ in range(3):
        win.facts_view._activate(0, len(FIXED_COLUMNS))
        qtbot.wait(20)
        cursor = win.pane_area.pane("alpha").view.textCursor()
        shown.append((cursor.selectionStart(), cursor.selectionEnd()))
    assert shown == [(alpha[0].start, alpha[0].end), (alpha[1].start, alpha[1].end), (alpha[0].start, alpha[0].end)]
    win.close()


def test_facts_only_one_source_states_can_be_hidden_but_divergent_rows_stay(window, qtbot):
    window.views.toggle_facts_view()
    view = window.facts_view
    single = [n for n, r in enumerate(view.rows()) if len({c.document for c in r.cells}) == 1]
    assert single and not any(view.table.isRowHidden(n) for n in single)
    view.shared_only.setChecked(True)
    assert all(view.table.isRowHidden(n) for n in single)
    assert not view.table.isRowHidden(0) and view.rows()[0].divergent


def test_a_row_of_relative_times_says_it_was_not_compared_instead_of_no_divergence_found():
    from core.model import FactRow
    from gui.panels.facts_view import status_text

    row = FactRow("f0", "k", "event", "dinner: time", "time", 0.5, False, (), note="not compared: relative times")
    assert status_text(row, 2) == "not compared: relative times"
    assert status_text(FactRow("f1", "j", "event", "vote: time", "time", 0.5, False, ()), 2) == "no divergence found"


def test_the_view_lists_rows_in_the_sheets_own_order_as_the_export_does(qtbot):
    from dataclasses import replace

    from core.model import FactCell, FactRow
    from gui.panels.facts_view import FactsView
    from gui_fakes import TEXTS as FAKE_TEXTS
    from gui_fakes import FakeWorkspace, make_alignment
    from widget_base import on_fake_workspace

    def cell(doc: str, source: str, pid: str, word: str) -> FactCell:
        at = FAKE_TEXTS[source].index(word)
        return FactCell(doc, source, pid, at, at + len(word), word, word.lower())

    # The sheet puts the higher rank first; the second row has more sources but a lower rank.
    day = FactRow(
        "f0", "k-day", "event", "Bridge opening: day", "time", 0.9, True,
        (cell("d0", "a", "d0:p0", "Monday"), cell("d1", "b", "d1:p1", "Tuesday")),
    )  # fmt: skip
    cost = FactRow(
        "f1", "k-cost", "quantity", "Bridge: cost", "number", 0.5, True,
        (cell("d0", "a", "d0:p1", "1,200"), cell("d1", "b", "d1:p2", "1,100"), cell("d2", "c", "d2:p2", "1,200")),
    )  # fmt: skip
    ws = FakeWorkspace(replace(make_alignment(), facts=(day, cost)))
    view = on_fake_workspace(qtbot, FactsView, 900, 400, ws)
    view.rebuild()
    assert [r.id for r in view.rows()] == ["f0", "f1"]
    assert [view.table.item(n, 0).text() for n in range(2)] == ["Bridge opening: day", "Bridge: cost"]


def test_moving_through_the_sheet_by_keyboard_makes_the_row_current_so_a_verdict_judges_it(window, qtbot):
    ws = window.ws
    ws.select_passage(ws.alignment.claims[0].members[0])  # a passage is current, no fact row
    window.views.toggle_facts_view()
    QApplication.processEvents()
    table = window.facts_view.table
    assert table.currentRow() == -1  # nothing highlighted that 1-4 would not judge
    qtbot.keyClick(table, Qt.Key.Key_Down)
    QApplication.processEvents()
    row = window.facts_view.rows()[table.currentRow()]
    assert row.divergent and ws.current_divergence_key == row.key
    qtbot.keyClick(table, Qt.Key.Key_3)
    QApplication.processEvents()
    assert ws.verdicts[row.key].verdict and list(ws.verdicts) == [row.key]


def test_a_row_that_repeats_a_claims_divergence_is_judged_as_that_divergence(qtbot):
    win = window_on_texts(qtbot, TWIN_TEXTS)
    ws = win.ws
    twin = next(d for c in ws.alignment.claims for d in c.divergences if d.type == "title")
    assert not any(key.startswith("fact:") for key in win.triage_panel.keys())  # one finding, one item
    ws.select_passage(ws.alignment.claims[0].members[0])
    win.views.toggle_facts_view()
    QApplication.processEvents()
    table = win.facts_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert win.facts_view.rows()[table.currentRow()].label == "Ilse Varga: title"
    assert ws.current_divergence_key == twin.key
    qtbot.keyClick(table, Qt.Key.Key_3)
    QApplication.processEvents()
    assert list(ws.verdicts) == [twin.key]
    assert table.item(table.currentRow(), 2).text() == colors.verdict_text(ws.verdicts[twin.key].verdict)
    win.close()


def test_a_verdict_given_on_a_repeating_row_undoes_and_stays_on_the_row_when_its_claim_is_unlinked(qtbot):
    from core.case.queue_items import queue_items
    from core.model import AlignmentEdit

    win = window_on_texts(qtbot, TWIN_TEXTS)
    ws = win.ws
    twin = next(d for c in ws.alignment.claims for d in c.divergences if d.type == "title")
    ws.select_passage(ws.alignment.claims[0].members[0])
    win.views.toggle_facts_view()
    QApplication.processEvents()
    table = win.facts_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    QApplication.processEvents()
    qtbot.keyClick(table, Qt.Key.Key_3)
    QApplication.processEvents()
    assert list(ws.verdicts) == [twin.key]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert ws.verdicts == {}
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert list(ws.verdicts) == [twin.key]
    # The checker unlinks the claim: the row alone now carries the finding, and the verdict with it.
    claim = next(c for c in ws.alignment.claims if any(d.key == twin.key for d in c.divergences))
    alpha, beta = (ws.passage_ref(m) for m in claim.members[:2])
    with qtbot.waitSignal(ws.alignmentChanged, timeout=10000):
        ws.add_edit(AlignmentEdit("unlink", alpha, beta))
    (row,) = [r for r in ws.alignment.facts if r.divergent]
    assert [d.key for d in queue_items(ws.alignment)] == [row.key]
    assert ws.verdicts[row.key].verdict == "follow_up" and ws.placement.set_aside == ()
    QApplication.processEvents()
    shown = next(n for n, r in enumerate(win.facts_view.rows()) if r.key == row.key)
    assert table.item(shown, 2).text() == colors.verdict_text("follow_up")
    win.close()


def test_on_a_wide_screen_the_source_columns_take_the_width(window, qtbot):
    window.views.toggle_facts_view()
    table = window.facts_view.table
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920, timeout=2000)
    QApplication.processEvents()
    used = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert table.viewport().width() - 60 <= used <= table.viewport().width()  # no empty third


def test_the_verdict_column_shows_its_longest_verdict_and_note_mark_whole(window, qtbot):
    window.views.toggle_facts_view()
    table = window.facts_view.table
    metrics = table.fontMetrics()
    for verdict in colors.SHORT_VERDICTS:
        shown = f"{colors.verdict_text(verdict)} ✎"
        assert metrics.horizontalAdvance(shown) + 8 <= table.columnWidth(2), shown
