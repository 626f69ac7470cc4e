"""PaneArea: a large case's new alignment fills the panes one per event-loop turn, the current one first."""

import pytest

pytest.importorskip("PySide6")

from gui.panes import pane_area as pane_area_module  # noqa: E402
from gui.panes.pane_area import PaneArea  # noqa: E402
from gui_fakes import FakeWorkspace, long_sources, make_alignment  # noqa: E402


@pytest.fixture
def area(qtbot, monkeypatch):
    monkeypatch.setattr(pane_area_module, "PROGRESSIVE_CHARS", 1000)  # the fake case counts as large
    sources = long_sources()
    ws = FakeWorkspace(make_alignment(sources))
    ws.sources = sources
    widget = PaneArea(ws)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_new_alignment_marks_the_current_pane_first_and_the_others_on_later_turns(area, qtbot):
    ws = area.ws
    ws.select_passage("d2:p0")  # the third pane holds the current passage
    ws.set_alignment(make_alignment(long_sources()))
    ready = [p.source_key for p in area.panes if p.formatted_for is ws.alignment]
    assert ready == ["c"] and area.filling()
    qtbot.waitUntil(lambda: not area.filling(), timeout=3000)
    assert all(p.formatted_for is ws.alignment for p in area.panes)


def test_a_newer_alignment_while_filling_is_the_one_every_pane_ends_with(area, qtbot):
    ws = area.ws
    ws.set_alignment(make_alignment(long_sources()))
    newer = make_alignment(long_sources())
    ws.set_alignment(newer)
    qtbot.waitUntil(lambda: not area.filling(), timeout=3000)
    assert all(p.formatted_for is newer for p in area.panes)


def test_a_fact_row_brings_every_pane_holding_its_words_to_them(qtbot, tmp_path, samples_dir):
    from gui_keyboard import make_case, open_window, sample_paths

    from core.case.queue_items import queue_item_map

    win = open_window(qtbot, make_case(tmp_path / "facts.parallax", sample_paths(samples_dir)))
    ws = win.ws
    items = queue_item_map(ws.alignment)  # a row repeating a claim's divergence is judged in the claim
    row = next(r for r in ws.alignment.facts if r.key in items and len({c.document for c in r.cells}) >= 2)
    item = row.divergence()
    for pane in win.pane_area.panes:  # every pane away from the row's words
        bar = pane.view.verticalScrollBar()
        bar.setValue(bar.maximum())
    ws.select_divergence(item.key)
    qtbot.wait(50)
    first = {}  # a source giving the fact in several places shows the first of them
    for variant in item.variants:
        first.setdefault(win.pane_area.pane_of_passage(variant.passage), ws.alignment.passage(variant.passage))
    if ws.current_passage_id:
        current = ws.alignment.passage(ws.current_passage_id)
        first[win.pane_area.pane_of_passage(current.id)] = current
    assert len(first) >= 2
    for pane, passage in first.items():
        assert pane.is_visible_y(pane.passage_y(passage)), pane.source_key
    win.close()


