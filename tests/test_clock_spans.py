"""Clock times given as bounds or roundings hold the times they reach, and only those."""

from core.compare.clock_spans import clock_group, spans_meet
from core.compare.slots import Slot


def clock(value: str, group: str = "clock") -> Slot:
    return Slot("time", 0, 0, value, value, "", group)


def test_a_bound_holds_the_times_on_its_side_only():
    assert spans_meet(clock("16:45", "clock:after"), clock("17:20"))
    assert not spans_meet(clock("16:45", "clock:before"), clock("17:20"))
    assert spans_meet(clock("23:30", "clock:after"), clock("00:40"))  # past midnight, the next day


def test_a_rounding_reaches_half_its_unit_either_side():
    assert spans_meet(clock("21:00", "clock:about"), clock("21:12"))  # on the hour: half an hour
    assert not spans_meet(clock("21:00", "clock:about"), clock("23:05"))
    assert spans_meet(clock("21:30", "clock:about"), clock("21:40", "clock:about"))  # a quarter, two minutes
    assert not spans_meet(clock("16:10", "clock:about"), clock("17:10", "clock:about"))


def test_a_span_with_a_zone_and_one_without_may_be_one_moment_elsewhere():
    assert spans_meet(clock("16:45 GMT", "clock:before"), clock("17:20"))


def test_the_word_right_before_a_clock_time_says_what_kind_of_time_it_is():
    text = "Doors opened no later than 8 a.m. and the vote closed around noon at 11:58."
    assert clock_group(text, text.index("8 a.m.")) == "clock:before"
    assert clock_group(text, text.index("11:58")) == "clock"
