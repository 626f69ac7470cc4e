"""Slot extraction: each factual element of a sentence with exact offsets and a normalized value."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.compare.slots import Slot, extract_slots


def of_type(text, kind, offset=0):
    """Return (text, value, subject) of the slots of one type."""
    return [(s.text, s.value, s.subject) for s in extract_slots(text, offset) if s.type == kind]


def test_a_percentage_has_one_value_however_it_is_written():
    text = "About 90% of the issues, ninety per cent of voters and 90 percent of firms."
    assert [s.value for s in extract_slots(text) if s.type == "number"] == ["90%", "90%", "90%"]


def test_offsets_are_absolute_once_the_offset_is_added():
    text = "The reservoir displaced 1,200 families."
    (slot,) = [s for s in extract_slots(text, 100) if s.type == "number"]
    assert slot == Slot("number", 124, 129, "1,200", "1200", "family", "")
    assert text[slot.start - 100 : slot.end - 100] == "1,200"


def test_counts_that_differ_have_different_values_and_fractions_are_shares():
    text = "It displaced 1,200 families or 1,100 families; two-thirds of them and half the town left."
    assert of_type(text, "number") == [
        ("1,200", "1200", "family"),
        ("1,100", "1100", "family"),
        ("two-thirds", "66.7%", "share"),
        ("half", "50%", "share"),
    ]


def test_a_duration_is_the_same_number_whether_hyphenated_or_not():
    assert of_type("a five-hour session", "number") == [("five", "5", "hour")]
    assert of_type("talks lasting five hours", "number") == [("five", "5", "hour")]
    assert of_type("40 kilometres upstream", "number")[0][1:] == of_type("40 km upstream", "number")[0][1:]


def test_times_carry_their_kind_and_the_event_they_belong_to():
    text = "Holm will host a dinner for the envoys later this week; the vote is on Monday, in March 2024."
    times = [(s.text, s.value, s.subject, s.group) for s in extract_slots(text) if s.type == "time"]
    assert times == [
        ("later this week", "this week", "dinner", "day"),
        ("on Monday", "monday", "vote", "day"),
        ("in March", "march", "vote", "month"),
        ("2024", "2024", "vote", "year"),
    ]


def test_a_day_of_a_month_has_one_value_however_it_is_written():
    from core.compare.slots_times import find_times

    texts = ("It began on September 30.", "It began on 30 September.", "It began on the 30th of September.")
    assert [[v for _, _, v, _ in find_times(t)] for t in texts] == [["september 30"]] * 3


def test_a_deadline_and_a_time_across_a_dash_date_no_event_noun():
    text = "The vote on the strike — a long one; the ferries stay in port until Friday. The vote is due by Friday."
    times = [(s.text, s.subject) for s in extract_slots(text) if s.type == "time" and s.group == "day"]
    assert times == [("until Friday", ""), ("by Friday", "")]
    # a paired dash encloses an aside: the event before it keeps its day; "by" with a doer is no deadline
    text = "The election – the first in a decade – was held on Monday. The vote was approved by lawmakers Tuesday."
    times = [(s.text, s.subject) for s in extract_slots(text) if s.type == "time" and s.group == "day"]
    assert times == [("on Monday", "election"), ("Tuesday", "vote")]


def test_relative_days_are_kept_apart_from_named_days():
    text = "They met on Sunday, after talks the day before, and dine later on the same day."
    assert [(s.text, s.group) for s in extract_slots(text) if s.type == "time"] == [
        ("on Sunday", "day"),
        ("the day before", "relative"),
        ("later on the same day", "day"),
    ]


def test_a_title_before_a_name_gives_status_and_office_about_the_surname():
    text = "Former Mayor Tilde Varga met Orvani president Jonas Pell and Special Envoy Ada Moss."
    assert of_type(text, "title") == [
        ("Former Mayor Tilde Varga", "former mayor", "varga"),
        ("Orvani president Jonas Pell", "president", "pel"),
        ("Special Envoy Ada Moss", "envoy", "mos"),
    ]


def test_attributions_name_the_outlet_or_person_the_statement_went_to():
    text = (
        "Kasia Lund told Radio Harrow that the plan, according to the Orvan Herald, was dead; "
        "The Belisk Times reported it first."
    )
    assert of_type(text, "attribution") == [
        ("told Radio Harrow", "radio harrow", ""),
        ("according to the Orvan Herald", "orvan herald", ""),
        ("The Belisk Times reported", "belisk times", ""),
    ]


def test_a_dotted_acronym_in_an_attribution_is_one_word_not_its_end():
    text = "The tremor reached 6.1, according to the U.N. Ferry Safety Office, and shook Kessel."
    assert of_type(text, "attribution") == [
        ("according to the U.N. Ferry Safety Office", "u.n. ferry safety office", ""),
    ]


def test_modal_phrases_fall_into_strength_classes():
    text = (
        "Pell has agreed to cede the port, signaled a willingness to talk, may resign, "
        "is expected to travel and reportedly will leave."
    )
    assert [(t, v) for t, v, _ in of_type(text, "modality")] == [
        ("has agreed to cede", "commitment"),
        ("signaled a willingness to talk", "willingness"),
        ("may resign", "possibility"),
        ("is expected to travel", "expectation"),
        ("reportedly", "report"),
        ("will leave", "expectation"),
    ]


def test_willingness_is_found_in_every_form_of_its_verb():
    text = "Pell, expressing readiness to talk, shows a willingness to wait and indicates an openness to stay."
    assert of_type(text, "modality") == [
        ("expressing readiness to talk", "willingness", "talk"),
        ("shows a willingness to wait", "willingness", "wait"),
        ("indicates an openness to stay", "willingness", "stay"),
    ]


def test_a_past_tense_agreed_without_to_is_not_a_modality():
    assert of_type("Most firms agreed.", "modality") == []


def test_negations_name_the_verb_they_negate():
    text = "Lund refused to sign and denied the report. She didn't attend; Pell will not attend."
    assert of_type(text, "negation") == [
        ("refused to sign", "sign", ""),
        ("denied the report", "report", ""),
        ("didn't attend", "attend", ""),
        ("will not attend", "attend", ""),
    ]


def test_quotes_exclude_their_marks_and_know_their_speaker():
    text = '"We will never sell the river," Pell said. Lund said: \u201cThe port stays ours.\u201d'
    assert of_type(text, "quote") == [
        ("We will never sell the river,", "we will never sell the river", "pel"),
        ("The port stays ours.", "the port stays ours", "lund"),
    ]


def test_institutions_compare_by_one_key_whatever_the_case():
    text = "It was approved by the Senate and Nato, then by NATO and the European Union."
    assert [v for _, v, _ in of_type(text, "institution")] == ["senate", "nato", "nato", "eu"]


def test_a_lowercase_house_is_a_building_not_a_chamber():
    assert of_type("They met at his house in the hills.", "institution") == []


def test_places_are_capitalised_names_after_in_or_at():
    text = "The summit in Saltmere follows talks at Greywick and a visit to the U.S. on Monday."
    assert [(t, v, e) for t, v, e in of_type(text, "place")] == [
        ("Saltmere", "saltmere", "summit"),
        ("Greywick", "greywick", "talks"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plan that Kaldria submitted last week.", [("Kaldria submitted", "kaldria", "submitt")]),
        ("Minister Ada Moss has pressed Orvan to act.", [("Moss has pressed", "mos", "press")]),
        ("A Veldran delegation arrived.", []),
        ("Trump is expected to attend.", []),
        ("Judge Orla Penn sentenced Dara Vell to nine years.", [("Penn sentenced", "pen", "sentenc")]),
        ("Dara Vell has been sentenced to nine years.", []),  # passive: Vell is the one sentenced
        ("Vell was appealing the ruling.", [("Vell was appealing", "vel", "appeal")]),
        ("Mark Lund will lead the new cabinet.", [("Lund will lead", "lund", "lead@future")]),  # another act
    ],
)
def test_actors_are_names_with_the_verb_they_govern(text, expected):
    assert of_type(text, "actor") == expected


def test_characterisations_are_positive_or_negative():
    assert [v for _, v, _ in of_type("The talks were constructive, then tense.", "tone")] == ["positive", "negative"]


def test_empty_and_plain_texts_have_no_slots():
    assert extract_slots("") == []
    assert extract_slots("the river is wide and slow") == []


def assert_slots_sound(text, offset=0):
    """Check every slot's offsets give its text and its type is known."""
    from core.compare.slots import SLOT_TYPES

    for slot in extract_slots(text, offset):
        assert text[slot.start - offset : slot.end - offset] == slot.text
        assert slot.type in SLOT_TYPES and slot.start < slot.end


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("aA Zz.,;:\"\u201c\u201d'\u2019-\n9%$")
            + [
                "President ",
                "former ",
                "told ",
                "Reuters",
                " not ",
                "Monday",
                " in ",
                "Orvan ",
                "said ",
                "will ",
                "1,200 ",
                "per cent",
                "the day before",
                "Congress",
                "according to ",
            ]
        ),
        max_size=30,
    )
)
def test_any_text_gives_slots_whose_offsets_hold_their_text(pieces):
    assert_slots_sound("".join(pieces), 7)


