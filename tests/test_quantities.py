"""Number frames: the hedge before a number, what happened to the people it counts, what a distance is from."""

from core.compare.quantities import (
    _HEDGE_KIND,
    _HEDGE_RE,
    frame_of,
    hedge_of,
    people_event,
    word_event,
)
from core.compare.value_context import reference_of


def _searched(text: str, start: int) -> str:
    """Return the hedge the whole pattern finds before text[start] (the reference for hedge_of)."""
    found = _HEDGE_RE.search(text[max(0, start - 24) : start].rstrip())
    if not found:
        return ""
    return next((kind for pattern, kind in _HEDGE_KIND if pattern.match(found.group(1).lower())), "")


def test_hedges_before_numbers_of_invented_texts_are_those_the_whole_pattern_finds():
    texts = (
        "At least 40 cars, more than 12 vans and nearly 900 bikes crossed; up to 7 ferries sailed.",
        "Fares rose by approx. $3, some €4 and circa £5; the leftover 6 boats and 8 more waited.",
        "The ſome 5 and the Kelvin sign K before 7, about\n12 cranes, as many as 30 tugs.",
    )
    for text in texts:
        for start in range(len(text) + 1):
            assert hedge_of(text, start) == _searched(text, start), text[:start]


def test_a_hedge_gives_its_kind_and_another_word_none():
    text = "At least 40 cars, nearly 900 bikes, about 12 cranes and the leftover 6 boats"
    assert [hedge_of(text, text.index(n)) for n in ("40", "900", "12", "6")] == ["min", "max", "about", ""]


def test_a_word_around_a_count_tells_what_happened_to_those_counted_from_its_stem():
    words = ("killed", "Injuries", "rescued", "aboard", "is", "carries", "harbour", "missing", "missile", "alive")
    assert [word_event(w) for w in words] == [
        "dead",
        "hurt",
        "alive",
        "aboard",
        "",
        "aboard",
        "",
        "missing",
        "",
        "alive",
    ]
    # the gravely hurt are an event of their own; "lived" is no death (only "lives" counted are)
    assert [word_event(w) for w in ("critically", "serious", "series", "lived")] == ["critical", "critical", "", ""]


def test_a_word_opening_as_no_event_word_does_is_no_event_and_every_event_word_still_tells_its_own():
    from core.compare.quantities import _EVENT_OPENINGS, _SIDES, PEOPLE_EVENTS

    assert [word_event(w) for w in ("kettle", "tomorrow", "Harbour", "ferry")] == ["", "", "", ""]
    words = ("Killed", "deaths", "unaccounted", "opposing", "backed", "hospitalized", "Onboard")
    assert [word_event(w) for w in words] == ["dead", "dead", "missing", "against", "for", "hurt", "aboard"]
    # every stem and side opens with a letter pair the gate lets through
    assert all(w[:2] in _EVENT_OPENINGS for _, stems in PEOPLE_EVENTS for w in stems)
    assert all(w[:2] in _EVENT_OPENINGS for w in _SIDES)


def test_the_nearest_telling_word_gives_the_event_of_a_count():
    text = "The ferry carried 242 people on board, and 241 people died when it sank."
    assert frame_of(text, 18, 21).event == "aboard"
    assert frame_of(text, 43, 46).event == "dead"
    assert people_event(["on", "harbour", "died", "board"]) == "dead"


def test_the_side_counted_people_took_in_a_vote_is_the_event_of_their_count():
    text = "Only 40 Liberals supported the bill, while four Liberals rejected it and 12 Greens opposed it."
    assert [frame_of(text, text.index(n), text.index(n) + len(n)).event for n in ("40", "four", "12")] == [
        "for",
        "against",
        "against",
    ]


def test_an_aside_between_dashes_after_a_count_is_read_past_for_its_event():
    text = "Four Liberals — Ann Roe, Bo Li (a former whip) and Kay Amis among them — voted against the levy on Friday."
    assert frame_of(text, 0, 4).event == "against"


def _reference(text: str, number: str) -> str:
    start = text.index(number)
    return reference_of(text, start, start + len(number))


def test_a_distance_is_measured_from_the_name_after_its_unit_or_the_one_approached_before_it():
    assert _reference("Rescuers found the drifting yacht 14 miles south of Dover at dawn.", "14") == "dover"
    assert (
        _reference("The comet will swing past Jupiter in spring, some 0.2 astronomical units clear.", "0.2")
        == "jupiter"
    )
    assert _reference("The van was abandoned 12 miles away from the Kessel depot.", "12") == "kessel"
    assert _reference("It lies 50 km from Zürich.", "50") == "zürich"  # a name in any letters


def test_a_distance_with_no_named_reference_has_none():
    assert _reference("Witnesses put the balloon at a height of about 900 feet.", "900") == ""
    assert _reference("According to two pilots, the kite rose to 80 feet.", "80") == ""
    assert _reference("The mast of the ship stood 40 metres tall.", "40") == ""
    # a place named by a common noun may be the town another source names: no reference
    assert _reference("The dinghy drifted to the harbour wall, about 30 metres in all.", "30") == ""
    assert _reference("According to Ida Lund, the queue was 5 km long.", "5") == ""


def test_a_count_reads_its_event_in_its_own_clause_and_past_a_relative_clause():
    text = "Three dock workers who had swum to the buoy were rescued while nine workers are feared dead."
    assert frame_of(text, 0, 5).event == "alive"
    start = text.index("nine")
    assert frame_of(text, start, start + 4).event == "dead"


def test_a_count_opening_a_clause_after_a_comma_reads_its_event_after_it():
    text = "Of the ferry's 56 passengers and three crew on board, two people are in a critical condition tonight."
    start = text.index("two")
    assert frame_of(text, start, start + 3).event == "critical"


def test_an_age_money_and_a_span_of_years_have_no_people_event():
    text = "The 24-year-old, who lived in Kessel for 12 years, cost €60 million plus €8 million in add-ons."
    heads = [frame_of(text, text.index(n), text.index(n) + len(n)) for n in ("24", "12", "€8 million")]
    assert [(f.head, f.event) for f in heads] == [("age", ""), ("year", ""), ("€", "")]
