"""The plain data of an alignment: a claim's tellings, a source's short name."""

from dataclasses import replace

from core.model import Source
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


def test_a_divergence_two_claims_carry_is_listed_once_with_the_variants_of_both():
    from core.case.queue_items import queue_items
    from core.model import Variant

    alignment = build_alignment()
    first = alignment.claims[0]
    div = first.divergences[0]
    # the same divergence (same key) found by another claim, with one more source's wording
    third = alignment.documents[0].passages[2]
    extra = Variant(third.id, third.start, third.start + 8, third.text[:8])
    twin = replace(
        first, id="c9", key="key-twin", divergences=(replace(div, claim="c9", variants=div.variants + (extra,)),)
    )
    doubled = replace(alignment, claims=alignment.claims + (twin,))
    for listed in (
        [d for d in doubled.divergences() if d.key == div.key],
        [d for d in queue_items(doubled) if d.key == div.key],
    ):
        assert len(listed) == 1 and listed[0].claim == first.id
        assert listed[0].variants == div.variants + (extra,)
        assert f'"{extra.text}" (Harbour Courier)' in listed[0].summary


def test_passages_with_page_furniture_between_them_are_two_tellings():
    import hashlib

    from core.analysis import analyze
    from core.model import Source

    def source(key, text):
        return Source(key=key, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), kind="txt", outlet=key)

    caption = (
        "Ferry line halts Orla crossings\n"
        "Photo: Harbour crews at the Orla pier on Monday. Credit: Ida Moen\n"
        "Share\n"
        "The ferry line halted all crossings to Orla after the storm damaged the pier.\n"
    )
    alignment = analyze(
        [
            source("a", caption),
            source(
                "b", "Ferry line halts Orla crossings\nThe ferry line halted every crossing to Orla after the storm."
            ),
        ]
    )
    doc = alignment.documents[0]
    assert doc.boilerplate, "the caption and the share button are page furniture"
    claim = next(c for c in alignment.claims if "d0:p0" in c.members and "d0:p1" in c.members)
    runs = [[p.id for p in run] for owner, run in alignment.tellings(claim) if owner is doc]
    assert runs == [["d0:p0"], ["d0:p1"]]  # the caption between them is in neither


def test_a_source_is_named_by_its_outlet_else_a_text_files_name_else_its_title():
    headline = Source(
        "k",
        "Dock collapse leaves nine missing\nText.",
        "0",
        "txt",
        path="notes/harbour_daily.txt",
        title="Dock collapse leaves nine missing",
    )
    assert headline.label == "harbour_daily"  # the headline is its title, not its name in summaries
    assert replace(headline, outlet="Harbour Daily").label == "Harbour Daily"
    page = Source("k", "Text.", "0", "html", path="https://example.org/a/123", title="Dock collapse")
    assert page.label == "Dock collapse"
    pasted = Source("k", "Text.", "0", "paste", title="Pasted text")
    assert pasted.label == "Pasted text"


def test_a_record_built_by_fast_init_has_the_dataclass_fields_defaults_and_frozenness():
    import dataclasses

    import pytest

    from core.model import Link, fast_init

    link = Link("d0:p1", "d1:p4", 0.8)
    assert (link.a, link.b, link.score, link.manual) == ("d0:p1", "d1:p4", 0.8, False)
    assert link == Link(a="d0:p1", b="d1:p4", score=0.8, manual=False) and hash(link) == hash(
        Link("d0:p1", "d1:p4", 0.8)
    )
    assert dataclasses.replace(link, manual=True) == Link("d0:p1", "d1:p4", 0.8, True)
    assert list(vars(link)) == [f.name for f in dataclasses.fields(Link)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        link.score = 0.1  # type: ignore[misc]
    with pytest.raises(TypeError):
        Link("d0:p1")  # type: ignore[call-arg]

    @dataclasses.dataclass(frozen=True)
    class Grown:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        fast_init(Grown)  # a default factory is not one of the plain fields it can fill
