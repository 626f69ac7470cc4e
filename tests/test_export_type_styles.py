"""The one table of divergence-type looks that the window and every export draw with."""

import re

from core.export.html_style import stylesheet
from core.export.type_styles import LINES, TYPE_STYLES, type_hex, type_hsl, type_style
from core.model import DIVERGENCE_TYPES


def test_every_divergence_type_has_exactly_one_style_with_a_meaning():
    assert list(TYPE_STYLES) == list(DIVERGENCE_TYPES)
    assert all(style.line in LINES and style.meaning for style in TYPE_STYLES.values())


def test_types_that_share_a_line_differ_in_hue():
    for line in LINES:
        hues = [s.hue for s in TYPE_STYLES.values() if s.line == line]
        assert len(hues) == len(set(hues)), f"two {line} types share a colour"


def test_an_unknown_type_is_drawn_like_other():
    assert type_style("rumour") == TYPE_STYLES["other"]
    assert type_hex("rumour") == type_hex("other")


def test_low_rank_types_are_grey_and_lighter_on_a_dark_background():
    assert type_hsl("spelling") == (0, 0, 120)
    assert type_hsl("spelling", dark=True) == (0, 0, 170)
    red, green, blue = (type_hex("other")[i : i + 2] for i in (1, 3, 5))
    assert red == green == blue


def test_time_is_a_dashed_orange_underline_in_the_report():
    css = stylesheet()
    rule = re.search(r"\.d-time\{[^}]*\}", css).group(0)
    assert "text-decoration-style:dashed" in rule
    assert f"text-decoration-color:{type_hex('time')}" in rule
    assert type_hex("time") == "#c4690e"  # hue 30 at the light window's lightness
