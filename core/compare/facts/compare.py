"""Whether two sources' values of one fact can both hold: hedged numbers, titles, days and clock times."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from core.compare.facts.mentions import Mention
from core.compare.facts.people import head, is_former

LOWER = ("at least", "more than")
UPPER = ("nearly", "up to", "less than")
PARTS = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 23), "night": (20, 29)}
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# Relative days a report dates an event by, as the days they can fall on counted from the report's
# own day (its "today"); a week, month or year is taken as the widest such stretch around today.
# "The day before" and "the next day" count from another event, not from today: they stay out.
STRETCH = {"week": 6, "month": 30, "year": 365}
RELATIVE_DAY = re.compile(
    r"(?P<today>(?:(?:later|earlier)\s+)?(?:today|tonight)|(?:later|earlier)\s+(?:on\s+)?(?:the\s+)?same\s+day"
    r"|(?:later|earlier)\s+in\s+the\s+day)"
    r"|(?P<tomorrow>tomorrow)|(?P<yesterday>yesterday)"
    r"|(?P<side>later|earlier|this|next|last)\s+(?:this\s+)?(?P<stretch>week|month|year)"
)


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
    if counts_people or a.number is None or b.number is None:
        return True
    low, high = sorted((a.number, b.number))
    # Small whole counts one apart are one figure too: "one black box" against "both".
    small = low.is_integer() and high.is_integer() and high - low == 1 and high <= 3
    return low > 0 and (high / low <= 1.6 or small)


def titles_conflict(a: str, b: str) -> bool:
    """Return True when one title says the person no longer holds the role the other gives ("former president")."""
    return head(a) == head(b) and is_former(a) != is_former(b)


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


def relative_days(value: str) -> tuple[int, int] | None:
    """Return the days from the report's own day a relative time can mean ("later this week" -> 1..6), or None."""
    found = RELATIVE_DAY.fullmatch(value)
    if found is None:
        return None
    if found.group("today"):
        return 0, 0
    if found.group("tomorrow"):
        return 1, 1
    if found.group("yesterday"):
        return -1, -1
    reach = STRETCH[found.group("stretch")]
    side = found.group("side")
    return {"later": (1, reach), "earlier": (-reach, -1), "next": (1, 2 * reach + 1), "last": (-2 * reach - 1, -1)}.get(
        side, (-reach, reach)
    )


def time_is_placed(value: str) -> bool:
    """Return True when a time value names a day, a date or a time of day ("later this week" does not)."""
    return _day(value) is not None or _hours(value) is not None


def times_conflict(ours: list[str], theirs: list[str]) -> bool:
    """Return True when two sources give an event different days or times of day and share none.

    Relative days are compared with relative days only ("later the same day" against "later this
    week"), both read from the day of the report: sources on one event report within a news cycle.
    Against a weekday they are not compared until a publication date places them on a calendar.
    """
    days_a = {d for d in map(_day, ours) if d}
    days_b = {d for d in map(_day, theirs) if d}
    if days_a and days_b and not days_a & days_b:
        return True
    spans_a = [s for s in map(relative_days, ours) if s]
    spans_b = [s for s in map(relative_days, theirs) if s]
    if spans_a and spans_b and not any(a0 <= b1 and b0 <= a1 for a0, a1 in spans_a for b0, b1 in spans_b):
        return True
    hours_a = [h for h in map(_hours, ours) if h]
    hours_b = [h for h in map(_hours, theirs) if h]
    if not hours_a or not hours_b:
        return False
    return not any(a0 <= b1 and b0 <= a1 for a0, a1 in hours_a for b0, b1 in hours_b)
