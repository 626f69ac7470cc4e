"""Key bursts: J/K/N/P and verdict keys pressed faster than the window paints are coalesced, not lost."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app.main_window import MainWindow  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui_doubles import fake_analyze, make_source  # noqa: E402

J, K, N, TWO = Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_N, Qt.Key.Key_2
# Two invented reports of one storm; each sentence pair differs in one word: six divergences.
HARBOUR_A = (
    "The ferry left at 9 am. Waves reached 4 metres. The harbour closed on Friday. "
    "Rescuers saved 31 people. The mayor thanked the volunteers. Power returned after 6 hours. "
    "Schools reopened on Monday."
)
HARBOUR_B = (
    "The ferry left at 11 am. Waves reached 6 metres. The harbour closed on Saturday. "
    "Rescuers saved 28 people. The mayor thanked the volunteers. Power returned after 9 hours. "
    "Schools reopened on Tuesday."
)


@pytest.fixture
def open_window(qtbot):
    windows = []

    def make():
        ws = Workspace(analyze=fake_analyze, debounce_ms=0)
        win = MainWindow(ws)
        qtbot.addWidget(win)
        win.resize(1400, 800)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
            ws.add_sources([make_source("a", HARBOUR_A, "Alpha"), make_source("b", HARBOUR_B, "Beta")])
        win.pane_area.panes[0].view.setFocus()
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()


def _run_in_new_window(make, qtbot, deliver, keys):
    """Open a window, deliver the keys, and return what they led to; close it again."""
    win = make()
    deliver(qtbot, win, keys)
    result = (
        win.ws.current_divergence_key,
        {k: r.verdict for k, r in win.ws.verdicts.items()},
        win.triage_panel.keys(),
    )
    win.close()
    return result


def _burst(qtbot, win, keys, target=None):
    """Deliver the keys back to back, as when they arrive while the window is still busy."""
    for key in keys:
        qtbot.keyClick(target or win.pane_area.panes[0].view, key)
    qtbot.waitUntil(lambda: win.triage.key_burst.pending() == 0, timeout=3000)
    QApplication.processEvents()


def _burst_in_the_claim_view(qtbot, win, keys):
    """Deliver the keys back to back to the claim view, where the checker reads the claim."""
    win.claim_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.claim_view, timeout=3000)
    _burst(qtbot, win, keys, win.claim_view)


def _one_by_one(qtbot, win, keys):
    """Deliver the keys with the event loop turning after each, as a slow typist does."""
    for key in keys:
        qtbot.keyClick(win.pane_area.panes[0].view, key)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: win.triage.key_burst.pending() == 0, timeout=3000)


def test_a_burst_of_j_lands_on_the_same_item_as_the_same_presses_one_by_one(open_window, qtbot):
    keys = [J, J, J, K, J]
    burst = _run_in_new_window(open_window, qtbot, _burst, keys)
    slow = _run_in_new_window(open_window, qtbot, _one_by_one, keys)
    assert len(slow[2]) == 6
    assert burst[0] == slow[0] == slow[2][2]  # 0, 1, 2, back to 1, 2


@pytest.mark.parametrize("deliver", [_burst, _burst_in_the_claim_view], ids=["panes", "claim view"])
def test_a_burst_of_j_2_gives_the_same_verdicts_as_typing_it_slowly(open_window, qtbot, deliver):
    keys = [J, TWO, J, TWO, K, TWO, TWO]
    burst = _run_in_new_window(open_window, qtbot, deliver, keys)
    slow = _run_in_new_window(open_window, qtbot, _one_by_one, keys)
    assert len(slow[1]) == 3  # the third item twice (K went back to it), then the fourth
    assert burst[:2] == slow[:2]


def test_each_verdict_of_a_burst_is_its_own_undo_step(open_window, qtbot):
    win = open_window()
    _burst(qtbot, win, [J, TWO, TWO, TWO])
    assert len(win.ws.verdicts) == 3
    assert win.ws.undo_stack.count() == 3


@pytest.mark.parametrize("in_claim_view", [False, True], ids=["panes", "claim view"])
def test_keys_pressed_while_the_window_is_busy_move_the_selection_once(open_window, qtbot, in_claim_view):
    win = open_window()
    _one_by_one(qtbot, win, [N])
    target = win.claim_view if in_claim_view else win.pane_area.panes[0].view
    target.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=3000)
    moves = []
    win.ws.currentChanged.connect(lambda: moves.append(win.ws.current_claim_id))
    for _ in range(4):
        qtbot.keyClick(target, N)  # the first applies; three wait for the next turn
    assert len(moves) == 1 and win.triage.key_burst.pending() == 3
    qtbot.waitUntil(lambda: win.triage.key_burst.pending() == 0, timeout=3000)
    assert len(moves) == 2


def test_another_action_first_applies_the_keys_still_waiting(open_window, qtbot):
    win = open_window()
    _one_by_one(qtbot, win, [J])
    first = win.ws.current_divergence_key
    qtbot.keyClick(win.pane_area.panes[0].view, TWO)
    qtbot.keyClick(win.pane_area.panes[0].view, TWO)  # waits for the next turn
    assert win.triage.key_burst.pending() == 1
    win.actions_by_id["edit.undo"].trigger()  # undo must see both verdicts first
    assert win.triage.key_burst.pending() == 0
    assert first in win.ws.verdicts and len(win.ws.verdicts) == 1


def test_a_burst_cut_by_the_time_budget_still_gives_the_same_verdicts(open_window, qtbot, monkeypatch):
    from gui.app import triage_commands

    keys = [J, TWO, J, TWO, K, TWO, TWO]
    slow = _run_in_new_window(open_window, qtbot, _one_by_one, keys)
    monkeypatch.setattr(triage_commands, "KEY_BUDGET_S", 0.0)  # one intent per event-loop turn
    burst = _run_in_new_window(open_window, qtbot, _burst, keys)
    assert burst[:2] == slow[:2]


def test_a_long_burst_lets_the_window_s_timers_run_between_its_batches(qtbot):
    from PySide6.QtCore import QTimer

    from gui.app.key_burst import KeyBurst

    log = []

    def apply(batch):
        log.append("batch")
        return batch[1:]  # one intent per turn (a spent time budget): the rest waits for the next

    burst = KeyBurst(apply)
    beat = QTimer()
    beat.setInterval(0)
    beat.timeout.connect(lambda: log.append("tick"))
    beat.start()
    burst.push(("divergence", 1))
    for _ in range(6):
        burst.push(("verdict", "not_significant"))  # arrive while the first batch's turn is open
    qtbot.waitUntil(lambda: burst.pending() == 0 and log.count("batch") == 7, timeout=3000)
    beat.stop()
    batches = [i for i, entry in enumerate(log) if entry == "batch"]
    # Between two batches the event loop ran its timers (a heartbeat, a blinking cursor, a
    # progress poll): a burst never holds them back until it ends.
    assert all("tick" in log[a:b] for a, b in zip(batches, batches[1:]))
