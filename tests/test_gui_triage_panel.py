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
    return panel.row_texts()


def test_the_queue_lists_divergences_by_rank_with_type_summary_and_verdict(panel):
    assert _texts(panel) == [["number", "1,200 vs 1,100", "untriaged"], ["time", "Monday vs Tuesday", "untriaged"]]
    assert panel.progress_label.text() == "0 of 2 triaged"


def test_a_verdict_updates_the_row_and_the_progress(panel):
    panel.ws.set_verdict("k-time", "confirmed", note="Release says Monday")
    assert _texts(panel)[1] == ["time", "Monday vs Tuesday", "confirmed ✎"]
    assert panel.progress_label.text() == "1 of 2 triaged"
    assert panel.progress_bar.value() == 1 and panel.progress_bar.maximum() == 2


def test_clicking_a_row_selects_its_divergence_in_the_workspace(panel, qtbot):
    rect = panel.list.visualRect(panel.model.index(1, 1))
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
    assert panel.selected_keys() == ["k-time"]
    panel.ws.select_claim("c2")
    assert panel.selected_keys() == []


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
    assert panel.selected_keys() == ["k-number"]


def test_the_triaged_filter_lists_only_divergences_with_a_verdict(panel):
    panel.ws.set_verdict("k-time", "source_error", source_key="b")
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("triaged"))
    assert panel.keys() == ["k-time"]
    assert _texts(panel) == [["time", "Monday vs Tuesday", "source error"]]


def test_a_verdict_changes_exactly_one_row_of_the_model(panel, qtbot):
    changed, resets = [], []
    panel.model.dataChanged.connect(lambda first, last, _roles=(): changed.append((first.row(), last.row())))
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.ws.set_verdict("k-time", "follow_up")
    assert changed == [(1, 1)]
    assert resets == []
    assert _texts(panel)[1][2] == "follow-up"


def test_a_verdict_under_the_untriaged_filter_removes_only_its_row(panel):
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("untriaged"))
    removed, resets = [], []
    panel.model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.ws.set_verdict("k-number", "confirmed")
    assert removed == [(0, 0)] and resets == []
    assert panel.keys() == ["k-time"]


def test_queue_items_of_another_kind_show_their_kind_summary_and_sources(panel):
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Inconsistency:  # a queue item that is not a Divergence: only key, kind, summary, sources
        key: str
        kind: str
        summary: str
        source_keys: tuple

    item = Inconsistency("k-self", "contradiction", "President vs former President", ("b",))
    panel.model.set_items(panel.ws.alignment, [item], {})
    assert panel.row_texts() == [["contradiction", "President vs former President", "untriaged"]]
    assert "Beta" in panel.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_a_contradiction_row_shows_its_wordings_and_source_and_says_inside_one_source_in_its_tooltip(panel):
    from dataclasses import replace

    from core.case.queue_items import contradiction_items
    from core.model import Contradiction, Variant
    from gui_fakes import TEXTS

    text = TEXTS["a"]
    first, second = text.index("mayor"), text.index("council chair")
    variants = (Variant("d0:p0", first, first + 5, "mayor"), Variant("d0:p3", second, second + 13, "council chair"))
    al = replace(panel.ws.alignment, contradictions=(Contradiction("d0", "title", "mayor vs chair", variants),))
    panel.model.set_items(al, contradiction_items(al), {})
    assert panel.row_texts() == [["title", '"mayor" vs "council chair" (Alpha)', "untriaged"]]
    assert "contradiction inside one source" in panel.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_a_narrow_panel_shows_verdicts_as_their_keys_and_its_filters_shrink(qtbot):
    narrow = on_fake_workspace(qtbot, TriagePanel, 270, 400)
    assert narrow.minimumSizeHint().width() <= 270  # three filters side by side no longer need 364 px
    narrow.ws.set_verdict("k-time", "follow_up")
    assert [row[2] for row in narrow.row_texts()] == ["·", "3"]
    assert narrow.model.headerData(2, Qt.Orientation.Horizontal) == "1–4"
    assert "Needs follow-up" in narrow.model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    narrow.resize(420, 400)
    assert [row[2] for row in narrow.row_texts()] == ["untriaged", "follow-up"]


def test_moving_through_the_queue_selects_the_row_and_leaves_the_column_titles_unpainted(panel, qtbot):
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, _obj, event):  # noqa: N802 - Qt's name
            self.count += event.type() == QEvent.Type.Paint
            return False

    paints = Paints()
    panel.list.header().viewport().installEventFilter(paints)
    for key, row in (("k-number", 0), ("k-time", 1)):
        panel.ws.select_divergence(key)
        qtbot.wait(20)
        assert panel.selected_keys() == [key]
        assert panel.list.selectionModel().isRowSelected(row)
    assert paints.count == 0  # the titles did not change: a J repaints the rows only
    assert [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Type", "Divergence", "Verdict"]


def test_the_progress_is_counted_once_per_change_of_the_verdicts(panel, monkeypatch):
    from gui.panels import triage_panel

    counted = []
    count = triage_panel.progress
    monkeypatch.setattr(triage_panel, "progress", lambda *a: counted.append(a) or count(*a))
    panel.ws.set_verdict("k-time", "confirmed")
    assert panel.progress_label.text() == "1 of 2 triaged" and len(counted) == 1
    # The status bar asks on every move, with the set-aside count: nothing is counted again.
    assert panel.progress_text() == panel.progress_line() == "1 of 2 triaged"
    assert panel.progress_line(set_aside=2) == "1 of 2 triaged · 2 set aside"
    assert len(counted) == 1
    panel.ws.set_verdict("k-number", "follow_up")  # the fake workspace changes its verdicts in place
    assert panel.progress_line() == "2 of 2 triaged" and panel.progress_bar.value() == 2
    assert len(counted) == 2


def test_a_verdict_given_or_cleared_changes_only_its_own_row(panel):
    rows = []
    panel.model.dataChanged.connect(lambda top, bottom, *_: rows.append((top.row(), bottom.row())))
    time_row = panel.model.row_of("k-time")
    panel.ws.set_verdict("k-number", "confirmed")
    rows.clear()
    panel.ws.set_verdict("k-time", "follow_up")  # the other row's verdict is left as it was
    assert rows == [(time_row, time_row)]
    assert [r[2] for r in _texts(panel)] == ["confirmed", "follow-up"]
    rows.clear()
    panel.ws.clear_verdict("k-time")
    assert rows == [(time_row, time_row)] and _texts(panel)[time_row][2] == "untriaged"
