"""The window on real screens: readable panes, focus on a claim or a pair, remembered layout."""

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton

import pytest

from gui.app.main_window import MainWindow
from gui.panes.pane_area import MEASURE
from gui.state.workspace import Workspace
from gui_doubles import fake_analyze, make_source, story_sources

EIGHT = [
    make_source(k, f"The mayor opened the bridge on day {i}. Crowds cheered at the river.")
    for i, k in enumerate("abcdefgh")
]


def _open(qtbot, size=(1366, 740), sources=None, settings=None):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws, settings=settings)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(sources or story_sources())
    qtbot.wait(50)
    return win


def _chars_a_line(pane) -> float:
    return pane.view.viewport().width() / QFontMetrics(pane.view.font()).averageCharWidth()


def test_with_eight_sources_on_a_laptop_panes_keep_a_readable_measure_and_the_row_scrolls(qtbot):
    win = _open(qtbot, sources=EIGHT)
    assert len(win.pane_area.panes) == 8
    for pane in win.pane_area.panes:
        assert _chars_a_line(pane) >= MEASURE - 1
    assert win.pane_area.scroller.horizontalScrollBar().maximum() > 0


def test_focusing_on_the_current_claim_shows_only_its_sources_and_follows_it(qtbot):
    win = _open(qtbot)
    ws = win.ws
    two_source_claim = next(c for c in ws.alignment.claims if len({m.split(":")[0] for m in c.members}) == 2)
    ws.select_claim(two_source_claim.id)
    qtbot.keyClick(
        win.claim_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    members = {ws.alignment.document_of(m).source.key for m in two_source_claim.members}
    assert {p.source_key for p in win.pane_area.panes} == members
    wider = next(c for c in ws.alignment.claims if len({m.split(":")[0] for m in c.members}) == 3)
    ws.select_claim(wider.id)
    assert len(win.pane_area.panes) == 3
    qtbot.keyClick(
        win.claim_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert win.pane_area.focus_mode == "all" and len(win.pane_area.panes) == 3


def test_a_chosen_pair_fills_the_row_and_the_source_list_still_lists_everyone(qtbot):
    win = _open(qtbot)
    keys = [s.key for s in win.ws.visible_sources()]
    win.pane_area.set_focus("pair", [keys[0], keys[2]])
    assert [p.source_key for p in win.pane_area.panes] == [keys[0], keys[2]]
    assert win.source_list.count() == 3
    assert win.ws.hidden == set()  # a view choice, not a change to the case


def test_the_sources_panel_collapses_and_comes_back_with_ctrl_b(qtbot):
    win = _open(qtbot)
    assert win.left_dock.isVisible()
    qtbot.keyClick(win.claim_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not win.left_dock.isVisible()
    qtbot.keyClick(win.claim_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert win.left_dock.isVisible()


@pytest.mark.parametrize("size", [(1366, 705), (1920, 1020)])
def test_on_laptop_and_desktop_screens_the_status_bar_and_the_docks_buttons_are_inside_the_window(qtbot, size):
    win = _open(qtbot, size)
    assert (win.width(), win.height()) == size
    bar = win.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() <= win.height()
    if not win.inspector_dock.isVisible():
        win.views.toggle_inspector()
    win.ws.select_divergence(win.ws.alignment.divergences()[0].key)
    qtbot.wait(50)
    scroller = win.inspector_dock.widget()
    assert scroller.horizontalScrollBar().maximum() == 0  # nothing hides behind a sideways scroll bar
    for button in win.inspector.findChildren(QPushButton):
        if button.isVisibleTo(win.inspector):
            right = button.mapTo(scroller.viewport(), QPoint(button.width(), 0)).x()
            assert right <= scroller.viewport().width(), button.text()


def test_size_place_docks_splitters_and_views_come_back_on_the_next_run(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    # Smaller than the test screen (Qt fits a restored window inside the screen it opens on).
    win = _open(qtbot, (780, 580), settings=settings)
    win.views.toggle_annotations()
    win.views.toggle_claim_view()
    win.pane_area.set_tint_all(True)
    win.reading.setSizes([200, 400])
    assert not win.claim_view.isVisible()
    win.close()
    again = _open(qtbot, None, settings=QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert (again.width(), again.height()) == (780, 580)
    assert again.annotations_dock.isVisible()
    assert not again.claim_view.isVisibleTo(again.reading)
    assert again.pane_area.tint_all
    again.close()


def test_without_settings_nothing_is_remembered(qtbot, tmp_path):
    win = _open(qtbot)
    assert win.settings is None
    win.close()


def test_moving_to_a_claim_off_screen_scrolls_the_row_to_a_panes_left_edge_not_into_a_pane(qtbot):
    # Only the fourth and fifth of eight sources report the fares: their panes start off screen.
    fares = {"d": 3, "e": 4}
    sources = [
        make_source(s.key, f"Ferry fares rose by {fares[s.key]} crowns. {s.text}") if s.key in fares else s
        for s in EIGHT
    ]
    win = _open(qtbot, sources=sources)
    area, ws = win.pane_area, win.ws
    bar = area.scroller.horizontalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    claim = next(c for c in ws.alignment.claims if "fares" in ws.alignment.passage(c.members[0]).text)
    ws.select_claim(claim.id)
    qtbot.wait(50)
    first, second = area._cells["d"], area._cells["e"]
    assert bar.value() == min(first.x(), bar.maximum())  # the row starts at the first holder's edge
    assert second.x() + second.width() <= bar.value() + area.scroller.viewport().width()


def test_on_a_1366_laptop_the_three_panes_of_a_claim_are_whole_beside_the_sources_panel(qtbot):
    more = [
        make_source("d", "Ferries ran late all week. Crowds cheered at the river.", "Delta"),
        make_source("e", "Rain is due on Friday. Police closed two roads nearby.", "Epsilon"),
    ]
    win = _open(qtbot, (1366, 768), sources=story_sources() + more)
    ws, area = win.ws, win.pane_area
    assert win.left_dock.isVisible()
    three = next(c for c in ws.alignment.claims if len({m.split(":")[0] for m in c.members}) == 3)
    ws.select_claim(three.id)
    area.set_focus("claim")
    qtbot.wait(50)
    assert len(area.panes) == 3
    assert area.scroller.horizontalScrollBar().maximum() == 0  # nothing of them hides sideways
    viewport = area.scroller.viewport()
    for pane in area.panes:
        assert _chars_a_line(pane) >= MEASURE - 1
        right = pane.mapTo(viewport, QPoint(pane.width(), 0)).x()
        assert 0 <= pane.mapTo(viewport, QPoint(0, 0)).x() and right <= viewport.width()


def test_a_contradiction_in_a_source_off_to_the_right_scrolls_the_row_to_its_pane(qtbot):
    from dataclasses import replace

    from core.case.queue_items import contradiction_items
    from core.model import Contradiction, Variant

    def with_contradiction(sources, *args, **kwargs):
        al = fake_analyze(sources, *args, **kwargs)
        last = al.documents[-1]
        first, second = last.passages[0], last.passages[1]
        variants = (
            Variant(first.id, first.start + 4, first.start + 9, "mayor"),
            Variant(second.id, second.start, second.start + 6, "Crowds"),
        )
        return replace(al, contradictions=(Contradiction(last.id, "title", "mayor vs crowds", variants),))

    ws = Workspace(analyze=with_contradiction, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(EIGHT)
    qtbot.wait(50)
    area = win.pane_area
    assert area.scroller.horizontalScrollBar().value() == 0
    ws.select_divergence(contradiction_items(ws.alignment)[0].key)
    qtbot.wait(50)
    cell = area.pane("h").parentWidget()
    viewport = area.scroller.viewport()
    left = cell.mapTo(viewport, QPoint(0, 0)).x()
    assert 0 <= left and left + cell.width() <= viewport.width()
