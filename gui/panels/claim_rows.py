"""The claim view's rows: one source's outlet and date, its wording of the claim, a bar when current."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.panels.row_text import RowText

HEADER_WIDTH = 170  # px of the outlet/date column; the sentence gets the rest of the row


class _Bar(QWidget):
    """The 3-pixel bar beside the current passage's source: lit or not, always in the layout."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFixedWidth(3)
        self.lit = False

    def set_lit(self, on: bool) -> None:
        """Light the bar (or put it out) with a repaint of these pixels only."""
        # Showing or hiding a widget lays its row out again at once; repainting three pixels does not.
        if on != self.lit:
            self.lit = on
            self.update()

    def paintEvent(self, _event) -> None:
        if self.lit:
            painter = QPainter(self)
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))
            painter.end()


class ClaimRow(QFrame):
    """One source of the claim: outlet and date at the left, its sentence or run across the row."""

    def __init__(self, parent: QWidget, on_click: Callable[[str], None]):
        super().__init__(parent)
        self._on_click = on_click  # the view's: make this source's passage current
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Filled with the view's own background colour: an opaque row that moves (a row above it
        # changed height) is copied to its new place instead of being painted again with its labels.
        self.setAutoFillBackground(True)
        self.header = QLabel(self)
        self.header.setFixedWidth(HEADER_WIDTH)
        self.header.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.text = RowText(self)  # selectable like a label, laid out once per width
        self.diff = QLabel(self)
        self.diff.setWordWrap(True)
        self.diff.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.text)
        column.addWidget(self.diff)
        # A bar at the left marks the source of the current passage (where J/K and clicks act).
        self.bar = _Bar(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 5, 8, 5)
        row.setSpacing(8)
        row.addWidget(self.bar)
        row.addWidget(self.header)
        row.addLayout(column, 1)
        self._row_box, self._column = row, column
        self._margins = row.contentsMargins().top() + row.contentsMargins().bottom()
        self.passage_id = ""
        self.header_shown: tuple | None = None  # what the header was drawn from (ClaimView._fill_header)
        # (header_shown, the height the outlet needs): header_shown names the text and the look (font).
        self._header_hint: tuple = (None, 0)
        # The sentence and word diff of a row out of view wait here until it is scrolled to.
        self.pending: Callable[[], None] | None = None

    def fill(self) -> None:
        """Show the sentence (and word diff) this row waits for, if any."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending()

    def expected_height(self) -> int:
        """Return the height the row takes once laid out (its current height while it waits)."""
        # Asked for each row in view on every J: the margins and the outlet's height are kept.
        width = self.text.width()
        if self.pending is not None or width <= 0:
            return self.height()
        text = self.text.heightForWidth(width)  # laid out once per width, kept
        if self.diff.isVisibleTo(self):
            text += self._column.spacing() + self.diff.heightForWidth(self.diff.width())
        if self._header_hint[0] is not self.header_shown or self.header_shown is None:
            self._header_hint = (self.header_shown, self.header.sizeHint().height())
        return max(self._header_hint[1], text) + self._margins

    def paintEvent(self, event) -> None:
        # Drawn while waiting (the view guessed it out of view): show its own sentence at once.
        self.fill()
        super().paintEvent(event)

    def mousePressEvent(self, event) -> None:
        if self.passage_id:
            self._on_click(self.passage_id)  # the panes level on this source's passage
        super().mousePressEvent(event)
