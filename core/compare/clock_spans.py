"""Clock times given as bounds or roundings: "after 4:45 p.m." holds 5:20 p.m., "around 9 p.m." 9:12 p.m."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.compare.time_zones import is_zoned, utc_minutes

if TYPE_CHECKING:
    from core.compare.slots import Slot

# A clock time right after one of these words is a bound or a rounding, not the moment itself:
# "after 4:45 p.m." holds 5:20 p.m., "around 9 p.m." holds 9:12 p.m. (BOUNDS, ROUNDINGS below).
_CLOCK_QUALIFIERS = {
    "after": "after",
    "shortly after": "after",
    "just after": "after",
    "soon after": "after",
    "no earlier than": "after",
    "before": "before",
    "shortly before": "before",
    "just before": "before",
    "by": "before",
    "until": "before",
    "till": "before",
    "no later than": "before",
    "around": "about",
    "about": "about",
    "approximately": "about",
    "roughly": "about",
    "circa": "about",
}
_CLOCK_QUALIFIER_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _CLOCK_QUALIFIERS), key=len, reverse=True)) + r")\s+$", re.I
)


def clock_group(text: str, start: int) -> str:
    """Return the time group of a clock time starting at `start`: "clock", or "clock:after",
    "clock:before" or "clock:about" when a bound or a rounding word stands right before it."""
    found = _CLOCK_QUALIFIER_RE.search(text, max(0, start - 20), start)
    return f"clock:{_CLOCK_QUALIFIERS[' '.join(found.group(1).lower().split())]}" if found else "clock"


# How far from its clock time a bound reaches, in minutes: "after 4:45 p.m." the evening and night
# after it, "before" the half day before it.
BOUNDS = {"": (0, 0), "after": (0, 12 * 60), "before": (-12 * 60, 0)}
# A rounded time ("around 9 p.m.") reaches half its rounding either side: the hour when it is on
# the hour, then the half hour, the quarter, five minutes; "around 4:10 p.m." is hardly rounded.
ROUNDINGS = ((60, 30), (30, 15), (15, 7), (5, 2))
_DAY_MINUTES = 24 * 60
_CLOCK_VALUE_RE = re.compile(r"(\d{2}):(\d{2})")


def _minutes(value: str) -> set[int]:
    """Return the minutes past midnight a clock value stands for (in UTC when it has a zone)."""
    if is_zoned(value):
        return utc_minutes(value)
    found = _CLOCK_VALUE_RE.fullmatch(value)
    return {int(found.group(1)) * 60 + int(found.group(2))} if found else set()


def _reach(value: str, qualifier: str) -> tuple[int, int]:
    """Return how far before and after its clock time a time given with this qualifier reaches."""
    if qualifier != "about":
        return BOUNDS[qualifier]
    minute = int(value[3:5]) if value[2:3] == ":" else 1
    half = next((half for unit, half in ROUNDINGS if minute % unit == 0), 0)
    return -half, half


def spans_meet(a: Slot, b: Slot) -> bool:
    """Tell whether two clock times, one of them a bound or a rounding, can name one moment."""
    if is_zoned(a.value) != is_zoned(b.value):
        return True  # a time with a zone against one without: it may be the same moment elsewhere
    low_a, high_a = _reach(a.value, a.group.partition(":")[2])
    low_b, high_b = _reach(b.value, b.group.partition(":")[2])
    return any(
        x + low_a <= y + shift + high_b and y + shift + low_b <= x + high_a
        for x in _minutes(a.value)
        for y in _minutes(b.value)
        for shift in (-_DAY_MINUTES, 0, _DAY_MINUTES)
    )
