"""AnnotationsPanel: rows with label, status, target, note; orphans marked; filters; jumping."""

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from gui.panels.annotations_panel import AnnotationsPanel, place  # noqa: E402
from gui_fakes import TEXTS, selector  # noqa: E402
from widget_base import on_fake_workspace  # noqa: E402


@pytest.fixture
def panel(qtbot):
    return on_fake_workspace(qtbot, AnnotationsPanel, 600, 400)


def _rows(panel):
    return [[panel.list.topLevelItem(i).text(c) for c in range(4)] for i in range(panel.list.topLevelItemCount())]


def test_each_annotation_shows_label_status_target_and_first_note_line(panel):
    assert _rows(panel) == [
        ["disputed", "open", "on Tuesday", "City hall says Monday."],
        ["verified", "resolved", "It cost 1,200 dollars to build.", "Budget document confirms 1,200."],
        ["needs source", "open", "orphaned · the old ferry", "Where does this come from?"],
    ]
    assert panel.count_label.text() == "3 of 3 annotations · 1 orphaned"


def test_an_orphan_is_shown_in_red_italics(panel):
    item = panel.list.topLevelItem(2)
    assert item.font(2).italic() and item.foreground(2).color().name() == "#c62828"
    assert not panel.list.topLevelItem(0).font(2).italic()


def test_filters_by_label_status_and_source(panel):
    panel.label_filter.setCurrentIndex(panel.label_filter.findData("verified"))
    assert panel.ids() == ["n2"]
    panel.label_filter.setCurrentIndex(0)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("open"))
    assert panel.ids() == ["n1", "n3"]
    panel.status_filter.setCurrentIndex(0)
    panel.source_filter.setCurrentIndex(panel.source_filter.findData("a"))
    assert panel.ids() == ["n2"]  # the claim annotation: Alpha has a member of that claim
    panel.source_filter.setCurrentIndex(panel.source_filter.findData("b"))
    assert panel.ids() == ["n1", "n2"]


def test_activating_a_span_annotation_selects_its_passage(panel, qtbot):
    item = panel.list.topLevelItem(0)
    panel.list.setCurrentItem(item)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert panel.ws.calls[-1] == ("select_passage", "d1:p1")


def test_activating_a_claim_annotation_selects_the_claim(panel):
    panel.jump("n2")
    assert panel.ws.calls[-1] == ("select_claim", "c1")


def test_activating_an_orphan_tells_the_user_and_selects_nothing(panel, qtbot):
    with qtbot.waitSignal(panel.ws.message) as blocker:
        panel.jump("n3")
    assert blocker.args == ["This annotation is orphaned: its text is no longer where it was."]
    assert panel.ws.calls == []


def test_delete_asks_the_workspace(panel, qtbot):
    panel.list.topLevelItem(1).setSelected(True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.ws.calls[-1] == ("delete_annotation", "n2")
    assert panel.ids() == ["n1", "n3"]


def test_a_new_annotation_appears_and_its_label_joins_the_filter(panel):
    new = replace(panel.ws.annotations[0], id="n4", label="embargoed", note="")
    panel.ws.add_annotation(new)
    assert panel.ids() == ["n1", "n2", "n3", "n4"]
    assert panel.label_filter.findData("embargoed") > 0


def test_a_quote_that_moved_is_found_and_a_repeated_one_is_an_orphan():
    sel = selector(TEXTS["a"], "Crowds cheered")
    assert place(sel, "Intro. " + TEXTS["a"]) == (78, 92)
    assert place(sel, "Crowds cheered. Crowds cheered.") is None
