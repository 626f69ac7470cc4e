"""Clock times with the zone a source names: one moment in two zones is one time, not two."""

from __future__ import annotations

import re

# Hours from UTC. A zone named without summer or winter ("ET") may be either.
ZONES: dict[str, tuple[float, ...]] = {
    "utc": (0,),
    "gmt": (0,),
    "et": (-5, -4),
    "est": (-5,),
    "edt": (-4,),
    "ct": (-6, -5),
    "cst": (-6,),
    "cdt": (-5,),
    "mt": (-7, -6),
    "mst": (-7,),
    "mdt": (-6,),
    "pt": (-8, -7),
    "pst": (-8,),
    "pdt": (-7,),
    "bst": (1,),
    "cet": (1,),
    "cest": (2,),
    "ist": (5.5, 1),  # India's, or Ireland's summer time
    "jst": (9,),
    "aest": (10,),
    "aedt": (11,),
}
# Right after a clock time: "2:05 p.m. ET", "14:05 GMT+1", "2:05 p.m. (UTC)"; zone names are
# written in capitals ("et" and "pt" are words of other languages).
_ZONE_AFTER = re.compile(
    r"\s*\(?(?:local\s+time\s*\(?)?(" + "|".join(sorted((z.upper() for z in ZONES), key=len, reverse=True)) + r")\b"
    r"(?:\s*([+-]\d{1,2})(?!\d))?"
)
_ZONED = re.compile(r"(\d{2}):(\d{2}) ([A-Z]+)([+-]\d{1,2})?")


def zone_after(text: str, end: int) -> str:
    """Return the zone named right after a clock time ending at `end` ("et", "gmt+1"), or ""."""
    found = _ZONE_AFTER.match(text, end)
    if found is None:
        return ""
    return found.group(1).lower() + (found.group(2) or "")


def zoned(clock: str, zone: str) -> str:
    """Return a 24-hour clock value with its zone ("14:05 ET"), or the clock alone without one."""
    return f"{clock} {zone.upper()}" if zone else clock


def is_zoned(value: str) -> bool:
    """Tell whether a time value is a clock time with a zone."""
    return _ZONED.fullmatch(value) is not None


def utc_minutes(value: str) -> set[int]:
    """Return the minutes past midnight UTC a zoned clock value may stand for."""
    found = _ZONED.fullmatch(value)
    if found is None:
        return set()
    minutes = int(found.group(1)) * 60 + int(found.group(2))
    extra = int(found.group(4) or 0)
    return {round(minutes - (offset + extra) * 60) % (24 * 60) for offset in ZONES.get(found.group(3).lower(), ())}


def same_moment(a: str, b: str) -> bool | None:
    """Tell whether two zoned clock values can be one moment; None unless both are zoned."""
    first, second = utc_minutes(a), utc_minutes(b)
    if not first or not second:
        return None
    return bool(first & second)