def test_a_claim_whose_panes_do_not_fit_names_the_ones_out_of_view_until_they_show(qtbot, tmp_path, samples_dir):
    from PySide6.QtCore import Qt

    from gui_keyboard import make_case, open_window, press, sample_paths

    win = open_window(qtbot, make_case(tmp_path / "wide.parallax", sample_paths(samples_dir)))
    win.resize(1366, 768)
    ws, area = win.ws, win.pane_area
    first, last = area.panes[0], area.panes[-1]
    both = [c for c in ws.alignment.claims if first.member_passages(c) and last.member_passages(c)]
    claim = min(both, key=lambda c: len({m.split(":")[0] for m in c.members}))
    ws.select_claim(claim.id)
    qtbot.waitUntil(lambda: area.offscreen.isVisible(), timeout=3000)
    assert area.offscreen.text().startswith("Also in this claim, out of view:")
    assert f"{last.source().label} →" in area.offscreen.text()
    assert first.source().label not in area.offscreen.text()  # the reference pane is in view
    # Scrolled to the last pane, the first one is named instead, on the left.
    area.scroller.horizontalScrollBar().setValue(area.scroller.horizontalScrollBar().maximum())
    assert f"← {first.source().label}" in area.offscreen.text()
    press(qtbot, win, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert area.focus_mode == "claim"
    win.resize(2400, 900)  # a wide screen: the claim's own panes now fit side by side
    qtbot.waitUntil(lambda: not area.offscreen.isVisible(), timeout=3000)
    assert [p.source_key for p in area.panes] == [
        d.source.key for d in ws.alignment.documents if any(m.startswith(f"{d.id}:") for m in claim.members)
    ]
    win.close()


def test_the_out_of_view_hint_offers_only_a_key_that_brings_the_panes_in_and_stays_at_the_rows_bottom(
    qtbot, tmp_path, samples_dir
):
    from PySide6.QtCore import Qt

    from core.case.queue_items import queue_items
    from gui_keyboard import make_case, open_window, press, sample_paths

    win = open_window(qtbot, make_case(tmp_path / "hint.parallax", sample_paths(samples_dir)))
    win.resize(1366, 768)
    ws, area = win.ws, win.pane_area
    first, last = area.panes[0], area.panes[-1]
    # A fact row has no claim: Ctrl+Shift+C would show every source, so the hint does not offer it.
    row = next(
        d
        for d in queue_items(ws.alignment)
        if d.kind == "fact" and len({area.pane_of_passage(v.passage) for v in d.variants} | {first}) > 2
    )
    ws.select_divergence(row.key)
    qtbot.wait(50)
    bar = area.scroller.horizontalScrollBar()
    bar.setValue(bar.maximum() if bar.value() == 0 else 0)  # away from some of its panes
    qtbot.waitUntil(lambda: area.offscreen.isVisible(), timeout=3000)
    assert area.offscreen.text().startswith("Also in this item, out of view:")
    assert "Ctrl+Shift+C" not in area.offscreen.text() and "Ctrl+- fits more panes" in area.offscreen.text()
    # A claim: the key is offered until it is on; on, pressing it again would show every source.
    both = [c for c in ws.alignment.claims if first.member_passages(c) and last.member_passages(c)]
    ws.select_claim(max(both, key=lambda c: len({m.split(":")[0] for m in c.members})).id)
    qtbot.waitUntil(lambda: area.offscreen.text().startswith("Also in this claim"), timeout=3000)
    assert area.offscreen.text().endswith("Ctrl+Shift+C shows only its sources")
    press(qtbot, win, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert area.focus_mode == "claim"
    qtbot.waitUntil(lambda: area.offscreen.isVisible() and "Ctrl+Shift+C" not in area.offscreen.text(), timeout=3000)
    assert area.offscreen.text().endswith("Ctrl+- fits more panes")
    # A taller window moves the row's bottom: the hint follows it.
    win.resize(1366, 900)
    viewport = area.scroller.viewport()
    qtbot.waitUntil(lambda: area.offscreen.geometry().bottom() + 1 == viewport.height() - 8, timeout=3000)
    win.close()


def test_many_panes_out_of_view_are_counted_by_side_not_named(qtbot, tmp_path, samples_dir, monkeypatch):
    from gui_keyboard import make_case, open_window, sample_paths

    from gui.panes import offscreen_hint

    monkeypatch.setattr(offscreen_hint, "HINT_NAMES", 0)  # as with twenty sources: no name fits
    win = open_window(qtbot, make_case(tmp_path / "many.parallax", sample_paths(samples_dir)))
    win.resize(1366, 768)
    ws, area = win.ws, win.pane_area
    first, last = area.panes[0], area.panes[-1]
    claim = next(c for c in ws.alignment.claims if first.member_passages(c) and last.member_passages(c))
    ws.select_claim(claim.id)
    qtbot.waitUntil(lambda: area.offscreen.isVisible(), timeout=3000)
    out_right = sum(
        1 for p in area.panes if p.member_passages(claim) and p.parentWidget().x() >= area.scroller.viewport().width()
    )
    assert f"out of view: {out_right} source{'' if out_right == 1 else 's'} →" in area.offscreen.text()
    assert last.source().label not in area.offscreen.text()
    win.close()


def test_the_out_of_view_hint_follows_a_renamed_source_and_a_move_away_and_back(qtbot, tmp_path, samples_dir):
    from gui_keyboard import make_case, open_window, sample_paths

    win = open_window(qtbot, make_case(tmp_path / "renamed.parallax", sample_paths(samples_dir)))
    win.resize(1366, 768)
    ws, area = win.ws, win.pane_area
    first, last = area.panes[0], area.panes[-1]
    both = [c for c in ws.alignment.claims if first.member_passages(c) and last.member_passages(c)]
    claim = min(both, key=lambda c: len({m.split(":")[0] for m in c.members}))
    near = {p.document().id for p in area.panes[:2]}
    in_view = next(c for c in ws.alignment.claims if {m.split(":")[0] for m in c.members} <= near)
    ws.select_claim(claim.id)
    qtbot.waitUntil(lambda: area.offscreen.isVisible(), timeout=3000)
    shown = area.offscreen.text()
    ws.select_claim(in_view.id)
    qtbot.waitUntil(lambda: not area.offscreen.isVisible(), timeout=3000)
    ws.select_claim(claim.id)
    qtbot.waitUntil(lambda: area.offscreen.isVisible(), timeout=3000)
    assert area.offscreen.text() == shown
    ws.update_source_details(last.source_key, outlet="The Renamed Courier")
    qtbot.waitUntil(lambda: "The Renamed Courier →" in area.offscreen.text(), timeout=5000)
    win.close()


def test_the_hint_names_a_few_sources_by_side_and_counts_many():
    from gui.panes.offscreen_hint import hint_text

    assert hint_text(["Alpha"], ["Beta"], True, "all") == (
        "Also in this claim, out of view: ← Alpha, Beta → · Ctrl+Shift+C shows only its sources"
    )
    assert hint_text(["A", "B"], ["C", "D"], False, "all") == (
        "Also in this item, out of view: ← 2 sources, 2 sources → · Ctrl+- fits more panes"
    )


LONG_OUTLETS = [
    "The Harbour Town Morning Ledger",
    "Metropolitan Courier of the Southern Districts",
    "Northern Valley Evening Chronicle and Gazette",
    "Independent Weekly Review of the Eastern Provinces",
    "Coastal Broadcasting Corporation Online News Desk",
    "Republic of Meridia Public Radio Newsroom",
    "Lakeside District Community Bulletin Online",
]


def test_three_long_names_out_of_view_are_cut_to_fit_a_laptop_row_and_named_whole_in_the_tooltip(qtbot):
    from PySide6.QtCore import QPoint, Qt

    from gui.app.main_window import MainWindow
    from gui.state.workspace import Workspace
    from gui_doubles import fake_analyze, make_source
    from gui_keyboard import press

    sources = [
        make_source(k, f"The ferry sailed at {n} in the morning. Crowds waved from the pier.", outlet=outlet)
        for n, (k, outlet) in enumerate(zip("abcdefg", LONG_OUTLETS), 6)
    ]
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(sources)
    area = win.pane_area
    win.claim_view.setFocus()
    press(qtbot, win, Qt.Key.Key_N)  # the first claim: every source tells it
    qtbot.waitUntil(lambda: area.offscreen.isVisible(), timeout=3000)
    viewport = area.scroller.viewport()
    # Three sources out of view to the right, whatever the font: the ones past them are hidden.
    in_view = len(area.panes) - len(area.hint.out_of_view()[1])
    for pane in area.panes[in_view + 3 :]:
        ws.set_hidden(pane.source_key, True)
    qtbot.waitUntil(lambda: area.offscreen.text().count("→") == 3, timeout=3000)  # a name and an arrow each
    names = [p.source().label for side in area.hint.out_of_view() for p in side]
    hint = area.offscreen
    assert hint.text().startswith("Also in this claim, out of view:")
    # The whole hint is on screen: from its left edge to its right, inside the row.
    assert hint.mapTo(viewport, QPoint(0, 0)).x() >= 0
    assert hint.geometry().right() < viewport.width()
    assert hint.sizeHint().width() <= hint.width()
    # Each source is still told apart by the start of its name, and named whole on hover.
    for name in names:
        assert name in hint.text() or (name[:6] in hint.text() and f"{name[-4:]} →" in hint.text())
        assert f"{name} →" in hint.toolTip()
    win.resize(2400, 1080)  # room for the names whole
    qtbot.waitUntil(
        lambda: all(p.source().label in hint.text() for side in area.hint.out_of_view() for p in side), timeout=3000
    )
    win.close()


def test_the_hint_cuts_long_names_then_drops_the_key_and_counts_the_sources_only_when_nothing_else_fits():
    from gui.panes.offscreen_hint import fitted_hint_text

    def width_of(text):
        return len(text) * 7  # px: a steady seven a character

    names = ["Northern Valley Evening Chronicle", "Independent Weekly Review", "Coastal Broadcasting Online"]
    whole = fitted_hint_text([], names, True, "all", 10_000, width_of)
    assert whole.endswith("Coastal Broadcasting Online → · Ctrl+Shift+C shows only its sources")
    cut = fitted_hint_text([], names, True, "all", len(whole) * 7 - 70, width_of)
    # Cut in the middle: both ends stay, where outlets that share a first word differ.
    assert "Northern Val…g Chronicle →" in cut and cut.endswith("· Ctrl+Shift+C shows only its sources")
    keyless = fitted_hint_text([], names, True, "all", 90 * 7, width_of)
    assert keyless == "Also in this claim, out of view: North…icle →, Indep…view →, Coast…line →"
    assert fitted_hint_text([], names, True, "all", 50 * 7, width_of) == "Also in this claim, out of view: 3 sources →"
