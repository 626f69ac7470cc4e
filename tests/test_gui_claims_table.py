"""ClaimsTable: rows of claims, marked cells, majority summary, sorting, selection both ways."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from gui.panels.claims_table import HTML_ROLE, ClaimsTable, member_html  # noqa: E402
from gui_fakes import FakeWorkspace, make_alignment  # noqa: E402


@pytest.fixture
def table(qtbot):
    ws = FakeWorkspace()
    widget = ClaimsTable(ws)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    return widget


def _cell(table, claim_id, col, role=Qt.ItemDataRole.DisplayRole):
    row = table.claim_ids().index(claim_id)
    return table.proxy.index(row, col).data(role)


def test_columns_are_summary_rank_sources_then_one_per_source(table):
    headers = [table.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(table.proxy.columnCount())]
    assert headers == ["Summary", "Rank", "Sources", "Alpha", "Beta", "Gamma"]
    assert table.proxy.rowCount() == 3


def test_each_row_shows_the_majority_summary_rank_and_marked_member_texts(table):
    assert [_cell(table, "c0", c) for c in range(6)] == [
        "time: 2 of 3 say “Monday”; Beta says “Tuesday”.",
        "0.60",
        "3",
        "The mayor opened the bridge on [Monday].",
        "The mayor opened the bridge on [Tuesday].",
        "The mayor opened the bridge on [Monday].",
    ]
    assert [_cell(table, "c2", c) for c in range(6)] == [
        "No divergence found among 2 sources (link score 1.00).",
        "0.00",
        "2",
        "Crowds cheered at the river.",
        "Crowds cheered at the river.",
        "—",
    ]


def test_divergent_words_are_bold_and_underlined_in_the_rich_cell(table):
    rich = _cell(table, "c1", 4, HTML_ROLE)
    assert rich.startswith("It cost <b style='text-decoration: underline; text-decoration-style: wavy;")
    assert rich.endswith(">1,100</b> dollars to build.")


def test_member_html_escapes_article_markup():
    al = make_alignment()
    rich, plain = member_html(al, al.claims[2], al.documents[0])
    assert (rich, plain) == ("Crowds cheered at the river.", "Crowds cheered at the river.")


def test_the_most_important_claim_comes_first_and_other_sorts_are_available(table):
    assert table.claim_ids() == ["c1", "c0", "c2"]
    table.sort_by(1, Qt.SortOrder.AscendingOrder)
    assert table.claim_ids() == ["c2", "c0", "c1"]
    table.sort_by(2, Qt.SortOrder.AscendingOrder)
    assert table.claim_ids()[0] == "c2"


def test_clicking_a_row_selects_the_claim_in_the_workspace(table, qtbot):
    rect = table.view.visualRect(table.proxy.index(1, 1))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.ws.calls[-1] == ("select_claim", "c0")
    assert table.selected_claim_id() == "c0"


def test_arrow_down_selects_the_next_claim(table, qtbot):
    table.ws.select_claim("c1")
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Down)
    assert table.ws.calls[-1] == ("select_claim", "c0")


def test_source_headers_carry_the_full_source_description(table):
    assert (
        table.proxy.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == "Beta\nBridge story Beta\n2026-11-20"
    )


def test_the_current_claim_chosen_elsewhere_is_selected_after_sorting_too(table):
    table.sort_by(1, Qt.SortOrder.DescendingOrder)
    table.ws.select_divergence("k-time")
    assert table.selected_claim_id() == "c0"
    assert table.view.selectionModel().selectedRows()[0].row() == 1
    assert ("select_claim", "c0") not in table.ws.calls


def test_a_new_alignment_rebuilds_the_rows(table):
    al = make_alignment()
    table.ws.set_alignment(type(al)(al.documents, al.claims[:1], al.unique))
    assert table.claim_ids() == ["c0"]


def test_a_hidden_table_catches_up_with_a_new_alignment_when_shown(table):
    al = make_alignment()
    table.hide()
    table.ws.set_alignment(type(al)(al.documents, al.claims[1:], al.unique))
    assert table.claim_ids() == ["c1", "c0", "c2"]  # untouched while nobody looks at it
    table.ws.select_claim("c2")
    table.show()
    assert table.claim_ids() == ["c1", "c2"]
    assert table.selected_claim_id() == "c2"


def test_a_contradiction_inside_one_source_is_a_row_and_selecting_it_makes_it_current(qtbot):
    from dataclasses import replace

    from core.model import Contradiction, Variant

    al = make_alignment()
    text = al.documents[0].source.text
    a, b = text.index("mayor"), text.index("council chair")
    contradiction = Contradiction(
        "d0",
        "title",
        '"mayor" vs "council chair"',
        (Variant("d0:p0", a, a + 5, "mayor"), Variant("d0:p3", b, b + 13, "council chair")),
    )
    ws = FakeWorkspace(replace(al, contradictions=(contradiction,)))
    widget = ClaimsTable(ws)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.proxy.rowCount() == 4
    [key] = widget.item_keys()
    row = next(
        r
        for r in range(widget.proxy.rowCount())
        if widget.proxy.index(r, 0)
        .data(Qt.ItemDataRole.DisplayRole)
        .startswith('title: "mayor" vs "council chair" (Alpha)')
    )
    assert widget.proxy.index(row, 3).data() == "“mayor” / “council chair”"
    assert widget.proxy.index(row, 4).data() == "—"
    widget.view.selectRow(row)
    assert ws.current_divergence_key == key


def test_a_hidden_source_has_no_column_even_before_any_re_alignment(table):
    table.ws.hidden.add("b")
    table.ws.sourcesChanged.emit()
    headers = [table.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(table.proxy.columnCount())]
    assert headers == ["Summary", "Rank", "Sources", "Alpha", "Gamma"]


def test_a_source_that_tells_the_fact_twice_shows_both_tellings_and_not_the_text_between():
    from dataclasses import replace

    from core.model import TELLING_GAP

    al = make_alignment()
    twice = replace(al.claims[0], members=("d0:p0", "d0:p2", "d1:p1", "d2:p0"))
    al = replace(al, claims=(twice,) + al.claims[1:])
    rich, plain = member_html(al, twice, al.documents[0])
    assert plain == "The mayor opened the bridge on [Monday]." + TELLING_GAP + "Crowds cheered at the river."
    assert "1,200" not in rich  # the sentence between the two tellings is left out
