"""The overview ruler: the whole article in a thin strip, with claims, divergences, uniques, view."""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QToolTip, QWidget

from gui.style import colors
from gui.panes.band_extents import pane_document, text_edit_of
from gui.panes.pane_marks import divergence_variants

WIDTH = 14
MIN_MARK = 2.0


def offset_fraction(edit, offset: int) -> float:
    """Return where a text offset lies along the whole laid-out document, from 0 (top) to 1."""
    doc = edit.document()
    offset = max(0, min(offset, doc.characterCount() - 1))
    if isinstance(edit, QPlainTextEdit):
        # A plain text edit scrolls by lines and lays out lazily: count wrapped lines instead.
        block = doc.findBlock(offset)
        before, total, b = 0, 0, doc.begin()
        while b.isValid():
            lines = max(1, b.layout().lineCount()) if b.isVisible() else 0
            if b.blockNumber() < block.blockNumber():
                before += lines
            total += lines
            b = b.next()
        layout = block.layout()
        within = layout.lineForTextPosition(offset - block.position()).lineNumber() if layout.lineCount() else 0
        return (before + max(0, within)) / max(1, total)
    height = doc.size().height()
    # The line's top in document pixels, read from the block's layout: what cursorRect() plus
    # the scroll position gives, without a cursor and two coordinate mappings per mark.
    block = doc.findBlock(offset)
    layout = block.layout()
    line = layout.lineForTextPosition(offset - block.position())
    y = layout.position().y() + (line.y() if line.isValid() else 0.0)
    return max(0.0, min(1.0, y / height)) if height > 0 else 0.0


class RulerMarks(TypedDict):
    """What the ruler shows, as fractions of the article's height."""

    claims: list[tuple[str, float, float]]  # claim key, top, bottom
    unique: list[tuple[str, float, float]]  # passage id, top, bottom
    current: list[tuple[str, float, float]]  # passage id, top, bottom of the current claim
    divergences: list[tuple[str, float, float]]  # divergence type, top, bottom
    visible: tuple[float, float]  # the part the pane shows


def visible_fraction(edit) -> tuple[float, float]:
    """Return the part of the document the viewport shows, as (top, bottom) fractions."""
    bar = edit.verticalScrollBar()
    total = bar.maximum() - bar.minimum() + bar.pageStep()
    if total <= 0:
        return 0.0, 1.0
    top = (bar.value() - bar.minimum()) / total
    return top, min(1.0, top + bar.pageStep() / total)


