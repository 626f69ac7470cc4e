"""The link map: translucent bands joining each claim's passages in two neighbouring panes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.panes.band_extents import (  # noqa: F401 (passage_rect, first_telling: the pane helpers' home before)
    PaneExtents,
    first_telling,
    is_pane,
    member_extent,
    pane_document,
    passage_rect,
    text_edit_of,
)
from gui.panes.band_shapes import BandPolygons, visible_pairs
from gui.style import colors

WIDTH = 34
SMOOTH_BANDS = 24


def opaque(colour: QColor, base: QColor) -> QColor:
    """Return a translucent colour already blended over the base: filling with it needs no blending."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * a + base.redF() * (1 - a),
        colour.greenF() * a + base.greenF() * (1 - a),
        colour.blueF() * a + base.blueF() * (1 - a),
    )


def _rows(ends) -> list:
    """Return band ends as plain rows of floats (an array's rows as lists, a list as it is)."""
    return ends.tolist() if hasattr(ends, "tolist") else ends


class LinkMap(QWidget):
    """Draw a band per claim from its passage in the left pane to its passage in the right pane."""

    def __init__(self, workspace, left_pane=None, right_pane=None, parent: QWidget | None = None):
        if parent is None and left_pane is not None and not is_pane(left_pane):
            parent, left_pane = left_pane, None  # LinkMap(ws, parent) then set_panes(left, right)
        super().__init__(parent)
        self.ws = workspace
        self.left = self.right = None
        self._bands: list[tuple[str, QPainterPath | QPolygonF]] = []  # smooth bands are paths
        self._extents: tuple[PaneExtents, ...] = ()
        self._picture: QPixmap | None = None
        self._polygons = BandPolygons()  # the dense bands' shapes, rewritten in place on each render
        self._picture_key: tuple | None = None
        self.renders = 0  # how many times the bands were rasterised (tests read it)
        self._pairs_key: tuple[int, int, int] | None = None
        self._pairs_cache: list[tuple[str, int, int, int, int]] = []
        self._pairs_array: Any = None  # the same ends as an (n, 4) array, for picking those in view
        self._colours = colors.PaletteColours()
        self._keys_of = None
        self._keys: dict[str, str] = {}
        self.setFixedWidth(WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # fills itself: its cell is not repainted under it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setToolTip("Links between aligned passages; click a band to select its claim")
        for signal in (workspace.currentChanged, workspace.sourcesChanged):
            signal.connect(self.update)
        workspace.alignmentChanged.connect(self._forget)
        if left_pane is not None and right_pane is not None:
            self.set_panes(left_pane, right_pane)

    def set_panes(self, left, right) -> None:
        """Link these two panes (and repaint whenever either scrolls or resizes)."""
        for pane in (left, right):
            edit = text_edit_of(pane)
            edit.verticalScrollBar().valueChanged.connect(self.update)
            edit.viewport().installEventFilter(self)
            if hasattr(pane, "scrolled"):
                pane.scrolled.connect(self.update)
        self.left, self.right = left, right
        self._extents = (PaneExtents(self.ws, left), PaneExtents(self.ws, right))
        self._pairs_key = None
        self.update()

    def _forget(self) -> None:
        """Drop every measurement: a new alignment may reuse the memory address of the old one."""
        for extents in self._extents:
            extents.forget()
        self._pairs_key = self._picture_key = None
        self.update()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.update()
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def _to_local(self, pane, y: int) -> float:
        viewport = text_edit_of(pane).viewport()
        return float(self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, y))).y())

    def _viewport_spans(self) -> tuple[float, float, float, float] | None:
        """Return each pane's viewport top in this widget's y, then each viewport's height."""
        if self.left is None or self.right is None:
            return None
        left, right = text_edit_of(self.left).viewport(), text_edit_of(self.right).viewport()
        return self._to_local(self.left, 0), self._to_local(self.right, 0), left.height(), right.height()

    def text_span(self, spans: tuple | None = None) -> tuple[float, float] | None:
        """Return the y range of this widget that lies beside either pane's text."""
        spans = spans or self._viewport_spans()
        if spans is None:
            return None
        l_top, r_top, l_height, r_height = spans
        return min(l_top, r_top), max(l_top + l_height, r_top + r_height)

    def bands(self, spans: tuple | None = None) -> list[tuple[str, tuple[float, float], tuple[float, float]]]:
        """Return (claim id, left top/bottom, right top/bottom) in this widget's coordinates."""
        ids, ends, _where = self._band_ends(spans or self._viewport_spans())
        return [(claim_id, (lt, lb), (rt, rb)) for claim_id, (lt, lb, rt, rb) in zip(ids, _rows(ends))]

    def _band_ends(self, spans) -> tuple[list[str], Any, tuple]:
        """Return the claim ids of the bands in view, their (lt, lb, rt, rb) ends, and what fixes them.

        With the panes' passages cached in document pixels the ends are an (n, 4) array: a scroll
        is a shift, and the pairs' generation with the two shifts says where every band lies (the
        map's picture is kept on them, so an unchanged map is known without listing its bands).
        """
        al = self.ws.alignment
        if al is None or self.left is None or self.right is None or spans is None:
            return [], [], ()
        height = self.height()
        # Viewport y -> this widget's y is a shift: measure it once per pane, not per claim.
        l_shift, r_shift = spans[:2]
        for extents in self._extents:
            extents.prepare()
        pairs = self._pairs(al)
        if pairs is not None:  # document pixels: a scroll is a shift
            l_shift -= self._extents[0].scroll
            r_shift -= self._extents[1].scroll
            where = (self._pairs_key, l_shift, r_shift, height)
            if not pairs:
                return [], [], where
            rows = visible_pairs(self._pairs_array, l_shift, r_shift, height)
            ends = self._pairs_array[rows] + (l_shift, l_shift, r_shift, r_shift)
            return [pairs[row][0] for row in rows], ends, where
        pairs = []  # a pane measures itself: ask it claim by claim
        for claim in al.claims:
            lx = self._extents[0].of(claim)
            rx = self._extents[1].of(claim) if lx is not None else None
            if lx is not None and rx is not None:
                pairs.append((claim.id, lx[0], lx[1], rx[0], rx[1]))
        l_shift, r_shift = float(l_shift), float(r_shift)
        ids, out = [], []
        for claim_id, lt, lb, rt, rb in pairs:
            lt, lb, rt, rb = lt + l_shift, lb + l_shift, rt + r_shift, rb + r_shift
            if (lb < 0 and rb < 0) or (lt > height and rt > height):
                continue  # both ends out of view: nothing of the band would show
            ids.append(claim_id)
            out.append((lt, lb, rt, rb))
        return ids, out, (tuple(ids), tuple(out))

    def _pairs(self, al) -> list[tuple[str, int, int, int, int]] | None:
        """Return the claims in both panes with their extents in document pixels (cached per layout)."""
        left, right = (e.content_extents() for e in self._extents)
        if left is None or right is None:
            return None
        key = (id(al), self._extents[0].generation, self._extents[1].generation)
        if key != self._pairs_key:
            self._pairs_key = key
            self._pairs_cache = [(c.id, *left[c.id], *right[c.id]) for c in al.claims if c.id in left and c.id in right]
            if self._pairs_cache:
                import numpy as np  # the engine has loaded it by the time a map has pairs

                self._pairs_array = np.array([p[1:] for p in self._pairs_cache], dtype=np.float64)
        return self._pairs_cache

    def paintEvent(self, _event) -> None:
        # A map whose panes did not move and whose bands do not hold the old or new current
        # claim looks exactly as before: show the last picture instead of rasterising again.
        pal = self.palette()
        al = self.ws.alignment
        if any(getattr(p, "formatted_for", al) is not al for p in (self.left, self.right)):
            # A pane has not taken the new alignment yet (large cases fill pane by pane).
            self._bands = []
            painter = QPainter(self)
            painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
            painter.end()
            return
        spans = self._viewport_spans()
        ids, ends, where = self._band_ends(spans)
        clip = self.text_span(spans)
        current = self.ws.current_claim_id
        key = (
            where,
            current if current in ids else None,
            self.size().toTuple(),
            clip,
            pal.cacheKey(),
            self.devicePixelRatioF(),
        )
        if key != self._picture_key or self._picture is None:
            ratio = self.devicePixelRatioF()
            size = self.size() * ratio
            if self._picture is None or self._picture.size() != size or self._picture.devicePixelRatio() != ratio:
                self._picture = QPixmap(size)  # otherwise the last picture is painted over (filled first)
                self._picture.setDevicePixelRatio(ratio)
            painter = QPainter(self._picture)
            self._paint_bands(painter, ids, ends, pal, clip)
            painter.end()
            self._picture_key = key
            self.renders += 1
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def _paint_bands(
        self, painter: QPainter, ids: list[str], ends: Any, pal: QPalette, clip: tuple[float, float] | None
    ) -> None:
        """Paint the bands of these claims, whose (lt, lb, rt, rb) ends are a list or an (n, 4) array."""
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        w = float(self.width())
        current = self.ws.current_claim_id
        keys = self._claim_keys(self.ws.alignment)
        styles = self._colours.memo(pal)  # claim key -> (fill, outline pen), once per palette
        self._bands = []
        emphasised: QPainterPath | None = None
        if clip is not None:  # nothing over the pane headers: bands live beside the text only
            painter.setClipRect(QRectF(0, clip[0], w, clip[1] - clip[0]))
        low, high = clip or (0.0, float(self.height()))
        low, high = low - 40, high + 40
        # Smooth edges cost most of the paint; with many crossing bands nobody sees them anyway.
        smooth = len(ids) <= SMOOTH_BANDS
        if not smooth:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            polygons = self._polygons.build(w, ends, low, high)
            # Dense maps: many crossing bands, where blending costs most of a frame and shows
            # little; opaque fills, each outlined, read the same and paint about eight times faster.
            # Sixty bands a map, three maps a key: the loop keeps to one look-up and three calls a band.
            keep, set_pen, set_brush, draw = self._bands.append, painter.setPen, painter.setBrush, painter.drawPolygon
            for claim_id, polygon in zip(ids, polygons):
                if claim_id == current:
                    lt, lb, rt, rb = ends[ids.index(claim_id)]
                    emphasised = self._band_path(w, low, high, (float(lt), float(lb)), (float(rt), float(rb)))
                    keep((claim_id, emphasised))
                    continue
                keep((claim_id, polygon))
                style = styles.get(keys[claim_id]) or self._style(styles, keys[claim_id], pal)
                set_pen(style[1])
                set_brush(style[2])
                draw(polygon)
        for claim_id, (lt, lb, rt, rb) in zip(ids, _rows(ends)) if smooth else ():
            path = self._band_path(w, low, high, (lt, lb), (rt, rb))
            self._bands.append((claim_id, path))
            if claim_id == current:
                emphasised = path
                continue
            style = styles.get(keys[claim_id]) or self._style(styles, keys[claim_id], pal)
            # An aliased fill under a smooth outline looks the same and rasterises three times faster.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.fillPath(path, style[0])
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(style[1])
            painter.drawPath(path)
        if emphasised is not None:  # drawn last so that it lies on top of crossing bands
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.fillPath(emphasised, colors.current_colour(pal, 130))
            painter.setPen(QPen(colors.current_colour(pal, 255), 1.6))
            painter.drawPath(emphasised)

    @staticmethod
    def _band_path(w: float, low: float, high: float, ends_l: tuple, ends_r: tuple) -> QPainterPath:
        """Return a band as a smooth S-curved path; ends far outside the view are pulled to its edge."""
        # Pulled to the edge: the same look, far less to rasterise.
        lt, lb, rt, rb = (min(high, max(low, y)) for y in (*ends_l, *ends_r))
        path = QPainterPath(QPointF(0, lt))
        path.cubicTo(QPointF(w / 2, lt), QPointF(w / 2, rt), QPointF(w, rt))
        path.lineTo(QPointF(w, rb))
        path.cubicTo(QPointF(w / 2, rb), QPointF(w / 2, lb), QPointF(0, lb))
        path.closeSubpath()
        return path

    @staticmethod
    def _style(styles: dict, claim_key: str, pal: QPalette) -> tuple:
        """Return a claim's band fill, outline pen and opaque fill, kept in styles (one palette's)."""
        fill = colors.claim_link_colour(claim_key, 120, pal)
        styles[claim_key] = (
            fill,
            QPen(colors.claim_link_colour(claim_key, 200, pal), 0.8),
            opaque(fill, pal.color(QPalette.ColorRole.Base)),
        )
        return styles[claim_key]

    def _claim_keys(self, al) -> dict[str, str]:
        """Return claim id -> claim key of an alignment (built once per alignment)."""
        if al is None:
            return {}
        if self._keys_of is not al:
            self._keys_of, self._keys = al, {c.id: c.key for c in al.claims}
        return self._keys

    def claim_at(self, point) -> str | None:
        """Return the claim whose band covers a point of this widget (the current claim wins)."""
        point = QPointF(point)
        hits = [
            cid
            for cid, shape in self._bands
            if (
                shape.contains(point)
                if isinstance(shape, QPainterPath)
                else shape.containsPoint(point, Qt.FillRule.OddEvenFill)
            )
        ]
        if self.ws.current_claim_id in hits:
            return self.ws.current_claim_id
        return hits[-1] if hits else None

    def mousePressEvent(self, event) -> None:
        claim_id = self.claim_at(event.position())
        if claim_id is not None:
            self.ws.select_claim(claim_id)
        super().mousePressEvent(event)
