"""Give each divergence type one look, shared by the window and every export: line, hue, meaning."""

from __future__ import annotations

import colorsys
from typing import NamedTuple, Optional

# Only the underline lines that both Qt's text underlines and CSS text-decoration-style can draw,
# so a type looks the same in the panes, the HTML report and its PDF.
LINES = ("solid", "dashed", "dotted", "wavy")


class TypeStyle(NamedTuple):
    """How one divergence type is drawn: its underline, its hue (None = grey) and its meaning."""

    line: str
    hue: Optional[int]
    meaning: str


# Types that share a line differ in hue, and every mark also names its type (tooltip, number):
# nobody has to tell types apart by colour alone. The low-rank types are grey.
TYPE_STYLES: dict[str, TypeStyle] = {
    "title": TypeStyle("solid", 210, "Title or role (former President vs President)"),
    "time": TypeStyle("dashed", 30, "Time or date (on Monday vs later this week)"),
    "number": TypeStyle("wavy", 350, "Number or quantity (1,200 vs 1,100)"),
    "place": TypeStyle("dotted", 130, "Place"),
    "actor": TypeStyle("solid", 280, "Person or actor"),
    "attribution": TypeStyle("dashed", 195, "Attribution (told Reuters vs told CNN)"),
    "modality": TypeStyle("wavy", 45, "Modality or certainty (agreed vs signaled a willingness)"),
    "negation": TypeStyle("solid", 320, "Negation"),
    "quote": TypeStyle("dotted", 255, "Quotation wording"),
    "institution": TypeStyle("dashed", 165, "Institution (Congress vs Senate)"),
    "spelling": TypeStyle("dotted", None, "Spelling variant (low rank)"),
    "other": TypeStyle("dashed", None, "Other difference"),
}

# Qt's HSL scale (0-255 for saturation and lightness): dark enough to read on white paper and on
# a light window, light enough to read on a dark one.
SATURATION = 220
LIGHTNESS = {False: 105, True: 160}
GREY_LIGHTNESS = {False: 120, True: 170}


def type_style(kind: str) -> TypeStyle:
    """Return the style of a divergence type ("other" for an unknown one)."""
    return TYPE_STYLES.get(kind, TYPE_STYLES["other"])


def type_hsl(kind: str, dark: bool = False) -> tuple[int, int, int]:
    """Return the type's colour as Qt HSL (hue 0-359, saturation and lightness 0-255) for a background."""
    hue = type_style(kind).hue
    if hue is None:
        return 0, 0, GREY_LIGHTNESS[dark]
    return hue, SATURATION, LIGHTNESS[dark]


def type_hex(kind: str, dark: bool = False) -> str:
    """Return the type's colour as #rrggbb, the same colour the window draws on that background."""
    hue, saturation, lightness = type_hsl(kind, dark)
    red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness / 255, saturation / 255)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))
