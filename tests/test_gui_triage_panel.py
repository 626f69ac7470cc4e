"""TriagePanel: the queue by rank, progress, filters, selection both ways."""
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from gui.panels.triage_panel import TriagePanel  # noqa: E402
from gui_fakes import make_alignment  # noqa: E402
from widget_base import on_fake_workspace  # noqa: E402


@pytest.fixture
def panel(qtbot):
    return on_fake_workspace(qtbot, TriagePanel, 420, 400)


def _texts(panel):
    return [[panel.list.topLevelItem(i).text(c) for c in range(3)] for i in range(panel.list.topLevelItemCount())]


def test_the_queue_lists_divergences_by_rank_with_type_summary_and_verdict(panel):
    assert _texts(panel) == [["number", "1,200 vs 1,100", "untriaged"], ["time", "Monday vs Tuesday", "untriaged"]]
    assert panel.progress_label.text() == "0 of 2 triaged"


def test_a_verdict_updates_the_row_and_the_progress(panel):
    panel.ws.set_verdict("k-time", "confirmed", note="Release says Monday")
    assert _texts(panel)[1] == ["time", "Monday vs Tuesday", "confirmed ✎"]
    assert panel.progress_label.text() == "1 of 2 triaged"
    assert panel.progress_bar.value() == 1 and panel.progress_bar.maximum() == 2


def test_clicking_a_row_selects_its_divergence_in_the_workspace(panel, qtbot):
    rect = panel.list.visualItemRect(panel.list.topLevelItem(1))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.ws.calls[-1] == ("select_divergence", "k-time")
    assert panel.ws.current_claim_id == "c0"


def test_arrow_keys_in_the_list_move_through_the_queue(panel, qtbot):
    panel.ws.select_divergence("k-number")
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.ws.current_divergence_key == "k-time"


def test_the_current_divergence_chosen_elsewhere_is_selected(panel):
    panel.ws.select_divergence("k-time")
    assert [i.data(0, Qt.ItemDataRole.UserRole) for i in panel.list.selectedItems()] == ["k-time"]
    panel.ws.select_claim("c2")
    assert panel.list.selectedItems() == []


def test_filters_by_verdict_type_and_source(panel):
    panel.ws.set_verdict("k-number", "follow_up")
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("untriaged"))
    assert panel.keys() == ["k-time"]
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("follow_up"))
    assert panel.keys() == ["k-number"]
    panel.verdict_filter.setCurrentIndex(0)
    assert [panel.type_filter.itemText(i) for i in range(panel.type_filter.count())] == ["All types", "Time", "Number"]
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("time"))
    assert panel.keys() == ["k-time"]
    panel.type_filter.setCurrentIndex(0)
    panel.source_filter.setCurrentIndex(panel.source_filter.findData("b"))
    assert panel.keys() == ["k-number", "k-time"]
    assert panel.empty.isHidden()


def test_a_filter_that_hides_everything_says_so(panel):
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("confirmed"))
    assert panel.keys() == []
    assert panel.empty.isVisible() and panel.empty.text() == "No divergence passes these filters."


def test_a_new_alignment_keeps_the_filters_and_the_current_divergence(panel):
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("number"))
    panel.ws.select_divergence("k-number")
    panel.ws.set_alignment(make_alignment())
    assert panel.type_filter.currentData() == "number"
    assert [i.data(0, Qt.ItemDataRole.UserRole) for i in panel.list.selectedItems()] == ["k-number"]


def test_the_triaged_filter_lists_only_divergences_with_a_verdict(panel):
    panel.ws.set_verdict("k-time", "source_error", source_key="b")
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("triaged"))
    assert panel.keys() == ["k-time"]
    assert _texts(panel) == [["time", "Monday vs Tuesday", "source error"]]
