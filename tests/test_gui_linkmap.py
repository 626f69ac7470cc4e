"""LinkMap: bands between the two panes' members of each claim, following scroll; click selects."""

import importlib
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPalette, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QTextEdit, QWidget  # noqa: E402

from gui.panes.linkmap import LinkMap, passage_rect  # noqa: E402
from gui_fakes import FakeWorkspace, TextPane, long_sources, make_alignment  # noqa: E402
from widget_base import shown, side_by_side  # noqa: E402


@pytest.fixture
def row(qtbot):
    ws = FakeWorkspace(make_alignment(long_sources()))
    left, right = TextPane(ws.sources[0]), TextPane(ws.sources[1])
    link = LinkMap(ws, left, right)
    box = side_by_side(qtbot, (left, link, right), 700, 300, tight=True)
    row.box = box  # keep the row alive while the test runs
    yield ws, left, right, link
    box.close()


def _cursor_top(edit, offset):
    cursor = QTextCursor(edit.document())
    cursor.setPosition(offset)
    return edit.cursorRect(cursor)


def test_passage_rect_spans_from_the_first_line_to_the_last_line_of_the_passage(qtbot):
    edit = shown(qtbot, QTextEdit(), 300, 200)
    edit.setPlainText("First line.\nSecond line.\nThird line.")
    first, both = passage_rect(edit, 0, 11), passage_rect(edit, 0, 24)
    assert first.top() == _cursor_top(edit, 0).top()
    assert first.bottom() == _cursor_top(edit, 10).bottom()
    assert both.bottom() == _cursor_top(edit, 23).bottom()
    assert both.height() == 2 * first.height()
    assert first.width() == edit.viewport().width()


def test_one_band_per_claim_with_members_in_both_panes(row):
    ws, left, right, link = row
    bands = link.bands()
    assert [b[0] for b in bands] == ["c0", "c1", "c2"]
    p = ws.alignment.passage("d1:p1")
    rect = passage_rect(right, p.start, p.end)
    y = right.viewport().mapTo(link.window(), QPoint(0, rect.top())).y() - link.mapTo(link.window(), QPoint()).y()
    assert bands[0][2][0] == y


def test_bands_follow_the_scrolled_pane(row, qtbot):
    ws, left, right, link = row
    before = dict((cid, r) for cid, _l, r in link.bands())
    right.verticalScrollBar().setValue(5)
    after = dict((cid, r) for cid, _l, r in link.bands())
    assert after["c0"][0] == before["c0"][0] - 5
    right.verticalScrollBar().setValue(right.verticalScrollBar().maximum())
    assert [(cid, r[1] < 0) for cid, _l, r in link.bands()] == [("c0", True), ("c1", True), ("c2", True)]
    left.verticalScrollBar().setValue(left.verticalScrollBar().maximum())
    assert link.bands() == []  # both ends above the view: nothing of the bands would show


def test_clicking_a_band_selects_its_claim(row, qtbot):
    ws, left, right, link = row
    link.repaint()
    _cid, (lt, lb), (rt, rb) = link.bands()[1]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(1, int((lt + lb) / 2)))
    assert ws.calls[-1] == ("select_claim", "c1")


def test_the_current_claim_is_painted_differently(row):
    ws, left, right, link = row
    _cid, (lt, lb), _r = link.bands()[0]
    point = QPoint(2, int((lt + lb) / 2))
    before = link.grab().toImage().pixelColor(point)
    ws.select_claim("c0")
    after = link.grab().toImage().pixelColor(point)
    assert before != after


def test_it_can_be_made_with_a_parent_and_given_panes_later(qtbot):
    ws = FakeWorkspace()
    parent = QWidget()
    qtbot.addWidget(parent)
    link = LinkMap(ws, parent)
    assert link.parent() is parent and link.left is None and link.bands() == []


def test_between_two_source_panes_the_bands_join_the_members(qtbot):
    source_pane = importlib.import_module("gui.panes.source_pane")
    ws = FakeWorkspace()
    left, right = source_pane.SourcePane(ws, "a"), source_pane.SourcePane(ws, "c")
    link = LinkMap(ws, left, right)
    box = side_by_side(qtbot, (left, link, right), 700, 400)
    assert [b[0] for b in link.bands()] == ["c0", "c1"]  # Gamma has no member of c2
    top, bottom = link.text_span()
    assert top == left.view.viewport().mapTo(box, QPoint(0, 0)).y() - link.mapTo(box, QPoint(0, 0)).y()


