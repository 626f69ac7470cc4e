"""Each number or time of a claim is paired with the value of the same thing in every other source."""

from test_divergence import claim, document

import core.compare.pairing as pairing
from core.compare.divergence import _tellings
from core.compare.matching import _same_time, _times_pairable, number_key, numbers_agree, time_key
from core.compare.pairing import mutual_pairs


def tellings_of(*sentences):
    docs = [document(f"d{n}", f"Outlet {n}", s) for n, s in enumerate(sentences)]
    return _tellings(claim(*[f"d{n}:p1" for n in range(len(docs))]), docs)


def number_pairs(*sentences):
    pairs = mutual_pairs(tellings_of(*sentences), "number", number_key, lambda a, b, alone: True, numbers_agree)
    return [((a[0], a[1].slot.text), (b[0], b[1].slot.text)) for a, b in pairs]


def time_pairs(*sentences):
    pairs = mutual_pairs(tellings_of(*sentences), "time", time_key, _times_pairable, _same_time)
    return [((a[0], a[1].slot.text), (b[0], b[1].slot.text)) for a, b in pairs]


def test_each_count_is_paired_with_the_count_of_the_same_thing_in_every_other_source():
    assert number_pairs(
        "The ferry Halvard sank off Kessel and 41 people died, with 310 passengers aboard.",
        "With 305 passengers aboard, the ferry Halvard sank off Kessel and 44 people died.",
        "The ferry Halvard sank off Kessel; 41 people died.",
    ) == [((0, "41"), (1, "44")), ((0, "310"), (1, "305")), ((0, "41"), (2, "41")), ((1, "44"), (2, "41"))]


def test_of_two_counts_of_one_thing_each_is_paired_with_the_one_told_in_the_same_words():
    assert number_pairs(
        "The Kessel plant cut 200 jobs at its paint shop, and 40 jobs went in its office.",
        "In its office 45 jobs went, and the Kessel plant cut 210 jobs at its paint shop.",
    ) == [((0, "200"), (1, "210")), ((0, "40"), (1, "45"))]


def test_a_value_two_values_choose_is_paired_only_with_the_one_it_chooses_back():
    assert number_pairs(
        "The Kessel plant cut 200 jobs at its paint shop, and 40 jobs went in its office.",
        "The Kessel plant cut 210 jobs at its paint shop.",
    ) == [((0, "200"), (1, "210"))]


def test_values_beside_two_different_names_are_not_paired():
    assert number_pairs("Kessel Motors cut 200 jobs.", "Brent Steel cut 210 jobs.") == []


def test_the_words_around_a_value_are_read_only_when_two_candidates_are_weighed(monkeypatch):
    read = []
    context = pairing._context
    monkeypatch.setattr(pairing, "_context", lambda telling, slot: read.append(slot.text) or context(telling, slot))
    number_pairs(
        "The ferry Halvard sank off Kessel and 41 people died.",
        "The ferry Halvard sank off Kessel and 44 people died.",
    )
    assert read == []  # one count each: nothing to weigh
    number_pairs(
        "The Kessel plant cut 200 jobs at its paint shop, and 40 jobs went in its office.",
        "The Kessel plant cut 210 jobs at its paint shop.",
    )
    assert sorted(read) == ["200", "210", "40"]


def test_the_one_clock_time_each_source_gives_is_paired_and_two_of_no_event_need_shared_words():
    assert time_pairs(
        "The Orvish ferry left Kessel at 9:15 a.m.",
        "The Orvish ferry left Kessel at 9:25 a.m.",
    ) == [((0, "9:15 a.m."), (1, "9:25 a.m."))]
    assert (
        time_pairs(
            "The ferry left Kessel at 9:15 a.m., and a tug reached Brent at 10:40 a.m.",
            "A crowd gathered at the harbour wall at 9:25 a.m.",
        )
        == []
    )


def test_counts_of_two_events_are_not_paired_and_an_amount_asked_for_is_no_amount_decided():
    from core.compare.pairing import _events_differ
    from core.compare.value_context import REQUEST_EVENT

    assert (
        number_pairs(
            "The Halvard went down off Kessel and 41 people on it died.",
            "The Halvard had 42 people on board when it went down off Kessel.",
        )
        == []
    )
    assert [_events_differ(a, b) for a, b in (("dead", "aboard"), ("dead", ""), ("", REQUEST_EVENT))] == [
        True,
        False,
        True,
    ]


def test_the_names_near_a_value_are_the_capitalised_words_within_reach_each_side_not_the_opening_word():
    from core.compare.pairing import names_near

    text = "Kessel (Brent Motors) said Halvard Steel cut 200 jobs at Orla Works, Monday, in Tarn."
    at = text.index("200")
    # three words each side; "Monday" is a day, not a name, and "Kessel" opens the text
    assert names_near(text, at, at + 3) == frozenset({"halvard", "steel", "orla"})
    assert names_near(text, 0, 0) == frozenset({"brent", "motors"})
    # before a value a word starts at the start, a space or a bracket: "Tarn" after "/" is none
    assert names_near("Ferries of (Kessel/Tarn: 40 left", 25, 27) == frozenset({"kessel"})


def test_the_overlap_of_two_contexts_is_their_shared_words_over_all_their_words():
    from core.compare.pairing import _similarity

    assert _similarity(frozenset({"ferri", "sank", "kessel"}), frozenset({"ferri", "sank", "dock"})) == 2 / 4
    assert _similarity(frozenset({"ferri"}), frozenset({"ferri"})) == 1.0
    assert _similarity(frozenset(), frozenset()) == 0.0  # no words: nothing shared, no division by zero


def test_a_value_two_values_choose_weighs_them_once(monkeypatch):
    weighed = []
    best = pairing._best
    monkeypatch.setattr(pairing, "_best", lambda entry, *rest: weighed.append(entry.slot.text) or best(entry, *rest))
    assert number_pairs(
        "The Kessel plant cut 200 jobs at its paint shop, and 40 jobs went in its office.",
        "The Kessel plant cut 210 jobs at its paint shop.",
    ) == [((0, "200"), (1, "210"))]
    assert weighed == ["200", "210", "40"]  # 210 chose back once, for both