def test_real_articles_give_slots_whose_offsets_hold_their_text(samples_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples_dir.glob("*.txt"))]
    assert len(texts) >= 4
    for text in texts:
        assert_slots_sound(text)


def test_the_seed_articles_give_slots_whose_offsets_hold_their_text(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        assert_slots_sound(path.read_text(encoding="utf-8"))


def test_value_slots_are_the_numbers_and_times_extract_slots_gives():
    from core.compare.slots import value_slots

    text = "At 10:30 a.m. on Monday the council voted 7-2 to close 14 piers by 2027."
    assert list(value_slots(text)) == [s for s in extract_slots(text) if s.type in ("number", "time")]
    assert [(s.type, s.text) for s in value_slots(text)] == [
        ("time", "10:30 a.m."),
        ("time", "on Monday"),
        ("number", "7-2"),
        ("number", "14"),
        ("time", "2027"),
    ]


def test_clock_times_and_tallies_are_tried_only_where_digits_begin():
    from core.compare.slots_numbers import _SCORE_RE
    from core.compare.slots_times import _CLOCK_RE, clocks_in, digit_led

    texts = (
        "The ferry left at 9:05, not 10 pm, and flight AI171 at 12:30pm (4:30 GMT).",
        "The board voted 5-4 in favour; a 10-12-14 range and x10:30 are neither.",
        "Crews won 3 to 1 after a 4–1 win.",
    )
    for text in texts:
        assert [(m.start(), m.end(), m.group()) for m in _CLOCK_RE.finditer(text)] == list(clocks_in(text))
        assert [m.span() for m in _SCORE_RE.finditer(text)] == [m.span() for m in digit_led(_SCORE_RE, text)]
    assert [raw for _, _, raw in clocks_in(texts[0])] == ["9:05", "10 pm", "12:30pm", "4:30"]


def test_every_calendar_trigger_holds_one_of_the_anchors_that_gate_them():
    from core.compare.slots_times import _DAY_RES, _MONTH_RES, CALENDAR_ANCHORS

    triggers = [t for _, _, words, _ in _DAY_RES + _MONTH_RES for t in words]
    assert triggers and all(any(anchor in t for anchor in CALENDAR_ANCHORS) for t in triggers)


def test_every_match_of_a_calendar_pattern_holds_one_of_its_triggers_and_a_lookahead_drops_none():
    import re

    from core.compare.event_nouns import EVENT_RE
    from core.compare.slots_times import _DAY_RES, _DAYPART_RE, _DAYPARTS, _MONTH_RES, _SEASON_RE, SEASONS
    from core.ingest.gates import lower_words

    texts = [
        "On Sunday the ferry sank; the day after, divers found it, and a day later on Monday they left.",
        "The previous day, in 2019, talks began early Tuesday morning; the next day a vote was held.",
        "Since 1998 the Summit has met later this week, by Friday, or over the weekend, not Today.",
    ]
    texts.append("In mid-May and midJune, by March 3 or on 4th of April, the Mayor met them yesterday evening.")
    texts.append("Later that day, and later today, that same day, last weekend, this spring, next month, at midnight.")
    for pattern, _, triggers, whole in _DAY_RES + _MONTH_RES:
        for text in texts:
            for m in pattern.finditer(text):
                assert any(t in m.group().lower() for t in triggers), pattern
                # a word held whole: where it is no word of a text the pattern is not tried
                assert not whole.isdisjoint(lower_words(m.group())), pattern
    for pattern, whole in ((_SEASON_RE, SEASONS), (_DAYPART_RE, _DAYPARTS)):
        assert all(lower_words(m.group()) & set(whole) for text in texts for m in pattern.finditer(text))
    # the patterns led by (?=[...]) find what they find without it
    for pattern in (_DAY_RES[0][0], EVENT_RE):
        bare = re.compile(pattern.pattern[pattern.pattern.index("]") + 2 :], pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]
    relative = [m.group() for m in _DAY_RES[7][0].finditer(texts[0] + " " + texts[1])]
    assert relative == ["the day after", "a day later", "The previous day", "the next day"]


def test_a_clock_time_ends_with_its_am_or_pm_not_with_the_full_stop_of_the_sentence():
    from core.compare.slots import value_slots

    text = "The ferry left at 1:38 PM. It docked at 4 p.m. Workers passed 5 amendments at 9 am today."
    assert [(s.type, s.text, s.start) for s in value_slots(text) if s.type == "time"] == [
        ("time", "1:38 PM", 18),
        ("time", "4 p.m.", 40),
        ("time", "9 am", 78),
        ("time", "today", 83),
    ]


def test_the_whole_document_kinds_are_the_full_extraction_s_slots_of_those_kinds_in_its_order():
    from core.compare.slots import DOCUMENT_KINDS, document_slots

    texts = [
        "Former Mayor Ilse Varga said the Tarn Senate must approve the 40 km bridge by Friday, at 9:30 a.m.",
        'The Tarn Parliament could delay the vote until March, "a quiet defeat", Varga told the Courier.',
        "Rescuers said 12 workers were not hurt when the Dunmere dam cracked on 3 May 2031.",
        "Nothing here counts, names or dates anything.",
    ]
    for text in texts:
        full = [s for s in extract_slots(text) if s.type in DOCUMENT_KINDS]
        assert list(document_slots(text)) == full
    kinds = {s.type for text in texts for s in document_slots(text)}
    assert kinds == {"number", "time", "title", "institution", "modality"}


def test_a_modal_class_is_searched_only_in_a_sentence_holding_one_of_its_cue_words(monkeypatch):
    from core.compare import slots_stance

    texts = [
        "The union has agreed to return to talks, and the board may meet on Monday.",
        "Officials signalled a willingness to reopen the pier; the mayor is to visit.",
        "The ferry line reportedly plans to add a route that could open in spring.",
        "Crews are expected to finish, and the council will vote; nothing is promised.",
        "The port stayed shut all week.",
        "The board ıs to vote: a dotless i that case-folding reads as a plain one.",
    ]
    gated = [slots_stance.find_modalities(text) for text in texts]
    monkeypatch.setattr(slots_stance, "letters_plain", lambda text: False)  # every class searched
    assert gated == [slots_stance.find_modalities(text) for text in texts]
    assert [len(found) for found in gated] == [2, 2, 3, 2, 0, 1]


def test_a_text_without_a_digit_before_a_colon_or_am_pm_is_not_searched_for_clock_times():
    from core.compare.slots_times import _CLOCK_RE, clocks_in

    texts = (
        "Crews met at 7 A.M. and again at 11.30 p.m., then at 18:05.",
        "The 40 rooms and 3 ships: none of it tells the hour.",  # a colon, but after a word
        "Doors open at 6pm; the 9 AM train is late by 20 min.",
        "No digits here: midnight, noon, dawn.",
    )
    for text in texts:
        assert list(clocks_in(text)) == [(m.start(), m.end(), m.group()) for m in _CLOCK_RE.finditer(text)]
    assert [len(clocks_in(text)) for text in texts] == [3, 0, 2, 0]


def test_titles_are_read_only_in_a_sentence_holding_every_word_of_one_title(monkeypatch):
    from core.compare import slots
    from core.ingest.gates import lower_words

    texts = [
        "Foreign Minister Ada Lenk met former Secretary of State Noor Halim on Friday.",
        "The head of the harbour board, Ivo Sand, spoke of state aid.",  # "of", "state": no title
        "Deputy Prime Minister Tove Ring and the ex-mayor Gil Roan disagreed.",
        "The ſecretary of State Noor Halim flew in.",  # not plain: the pattern runs
    ]
    found = [[s for s in slots.extract_slots(text) if s.type == "title"] for text in texts]
    assert found[0] and found[2] and not found[1]
    monkeypatch.setattr(slots, "may_hold_one_of", lambda text, words, phrases: True)
    slots._document_only.cache_clear()
    assert found == [[s for s in slots.extract_slots(text) if s.type == "title"] for text in texts]
    assert [bool(lower_words(text) & slots.TITLE_TRIGGERS) for text in texts] == [True] * 4
    slots._document_only.cache_clear()


def test_a_sentence_with_a_body_s_name_spelled_with_a_long_s_is_read_without_failing():
    # "of" let the sentence through to the institutions' pattern, which folds "ſ" to "s".
    slots = extract_slots("The ſenate voted on the bill of rights.")
    assert [s.type for s in slots if s.type == "institution"] == []


def _window_numbers(text):
    """Read each run of digits as the quantity reader once did: find_numbers of a small window around it."""
    import re

    from core.ingest.numbers import find_numbers

    found = []
    for match in re.finditer(r"\d[\d,.]*", text):
        if found and match.start() < found[-1][1]:
            continue
        start, end = max(0, match.start() - 2), min(len(text), match.end() + 14)
        while end < len(text) and text[end].isalnum():
            end += 1  # never cut a word
        for s, e, key in find_numbers(text[start:end]):
            if start + s <= match.start() < start + e:
                found.append((start + s, start + e, key))
                break
    return found


def test_a_quantity_s_digits_are_read_from_the_whole_sentence_s_numbers_as_a_window_around_them_reads_them():
    import random

    from core.compare.slots_numbers import _digit_numbers

    texts = [
        "The ferry line lost $5 million, 1,200 cars and 3.5 per cent of its trips.",
        "Articles 5,6 and 7 of version 1.2.3 cost € 40bn, 12%, 9pc and 5 trillion per cent.",
        "Seats 11A and 787-8 flew 7 km at 14:05 with 1.5m litres; ı and ſ and ٣٤ cases.",
    ]
    pieces = ["5", "12", "1,200", "3.5", "1,2", "1.2.3", " ", "$", "$ ", "€", " m", "k", " bn", " million"]
    pieces += [" per cent", " percent", "%", " pc", ",", ".", "-", "x", " and ", "ſ", "٣", " thousand per cent"]
    rng = random.Random(3)  # a fixed draw: the same texts every run
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        assert _digit_numbers(text) == _window_numbers(text)
    assert [key for _, _, key in _digit_numbers(texts[1])] == [
        "5",
        "7",
        "1.2",
        "40000000000",
        "12%",
        "9",
        "5000000000000%",
    ]


def test_a_count_after_a_month_is_a_count_when_a_noun_follows_it():
    text = "In May 12 people died in the floods. By March 30 families had left. It began on September 30, 2019."
    assert [(s.text, s.subject) for s in extract_slots(text) if s.type == "number"] == [
        ("12", "people:dead"),
        ("30", "family:dead"),
    ]


def test_a_clock_time_after_a_bound_or_a_rounding_word_is_read_with_it():
    from core.compare.slots_times import find_times

    text = "Crews left shortly after 6 p.m., the road shut by 9:30 p.m., the rain stopped around 10pm and at 11:15."
    assert [(v, g) for _, _, v, g in find_times(text)] == [
        ("18:00", "clock:after"),
        ("21:30", "clock:before"),
        ("22:00", "clock:about"),
        ("11:15", "clock"),  # no a.m. or p.m.: read as written
    ]
