"""A one-line count label that repaints when its text changes and lays its row out again only to grow."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class SteadyLabel(QWidget):
    """Show one line of text, cut with "…" when narrow; a new text that fits costs a repaint only."""

    # A QLabel asks its layout again on every setText: "12 of 47 triaged" becoming "13 of 47" on
    # each verdict laid out the status bar, the main window and the triage dock (half a millisecond
    # of every verdict key on a large case). The width asked only grows, to the widest text shown.

    def __init__(self, parent: QWidget | None = None, padding: int = 0):
        super().__init__(parent)
        self._padding = padding  # px left and right of the text
        self._text = ""
        self._width = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # It fills its own background (the window colour the status bar and docks have): a new
        # count repaints these pixels only, not the dock or status bar under them.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name, so callers read the same
        """Show this text (repainted; the layout is asked again only when it needs more width)."""
        if text == self._text:
            return
        self._text = text
        self.setToolTip(text)  # a narrow dock cuts a long message: the whole of it on hover
        width = self._measure(text)
        if width > self._width:
            self._width = width
            self.updateGeometry()
        self.update()

    def _measure(self, text: str) -> int:
        """Return the width a text needs: its advance, the padding, and a pixel each side, since
        elidedText cuts a text given exactly its advance ("0 of 5 triag…" in a label sized to it)."""
        return self.fontMetrics().horizontalAdvance(text) + 2 * self._padding + 2

    def text(self) -> str:
        """Return the text shown."""
        return self._text

    def shown_text(self) -> str:
        """Return the text as painted: cut with "…" when it is wider than the label."""
        room = self.width() - 2 * self._padding
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, room)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._width, self.fontMetrics().height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(min(self._width, 4 * self.fontMetrics().averageCharWidth()), self.sizeHint().height())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == event.Type.FontChange:  # a zoom: measure the text again
            self._width = self._measure(self._text)
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        room = self.rect().adjusted(self._padding, 0, -self._padding, 0)
        painter.drawText(room, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.shown_text())
        painter.end()
