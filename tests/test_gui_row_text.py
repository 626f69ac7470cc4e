"""The claim view's sentence rows: wrapped rich text that can be selected and copied like a label."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402

from gui.panels.row_text import RowText  # noqa: E402

SENTENCE = (
    "The ferry left the harbour at <b style='color:#c00'>9 am</b> on Friday, an hour before the "
    "storm reached the coast and the port authority closed the quay to every boat."
)


@pytest.fixture
def row(qtbot):
    holder = QWidget()
    box = QVBoxLayout(holder)
    text = RowText(holder)
    box.addWidget(text)
    box.addStretch(1)
    qtbot.addWidget(holder)
    text.setText(SENTENCE)
    holder.resize(600, 300)
    holder.show()
    qtbot.waitExposed(holder)
    yield text
    holder.close()


def test_the_row_shows_its_rich_text_and_gives_it_back(row):
    assert row.text() == SENTENCE
    assert row.plain_text().startswith("The ferry left the harbour at 9 am on Friday")


def test_a_narrower_row_wraps_the_sentence_onto_more_lines(row, qtbot):
    wide = row.heightForWidth(600)
    narrow = row.heightForWidth(150)
    assert narrow > 2 * wide
    row.parentWidget().resize(150, 300)
    qtbot.waitUntil(lambda: row.height() >= narrow)


def test_dragging_across_the_first_words_selects_them_and_ctrl_c_copies_them(row, qtbot):
    line = row.fontMetrics().height() // 2
    start = QPoint(1, line)
    end = QPoint(row.fontMetrics().horizontalAdvance("The ferry") + 1, line)
    qtbot.mousePress(row, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(row, end)
    qtbot.mouseRelease(row, Qt.MouseButton.LeftButton, pos=end)
    assert row.selected_text().startswith("The ferr")
    assert row.hasFocus() or QApplication.focusWidget() is row
    qtbot.keyClick(row, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == row.selected_text()


def test_a_new_sentence_drops_the_old_selection_and_other_keys_pass_to_the_view(row, qtbot):
    row.select_all()
    assert row.selected_text().endswith("to every boat.")
    row.setText("Rescuers saved 31 people.")
    assert row.selected_text() == ""
    seen = []
    row.parentWidget().keyPressEvent = lambda event: seen.append(event.key())
    qtbot.keyClick(row, Qt.Key.Key_J)
    assert seen == [Qt.Key.Key_J]


def test_a_larger_font_from_the_zoom_makes_the_sentence_taller(row):
    before = row.heightForWidth(300)
    font = row.parentWidget().font()
    font.setPointSizeF(font.pointSizeF() + 6)
    row.parentWidget().setFont(font)  # the claim view zooms its body: every row inherits it
    assert row.heightForWidth(300) > before


def test_a_height_asked_for_another_width_is_measured_without_rewrapping_the_shown_sentence(row):
    shown = row.width()
    assert row.doc.textWidth() == shown
    fresh = RowText()
    fresh.setText(SENTENCE)
    for width in (150, shown + 40, 2000):
        assert row.heightForWidth(width) == fresh.heightForWidth(width)
        assert row.doc.textWidth() == shown  # the painted text keeps its layout


def test_a_one_line_sentence_is_one_line_at_any_wider_width(row):
    row.setText("Rescuers saved 31 people.")
    one_line = row.heightForWidth(row.width())
    assert row.heightForWidth(row.width() + 12) == one_line
    assert row.heightForWidth(3 * row.width()) == one_line


def test_a_new_sentence_of_the_same_height_keeps_the_row_height_and_a_taller_one_grows_it(row, qtbot):
    row.setText("Rescuers saved 31 people.")
    qtbot.waitUntil(lambda: row.height() == row.heightForWidth(row.width()))
    one_line = row.height()
    row.setText("Rescuers saved 32 people.")
    assert row.text() == "Rescuers saved 32 people."
    assert row.heightForWidth(row.width()) == one_line
    row.setText(SENTENCE + " " + SENTENCE + " " + SENTENCE)
    qtbot.waitUntil(lambda: row.height() > one_line)
    assert row.height() == row.heightForWidth(row.width())
