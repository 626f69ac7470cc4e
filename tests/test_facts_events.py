"""Event words and the times near them, as the fact sheet reads them."""


def test_a_passage_with_curly_quotes_and_no_event_word_has_no_events_and_one_with_one_has_them():
    from core.compare.facts.events import _events

    assert _events("“Harbour cranes,” the café’s owner said, “stood idle.”") == ()
    assert _events("“The ferry took off,” the café’s owner said.") == ((11, 19, "take-off"),)
    assert _events("The ferrY ſailed; the vote was held at the İnn.") == ((22, 26, "vote"),)


def test_a_passage_without_a_digit_or_a_time_word_cannot_hold_a_time_and_one_with_either_can():
    from core.compare.facts.events import TIME, may_hold_time

    assert not may_hold_time("The ferry sank after the vote.") and not TIME.search("The ferry sank after the vote.")
    for text in ("The vote came on Monday.", "The vote came at 9:15.", "The vote came the day after.", "ſunday vote"):
        assert may_hold_time(text)
    assert may_hold_time("It sank later that week") and TIME.search("It sank later that week")


def test_a_time_after_a_later_act_dates_that_act_not_the_event_before_it():
    from core.compare.facts import build_fact_sheet
    from fact_sheet_texts import row, sources

    docs = sources(
        "The ferry crash happened at 5:15 p.m. on Tuesday.",
        "Engineers will study the crash, and an inquiry panel is due to report on Friday.",
        "The crash, which officials said would be investigated thoroughly by Friday, came on Tuesday.",
    )
    found = row(build_fact_sheet(docs), "crash: time")
    assert [c.value for c in found.cells] == ["17:15", "tuesday", "tuesday"] and not found.divergent


def test_a_time_after_the_event_happening_or_someone_taking_part_still_dates_the_event():
    from core.compare.event_nouns import dates_a_later_act

    for text in (
        "The vote, set to take place on Monday",
        "The talks will resume on Sunday",
        "A dinner that the envoys will attend on Friday",
        "The summit is expected to be held on Friday",
    ):
        assert not dates_a_later_act(text, 8, text.rindex(" on ") + 4 if " on " in text else len(text)), text
    text = "The crash, with a team due to arrive on Friday"
    assert dates_a_later_act(text, 9, text.index("Friday"))


def test_clock_times_in_two_zones_are_compared_as_one_moment():
    from core.compare.facts import build_fact_sheet
    from fact_sheet_texts import row, sources

    same = sources(
        "The crash happened at 09:45 UTC on Tuesday.",
        "The crash happened at 4:45 a.m. ET on Tuesday.",
        "The crash happened around 10:45 GMT+1.",
    )
    found = row(build_fact_sheet(same), "crash: time")
    assert [c.value for c in found.cells if ":" in c.value] == ["09:45 UTC", "04:45 ET", "10:45 GMT+1"]
    assert not found.divergent and found.note == ""
    apart = sources("The crash happened at 09:45 UTC on Tuesday.", "The crash happened at 5:05 a.m. ET on Tuesday.")
    assert row(build_fact_sheet(apart), "crash: time").divergent
    unknown = sources("The crash happened at 09:45 on Tuesday.", "The crash happened at 4:45 a.m. ET on Tuesday.")
    assert not row(build_fact_sheet(unknown), "crash: time").divergent  # its zone unsaid: maybe the same moment


def test_every_alternative_of_the_time_pattern_begins_with_a_character_its_look_ahead_admits():
    import re

    from core.compare.facts.events import TIME
    from regex_language import first_chars

    admitted = re.search(r"\(\?=\[([^\]]+)\]\)", TIME.pattern).group(1)
    letters = set(admitted.replace("\\d", "")) | set("0123456789")
    assert {c.lower() for c in first_chars(TIME.pattern)} <= letters
    # The reader of the pattern itself is checked: a new alternative beginning elsewhere is seen.
    assert "i" in first_chars(TIME.pattern.replace("|over\\s+", "|in\\s+the\\s+morning|over\\s+"))