class OverviewRuler(QWidget):
    """Paint the marks of one pane's whole article; a click scrolls there and selects the passage."""

    def __init__(self, workspace, pane, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.pane = pane
        self.edit = text_edit_of(pane)
        self._cache_key: tuple | None = None
        self._passages: list[tuple[str, float, float, str | None]] = []  # id, top, bottom, claim key
        self._variants: list[tuple[str, str, float, float]] = []
        self._where: dict[str, tuple[float, float]] = {}  # passage id -> top, bottom fractions
        self._static: QPixmap | None = None
        self._static_key: tuple | None = None
        self.static_renders = 0  # how many times the cached marks were drawn (tests read it)
        self.setFixedWidth(WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # fills itself: its cell is not repainted under it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.edit.verticalScrollBar().valueChanged.connect(self.update)
        self.edit.verticalScrollBar().rangeChanged.connect(self._invalidate)
        self.edit.viewport().installEventFilter(self)
        for signal in (workspace.alignmentChanged, workspace.sourcesChanged):
            signal.connect(self._invalidate)
        workspace.currentChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._invalidate()
        return super().eventFilter(obj, event)

    def _invalidate(self, *_args) -> None:
        self._cache_key = None
        self.update()

    def _measure(self) -> None:
        """Compute the fractions of every passage and divergence variant (once per layout)."""
        al, doc = self.ws.alignment, pane_document(self.ws, self.pane)
        key = (id(al), id(doc), self.edit.document().size().toSize(), self.edit.viewport().width())
        if key == self._cache_key:
            return
        self._cache_key = key
        self._passages, self._variants, self._where = [], [], {}
        if al is None or doc is None:
            return
        for p in doc.passages:
            claim = self.ws.claim_of_passage(p.id)
            kind = claim.key if claim is not None else ("" if not self.ws.is_unique(p.id) else None)
            top, bottom = offset_fraction(self.edit, p.start), offset_fraction(self.edit, p.end)
            self._passages.append((p.id, top, bottom, kind))
            self._where[p.id] = (top, bottom)
        for div, v in divergence_variants(al, doc):
            self._variants.append(
                (div.key, div.type, offset_fraction(self.edit, v.start), offset_fraction(self.edit, v.end))
            )

    def marks(self) -> RulerMarks:
        """Return what the ruler shows: claim, unique, divergence and current marks, and the view."""
        self._measure()
        claims: list[tuple[str, float, float]] = []
        unique: list[tuple[str, float, float]] = []
        for pid, top, bottom, claim_key in self._passages:
            if claim_key:
                claims.append((claim_key, top, bottom))
            elif claim_key is None:  # measured as unique
                unique.append((pid, top, bottom))
        current = sorted(self._current_marks(), key=lambda m: m[1])
        return {
            "claims": claims,
            "unique": unique,
            "current": current,
            "divergences": [(t, a, b) for _k, t, a, b in self._variants],
            "visible": visible_fraction(self.edit),
        }

    def track(self) -> tuple[float, float]:
        """Return the top and height of the strip beside the pane's text (below its header)."""
        viewport = self.edit.viewport()
        top = self.mapFromGlobal(viewport.mapToGlobal(viewport.rect().topLeft())).y()
        bottom = self.mapFromGlobal(viewport.mapToGlobal(viewport.rect().bottomLeft())).y()
        top, bottom = max(0, top), min(self.height() - 1, bottom)
        if bottom - top < 20:  # not laid out yet, or a pane without header: use the whole strip
            return 1.0, float(self.height() - 2)
        return float(top), float(bottom - top)

    @staticmethod
    def _rect(track: tuple[float, float], x: float, w: float, top: float, bottom: float) -> QRectF:
        y = track[0] + top * track[1]
        return QRectF(x, y, w, max(MIN_MARK, (bottom - top) * track[1]))

    def _static_layer(self, track: tuple[float, float], pal: QPalette) -> QPixmap:
        """Return the claim, unique and divergence marks as one picture, redrawn only when they change."""
        self._measure()
        ratio = self.devicePixelRatioF()
        key = (self._cache_key, self.size().toTuple(), track, pal.cacheKey(), ratio)
        if key == self._static_key and self._static is not None:
            return self._static
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        painter.fillRect(QRectF(0, track[0], self.width(), track[1]), pal.color(QPalette.ColorRole.AlternateBase))
        w = self.width()
        claim_colours: dict[str, QColor] = {}
        for _pid, top, bottom, claim_key in self._passages:
            if claim_key:
                colour = claim_colours.get(claim_key)
                if colour is None:
                    colour = claim_colours[claim_key] = colors.claim_link_colour(claim_key, 230, pal)
                painter.fillRect(self._rect(track, 1, w / 2 - 1, top, bottom), colour)
        unique = colors.unique_colour(pal)
        for _pid, top, bottom, claim_key in self._passages:
            if claim_key is None:
                painter.fillRect(self._rect(track, 1, w / 2 - 1, top, bottom), unique)
        type_colours: dict[str, QColor] = {}
        for _key, kind, top, bottom in self._variants:
            colour = type_colours.get(kind)
            if colour is None:
                colour = type_colours[kind] = colors.type_colour(kind, pal)
            painter.fillRect(self._rect(track, w / 2, w / 2 - 1, top, bottom), colour)
        painter.end()
        self._static, self._static_key = pixmap, key
        self.static_renders += 1
        return pixmap

    def _current_marks(self) -> list[tuple[str, float, float]]:
        cur = self.ws.current_claim()
        if cur is not None:
            members = cur.members
        elif self.ws.current_passage_id:
            members = (self.ws.current_passage_id,)
        else:
            return []
        return [(pid, *self._where[pid]) for pid in members if pid in self._where]

    def paintEvent(self, _event) -> None:
        # Only the current claim and the view change on N/J/scroll: the rest is one cached picture.
        pal = self.palette()
        track = self.track()
        painter = QPainter(self)
        if getattr(self.pane, "formatted_for", self.ws.alignment) is not self.ws.alignment:
            # The pane has not taken the new alignment yet (large cases fill pane by pane).
            painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
            painter.end()
            return
        painter.drawPixmap(0, 0, self._static_layer(track, pal))
        highlight = pal.color(QPalette.ColorRole.Highlight)
        for _pid, top, bottom in self._current_marks():
            painter.fillRect(self._rect(track, 0, 3, top, bottom), highlight)
        top, bottom = visible_fraction(self.edit)
        view = QColor(pal.color(QPalette.ColorRole.Text))
        view.setAlpha(40)
        rect = self._rect(track, 0, self.width() - 1, top, bottom)
        painter.fillRect(rect, view)
        view.setAlpha(140)
        painter.setPen(QPen(view, 1))
        painter.drawRect(rect)
        painter.end()

    def fraction_at(self, y: float) -> float:
        """Return the document fraction under a y of this widget."""
        top, height = self.track()
        return max(0.0, min(1.0, (y - top) / max(1.0, height)))

    def passage_at(self, y: float) -> str | None:
        """Return the passage under a y of this widget (the nearest one when between passages)."""
        self._measure()
        if not self._passages:
            return None
        f = self.fraction_at(y)
        inside = [pid for pid, top, bottom, _k in self._passages if top <= f <= bottom]
        if inside:
            return inside[0]
        return min(self._passages, key=lambda t: min(abs(t[1] - f), abs(t[2] - f)))[0]

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        y = event.position().y()
        bar = self.edit.verticalScrollBar()
        total = bar.maximum() - bar.minimum() + bar.pageStep()
        bar.setValue(int(bar.minimum() + self.fraction_at(y) * total - bar.pageStep() / 2))
        pid = self.passage_at(y)
        if pid is not None:
            self.ws.select_passage(pid)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pid = self.passage_at(event.pos().y())
            if pid is not None and self.ws.alignment is not None:
                text = self.ws.alignment.passage(pid).text
                tag = "Unique: " if self.ws.is_unique(pid) else ""
                QToolTip.showText(event.globalPos(), tag + (text if len(text) < 160 else text[:159] + "…"), self)
            return True
        return super().event(event)
