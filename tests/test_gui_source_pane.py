"""Source panes and the pane row: formats, clicks, hidden panes, synchronized scrolling."""

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor  # noqa: E402

from gui.style import theme  # noqa: E402
from gui.panes.pane_area import PaneArea  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui_doubles import fake_analyze, make_source, story_sources  # noqa: E402
from widget_base import shown  # noqa: E402


@pytest.fixture
def make_area(qtbot):
    """Return a maker of shown pane areas over aligned sources; their workspaces close after the test."""
    made = []

    def make(sources, width=1200, height=500, analyze=fake_analyze):
        ws = Workspace(analyze=analyze, debounce_ms=0)
        made.append(ws)
        area = shown(qtbot, PaneArea(ws), width, height)
        with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
            ws.add_sources(sources)
        return area

    yield make
    for ws in made:
        ws.close()


@pytest.fixture
def area(make_area):
    return make_area(story_sources())


def _format_at(pane, offset: int) -> QTextCharFormat:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(offset + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def _click(qtbot, pane, offset: int) -> None:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(offset)
    point = pane.view.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_every_visible_source_gets_a_pane_in_order(area):
    assert [p.source_key for p in area.panes] == ["a", "b", "c"]
    assert area.panes[1].view.toPlainText() == story_sources()[1].text
    assert area.panes[1].view.isReadOnly()


def test_boilerplate_is_dimmed_and_italic_but_kept_in_the_text(area):
    pane = area.panes[0]
    start = pane.source().text.index("Also Read")
    fmt = _format_at(pane, start)
    assert fmt.fontItalic() is True
    assert fmt.foreground().color() == theme.boilerplate_colour(pane.view.palette())
    assert "Also Read: other news." in pane.view.toPlainText()


def test_divergences_are_underlined_with_the_style_of_their_type(area):
    pane = area.panes[1]
    number_at = pane.source().text.index("1,100")
    time_at = pane.source().text.index("Tuesday")
    assert _format_at(pane, number_at).underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert _format_at(pane, time_at).underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert _format_at(pane, 0).underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_only_the_current_claim_is_tinted_until_every_claim_is_asked_for(area):
    ws = area.ws
    claim = ws.alignment.claims[0]
    assert _format_at(area.panes[0], 0).background().style() == Qt.BrushStyle.NoBrush
    ws.select_claim(claim.id)
    tinted = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in area.panes[0].view.extraSelections()
        if s.format.background().style() != Qt.BrushStyle.NoBrush
    ]
    assert (area.panes[0].member_passages(claim)[0].start, area.panes[0].member_passages(claim)[0].end) in tinted


def test_all_claims_get_a_stable_band_and_unique_passages_a_distinct_one_on_demand(area):
    ws = area.ws
    claim = ws.alignment.claims[0]
    area.set_tint_all(True)
    expected = theme.claim_band(claim.key, area.panes[0].view.palette())
    assert _format_at(area.panes[0], 0).background().color() == expected
    assert _format_at(area.panes[2], 0).background().color() == expected
    unique_at = area.panes[2].source().text.index("Police")
    assert _format_at(area.panes[2], unique_at).background().color() == theme.unique_band(area.panes[2].view.palette())


def test_the_tooltip_names_the_type_and_the_other_sources_wording(area):
    pane = area.panes[1]
    tip = pane.tooltip_at(pane.source().text.index("Tuesday") + 2)
    assert tip.startswith("<b>Time</b> (dashed underline): Monday vs Tuesday")
    assert "Alpha: “Monday”" in tip and "Gamma: “Monday”" in tip
    assert pane.tooltip_at(area.panes[0].source().text.index("Also")) == ""
    assert area.panes[0].tooltip_at(area.panes[0].source().text.index("Also")).startswith("Boilerplate")


def test_clicking_a_passage_selects_its_claim_in_every_pane(area, qtbot):
    b = area.panes[1]
    _click(qtbot, b, b.source().text.index("cost"))
    ws = area.ws
    assert ws.current_passage_id == "d1:p2"
    assert ws.current_claim_id == "c1"
    members = {p.source_key: [m.id for m in p.member_passages(ws.current_claim())] for p in area.panes}
    assert members == {"a": ["d0:p1"], "b": ["d1:p2"], "c": ["d2:p2"]}
    highlighted = {
        p.source_key: [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in p.view.extraSelections()][:1]
        for p in area.panes
    }
    expected = {p.source_key: [(m.start, m.end) for m in p.member_passages(ws.current_claim())] for p in area.panes}
    assert highlighted == expected


def test_a_hidden_source_pane_disappears_and_comes_back_without_re_aligning(area, qtbot):
    ws = area.ws
    before = ws.alignment
    ws.set_hidden("b", True)
    assert [p.source_key for p in area.panes] == ["a", "c"]
    assert area.splitter.count() == 2
    ws.set_hidden("b", False)
    assert [p.source_key for p in area.panes] == ["a", "b", "c"]
    assert ws.alignment is before


