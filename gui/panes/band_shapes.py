"""The link map's band shapes: S-curved polygons between a passage's two ends, many at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPolygonF

# The S-curve of a band sampled at these points: (x share of the width, weight of the left end).
# Same curve as cubicTo((w/2, left), (w/2, right), (w, right)), flattened once instead of per paint.
CURVE = tuple(
    (3 * (1 - t) ** 2 * t / 2 + 3 * (1 - t) * t * t / 2 + t**3, (1 - t) ** 3 + 3 * (1 - t) ** 2 * t)
    for t in (0.0, 0.25, 0.5, 0.75, 1.0)
)
_CURVE_BACK = tuple(reversed(CURVE))


def band_polygon(w: float, lt: float, lb: float, rt: float, rb: float) -> QPolygonF:
    """Return a band as a polygon: the top edge left to right, then the bottom edge back."""
    points = [QPointF(w * x, lt * a + rt * (1 - a)) for x, a in CURVE]
    points += [QPointF(w * x, lb * a + rb * (1 - a)) for x, a in _CURVE_BACK]
    return QPolygonF(points)


def visible_pairs(pairs, l_shift: float, r_shift: float, height: float) -> list[int]:
    """Return the rows of an (n, 4) array of document-pixel ends (lt, lb, rt, rb) with an end in view.

    The shifts turn document pixels into the map's pixels; a band whose two ends both lie above
    or both below the map shows nothing and is left out.
    """
    import numpy as np  # imported on the first map painted, after the engine has loaded it

    left_top, left_bottom = pairs[:, 0] + l_shift, pairs[:, 1] + l_shift
    right_top, right_bottom = pairs[:, 2] + r_shift, pairs[:, 3] + r_shift
    hidden = ((left_bottom < 0) & (right_bottom < 0)) | ((left_top > height) & (right_top > height))
    return np.flatnonzero(~hidden).tolist()


class BandPolygons:
    """Build each band's polygon into polygons kept from one paint to the next (each valid until the next build)."""

    # The points are computed as arrays and written straight into each polygon's memory: a dense
    # map of sixty bands was a third of a J key's time building ten QPointF a band in Python.
    # Kept polygons save making, sizing and wrapping each one again on every paint (4 of 6 µs).

    def __init__(self):
        self._polygons: list[QPolygonF] = []
        self._views: list[tuple[int, Any]] = []  # (address of the points, numpy view of them)

    def build(
        self, w: float, ends: list[tuple[float, float, float, float]], low: float, high: float
    ) -> list[QPolygonF]:
        """Return the polygon of each band's (lt, lb, rt, rb) (rows or an (n, 4) array), ends pulled into low..high."""
        import numpy as np
        import shiboken6

        if len(ends) == 0:  # a list of rows or an (n, 4) array
            return []
        grid = np.clip(np.asarray(ends, dtype=np.float64), low, high)
        weight = np.array([a for _x, a in CURVE])
        top = grid[:, 0:1] * weight + grid[:, 2:3] * (1 - weight)
        bottom = grid[:, 1:2] * weight[::-1] + grid[:, 3:4] * (1 - weight[::-1])
        count = 2 * len(CURVE)
        points = np.empty((len(ends), count, 2))
        points[:, :, 0] = w * np.array([x for x, _a in CURVE] + [x for x, _a in _CURVE_BACK])
        points[:, :, 1] = np.concatenate([top, bottom], axis=1)
        # The stubs know VoidPtr(address) only; the (address, size, writable) form is shiboken's own.
        void_ptr: Any = shiboken6.VoidPtr
        frombuffer: Any = np.frombuffer
        while len(self._polygons) < len(ends):
            polygon = QPolygonF()
            polygon.resize(count)
            self._polygons.append(polygon)
            self._views.append((0, None))
        for index, row in enumerate(points):
            polygon = self._polygons[index]
            first = polygon.data()
            address = shiboken6.getCppPointer(first)[0]
            kept, view = self._views[index]
            if address != kept:  # new, or its memory moved: look at the points where they are now
                view = frombuffer(void_ptr(first, count * 16, True), dtype=np.float64)  # count QPointF
                self._views[index] = (address, view)
            view[:] = row.ravel()
        return self._polygons[: len(ends)]
