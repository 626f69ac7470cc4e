"""Whether two sources' values of one fact can both hold: hedged numbers, titles, days and clock times."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from core.compare.time_zones import is_zoned, same_moment
from core.compare.facts.events import relative_days
from core.compare.facts.mentions import Mention
from core.compare.facts.titles import head, is_former

LOWER = ("at least", "more than")
UPPER = ("nearly", "up to", "less than")
PARTS = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 23), "night": (20, 29)}
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def _decimals(number: float) -> int:
    text = f"{number:g}"
    return len(text.split(".")[1]) if "." in text else 0


def _rounds_to(precise: float, coarse: float) -> bool:
    places = Decimal(1).scaleb(-_decimals(coarse))
    return Decimal(str(precise)).quantize(places, rounding=ROUND_HALF_UP) == Decimal(str(coarse))


def numbers_compatible(a: Mention, b: Mention) -> bool:
    """Return True when two hedged numbers can describe the same quantity ("at least 800" / "more than 800")."""
    x, y = a.number, b.number
    if x is None or y is None:
        return True
    if x == y or _rounds_to(x, y) or _rounds_to(y, x):
        return True
    for one, other, n, m in ((a, b, x, y), (b, a, y, x)):
        if one.hedge == "about" and abs(n - m) <= 0.05 * max(n, m):
            return True
        if one.hedge in LOWER and other.hedge in LOWER:
            return True
        if one.hedge in UPPER and other.hedge in UPPER:
            return True
        # A bound agrees with a figure near it; "at least eight" is not "33": the counts moved apart.
        if one.hedge in LOWER and n <= m <= 1.5 * n + 1:
            return True
        if one.hedge in UPPER and 0.85 * n <= m <= n:
            return True
    return False


def numbers_comparable(a: Mention, b: Mention, counts_people: bool) -> bool:
    """Return True when two numbers can be two reports of one figure: of the same thing, close in size."""
    if a.about != b.about and (a.about and b.about or a.about.isdigit() or b.about.isdigit()):
        return False  # "90% of the issues" and "40% of the vote", or a toll "in 2010" and today's
    if a.currency != b.currency and a.currency and b.currency:
        return False  # £40m and €47m: without a rate a conversion cannot be told from another sum
    if counts_people or a.number is None or b.number is None:
        return True
    low, high = sorted((a.number, b.number))
    # Small whole counts one apart are one figure too: "one black box" against "both".
    small = low.is_integer() and high.is_integer() and high - low == 1 and high <= 3
    return low > 0 and (high / low <= 1.6 or small)


def title_tense(value: str) -> tuple[str, bool]:
    """Return a title's role and whether it is held no longer ("former president" -> ("president", True)).

    Two titles conflict when they give one role and only one of them says "former".
    """
    return head(value), is_former(value)


def _day(value: str) -> str | None:
    found = WEEKDAY.search(value) or re.match(r"\d{4}-\d{2}-\d{2}(?!/)", value)
    return found.group(0) if found else None


def _hours(value: str) -> tuple[float, float] | None:
    clock = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if clock:
        moment = int(clock.group(1)) + int(clock.group(2)) / 60
        return moment, moment
    for part, (start, end) in PARTS.items():
        if value.endswith(part):
            return float(start), float(end)
    return None


def _weekday(day: str) -> str:
    """Return the weekday of a day value: an ISO date's weekday name, or the name itself."""
    return date.fromisoformat(day).strftime("%A").lower() if day[0].isdigit() else day


_ISO_DATES = re.compile(r"(\d{4}-\d{2}-\d{2})(?:/(\d{4}-\d{2}-\d{2}))?")  # compiled once: read per cell pair


def _dates(value: str) -> tuple[str, str] | None:
    """Return the first and last ISO date a value covers (one date, or a stretch "first/last")."""
    found = _ISO_DATES.match(value)
    return (found.group(1), found.group(2) or found.group(1)) if found else None


def time_kind(value: str) -> str:
    """Return what a time value places an event by: "clock", "day" (a weekday or a date), "part" (of a day) or ""."""
    if re.fullmatch(r"\d{2}:\d{2}", value) or is_zoned(value):
        return "clock"
    if _day(value) is not None or _dates(value) is not None:
        return "day"
    return "part" if _hours(value) is not None else ""


def time_is_placed(value: str) -> bool:
    """Return True when a time value names a day, a date or dates, or a time of day (the words "later this week" do not)."""
    return _day(value) is not None or _dates(value) is not None or _hours(value) is not None or is_zoned(value)


def times_conflict(ours: list[str], theirs: list[str]) -> bool:
    """Return True when two sources give an event different days or times of day and share none.

    Relative days are compared with relative days only ("later the same day" against "later this
    week"), both read from the day of the report: sources on one event report within a news cycle.
    Against a weekday they are not compared until a publication date places them on a calendar
    (then they are dates, compared as dates).
    """
    days_a = {d for d in map(_day, ours) if d}
    days_b = {d for d in map(_day, theirs) if d}
    if any(not d[0].isdigit() for d in days_a | days_b):
        # A source without a publication date keeps "monday" in words: a dated one's day is
        # compared with it by the weekday it falls on.
        days_a, days_b = {_weekday(d) for d in days_a}, {_weekday(d) for d in days_b}
    if days_a and days_b and not days_a & days_b:
        return True
    # Dates and stretches of dates ("later this week" from a publication date) clash when none overlap.
    dates_a = [d for d in map(_dates, ours) if d]
    dates_b = [d for d in map(_dates, theirs) if d]
    if dates_a and dates_b and not any(a0 <= b1 and b0 <= a1 for a0, a1 in dates_a for b0, b1 in dates_b):
        return True
    spans_a = [s for s in map(relative_days, ours) if s]
    spans_b = [s for s in map(relative_days, theirs) if s]
    if spans_a and spans_b and not any(a0 <= b1 and b0 <= a1 for a0, a1 in spans_a for b0, b1 in spans_b):
        return True
    zoned_a, zoned_b = [v for v in ours if is_zoned(v)], [v for v in theirs if is_zoned(v)]
    if zoned_a and zoned_b:  # "09:45 UTC" and "4:45 a.m. ET" are one moment: compared in UTC
        return not any(same_moment(a, b) for a in zoned_a for b in zoned_b)
    if zoned_a or zoned_b:
        return False  # a time with a zone against one without: it may be the same moment elsewhere
    hours_a = [h for h in map(_hours, ours) if h]
    hours_b = [h for h in map(_hours, theirs) if h]
    if not hours_a or not hours_b:
        return False
    return not any(a0 <= b1 and b0 <= a1 for a0, a1 in hours_a for b0, b1 in hours_b)
