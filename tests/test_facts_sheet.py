"""Whether the values sources give for one row can both hold: titles and times compared source by source."""

from core.compare.facts.mentions import Mention
from core.compare.facts.sheet import is_divergent


def said(doc: str, value: str, kind: str = "person", type_: str = "title", about: str = "") -> Mention:
    """Return a mention of one row (offsets and wording do not matter to the comparison)."""
    fact = "person:lund:ida:title" if kind == "person" else "event:vote"
    return Mention(fact, "row", kind, type_, doc, doc.upper(), f"{doc}:p0", 0, 1, value, value, about=about)


def test_a_former_title_and_a_current_one_clash_only_between_two_sources():
    assert is_divergent([said("d0", "former mayor"), said("d1", "mayor")])
    assert is_divergent([said("d0", "mayor"), said("d1", "mayor"), said("d1", "former mayor")])
    # one source saying both is no clash between sources; nor are two roles, or one role twice
    assert not is_divergent([said("d0", "former mayor"), said("d0", "mayor"), said("d1", "deputy")])
    assert is_divergent([said("d0", "former mayor"), said("d0", "mayor"), said("d1", "former mayor")])
    assert not is_divergent([said("d0", "former mayor"), said("d1", "deputy")])
    assert not is_divergent([said("d0", "mayor"), said("d1", "acting mayor"), said("d2", "mayor")])
    assert is_divergent([said("d0", "former mayor"), said("d1", "deputy"), said("d2", "acting mayor")])


def vote(doc: str, value: str, about: str = "") -> Mention:
    return said(doc, value, kind="event", type_="time", about=about)


def test_times_clash_between_sources_for_one_actor_or_a_time_without_one():
    assert is_divergent([vote("d0", "monday"), vote("d1", "tuesday")])
    assert not is_divergent([vote("d0", "monday"), vote("d1", "monday"), vote("d2", "monday")])
    # the Senate's day and the House's day are two facts; a day without an actor meets both
    assert not is_divergent([vote("d0", "monday", "Senate"), vote("d1", "tuesday", "House")])
    assert is_divergent([vote("d0", "monday", "Senate"), vote("d1", "tuesday", "Senate")])
    assert is_divergent([vote("d0", "monday", "Senate"), vote("d1", "tuesday"), vote("d2", "monday", "Senate")])
    # a source giving two days shares one with each: only the two sources giving one day each clash
    assert not is_divergent([vote("d0", "monday"), vote("d1", "monday"), vote("d1", "tuesday"), vote("d3", "monday")])
    assert is_divergent([vote("d0", "monday"), vote("d1", "monday"), vote("d1", "tuesday"), vote("d2", "tuesday")])
