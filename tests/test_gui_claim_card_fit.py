"""The claim view above the panes: as tall as the current claim needs, up to the height the user chose."""

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

import pytest

from gui.app.claim_card_fit import DEFAULT_SHARE, SLACK_PX
from gui_keyboard import press, story_window


def _open(qtbot, size, settings=None):
    return story_window(qtbot, size, settings)


def _settled(qtbot, win) -> None:
    """Wait until the claim view has been fitted to the current claim (once the keys rest)."""
    qtbot.waitUntil(lambda: not win.card_fit._settle.isActive(), timeout=2000)
    QApplication.processEvents()


def _drag_handle(qtbot, win, dy: int) -> None:
    """Drag the handle between the claim view and the panes by dy px, as the user's mouse would."""
    handle = win.reading.handle(1)
    middle = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(0, dy))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle + QPoint(0, dy))
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_claim_of_three_short_rows_gets_a_claim_view_as_tall_as_its_rows_and_the_panes_the_rest(qtbot, size):
    win = _open(qtbot, size)
    press(qtbot, win, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: win.claim_view.shown_claim_id() is not None)
    _settled(qtbot, win)
    view = win.claim_view
    assert view.verticalScrollBar().maximum() == 0  # every row shows without scrolling
    last = [row for row in view.rows if row.isVisible()][-1]
    hint_top = view.hint.mapTo(view.viewport(), QPoint(0, 0)).y()
    # No tall empty band between the last row and the keys line: what is left goes to the panes.
    assert hint_top - last.mapTo(view.viewport(), QPoint(0, last.height())).y() <= SLACK_PX + 10
    assert view.height() < win.reading.height() * DEFAULT_SHARE - SLACK_PX
    win.close()


def test_the_height_the_user_drags_the_claim_view_to_caps_it_and_comes_back_on_the_next_run(qtbot, tmp_path):
    path = str(tmp_path / "window.ini")
    win = _open(qtbot, (1366, 768), QSettings(path, QSettings.Format.IniFormat))
    press(qtbot, win, Qt.Key.Key_N)
    _settled(qtbot, win)
    fitted = win.claim_view.height()
    _drag_handle(qtbot, win, win.claim_view.minimumHeight() - fitted)  # up, as small as it goes
    chosen = win.claim_view.height()
    assert chosen < fitted
    press(qtbot, win, Qt.Key.Key_N)  # the next claim needs more than the user's height: it scrolls
    _settled(qtbot, win)
    assert win.claim_view.height() == chosen
    win.close()
    again = _open(qtbot, (1366, 768), QSettings(path, QSettings.Format.IniFormat))
    press(qtbot, again, Qt.Key.Key_N)
    _settled(qtbot, again)
    assert again.claim_view.height() == chosen
    again.close()


def test_w_grows_the_claim_view_by_the_word_diffs_lines_and_w_again_gives_them_back_to_the_panes(qtbot):
    win = _open(qtbot, (1920, 1080))
    view = win.claim_view
    press(qtbot, win, Qt.Key.Key_N)
    _settled(qtbot, win)
    plain = view.height()
    press(qtbot, win, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: view.height() > plain, timeout=2000)
    assert view.verticalScrollBar().maximum() == 0  # the diffs show without scrolling
    press(qtbot, win, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: abs(view.height() - plain) <= SLACK_PX, timeout=2000)
    win.close()


def test_a_burst_of_keys_fits_the_claim_view_once_when_the_keys_rest(qtbot, monkeypatch):
    from gui.app import claim_card_fit

    win = _open(qtbot, (1366, 768))
    press(qtbot, win, Qt.Key.Key_N)
    qtbot.wait(claim_card_fit.SETTLE_MS + 50)
    fitted_between_keys = []
    fit = win.card_fit.fit
    monkeypatch.setattr(win.card_fit, "fit", lambda: fitted_between_keys.append(1) or fit())
    for _ in range(4):  # N N N N at typing speed: each new claim may need another height
        press(qtbot, win, Qt.Key.Key_N)
    assert fitted_between_keys == []  # no relayout of every pane between the keys
    qtbot.waitUntil(lambda: not win.card_fit._settle.isActive(), timeout=2000)
    QApplication.processEvents()
    wanted = min(win.card_fit.limit(), claim_card_fit.content_height(win.claim_view, win.card_fit.limit()))
    assert abs(win.claim_view.height() - max(win.claim_view.minimumHeight(), wanted)) <= SLACK_PX
    win.close()