def test_a_new_alignment_replaces_the_cached_bands(row):
    ws, left, right, link = row
    assert [b[0] for b in link.bands()] == ["c0", "c1", "c2"]
    old = ws.alignment
    ws.set_alignment(type(old)(old.documents, old.claims[1:], old.unique))
    assert [b[0] for b in link.bands()] == ["c1", "c2"]


def test_bands_are_remeasured_when_the_pane_narrows(row, qtbot):
    ws, left, right, link = row
    wide = dict((cid, r) for cid, _l, r in link.bands())
    right.setFixedWidth(120)  # the text rewraps: passages lower down move
    qtbot.waitUntil(lambda: right.viewport().width() < 120)
    narrow = dict((cid, r) for cid, _l, r in link.bands())
    p = ws.alignment.passage("d1:p2")
    expected = passage_rect(right, p.start, p.end)
    shift = narrow["c1"][0] - expected.top()
    assert narrow["c1"][1] == expected.bottom() + shift
    assert narrow["c1"][1] - narrow["c1"][0] > wide["c1"][1] - wide["c1"][0]


def test_band_colours_follow_a_palette_change(row):
    ws, left, right, link = row
    _cid, (lt, lb), (rt, rb) = link.bands()[2]
    point = QPoint(link.width() // 2, int((lt + lb + rt + rb) / 4))
    light = link.grab().toImage().pixelColor(point)
    pal = link.palette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    link.setPalette(pal)
    dark = link.grab().toImage().pixelColor(point)
    assert dark.lightness() < light.lightness()


def test_the_picture_is_reused_until_a_pane_scrolls_or_the_current_claim_changes_here(row):
    ws, left, right, link = row
    link.repaint()
    drawn = link.renders
    link.repaint()
    assert link.renders == drawn
    right.verticalScrollBar().setValue(5)
    link.repaint()
    assert link.renders == drawn + 1
    ws.select_claim("c1")
    link.repaint()
    assert link.renders == drawn + 2
    old = ws.alignment
    ws.set_alignment(type(old)(old.documents, old.claims[:2], old.unique))
    link.repaint()
    assert link.renders == drawn + 3 and [cid for cid, _p in link._bands] == ["c0", "c1"]


def test_a_band_links_a_sources_first_telling_only():
    from gui.panes.linkmap import first_telling

    assert first_telling(("d0:p7", "d1:p2", "d0:p3", "d0:p4", "d1:p3"), "d0:") == ["d0:p3", "d0:p4"]
    assert first_telling(("d0:p3", "d1:p2"), "d1:") == ["d1:p2"]
    assert first_telling(("d0:p3",), "d2:") == []


# ----- a dense map: more bands than are drawn smooth, painted from one array of ends -------------
DENSE_CLAIMS = 40  # past SMOOTH_BANDS: the bands are flat polygons built many at a time


@pytest.fixture
def dense(qtbot):
    from core.model import Alignment, Claim
    from gui_fakes import make_document, make_source

    # Two invented reports of a ferry timetable, one sentence per departure; the right one tells
    # them in the opposite order, so every band crosses the map.
    lines = [f"The ferry number {n} leaves the harbour at dawn." for n in range(DENSE_CLAIMS)]
    left_source = make_source("a", " ".join(lines), "Harbour Daily")
    right_source = make_source("b", " ".join(reversed(lines)), "Coast Courier")
    docs = (make_document(left_source, "d0"), make_document(right_source, "d1"))
    claims = tuple(
        Claim(f"c{n}", f"key{n}", 0.9, (f"d0:p{n}", f"d1:p{DENSE_CLAIMS - 1 - n}"), (), f"d0:p{n}")
        for n in range(DENSE_CLAIMS)
    )
    ws = FakeWorkspace(Alignment(docs, claims, ()))
    left, right = TextPane(left_source), TextPane(right_source)
    link = LinkMap(ws, left, right)
    box = side_by_side(qtbot, (left, link, right), 700, 300, tight=True)
    yield ws, left, right, link
    box.close()


def test_a_dense_map_lists_each_band_with_a_passage_in_view_where_its_passages_are(dense):
    ws, left, right, link = dense
    bands = link.bands()
    assert len(bands) > 24  # drawn as polygons, from one array of ends
    assert all(isinstance(y, float) for _cid, ends_l, ends_r in bands for y in (*ends_l, *ends_r))
    claim_id, (lt, lb), (rt, rb) = bands[0]
    member = ws.alignment.passage(ws.alignment.claims[int(claim_id[1:])].members[1])
    rect = passage_rect(right, member.start, member.end)
    shift = right.viewport().mapTo(link.window(), QPoint(0, 0)).y() - link.mapTo(link.window(), QPoint()).y()
    assert (rt, rb) == (rect.top() + shift, rect.bottom() + shift)
    assert all(lb >= 0 or rb >= 0 for _c, (lt, lb), (rt, rb) in bands)  # none with both ends above the map


def test_a_dense_map_keeps_its_picture_until_a_pane_scrolls_or_its_current_band_changes(dense):
    ws, left, right, link = dense
    link.repaint()
    drawn = link.renders
    link.repaint()
    assert link.renders == drawn
    right.verticalScrollBar().setValue(7)
    link.repaint()
    assert link.renders == drawn + 1
    shown = link.bands()[0][0]
    ws.select_claim(shown)
    link.repaint()
    assert link.renders == drawn + 2
    assert [cid for cid, _shape in link._bands] == [b[0] for b in link.bands()]  # what a click is tested against


def test_in_a_dense_map_the_current_band_is_emphasised_and_clicking_a_band_selects_its_claim(dense, qtbot):
    ws, left, right, link = dense
    claim_id, (lt, lb), (rt, rb) = link.bands()[0]
    point = QPoint(1, int((lt + lb) / 2))
    before = link.grab().toImage().pixelColor(point)
    ws.select_claim(claim_id)
    assert link.grab().toImage().pixelColor(point) != before
    ws.calls.clear()
    other_id, (lt, lb), _r = link.bands()[3]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(1, int((lt + lb) / 2)))
    assert ws.calls[-1] == ("select_claim", other_id)


