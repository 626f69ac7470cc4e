"""OverviewRuler: the whole article's marks, the visible region, click to scroll and select."""

import importlib
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import QPlainTextEdit  # noqa: E402

from gui.panes.ruler import OverviewRuler, offset_fraction  # noqa: E402
from gui_fakes import FakeWorkspace, TextPane, long_sources, make_alignment  # noqa: E402
from widget_base import shown, side_by_side  # noqa: E402


@pytest.fixture
def strip(qtbot):
    ws = FakeWorkspace(make_alignment(long_sources()))
    pane = TextPane(ws.sources[0])
    ruler = OverviewRuler(ws, pane)
    box = side_by_side(qtbot, (pane, ruler), 400, 300)
    strip.box = box
    yield ws, pane, ruler
    box.close()


def test_the_ruler_marks_claims_uniques_and_divergences_of_the_whole_article(strip):
    ws, pane, ruler = strip
    marks = ruler.marks()
    assert [k for k, _t, _b in marks["claims"]] == ["key-c0", "key-c1", "key-c2"]
    assert [p for p, _t, _b in marks["unique"]] == ["d0:p3"]
    assert [t for t, _a, _b in marks["divergences"]] == ["time", "number"]
    tops = [t for _k, t, _b in marks["claims"]]
    assert tops == sorted(tops) and tops[0] < 0.01 and all(t < 0.1 for t in tops)
    assert marks["current"] == []


def test_the_visible_region_follows_the_scroll_bar(strip):
    ws, pane, ruler = strip
    top, bottom = ruler.marks()["visible"]
    assert top == 0.0 and 0.0 < bottom < 0.5
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())
    top, bottom = ruler.marks()["visible"]
    assert bottom == 1.0 and top > 0.5


def test_the_current_claims_member_is_marked(strip):
    ws, pane, ruler = strip
    ws.select_claim("c1")
    assert [p for p, _t, _b in ruler.marks()["current"]] == ["d0:p1"]


def test_clicking_near_the_bottom_scrolls_there_and_selects_the_passage_under_it(strip, qtbot):
    ws, pane, ruler = strip
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, ruler.height() - 2))
    assert pane.verticalScrollBar().value() == pane.verticalScrollBar().maximum()
    last = ws.alignment.documents[0].passages[-1].id
    assert ws.calls[-1] == ("select_passage", last)


def test_clicking_the_top_selects_the_first_passage(strip, qtbot):
    ws, pane, ruler = strip
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, 1))
    assert pane.verticalScrollBar().value() == 0
    assert ws.calls[-1] == ("select_passage", "d0:p0")


def test_offset_fraction_counts_wrapped_lines_in_a_plain_text_edit(qtbot):
    edit = shown(qtbot, QPlainTextEdit("one\ntwo\nthree\nfour"), 200, 200, exposed=True)
    assert [offset_fraction(edit, o) for o in (0, 4, 8, 14)] == [0.0, 0.25, 0.5, 0.75]


def test_beside_a_source_pane_the_marks_start_below_its_header(qtbot):
    source_pane = importlib.import_module("gui.panes.source_pane")
    ws = FakeWorkspace(make_alignment(long_sources()))
    pane = source_pane.SourcePane(ws, "a")
    ruler = OverviewRuler(ws, pane)
    box = side_by_side(qtbot, (pane, ruler), 400, 400, tight=True)
    top, height = ruler.track()
    assert top == pane.view.viewport().mapTo(box, QPoint(0, 0)).y()
    assert top >= pane.header.height() and height == pane.view.viewport().height() - 1
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, int(top) + 1))
    assert ws.calls[-1] == ("select_passage", "d0:p0")


def test_the_marks_are_drawn_once_and_not_again_for_a_scroll_or_a_new_current_claim(strip):
    ws, pane, ruler = strip
    ruler.repaint()
    drawn = ruler.static_renders
    pane.verticalScrollBar().setValue(40)
    ws.select_claim("c1")
    ruler.repaint()
    assert ruler.static_renders == drawn
    top, height = ruler.track()
    _pid, a, b = ruler.marks()["current"][0]
    image = ruler.grab().toImage()
    assert image.pixelColor(1, int(top + (a + b) / 2 * height)) == ruler.palette().color(QPalette.ColorRole.Highlight)


def test_the_marks_are_redrawn_after_a_new_alignment(strip):
    ws, pane, ruler = strip
    before = ruler.grab().toImage()
    drawn = ruler.static_renders
    old = ws.alignment
    ws.set_alignment(type(old)(old.documents, old.claims[1:], old.unique))
    after = ruler.grab().toImage()
    assert ruler.static_renders == drawn + 1
    assert [k for k, _t, _b in ruler.marks()["claims"]] == ["key-c1", "key-c2"]
    assert after != before


def test_the_marks_are_redrawn_when_the_ruler_is_resized(strip, qtbot):
    ws, pane, ruler = strip
    ruler.repaint()
    drawn = ruler.static_renders
    ruler.window().resize(400, 500)
    qtbot.waitUntil(lambda: ruler.height() > 400)
    ruler.repaint()
    assert ruler.static_renders == drawn + 1
