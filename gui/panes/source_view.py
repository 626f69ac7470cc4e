"""The text widget of a source pane and the margin bar beside it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget


class PaneHost(Protocol):
    """What the pane that builds these two widgets around its text offers them (no import back)."""

    @property
    def ws(self) -> Any: ...
    @property
    def view(self) -> QTextEdit: ...
    @property
    def margin(self) -> QWidget: ...
    def margin_marks(self, unique: bool = True, with_current: bool = True) -> list[tuple[int, int, QColor]]: ...
    def span_y(self, start: int, end: int) -> tuple[int, int]: ...
    def tooltip_at(self, offset: int) -> str: ...


MARGIN = 7  # px of the left bar that marks unique passages and the current claim
BOTTOM_PADDING = 1.0  # blank space after the text, in pane heights (the last line can reach the top)
# The padding is set again only when it falls outside this share of the pane height: each new
# padding lays the whole text out again, and the claim view above the panes changes height
# with the claim (a passage levelled a quarter down the pane needs three quarters of it).
PADDING_KEPT = (0.85, 1.2)


class MarginBar(QWidget):
    """Paint bars beside unique passages (amber) and the current claim's member (highlight)."""

    def __init__(self, pane: PaneHost):
        super().__init__(pane.view)
        self._pane = pane
        self._cache_key: tuple | None = None
        self._bars: list[tuple[int, int, object]] = []  # (content top, content bottom, colour), by top
        self._tops: list[int] = []  # the bars' tops, for bisection
        self._tallest = 0
        self._current_key: tuple | None = None
        self._current: list[tuple[int, int, object]] = []  # the current claim's bars, same form
        # It fills itself: a scroll repaints it without repainting the text widget's frame under it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def _content_bars(self) -> list:
        # Bars only move with the alignment, the layout or the current claim, and scrolling just
        # shifts them: they are measured in document pixels once per change, not on every paint.
        pane, view = self._pane, self._pane.view
        scroll = view.verticalScrollBar().value()
        key = (
            id(pane.ws.alignment),
            view.document().size().toTuple(),
            view.viewport().width(),
            view.font().pointSizeF(),
            view.palette().cacheKey(),
        )
        if key != self._cache_key:
            self._bars = sorted(self._measure(pane.margin_marks(with_current=False), scroll), key=lambda b: b[0])
            self._tops = [top for top, _bottom, _colour in self._bars]
            self._tallest = max((bottom - top for top, bottom, _c in self._bars), default=0)
            self._cache_key, self._current_key = key, None
        current_key = (pane.ws.current_claim_id, pane.ws.current_passage_id)
        if current_key != self._current_key:
            self._current = self._measure(pane.margin_marks(unique=False), scroll)
            self._current_key = current_key
        return self._bars + self._current

    def _bars_between(self, top: int, bottom: int) -> list:
        """Return the bars that reach into content pixels top..bottom (the unique ones found by bisection)."""
        self._content_bars()
        # A long article has hundreds of unique passages; a paint shows a dozen of them.
        first = bisect_left(self._tops, top - self._tallest)
        last = bisect_right(self._tops, bottom)
        return self._bars[first:last] + self._current

    def _measure(self, marks, scroll: int) -> list[tuple[int, int, object]]:
        out = []
        for start, end, colour in marks:
            top, bottom = self._pane.span_y(start, end)
            out.append((top + scroll, bottom + scroll, colour))
        return out

    def paintEvent(self, _event) -> None:
        pane, painter = self._pane, QPainter(self)
        painter.fillRect(self.rect(), pane.view.palette().color(QPalette.ColorRole.Base))
        shift = pane.view.viewport().y() - self.y() - pane.view.verticalScrollBar().value()
        height = self.height()
        for top, bottom, colour in self._bars_between(-shift, height - shift):
            if bottom + shift >= 0 and top + shift <= height:
                painter.fillRect(QRect(1, top + shift, MARGIN - 2, max(4, bottom - top)), colour)
        painter.end()


class TextView(QTextEdit):
    """The read-only text: reports clicks and shows divergence tooltips."""

    clicked = Signal(int)

    def __init__(self, pane: PaneHost, parent: QWidget):
        super().__init__(parent)
        self._pane = pane
        self._press: QPoint | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # dropped files go to the window, which adds them as sources
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setViewportMargins(MARGIN, 0, 0, 0)
        self.document().setDocumentMargin(8)
        self._padding_due = False

    def keep_glyphs(self) -> None:
        """Keep each paragraph's shaped glyphs once laid out: a repaint then draws them without shaping again."""
        # Qt frees a paragraph's glyphs after laying it out and shapes the text again on every
        # paint; J repaints every pane in view (a third of a pane's paint was shaping). The glyphs
        # cost a few dozen bytes a character, a few megabytes for twenty long articles.
        block = self.document().begin()
        while block.isValid():
            block.layout().setCacheEnabled(True)
            block = block.next()

    def mousePressEvent(self, event) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press is not None and (pos - self._press).manhattanLength() < 6:
            self.clicked.emit(self.cursorForPosition(pos).position())
        self._press = None

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            offset = self.cursorForPosition(event.pos()).position()
            text = self._pane.tooltip_at(offset)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        vp = self.viewport().geometry()
        self._pane.margin.setGeometry(vp.x() - MARGIN, vp.y(), MARGIN, vp.height())
        # New padding lays the whole text out again: once the sizes of a burst of resizes (a
        # window shown, its docks sized, the panes split) have settled, not on each of them.
        if not self._padding_due:
            self._padding_due = True
            QTimer.singleShot(0, self, self.apply_padding)

    def settle_padding(self) -> None:
        """Apply padding still waiting for its timer now (levelling passages needs its scroll range)."""
        if self._padding_due:
            self.apply_padding()

    def apply_padding(self) -> None:
        """Keep blank space after the text, proportional to the pane height."""
        self._padding_due = False
        vp = self.viewport().geometry()
        # Blank space after the text lets a passage near the end scroll up level with its
        # counterparts in longer articles (as Meld pads the shorter file).
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        padding = int(vp.height() * BOTTOM_PADDING)
        low, high = (int(vp.height() * share) for share in PADDING_KEPT)
        if not low <= fmt.bottomMargin() <= high:
            fmt.setBottomMargin(padding)
            root.setFrameFormat(fmt)
