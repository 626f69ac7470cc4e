"""The count labels of the status bar and the triage dock: repainted on each verdict, laid out only to grow."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget, QHBoxLayout, QWidget  # noqa: E402

from gui.panels.steady_label import SteadyLabel  # noqa: E402
from gui_keyboard import story_window  # noqa: E402


class _LayoutRequests(QObject):
    """Count the layout requests some widgets receive."""

    def __init__(self, widgets):
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


@pytest.fixture
def window(qtbot):
    win = story_window(qtbot)
    yield win
    win.close()


def _press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()


def test_a_verdict_key_updates_both_counts_without_laying_out_the_status_bar_or_the_dock(window, qtbot):
    _press(qtbot, Qt.Key.Key_J)
    _press(qtbot, Qt.Key.Key_1)  # the first count shown: it may widen the labels once
    total = len(window.triage_panel.queue_keys())
    dock = window.triage_panel.parentWidget()
    while not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    requests = _LayoutRequests([window.statusBar(), window, dock])
    _press(qtbot, Qt.Key.Key_2)
    assert window.triage_label.text() == f"2 of {total} triaged"
    assert window.triage_panel.progress_label.text() == f"2 of {total} triaged"
    assert requests.count == 0


def test_a_wider_text_asks_for_more_room_and_a_narrower_one_keeps_it(qtbot):
    holder = QWidget()
    row = QHBoxLayout(holder)
    label = SteadyLabel(holder, padding=6)
    row.addWidget(label)
    row.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(600, 40)
    holder.show()
    qtbot.waitExposed(holder)
    label.setText("9 of 120 triaged")
    qtbot.waitUntil(lambda: label.width() >= label.fontMetrics().horizontalAdvance("9 of 120 triaged") + 12)
    wide = label.width()
    label.setText("10 of 120 triaged · 3 set aside")
    qtbot.waitUntil(lambda: label.width() > wide)
    widest = label.width()
    label.setText("11 of 120 triaged")
    QApplication.processEvents()
    assert label.text() == "11 of 120 triaged" and label.width() == widest


def test_a_label_given_the_width_it_asks_for_shows_its_text_whole(qtbot):
    label = SteadyLabel(padding=6)
    qtbot.addWidget(label)
    for text in ("0 of 5 triaged", "1 of 5 triaged", "12 of 47 triaged · 2 set aside", "0 of 1,204 triaged"):
        label.setText(text)
        label.resize(label.sizeHint())
        assert label.shown_text() == text


def test_a_text_wider_than_its_room_is_cut_with_an_ellipsis(qtbot):
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.setText("1,204 of 10,111 triaged · 12 set aside · 3 with notes")
    label.setFixedWidth(80)
    label.show()
    qtbot.waitExposed(label)
    assert label.shown_text().startswith("1,2") and label.shown_text().endswith("…")
    label.setFixedWidth(600)
    assert label.shown_text() == label.text()  # room enough: shown whole
