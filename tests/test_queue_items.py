"""Queue items: each item's summary leads with what tells it from the others."""

from dataclasses import replace

from core.case.queue_items import contradiction_items
from core.model import Contradiction, Variant
from gui_fakes import TEXTS, make_alignment


def _variant(pid: str, word: str) -> Variant:
    at = TEXTS["a"].index(word)
    return Variant(pid, at, at + len(word), word)


def test_a_contradiction_summary_leads_with_its_wordings_each_once_then_its_source():
    title = Contradiction(
        "d0",
        "title",
        'Alpha calls someone "mayor" vs "council chair"',
        (_variant("d0:p0", "mayor"), _variant("d0:p3", "council chair")),
    )
    day = Contradiction(
        "d0",
        "time",
        'the opening "Monday" vs "river"',
        (_variant("d0:p0", "Monday"), _variant("d0:p2", "river"), _variant("d0:p0", "Monday")),
    )
    items = contradiction_items(replace(make_alignment(), contradictions=(title, day)))
    assert [item.summary for item in items] == ['"mayor" vs "council chair" (Alpha)', '"Monday" vs "river" (Alpha)']
    # The queue column shows about 20 characters: those must already tell the items apart.
    assert items[0].summary[:20] != items[1].summary[:20]


def _analysed(**texts):
    import hashlib

    from core.analysis import analyze
    from core.model import Source

    return analyze(
        [
            Source(key=o.lower(), text=t, sha256=hashlib.sha256(t.encode()).hexdigest(), kind="txt", outlet=o)
            for o, t in texts.items()
        ]
    )


ALPHA = "Former Mayor Ilse Varga opened the Tarnow bridge today."
BETA = "Mayor Ilse Varga opened the Tarnow bridge."


def test_a_fact_row_that_repeats_a_claims_divergence_is_judged_there_and_stays_in_the_sheet():
    from core.case.queue_items import judged_as, queue_items

    al = _analysed(Alpha=ALPHA, Beta=BETA, Gamma="Crowds cheered at the river.")
    (row,) = [r for r in al.facts if r.divergent]
    (claim_div,) = [d for c in al.claims for d in c.divergences if d.type == "title"]
    assert [d.key for d in queue_items(al)] == [claim_div.key]  # one finding, one item
    assert judged_as(al, row.key) == claim_div.key and judged_as(al, claim_div.key) == claim_div.key


def test_a_fact_row_with_a_source_its_claims_divergence_lacks_stays_a_queue_item_of_its_own():
    from core.case.queue_items import judged_as, queue_items

    gamma = (
        "Crowds cheered at the river. Deputy Mayor Ilse Varga said the ferry timetable for the islands comes in March."
    )
    al = _analysed(Alpha=ALPHA, Beta=BETA, Gamma=gamma)
    (row,) = [r for r in al.facts if r.divergent]
    assert [c.text for c in row.cells] == ["Former Mayor", "Mayor", "Deputy Mayor"]
    assert sorted(d.kind for d in queue_items(al)) == ["divergence", "fact"]
    assert judged_as(al, row.key) == row.key


def test_a_fact_row_whose_only_difference_is_a_claims_divergence_is_judged_there_beside_a_value_all_give():
    from core.case.queue_items import judged_as, queue_items

    al = _analysed(
        Alpha="Mayor Ilse Varga met Governor Tessa Morn in Velm at 3 p.m. on Monday to sign the pact.",
        Beta="Mayor Ilse Varga met Tessa Morn in Velm at 5 p.m. on Monday to sign the pact.",
    )
    (row,) = [r for r in al.facts if r.divergent]
    assert [c.text for c in row.cells] == ["3 p.m.", "Monday", "5 p.m.", "Monday"]
    (clock,) = [d for c in al.claims for d in c.divergences if d.type == "time"]
    assert [d.key for d in queue_items(al)] == [clock.key]  # "Monday" both give is no part of it
    assert judged_as(al, row.key) == clock.key


def test_a_title_contradiction_groups_the_wordings_that_give_one_title_on_one_side():
    said = [("d0:p0", "President Ada Moss"), ("d0:p2", "President Moss"), ("d0:p4", "former President Ada Moss")]
    title = Contradiction(
        "d0",
        "title",
        "Alpha calls Ada Moss president and former president",
        tuple(Variant(p, 0, 1, t) for p, t in said),
    )
    (item,) = contradiction_items(replace(make_alignment(), contradictions=(title,)))
    assert item.summary == '"President Ada Moss" / "President Moss" vs "former President Ada Moss" (Alpha)'
