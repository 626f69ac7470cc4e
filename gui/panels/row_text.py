"""A wrapped rich-text sentence that lays itself out once per width (the claim view's rows), and its marked text."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from gui.style import colors, theme


class RowText(QWidget):
    """Show rich text wrapped to the row's width; select it with the mouse and copy it (Ctrl+C, menu)."""

    # A word-wrapped rich-text QLabel lays its text out again for every size question its layouts
    # ask, several times per row when a claim changes: twenty rows cost about 8 ms of each J on a
    # large case. Here the text is one QTextDocument, laid out once per width asked and kept.

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._html = ""
        self._heights: dict[int, int] = {}  # width -> height of the text wrapped to it
        self._least: QSize | None = None  # the minimum size (one line of the font)
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(self.font())
        self._measure: QTextDocument | None = None  # the same text, to measure other widths (heightForWidth)
        self._measure_html: tuple = ("", "")
        self._cursor = QTextCursor(self.doc)  # the mouse selection (none while it has no anchor)
        # The height-for-width policy answers hasHeightForWidth() in Qt itself: layouts ask it
        # about a hundred times a J, and each answer from Python crossed into the interpreter.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # as a selectable label: Ctrl+C after a click
        self.setCursor(Qt.CursorShape.IBeamCursor)

    # ----- the text -------------------------------------------------------------------------
    def setText(self, html: str) -> None:  # noqa: N802 - QLabel's name, so rows read the same
        """Show this rich text (the same text again changes nothing)."""
        if html == self._html:
            return
        width = self.width()
        before = self._heights.get(width)  # the height shown now, when known at this width
        self._html = html
        self.doc.setHtml(html)
        block = self.doc.begin()
        while block.isValid():  # as the panes' text: painted without shaping the sentence again
            block.layout().setCacheEnabled(True)
            block = block.next()
        self._cursor = QTextCursor(self.doc)
        self._heights.clear()
        if before is not None and width > 0 and self.heightForWidth(width) == before:
            # Most new sentences take as many lines as the old: a repaint, without laying out the
            # claim view's twenty rows again (and repainting every row a layout pass moves).
            self.update()
            return
        self._relayout()

    def text(self) -> str:
        """Return the rich text shown."""
        return self._html

    def plain_text(self) -> str:
        """Return the text shown without its marks."""
        return self.doc.toPlainText()

    def selected_text(self) -> str:
        """Return the text selected with the mouse ("" when none)."""
        return self._cursor.selectedText().replace("\u2029", "\n")

    def _relayout(self) -> None:
        self._heights.clear()
        self.updateGeometry()
        self.update()

    # ----- size -----------------------------------------------------------------------------
    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._heights.get(width)
        if height is None:
            shown = self.width()
            doc = self.doc
            if 0 < shown != width:
                # The claim view asks each row its height with and without its scroll bar. Text on
                # one line at the shown width is one line at any wider width; other widths are
                # measured on a copy, so the shown text is not laid out again at the next paint.
                if width > shown and self.heightForWidth(shown) and self._one_line():
                    height = self._heights[width] = self._heights[shown]
                    return height
                doc = self._measuring()
            if doc.textWidth() != max(1, width):
                doc.setTextWidth(max(1, width))
            height = self._heights[width] = int(doc.size().height() + 0.999)
        return height

    def _one_line(self) -> bool:
        """Return True when the shown text (laid out at the shown width) is a single line."""
        return self.doc.blockCount() == 1 and self.doc.firstBlock().layout().lineCount() == 1

    def _measuring(self) -> QTextDocument:
        """Return a copy of the text for measuring other widths than the one shown."""
        if self._measure is None:
            self._measure = QTextDocument(self)
            self._measure.setDocumentMargin(0)
        if self._measure_html != (self._html, self.font().key()):
            self._measure_html = (self._html, self.font().key())
            self._measure.setDefaultFont(self.font())
            self._measure.setHtml(self._html)
        return self._measure

    def _wrap_to(self, width: int) -> None:
        """Wrap the text to a width, laying it out again only when the width is new."""
        # QTextDocument.setTextWidth lays the whole text out again even for the width it has:
        # called on every paint, each J laid out every row in view twice (about 30 µs a row).
        width = max(1, width)
        if self.doc.textWidth() != width:
            self.doc.setTextWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if self._least is None:  # asked on every layout pass: measured once per font
            self._least = QSize(50, self.fontMetrics().height())
        return self._least

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # zoom: the body's font reaches every row
            self._least = None
            self.doc.setDefaultFont(self.font())
            self._relayout()
        super().changeEvent(event)

    # ----- drawing --------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        self._wrap_to(self.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        pal = self.palette()
        context.palette.setColor(QPalette.ColorRole.Text, pal.color(QPalette.ColorRole.WindowText))
        if self._cursor.hasSelection():
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = self._cursor
            selection.format.setBackground(pal.color(QPalette.ColorRole.Highlight))
            selection.format.setForeground(pal.color(QPalette.ColorRole.HighlightedText))
            context.selections = [selection]
        painter = QPainter(self)
        self.doc.documentLayout().draw(painter, context)
        painter.end()

    # ----- selecting and copying ----------------------------------------------------------------
    def _position_at(self, point: QPointF) -> int:
        self._wrap_to(self.width())
        return max(0, self.doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Taken here, as a selectable label takes it: a click in the sentence starts a selection.
        if event.button() == Qt.MouseButton.LeftButton:
            self._cursor.setPosition(self._position_at(event.position()))
            self.update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._cursor.setPosition(self._position_at(event.position()), QTextCursor.MoveMode.KeepAnchor)
            self.update()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._cursor.setPosition(self._position_at(event.position()))
        self._cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self.update()

    def select_all(self) -> None:
        """Select the whole sentence."""
        self._cursor.select(QTextCursor.SelectionType.Document)
        self.update()

    def copy(self) -> None:
        """Put the selection (or the whole sentence when nothing is selected) on the clipboard."""
        QGuiApplication.clipboard().setText(self.selected_text() or self.plain_text())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
            return
        event.ignore()  # every other key is the claim view's (and the window's shortcuts')

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = QMenu(self)
        menu.addAction("Copy", self.copy)
        menu.addAction("Select all", self.select_all)
        menu.exec(event.globalPos())


_COLOUR_NAMES: dict[tuple, str] = {}  # (colour function, its argument, palette key) -> "#rrggbb"


def colour_name(fn, arg, pal) -> str:
    """Return fn(arg, pal).name() (or fn(pal) when arg is None), worked out once per palette."""
    # Twenty rows of marks asked the theme for the same few colours about ninety times a J.
    key = (fn, arg, pal.cacheKey())
    name = _COLOUR_NAMES.get(key)
    if name is None:
        if len(_COLOUR_NAMES) > 512:  # palettes come and go (theme switches): keep the memo small
            _COLOUR_NAMES.clear()
        name = _COLOUR_NAMES[key] = (fn(pal) if arg is None else fn(arg, pal)).name()
    return name


def marked_html(text: str, offset: int, marks: list[tuple[int, int, str, bool]], pal) -> str:
    """Return text as rich text with each (start, end, type, current) mark typed; offsets are absolute."""
    out, at = [], 0
    for start, end, kind, current in sorted(marks, key=lambda m: (m[0], not m[3])):
        start, end = max(start - offset, at), min(end - offset, len(text))
        if end <= start:
            continue  # overlaps a mark already drawn (the current divergence wins a tie)
        out.append(html.escape(text[at:start]))
        words = html.escape(text[start:end])
        colour = colour_name(colors.type_colour, kind, pal)
        tag = f"<span style='font-size:small; font-weight:600; color:{colour}'>&#8202;{html.escape(kind)}</span>"
        if current:
            back = colour_name(theme.current_divergence_band, None, pal)
            fore = colour_name(theme.current_divergence_text, None, pal)
            out.append(
                f"<span style='background-color:{back}; color:{fore}; font-weight:700'>"
                f"&#8202;{words}&#8202;</span>{tag}"
            )
        else:
            out.append(f"<u style='color:{colour}'>{words}</u>{tag}")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