def test_a_source_hidden_and_re_aligned_comes_back_with_a_new_alignment(area, qtbot):
    ws = area.ws
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.set_hidden("b", True, realign=True)
    assert [p.source_key for p in area.panes] == ["a", "c"]
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.set_hidden("b", False)
    assert [p.source_key for p in area.panes] == ["a", "b", "c"]


def _long_text(prefix: str, order: list[int], filler: int) -> str:
    parts = []
    for i in order:
        parts.append(f"Fact {i} was reported {prefix}. ")
        parts.extend(f"Aside {prefix} {i} {j} adds colour here. " for j in range(filler))
    return "".join(parts)


def test_scrolling_one_pane_levels_the_counterpart_passage_in_the_others(qtbot):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    area = PaneArea(ws)
    qtbot.addWidget(area)
    area.resize(900, 300)
    area.show()
    a = make_source("a", _long_text("early", list(range(12)), 4))
    b = replace(
        make_source("b", _long_text("late", list(range(12)), 7)),
        outlet="An outlet",
        title="A headline on a second line of the header",
        url="https://example.org/a-third-header-line",
    )
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources([a, b])
    qtbot.wait(50)
    left, right = area.panes
    assert area._offset(right) > area._offset(left)  # the taller header pushes the text down
    left.view.verticalScrollBar().setValue(120)  # as the user's wheel would
    anchor = next(
        p for p in left.document().passages[left.top_passage().index :] if ws.claim_of_passage(p.id) is not None
    )
    counterpart = right.member_passages(ws.claim_of_passage(anchor.id))[0]
    assert counterpart.text.split()[:2] == anchor.text.split()[:2]
    assert right.view.verticalScrollBar().value() > 120
    assert area.row_y(right, counterpart) == area.row_y(left, anchor)
    ws.close()


def test_a_new_current_claim_is_scrolled_into_view_level_in_every_pane(make_area, qtbot):
    area = make_area(
        [
            make_source("a", _long_text("x", list(range(12)), 4)),
            make_source("b", _long_text("y", list(reversed(range(12))), 5)),
        ],
        900,
        300,
    )
    ws = area.ws
    qtbot.wait(50)
    claim = ws.claim_of_passage(next(p.id for p in area.panes[0].document().passages if p.text.startswith("Fact 5 ")))
    ws.select_claim(claim.id)
    qtbot.wait(50)
    ys = [area.row_y(pane, pane.member_passages(claim)[0]) for pane in area.panes]
    assert ys[0] == ys[1]
    assert all(pane.is_visible_y(pane.passage_y(pane.member_passages(claim)[0])) for pane in area.panes)


def test_zoom_enlarges_the_text_of_every_pane(area):
    before = [p.view.font().pointSizeF() for p in area.panes]
    area.zoom(2)
    after = [p.view.font().pointSizeF() for p in area.panes]
    assert all(a == b + 2 for a, b in zip(after, before))


def test_a_claim_near_the_end_of_a_short_article_still_sits_level_with_a_long_one(make_area, qtbot):
    area = make_area(
        [
            make_source("a", _long_text("x", list(range(12)), 2)),
            make_source("b", _long_text("y", list(reversed(range(12))), 2)),
        ],
        900,
        300,
    )
    ws = area.ws
    qtbot.wait(50)
    # Fact 11 ends article a and opens article b: only padding after the text makes them level.
    claim = ws.claim_of_passage(next(p.id for p in area.panes[0].document().passages if p.text.startswith("Fact 11 ")))
    ws.select_claim(claim.id)
    qtbot.wait(50)
    ys = [area.row_y(pane, pane.member_passages(claim)[0]) for pane in area.panes]
    assert ys[0] == ys[1]


def test_a_contradiction_inside_one_source_is_overlined_and_explained(make_area):
    from core.model import Contradiction, Variant

    def analyze(sources, edits=(), progress=None, should_cancel=None):
        base = fake_analyze(sources, edits)
        text = sources[0].text
        first, second = text.index("President Brandt"), text.index("former President Brandt")
        contradiction = Contradiction(
            "d0",
            "title",
            "President vs former President",
            (
                Variant("d0:p0", first, first + 16, "President Brandt"),
                Variant("d0:p1", second, second + 23, "former President Brandt"),
            ),
        )
        return replace(base, contradictions=(contradiction,))

    area = make_area(
        [
            make_source("a", "President Brandt spoke. Later former President Brandt left."),
            make_source("b", "President Brandt spoke at noon."),
        ],
        analyze=analyze,
    )
    pane = area.panes[0]
    at = pane.source().text.index("former")
    fmt = _format_at(pane, at)
    assert fmt.fontOverline() is True
    assert fmt.underlineStyle() == theme.divergence_style("title")[0]
    assert pane.tooltip_at(at + 2).startswith("<b>Contradiction inside this source</b> (title)")
    assert "“President Brandt”" in pane.tooltip_at(at + 2)


def test_band_colours_follow_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    assert theme.is_dark(dark) and not theme.is_dark(light)
    assert theme.claim_band("c-key", dark).lightness() < 80 < 200 < theme.claim_band("c-key", light).lightness()
    assert theme.claim_band("c-key", light) == theme.claim_band("c-key", light)  # stable per key
    assert theme.unique_band(dark).lightness() < 80
    grey = theme.boilerplate_colour(dark)
    assert 0x1E < grey.red() < 0xE0


