"""Who a source says a fact came from."""

from core.compare.facts import build_fact_sheet
from fact_sheet_texts import sources


def test_attributions_found_with_the_word_gates_are_those_the_whole_patterns_find(monkeypatch):
    from core.compare.facts import attribution

    texts = (
        "At least 40 cars were stranded on the quay, according to harbour officials.",
        "Port officials said 38 cars were stranded. The ferry left at 9:15, a pilot told the Orvan Herald.",
        "Some 41 cars waited, the harbour master estimated on Monday; “It was calm,” he wrote.",
    )
    gated = [
        (r.label, [(c.document, c.start, c.end, c.value) for c in r.cells]) for r in build_fact_sheet(sources(*texts))
    ]
    monkeypatch.setattr(attribution, "letters_plain", lambda text: False)
    whole = [
        (r.label, [(c.document, c.start, c.end, c.value) for c in r.cells]) for r in build_fact_sheet(sources(*texts))
    ]
    assert gated == whole
    assert [cell[3] for cell in dict(gated)["cars: attributed to"]] == ["harbour officials", "port officials"]
