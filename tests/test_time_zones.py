"""Clock times with a named zone: one moment in two zones is one time."""

from core.compare.time_zones import is_zoned, same_moment, zone_after, zoned


def test_the_zone_after_a_clock_time_is_read_with_its_offset_and_only_in_capitals():
    text = "at 2:05 p.m. ET, then 14:05 GMT+1, then 9:00 (UTC), 9:30 local time (PT) and 8:00 et al."
    ends = [text.index(clock) + len(clock) for clock in ("2:05 p.m.", "14:05", "9:00", "9:30", "8:00")]
    assert [zone_after(text, end) for end in ends] == ["et", "gmt+1", "utc", "pt", ""]
    assert zoned("14:05", "gmt+1") == "14:05 GMT+1" and zoned("14:05", "") == "14:05"
    assert is_zoned("14:05 GMT+1") and not is_zoned("14:05")


def test_one_moment_in_two_zones_is_the_same_and_a_zone_without_its_season_may_be_either():
    assert same_moment("09:45 UTC", "04:45 ET")  # winter, UTC-5
    assert same_moment("09:45 UTC", "05:45 ET")  # summer, UTC-4
    assert not same_moment("09:45 UTC", "05:05 ET")
    assert same_moment("23:30 PT", "07:30 GMT")  # past midnight in London
    assert same_moment("10:45 GMT+1", "09:45 UTC")
    assert same_moment("09:45 UTC", "09:45") is None  # a clock without a zone is not placed