def _margin_colour(pane, passage):
    top, bottom = pane.span_y(passage.start, passage.end)
    bar = pane.margin
    y = (top + bottom) // 2 + pane.view.viewport().y() - bar.y()
    return bar.grab().toImage().pixelColor(3, y)


def test_the_margin_bar_follows_the_current_claim(area):
    ws, pane = area.ws, area.panes[0]
    claims = [c for c in ws.alignment.claims if pane.member_passages(c)]
    first = claims[0]
    bottom = pane.span_y(pane.member_passages(first)[0].start, pane.member_passages(first)[-1].end)[1]
    second = next(c for c in claims if pane.span_y(pane.member_passages(c)[0].start, 0)[0] > bottom + 4)
    highlight = pane.view.palette().color(QPalette.ColorRole.Highlight)
    ws.select_claim(first.id)
    assert _margin_colour(pane, pane.member_passages(first)[0]) == highlight
    ws.select_claim(second.id)
    assert _margin_colour(pane, pane.member_passages(first)[0]) != highlight
    assert _margin_colour(pane, pane.member_passages(second)[0]) == highlight


def test_find_puts_the_current_match_in_the_middle_of_the_pane_not_at_its_edge(qtbot):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    area = PaneArea(ws)
    qtbot.addWidget(area)
    area.resize(700, 400)
    area.show()
    text = (
        "".join(f"Line {i} of the long report says little. " for i in range(300))
        + "The needle is here. "
        + "".join(f"Tail {i} adds more words. " for i in range(100))
    )
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources([make_source("a", text)])
    qtbot.wait(50)
    pane = area.panes[0]
    start = text.index("needle")
    pane.set_find_matches([(start, start + 6)], 0)
    top, bottom = pane.span_y(start, start + 6)
    middle = pane.view.viewport().height() / 2
    assert abs((top + bottom) / 2 - middle) < pane.view.fontMetrics().height() * 1.5


def _marked_spans(pane) -> set:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.view.extraSelections()}


def test_each_pane_marks_the_current_claim_after_moves_away_and_back_and_a_reload(area):
    ws = area.ws
    claims = [c for c in ws.alignment.claims if all(p.member_passages(c) for p in area.panes)]
    first, second = claims[0], claims[1]
    ws.select_claim(first.id)
    marked = {id(p): _marked_spans(p) for p in area.panes}
    for pane in area.panes:
        assert {(m.start, m.end) for m in pane.member_passages(first)} <= marked[id(pane)]
    ws.select_claim(second.id)
    for pane in area.panes:
        assert not {(m.start, m.end) for m in pane.member_passages(first)} & _marked_spans(pane)
    ws.select_claim(first.id)
    assert {id(p): _marked_spans(p) for p in area.panes} == marked
    for pane in area.panes:  # the text set again (a re-alignment): the marks are drawn again
        pane._text = None
        pane.refresh()
    assert {id(p): _marked_spans(p) for p in area.panes} == marked


def test_a_text_file_without_an_outlet_is_headed_by_its_file_name_with_its_headline_under_it(make_area):
    plain = replace(make_source("harbour_daily", "The ferry sailed at dawn. It reached Kessel."), outlet="")
    plain = replace(plain, title="Ferry sails at dawn")
    area = make_area([plain, make_source("b", "The ferry sailed at dawn. It reached Kessel.")])
    header = area.panes[0].header.text()
    assert header.index("harbour_daily") < header.index("Ferry sails at dawn")


def test_a_pane_resized_three_times_in_one_turn_lays_its_text_out_once_padded_for_its_final_height(area, qtbot):
    pane = area.panes[0]
    qtbot.wait(20)
    relaid = []
    pane.view.document().contentsChange.connect(lambda _at, _removed, added: relaid.append(added))
    for height in (300, 420, 360):  # a window being shown, its docks sized, its splitter set
        area.resize(1200, height)
        area.layout().activate()
    qtbot.waitUntil(lambda: len(relaid) > 0, timeout=2000)
    qtbot.wait(20)
    assert relaid == [len(pane.view.toPlainText())]  # one relayout of the whole text, not three
    padding = pane.view.document().rootFrame().frameFormat().bottomMargin()
    assert abs(padding - pane.view.viewport().height()) <= 4


def test_a_claim_near_the_end_sits_level_at_once_after_the_pane_row_grows_taller(make_area, qtbot):
    area = make_area(
        [
            make_source("a", _long_text("x", list(range(12)), 2)),
            make_source("b", _long_text("y", list(reversed(range(12))), 2)),
        ],
        900,
        300,
    )
    ws = area.ws
    qtbot.wait(50)
    area.resize(900, 420)
    area.layout().activate()  # the padding for the new height is still waiting for its timer
    claim = ws.claim_of_passage(next(p.id for p in area.panes[0].document().passages if p.text.startswith("Fact 11 ")))
    ws.select_claim(claim.id)
    area.show_current()
    ys = [area.row_y(pane, pane.member_passages(claim)[0]) for pane in area.panes]
    assert ys[0] == ys[1]
