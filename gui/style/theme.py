"""Derive every colour and underline style of the window from the system palette."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat

from core.export.type_styles import type_hsl, type_style

U = QTextCharFormat.UnderlineStyle

# The Qt underline that draws each line of core.export.type_styles (the one table of type looks).
UNDERLINES: dict[str, U] = {
    "solid": U.SingleUnderline,
    "dashed": U.DashUnderline,
    "dotted": U.DotLine,
    "wavy": U.WaveUnderline,
}

# Outlet chips: well separated hues, in pane order.
_SOURCE_HUES = (210, 20, 120, 285, 45, 175, 330, 85)


def palette() -> QPalette:
    """Return the application palette (the system's light or dark theme)."""
    app = QGuiApplication.instance()
    return app.palette() if isinstance(app, QGuiApplication) else QPalette()


def is_dark(pal: QPalette | None = None) -> bool:
    """Return True when the window background is dark."""
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


@lru_cache(maxsize=4096)
def _hue_of(key: str) -> int:
    # Pure and called for every claim on every paint: hashing once per key is enough.
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:6], 16) % 360


def source_colour(index: int, pal: QPalette | None = None) -> QColor:
    """Return the chip colour of the source at this position in the source list."""
    hue = _SOURCE_HUES[index % len(_SOURCE_HUES)]
    return QColor.fromHsl(hue, 170, 150 if is_dark(pal) else 110)


def claim_band(claim_key: str, pal: QPalette | None = None) -> QColor:
    """Return the pale background of a claim; stable for a claim key, readable on the palette."""
    pal = pal or palette()
    # Skip the blue hues around the selection colour: the current claim must stand out.
    hue = _hue_of(claim_key) % 300
    hue = hue + 60 if hue >= 185 else hue
    if is_dark(pal):
        return QColor.fromHsl(hue, 90, 58)
    return QColor.fromHsl(hue, 200, 232)


def current_band(pal: QPalette | None = None) -> QColor:
    """Return the stronger background of the current claim."""
    pal = pal or palette()
    colour = QColor(pal.color(QPalette.ColorRole.Highlight))
    colour.setAlpha(90 if is_dark(pal) else 70)
    return colour


def current_divergence_band(pal: QPalette | None = None) -> QColor:
    """Return the background of the current divergence's words: the strongest mark on screen."""
    return QColor.fromHsl(45, 255, 95) if is_dark(pal) else QColor.fromHsl(48, 255, 150)


def current_divergence_text(pal: QPalette | None = None) -> QColor:
    """Return the text colour on the current divergence's background (dark on the bright mark)."""
    return QColor("#ffffff") if is_dark(pal) else QColor("#1a1a1a")


def unique_band(pal: QPalette | None = None) -> QColor:
    """Return the background of a passage no other source has (warm, so it draws the eye)."""
    return QColor.fromHsl(42, 90, 52) if is_dark(pal) else QColor.fromHsl(48, 255, 236)


def unique_bar(pal: QPalette | None = None) -> QColor:
    """Return the margin bar colour of unique passages."""
    return QColor.fromHsl(35, 230, 140 if is_dark(pal) else 100)


def boilerplate_colour(pal: QPalette | None = None) -> QColor:
    """Return the dimmed text colour of boilerplate."""
    pal = pal or palette()
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() + base.red() * 2) // 3, (text.green() + base.green() * 2) // 3, (text.blue() + base.blue() * 2) // 3
    )


def divergence_style(kind: str, pal: QPalette | None = None) -> tuple[U, QColor]:
    """Return the underline style and colour of a divergence type."""
    return UNDERLINES[type_style(kind).line], QColor.fromHsl(*type_hsl(kind, is_dark(pal)))


def style_sheet(resources_dir: Path) -> str:
    """Return the application style sheet shipped in resources/style, or an empty one."""
    path = Path(resources_dir) / "style" / "parallax.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
