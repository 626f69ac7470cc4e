"""Number frames: the hedge before a number and what happened to the people it counts."""

from core.compare.quantities import _HEDGE_KIND, _HEDGE_RE, frame_of, hedge_of, people_event, word_event


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
    words = ("killed", "Injuries", "rescued", "aboard", "is", "carries", "harbour")
    assert [word_event(w) for w in words] == ["dead", "hurt", "alive", "aboard", "", "aboard", ""]


def test_the_nearest_telling_word_gives_the_event_of_a_count():
    text = "The ferry carried 242 people on board, and 241 people died when it sank."
    assert frame_of(text, 18, 21).event == "aboard"
    assert frame_of(text, 43, 46).event == "dead"
    assert people_event(["on", "harbour", "died", "board"]) == "dead"
