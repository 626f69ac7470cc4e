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
