"""Times are read only where a text holds the words their patterns need."""


def test_a_word_that_only_holds_a_time_word_is_read_as_no_time():
    from core.compare.slots_times import find_times

    def times(text: str) -> list[tuple[str, str]]:
        return [(v, g) for _, _, v, g in find_times(text)]

    # "Mayor" holds "may" and "Monday" holds "day": neither a month nor "today"
    assert times("Mayor Ilse Vorn spoke on Monday.") == [("monday", "day")]
    assert times("The Mayor of Grell spoke in May, today.") == [("may", "month"), ("today", "day")]
    assert times("Work resumes midJune; talks end mid-July.") == [("june", "month"), ("july", "month")]
    # letters that are not plain (a dotted capital I) leave the patterns gated by their triggers alone
    assert times("The Mayor of \u0130zmit left on 3 May, today.") == [("may 3", "day"), ("today", "day")]
