"""Colours shared by the comparison and triage widgets: divergence types, claims, verdicts.

The per-type underline line and hue come from core.export.type_styles, the one table the exports
use too, so panes, legend, ruler, link map, lists and reports always agree.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from core.export.type_styles import type_style
from core.model import VERDICT_LABELS
from gui.style import theme

VERDICT_HUES = {"confirmed": 0, "not_significant": 120, "follow_up": 40, "source_error": 280}
SHORT_VERDICTS = {
    "confirmed": "confirmed",
    "not_significant": "not significant",
    "follow_up": "follow-up",
    "source_error": "source error",
}


def type_colour(kind: str, pal: QPalette | None = None) -> QColor:
    """Return the colour of a divergence type (the colour of its underline in the panes)."""
    return theme.divergence_style(kind, pal)[1]


def type_style_name(kind: str) -> str:
    """Return the readable underline style of a type ("wavy", "dashed"...)."""
    return type_style(kind).line


def type_css(kind: str, pal: QPalette | None = None) -> str:
    """Return inline CSS that underlines text the way the panes underline this type."""
    colour = type_colour(kind, pal)
    return (
        f"text-decoration: underline; text-decoration-style: {type_style(kind).line};"
        f" text-decoration-color: {colour.name()}; color: {colour.name()}"
    )


def claim_link_colour(claim_key: str, alpha: int = 110, pal: QPalette | None = None) -> QColor:
    """Return a translucent, more saturated version of a claim colour for connectors and marks."""
    band = theme.claim_band(claim_key, pal)
    colour = QColor.fromHsl(max(0, band.hslHue()), 180, 140 if theme.is_dark(pal) else 160)
    colour.setAlpha(alpha)
    return colour


class PaletteColours:
    """Remember colours derived from one palette; forget them all when the palette changes."""

    def __init__(self):
        self._palette_key = None
        self._memo: dict[tuple, QColor] = {}

    def memo(self, pal: QPalette) -> dict:
        """Return the free-form store of this palette's colours (emptied when the palette changes)."""
        key = pal.cacheKey()
        if key != self._palette_key:
            self._palette_key, self._memo = key, {}
        return self._memo

    def get(self, pal: QPalette, fn, *args) -> QColor:
        """Return fn(*args, pal), computed once per palette (callers must not modify the colour)."""
        self.memo(pal)
        memo_key = (fn, *args)
        colour = self._memo.get(memo_key)
        if colour is None:
            colour = self._memo[memo_key] = fn(*args, pal)
        return colour


def current_colour(pal: QPalette | None = None, alpha: int = 150) -> QColor:
    """Return the emphasis colour of the current claim or divergence."""
    colour = QColor((pal or theme.palette()).color(QPalette.ColorRole.Highlight))
    colour.setAlpha(alpha)
    return colour


def unique_colour(pal: QPalette | None = None) -> QColor:
    """Return the mark colour of passages only one source has."""
    return theme.unique_bar(pal)


def verdict_colour(verdict: str | None, pal: QPalette | None = None) -> QColor:
    """Return the chip colour of a verdict (grey when untriaged)."""
    dark = theme.is_dark(pal)
    if verdict not in VERDICT_HUES:
        return QColor.fromHsl(0, 0, 150 if dark else 130)
    return QColor.fromHsl(VERDICT_HUES[verdict], 160, 150 if dark else 95)


def verdict_text(verdict: str | None) -> str:
    """Return the short label of a verdict, or "untriaged"."""
    return SHORT_VERDICTS.get(verdict or "", "untriaged")


def verdict_label(verdict: str | None) -> str:
    """Return the full label of a verdict, or "Untriaged"."""
    return VERDICT_LABELS.get(verdict or "", "Untriaged")


def source_colour(index: int, pal: QPalette | None = None) -> QColor:
    """Return the outlet chip colour of the source at this position."""
    return theme.source_colour(index, pal)
