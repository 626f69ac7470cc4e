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
