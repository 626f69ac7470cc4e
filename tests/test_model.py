"""The plain data of an alignment: a claim's tellings."""

from dataclasses import replace

from fixtures.export.sample import build_alignment


def _with_members(alignment, members):
    return replace(alignment, claims=(replace(alignment.claims[0], members=members),) + alignment.claims[1:])


def test_a_claim_has_one_telling_per_run_of_adjacent_passages_of_a_source():
    alignment = _with_members(build_alignment(), ("d0:p0", "d0:p2", "d1:p0", "d1:p1"))
    tellings = [(doc.id, [p.id for p in run]) for doc, run in alignment.tellings(alignment.claims[0])]
    assert tellings == [("d0", ["d0:p0"]), ("d0", ["d0:p2"]), ("d1", ["d1:p0", "d1:p1"])]


def test_tellings_follow_text_order_whatever_the_order_of_the_members():
    alignment = _with_members(build_alignment(), ("d1:p1", "d0:p2", "d1:p0", "d0:p0"))
    tellings = [(doc.id, [p.id for p in run]) for doc, run in alignment.tellings(alignment.claims[0])]
    assert tellings == [("d0", ["d0:p0"]), ("d0", ["d0:p2"]), ("d1", ["d1:p0", "d1:p1"])]


def test_a_divergence_two_claims_carry_is_listed_once_under_the_first():
    alignment = build_alignment()
    first = alignment.claims[0]
    twin = replace(first, id="c9", key="key-twin")
    doubled = replace(alignment, claims=alignment.claims + (twin,))
    keys = [d.key for d in doubled.divergences()]
    assert len(keys) == len(set(keys)) == len(alignment.divergences())
    assert {d.claim for d in doubled.divergences() if d.key in {x.key for x in first.divergences}} == {first.id}
