"""Family relations and their status: one person's ex-husband is not their estranged husband."""

from core.compare.relations import find_relations
from test_divergence import diverge


def test_relations_are_found_with_their_status():
    assert find_relations("her ex-husband's aunt and his late wife") == [
        (4, 16, "ex", "husband"),
        (30, 39, "late", "wife"),
    ]


def test_two_statuses_of_one_relation_are_a_title_divergence():
    _, (divergence,) = diverge(
        "Vell sold the farm of her ex-husband, Tor, in Kessel.",
        "Vell sold the farm of her estranged husband, Tor, in Kessel.",
    )
    assert divergence.type == "title"
    assert [v.text for v in divergence.variants] == ["ex-husband", "estranged husband"]


def test_a_relation_without_a_status_is_not_compared():
    _, found = diverge(
        "Vell sold the farm of her ex-husband, Tor, in Kessel.", "Vell sold the farm of her husband, Tor, in Kessel."
    )
    assert found == ()
