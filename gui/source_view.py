"""The text widget of a source pane and the margin bar beside it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

MARGIN = 7           # px of the left bar that marks unique passages and the current claim


class MarginBar(QWidget):
    """Paint bars beside unique passages (amber) and the current claim's member (highlight)."""

    def __init__(self, pane: object):
        super().__init__(pane.view)
        self._pane = pane

    def paintEvent(self, _event) -> None:
        pane, painter = self._pane, QPainter(self)
        painter.fillRect(self.rect(), pane.view.palette().color(QPalette.ColorRole.Base))
        top_offset = pane.view.viewport().y() - self.y()
        for start, end, colour in pane.margin_marks():
            top, bottom = pane.span_y(start, end)
            painter.fillRect(QRect(1, top + top_offset, MARGIN - 2, max(4, bottom - top)), colour)
        painter.end()


class TextView(QTextEdit):
    """The read-only text: reports clicks and shows divergence tooltips."""
    clicked = Signal(int)

    def __init__(self, pane: object):
        super().__init__(pane)
        self._pane = pane
        self._press: QPoint | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)   # dropped files go to the window, which adds them as sources
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setViewportMargins(MARGIN, 0, 0, 0)
        self.document().setDocumentMargin(8)

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
