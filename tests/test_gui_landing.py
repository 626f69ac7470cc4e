"""A large case in the window: its claims paint before its divergences, and nothing is judged in between."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.case.records import VerdictRecord  # noqa: E402
from core.case.store import Case  # noqa: E402
from gui.app.main_window import MainWindow  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui_doubles import StagedAnalysis, fake_analyze, make_source, story_sources  # noqa: E402


def _staged_window(qtbot, staged, case=None):
    """Return a shown window whose workspace aligns in two stages and treats every case as large."""
    ws = Workspace(case, analyze=staged, debounce_ms=0)
    ws.staged_chars = 0  # the test texts are short: stage them as a newsroom-sized case would be
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def _open(qtbot, staged, case=None, sources=None):
    """Return a staged window (_staged_window) whose claims are shown, its divergences pending."""
    win = _staged_window(qtbot, staged, case)
    ws = win.ws
    if sources is not None:
        ws.add_sources(sources)
    qtbot.waitUntil(lambda: ws.divergences_pending, timeout=3000)
    win.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.pane_area.panes[0].view, timeout=2000)
    return win


@pytest.fixture
def staged():
    analysis = StagedAnalysis()
    yield analysis
    analysis.release_all()


@pytest.fixture
def window(qtbot, staged):
    win = _open(qtbot, staged, sources=story_sources())
    yield win
    win.close()


def _press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier):
    from gui_keyboard import press

    press(qtbot, win, key, modifier)  # the window made active first: a shortcut needs it (flaky under load)


def _land(qtbot, win, staged, run=-1):
    with qtbot.waitSignal(win.ws.alignmentChanged, timeout=3000):
        staged.release(run)
    qtbot.waitUntil(lambda: not win.ws.divergences_pending, timeout=3000)


def test_the_panes_show_the_claims_while_the_panel_says_divergences_are_being_found(window, qtbot):
    ws = window.ws
    assert [len(c.members) for c in ws.alignment.claims] == [3, 3, 2]
    assert not ws.alignment.divergences()
    qtbot.waitUntil(lambda: not window.pane_area.filling(), timeout=3000)
    assert all(pane.formatted_for is ws.alignment for pane in window.pane_area.panes)
    first = window.pane_area.panes[0]
    assert {band[0] for band in first._linkmap.bands()} == {"c0", "c1", "c2"}  # the claims' bands, drawn
    assert window.triage_panel.progress_label.text() == "Finding divergences…"
    assert window.triage_panel.empty.text().startswith("The queue fills in once the divergences are found")
    assert "finding divergences" in window.statusBar().currentMessage()
    _press(qtbot, window, Qt.Key.Key_N)
    assert ws.current_claim_id == "c0"
    assert "Finding divergences…" in window.claim_view.majority.text()
    assert "Finding divergences…" in window.current_label.text()
    assert window.triage_label.text() == ""  # not "0 of 0 triaged": the items are not listed yet


def test_j_and_a_verdict_key_before_the_divergences_land_are_refused_with_a_message_and_nothing_is_written(
    window, qtbot
):
    ws = window.ws
    _press(qtbot, window, Qt.Key.Key_N)
    _press(qtbot, window, Qt.Key.Key_J)
    assert ws.current_divergence_key is None
    assert "verdict keys work once the divergences are listed" in window.statusBar().currentMessage()
    _press(qtbot, window, Qt.Key.Key_2)
    assert ws.verdicts == {} and ws.stored_verdicts == {}
    assert ws.undo_stack.count() == 0
    assert ws.current_claim_id == "c0"  # N still worked, and the refused keys moved nothing


def test_when_the_divergences_land_the_queue_fills_and_j_then_2_records_a_verdict(window, qtbot, staged):
    ws = window.ws
    _land(qtbot, window, staged)
    assert len(ws.alignment.divergences()) == 2
    assert window.triage_panel.model.rowCount() == 2
    assert window.statusBar().currentMessage() == "Divergences found: 2 items to triage."
    assert window.triage_label.text() == "0 of 2 triaged"
    _press(qtbot, window, Qt.Key.Key_J)
    key = ws.current_divergence_key
    assert key is not None
    _press(qtbot, window, Qt.Key.Key_2)
    assert ws.verdicts[key].verdict == "not_significant"


def test_cancel_while_divergences_are_found_keeps_the_claims_and_says_f5_aligns_again(window, qtbot, staged):
    ws = window.ws
    with qtbot.waitSignal(ws.tasks.cancelled, timeout=10000):
        _press(qtbot, window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert (
        window.statusBar().currentMessage() == "Alignment cancelled: claims shown without divergences; F5 aligns again."
    )
    assert window.triage_panel.empty.text() == "Divergences not found (alignment cancelled): F5 aligns again."
    assert len(ws.alignment.claims) == 3 and not ws.busy
    _press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(staged.gates) == 2, timeout=3000)
    _land(qtbot, window, staged)
    assert window.triage_panel.model.rowCount() == 2


def test_a_realignment_started_meanwhile_wins_over_the_first_runs_divergences(window, qtbot, staged):
    ws = window.ws
    with qtbot.waitSignal(ws.sourcesChanged, timeout=3000):
        ws.add_sources([make_source("d", "Police closed two roads nearby. The river rose by night.", "Delta")])
    qtbot.waitUntil(lambda: len(staged.gates) == 2 and len(ws.alignment.documents) == 4, timeout=3000)
    assert ws.divergences_pending
    staged.release(0)  # the first run, cancelled, would land three sources' divergences
    qtbot.wait(100)
    assert ws.divergences_pending and len(ws.alignment.documents) == 4
    _land(qtbot, window, staged, 1)
    assert len(ws.alignment.documents) == 4
    assert window.triage_panel.model.rowCount() == 2


def test_a_stored_verdict_is_not_set_aside_while_claims_alone_are_shown(qtbot, staged, tmp_path):
    sources = story_sources()
    key = fake_analyze(sources).claims[1].divergences[0].key
    case = Case.open(tmp_path / "c.parallax", create=True, author="ana")
    for source in sources:
        case.add_source(source)
    case.set_verdict(VerdictRecord(key, "confirmed", "checked"))
    win = _open(qtbot, staged, case=case)
    ws = win.ws
    assert ws.set_aside == ()
    assert "set aside" not in win.statusBar().currentMessage()
    _land(qtbot, win, staged)
    assert ws.verdicts[key].verdict == "confirmed"
    assert ws.set_aside == ()
    win.close()


def test_the_item_current_before_a_source_was_added_is_current_again_once_the_divergences_land(window, qtbot, staged):
    ws = window.ws
    _land(qtbot, window, staged)
    _press(qtbot, window, Qt.Key.Key_J)
    key = ws.current_divergence_key
    ws.add_sources([make_source("d", "The river rose by night. Nobody was hurt.", "Delta")])
    qtbot.waitUntil(lambda: ws.divergences_pending and len(ws.alignment.documents) == 4, timeout=3000)
    assert ws.current_divergence_key is None
    _land(qtbot, window, staged)
    assert ws.current_divergence_key == key


def test_a_small_case_lands_once_with_its_divergences(qtbot, staged):
    ws = Workspace(analyze=staged, debounce_ms=0)
    landed = []
    ws.alignmentChanged.connect(lambda: landed.append(ws.divergences_pending))
    ws.add_sources(story_sources())
    qtbot.waitUntil(lambda: len(staged.gates) == 1, timeout=3000)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        staged.release()
    assert landed == [False] and len(ws.alignment.divergences()) == 2
    ws.close()


def test_while_an_analysis_runs_the_collector_waits_and_the_ui_thread_regains_the_interpreter_quickly(
    window, qtbot, staged
):
    import gc
    import sys

    from gui.state import heap

    ws = window.ws
    assert ws.busy and not gc.isenabled()
    assert sys.getswitchinterval() == pytest.approx(heap.ANALYSIS_SWITCH_INTERVAL_S)
    _land(qtbot, window, staged)
    assert gc.isenabled() and sys.getswitchinterval() > heap.ANALYSIS_SWITCH_INTERVAL_S
    _press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: ws.busy and not gc.isenabled(), timeout=3000)
    with qtbot.waitSignal(ws.tasks.cancelled, timeout=10000):
        _press(qtbot, window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert gc.isenabled()  # a cancelled run gives both back too
    gc.unfreeze()


def test_export_before_the_divergences_land_is_refused_with_a_message_instead_of_a_report_without_them(window, qtbot):
    from PySide6.QtWidgets import QDialog

    _press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Not exported: Finding divergences… A report needs them."
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_undo_while_the_divergences_are_found_is_written_and_placed_when_they_land(window, qtbot, staged):
    ws = window.ws
    _land(qtbot, window, staged)
    _press(qtbot, window, Qt.Key.Key_J)
    first = ws.current_divergence_key
    _press(qtbot, window, Qt.Key.Key_1)
    _press(qtbot, window, Qt.Key.Key_K)
    _press(qtbot, window, Qt.Key.Key_2)
    assert {k: r.verdict for k, r in ws.stored_verdicts.items()} == {first: "not_significant"}
    ws.add_sources([make_source("d", "The river rose by night. Nobody was hurt.", "Delta")])
    qtbot.waitUntil(lambda: ws.divergences_pending and len(ws.alignment.documents) == 4, timeout=3000)
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {k: r.verdict for k, r in ws.stored_verdicts.items()} == {first: "confirmed"}
    _land(qtbot, window, staged)
    assert ws.verdicts[first].verdict == "confirmed" and ws.set_aside == ()


def test_f5_after_a_cancel_says_divergences_are_being_found_again_until_the_new_run_lands(qtbot):
    staged = StagedAnalysis(hold_claims=True)
    win = _staged_window(qtbot, staged)
    ws = win.ws
    ws.add_sources(story_sources())
    qtbot.waitUntil(lambda: len(staged.claim_gates) == 1, timeout=3000)
    staged.release_claims()
    qtbot.waitUntil(lambda: ws.divergences_pending, timeout=3000)
    win.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.pane_area.panes[0].view, timeout=2000)
    _press(qtbot, win, Qt.Key.Key_N)
    with qtbot.waitSignal(ws.tasks.cancelled, timeout=10000):
        _press(qtbot, win, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert "F5 aligns again" in win.claim_view.majority.text()
    _press(qtbot, win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(staged.claim_gates) == 2, timeout=3000)
    # the new run is still finding its claims: nothing on screen may still ask for F5
    assert ws.busy and ws.divergences_pending
    assert "Finding divergences…" in win.claim_view.majority.text()
    assert win.triage_panel.progress_label.text() == "Finding divergences…"
    assert "F5" not in win.current_label.text() and "Finding divergences…" in win.current_label.text()
    assert win.statusBar().currentMessage() == "Aligning again; the claims on show stay until the new ones are found."
    staged.release_claims()
    _land(qtbot, win, staged)
    assert win.triage_panel.model.rowCount() == 2
    staged.release_all()
    win.close()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_0, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ],
)
def test_clear_note_and_apply_to_a_type_before_the_divergences_land_say_to_wait_not_to_press_j(
    window, qtbot, key, modifier
):
    from PySide6.QtWidgets import QDialog

    _press(qtbot, window, Qt.Key.Key_N)
    _press(qtbot, window, key, modifier)
    assert window.statusBar().currentMessage() == (
        "Finding divergences… J, K, the verdict keys and notes work once the divergences are listed; "
        "N and P go claim by claim meanwhile."
    )
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert window.ws.stored_verdicts == {} and window.ws.undo_stack.count() == 0


def test_cancel_before_the_claims_exist_says_f5_aligns_again_instead_of_aligning_and_f5_aligns(qtbot):
    staged = StagedAnalysis(hold_claims=True)
    win = _staged_window(qtbot, staged)
    ws = win.ws
    ws.add_sources(story_sources())
    qtbot.waitUntil(lambda: len(staged.claim_gates) == 1 and ws.busy, timeout=3000)
    assert win.triage_panel.progress_label.text() == "Aligning…"
    narrow = win.triage_panel.minimumSizeHint().width()
    win.pane_area.panes[0].view.setFocus()
    with qtbot.waitSignal(ws.tasks.cancelled, timeout=10000):
        _press(qtbot, win, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert ws.alignment is None and not ws.busy
    assert win.statusBar().currentMessage() == "Alignment cancelled before any claim was found; F5 aligns again."
    stopped = "Not aligned (alignment cancelled): F5 aligns again."
    assert win.triage_panel.progress_label.text() == stopped
    assert win.triage_panel.minimumSizeHint().width() <= narrow  # the long line wraps, the dock keeps its width
    assert win.inspector.title.text() == stopped
    _press(qtbot, win, Qt.Key.Key_J)
    assert win.statusBar().currentMessage() == stopped  # not "Still aligning…": nothing runs
    _press(qtbot, win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(staged.claim_gates) == 2, timeout=3000)
    assert win.triage_panel.progress_label.text() == "Aligning…"
    staged.release_claims()
    _land(qtbot, win, staged)
    assert win.triage_panel.model.rowCount() == 2
    staged.release_all()
    win.close()


def test_cancelling_a_realignment_says_the_previous_alignment_stays_on_show(window, qtbot, staged):
    ws = window.ws
    _land(qtbot, window, staged)
    _press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(staged.gates) == 2 and ws.busy, timeout=3000)
    with qtbot.waitSignal(ws.tasks.cancelled, timeout=10000):
        _press(qtbot, window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == (
        "Alignment cancelled: the previous alignment stays on show; F5 aligns again."
    )
    assert window.triage_panel.model.rowCount() == 2  # the whole alignment and its queue are still there