def test_a_verdict_key_undo_and_j_move_the_emphasised_band_of_a_dense_link_map(qtbot):
    from PySide6.QtGui import QPainterPath

    from gui_keyboard import press, window_on_texts

    # Forty invented ferry crossings, one a sentence: two outlets agree on every count, a third
    # gives other passenger counts, so most crossings are claims of three with a divergence.
    first = ("Ar", "Bel", "Cor", "Dun", "Esk", "Fal", "Gor", "Hal")
    second = ("ven", "mor", "wick", "stead", "ford")
    ports = [a + b for a in first for b in second]

    def report(extra: int) -> str:
        return " ".join(
            f"The ferry to {port} left pier {n + 1} carrying {100 + 7 * n + extra} passengers."
            for n, port in enumerate(ports)
        )

    win = window_on_texts(qtbot, {"Harbour Daily": report(0), "Coast Courier": report(0), "Bay Post": report(3)})
    ws = win.ws
    qtbot.waitUntil(lambda: not ws.divergences_pending and bool(ws.alignment.divergences()), timeout=20000)
    link = win.pane_area.panes[0]._linkmap  # between the two outlets that agree
    assert len(link.bands()) > 24  # a dense map: its bands are polygons built from one array

    def emphasised() -> list[str]:
        link.repaint()
        return [cid for cid, shape in link._bands if isinstance(shape, QPainterPath)]

    def current_band() -> list[str]:  # the current claim's band, when it has one in this map
        return [c for c in [ws.current_claim_id] if c in {b[0] for b in link.bands()}]

    in_map = {b[0] for b in link.bands()}
    judged = next(k for k in win.triage_panel.key_order() if ws.divergence(k).claim in in_map)
    ws.select_divergence(judged)  # as a click on its row does
    claim_id = ws.current_claim_id
    assert emphasised() == [claim_id]
    press(qtbot, win, Qt.Key.Key_2)
    assert ws.verdicts[judged].verdict == "not_significant"
    shown = win.triage_panel.row_texts()[win.triage_panel.model.row_of(judged)][2]
    assert shown == ("2" if win.triage_panel.model.compact else "not significant")  # a narrow list shows the key
    assert ws.current_divergence_key != judged  # moved on to the next untriaged item
    assert emphasised() == current_band() and claim_id not in emphasised()
    press(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert judged not in ws.verdicts and ws.current_divergence_key == judged
    assert emphasised() == [claim_id]
    press(qtbot, win, Qt.Key.Key_J)
    assert ws.current_divergence_key != judged and emphasised() == current_band()
    win.close()
