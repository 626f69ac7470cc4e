"""The View commands' messages say what the view now shows, for the claim on screen."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app.main_window import MainWindow  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui_doubles import fake_analyze, make_source  # noqa: E402

NEAR = "The ferry left the harbour at nine with forty people aboard."
CLOSE = "The ferry left the harbour at ten with forty people aboard."
FAR = "The ferry sailed, crowded and late, from the town quay once morning came."
FARTHER = "The ferry carried forty travellers across the bay on a late boat."


def _window(qtbot, texts):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources([make_source(key, text) for key, text in zip("abc", texts)])
    ws.select_claim(ws.alignment.claims[0].id)
    win.claim_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.claim_view, timeout=2000)
    return win


def test_w_on_a_claim_of_paraphrases_says_no_variant_is_near_verbatim_instead_of_word_diff_shown(qtbot):
    win = _window(qtbot, [NEAR, FAR, FARTHER])
    qtbot.keyClick(win.claim_view, Qt.Key.Key_W)
    assert win.claim_view.word_diff
    assert win.statusBar().currentMessage() == (
        "Word diff on; no variant of this claim is near-verbatim (all 2 are paraphrases, named as such): "
        "the marked facts are what differs."
    )
    qtbot.keyClick(win.claim_view, Qt.Key.Key_W)
    assert win.statusBar().currentMessage() == "Word diff hidden."
    win.close()


def test_w_counts_the_near_verbatim_variants_the_word_diff_shows(qtbot):
    win = _window(qtbot, [NEAR, CLOSE, FAR])
    qtbot.keyClick(win.claim_view, Qt.Key.Key_W)
    shown = [row for row in win.claim_view.rows if row.isVisible() and "<s " in row.diff.text()]
    assert len(shown) == 1
    assert win.statusBar().currentMessage() == (
        "Word diff on: 1 of 2 variants is near-verbatim and shows its changed words."
    )
    win.close()
