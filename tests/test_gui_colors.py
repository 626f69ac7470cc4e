"""Colours derived from the palette: computed once per palette, again after it changes."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QPalette  # noqa: E402

from gui.style import colors  # noqa: E402


def test_palette_colours_are_computed_once_per_palette_and_again_after_a_change(qtbot):
    calls = []

    def band(key, pal):
        calls.append(key)
        return colors.claim_link_colour(key, 120, pal)

    memo = colors.PaletteColours()
    light = QPalette(QColor("#eeeeee"))
    first = memo.get(light, band, "key-c0")
    assert memo.get(light, band, "key-c0") is first
    assert memo.get(QPalette(light), band, "key-c0") is first  # a copy of the same palette
    assert calls == ["key-c0"]
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    again = memo.get(dark, band, "key-c0")
    assert calls == ["key-c0", "key-c0"]
    assert again.lightness() < first.lightness()  # the dark theme's link colour
    assert memo.memo(dark) == {(band, "key-c0"): again}


def test_the_window_draws_every_type_with_the_line_and_colour_of_the_report(qtbot):
    from PySide6.QtGui import QTextCharFormat

    from core.export.type_styles import TYPE_STYLES, type_hex
    from gui.style import theme

    names = {
        QTextCharFormat.UnderlineStyle.SingleUnderline: "solid",
        QTextCharFormat.UnderlineStyle.DashUnderline: "dashed",
        QTextCharFormat.UnderlineStyle.DotLine: "dotted",
        QTextCharFormat.UnderlineStyle.WaveUnderline: "wavy",
    }
    light, dark = QPalette(QColor("#eeeeee")), QPalette(QColor("#eeeeee"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    for kind, style in TYPE_STYLES.items():
        underline, colour = theme.divergence_style(kind, light)
        assert (names[underline], colour.name()) == (style.line, type_hex(kind)), kind
        assert colors.type_style_name(kind) == style.line
        assert theme.divergence_style(kind, dark)[1].name() == type_hex(kind, dark=True), kind
