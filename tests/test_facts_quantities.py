"""Counted and measured numbers of the fact sheet: what a figure is of and when."""


def test_a_figure_is_dated_by_a_year_in_its_clause_and_undated_without_one():
    from core.compare.facts.quantities import YEAR, _about

    text = "The levy, set in 2024, raised 40 pounds; 12 boats in 1999 sailed and 7 more, 5 in 2101 and 3 since 1920"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("40 ", "12 ", "7 ", "5 ", "3 ")]
    assert [_about(text, s, e - 1) for s, e in spans] == ["", "1999", "1999", "1920", "1920"]
    assert YEAR.search("5 in 2101") is None
