"""Find the times of a sentence (days, dates, months, years, clock times, seasons, parts of a
day) as (start, end, value, group) tuples."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from core.compare.clock_spans import clock_group
from core.compare.time_zones import zone_after, zoned
from core.compare.slots_lexicon import MONTHS, SEASONS, WEEKDAYS
from core.ingest.gates import letters_plain, lower_words


def _initials(alternation: str) -> str:
    """Return the first characters of the alternatives of a pattern ("on |last " -> "lo").

    A pattern led by a lookahead on them, (?=[...]), tries its alternation only where a match can
    begin: a test per position instead of the alternation, at most positions of a text.
    """
    return "".join(sorted({alternative[0] for alternative in alternation.split("|")}))


_YEAR_RE = re.compile(r"\b(?:in |since |by |until |of |from )?((?:19|20)\d\d)\b(?!\s?%|\s(?:per|percent))")

_WEEKDAY = "|".join(WEEKDAYS)
_WEEKDAY_LEADS = "on |last |next |this |by |until |from |late |early "
_MONTH = "|".join(MONTHS)
# Day-level times: what checkers see disagree most (a meeting on Sunday or Monday).
_DAY_PATTERNS = (
    (
        rf"(?=[{_initials(_WEEKDAY_LEADS + '|' + _WEEKDAY)}])\b(?:{_WEEKDAY_LEADS})?({_WEEKDAY})"
        r"(?:\s(?:morning|afternoon|evening|night))?\b",
        "weekday",
    ),
    (r"\blater (?:on )?(?:the same day|that day|in the day|today|tonight)\b", "same day"),
    (r"\b(?:on |later )?the same day\b|\bthat same day\b", "same day"),
    (r"\b(?:later |earlier )?this (?:week|weekend)\b", "this week"),
    (r"\b(?:over |at |on )?the weekend\b", "weekend"),
    (r"\b(?:next|last) (?:week|weekend)\b", None),
    (r"\b(?:yesterday|today|tonight|tomorrow)\b", None),
    (
        r"\bthe day (?:before|after)\b|\bthe previous day\b|\bthe next day\b"
        r"|\ba day (?:earlier|later)\b",
        "relative",
    ),
    (rf"\b(?:on )?(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTH})|(?:{_MONTH}) \d{{1,2}}(?:st|nd|rd|th)?)\b", "date"),
)
_MONTH_PATTERNS = (
    (r"\b(?:next|last|this) month\b", None),
    (rf"\b(?:in |by |until |since |early |late |mid-?)?({_MONTH})\b(?! \d{{1,2}}\b)", "month"),
)
# "a.m." keeps its last dot; a bare "PM" ends at its word: the full stop after "1:38 PM." ends
# the sentence, and "5 amendments" holds no clock time.
# "12.40am" is a British way of writing 00:40 (a dot before the minutes, only with am/pm).
_CLOCK_RE = re.compile(r"(?<![:.\d])\b\d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.m\.?|[ap]m\b)|\b\d{1,2}:\d\d\b", re.I)
_DIGITS_RE = re.compile(r"\d+")
# What every clock time holds: a digit before ":" and a digit, or before "am" / "pm" (dotted or not).
_CLOCK_HINT_RE = re.compile(r"\d(?::\d|\s?[ap]\.?m)", re.I)


def digit_led(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Yield what pattern.finditer(text) yields for a pattern whose matches all begin at a word
    boundary before a digit: it is tried only at the first digit of each run of digits."""
    at = 0
    for run in _DIGITS_RE.finditer(text):
        if run.start() < at:
            continue
        match = pattern.match(text, run.start())
        if match is not None:
            yield match
            at = match.end()


@lru_cache(maxsize=1 << 16)  # quantities leave clock times out and times read them: one scan for both
def clocks_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, text) of the clock times of a text."""
    if _CLOCK_HINT_RE.search(text) is None:
        return ()
    return tuple((m.start(), m.end(), m.group()) for m in digit_led(_CLOCK_RE, text))


_SEASON_RE = re.compile(rf"\b(?:this|last|next|in the|by the|before the) ({'|'.join(SEASONS)})\b", re.I)


_DAYPARTS = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "midday": "midday",
    "noon": "midday",
    "midnight": "midnight",
    "lunchtime": "midday",
}
_DAYPART_RE = re.compile(
    rf"\b(?:at|in the|this|early|late|{_WEEKDAY}|(?:early|late) (?:{_WEEKDAY}))\s"
    rf"({'|'.join(_DAYPARTS)})\b",
    re.I,
)


def clock_value(raw: str) -> str:
    """Return a clock time on the 24-hour clock ("2:05 p.m." -> "14:05", "14:05" -> "14:05")."""
    plain = re.sub(r"\s|(?<![\d])\.|\.(?!\d)", "", raw.lower())  # the dots of "a.m.", not of "12.40"
    match = re.match(r"(\d{1,2})(?:[:.](\d\d))?(am|pm)?", plain)
    if not match:
        return plain
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _gated(patterns, flags=re.I):
    """Compile (pattern, value, trigger words, whole words) quadruples: every match of a pattern
    holds one of its whole words as a word, and one of its triggers as a substring of the
    lowercased text (what find_times gates a pattern by)."""
    return tuple(
        (re.compile(p, flags), value, tuple(triggers), frozenset(whole)) for p, value, triggers, whole in patterns
    )


_DAY_WORDS = ("day", "tonight", "tomorrow", "yesterday")
_MONTH_WORDS = frozenset(MONTHS)
_MID_MONTHS = frozenset("mid" + month for month in MONTHS)  # "midMay" is one word
_DAY_RES = _gated(
    (pattern, value, triggers, whole)
    for (pattern, value), (triggers, whole) in zip(
        _DAY_PATTERNS,
        (
            (WEEKDAYS, WEEKDAYS),
            (("same day", "that day", "in the day", "today", "tonight"), ("later",)),
            (("same day",), ("same",)),
            (("this week",), ("week", "weekend")),
            (("weekend",), ("weekend",)),
            (("week",), ("week", "weekend")),
            (_DAY_WORDS, ("yesterday", "today", "tonight", "tomorrow")),  # a weekday's name holds "day", not these
            ((" day",), ("day",)),  # "the day after", "a day later": never the day of a weekday's name
            (MONTHS, _MONTH_WORDS),  # "Mayor" holds "may" but no month
        ),
        strict=True,  # a pattern added without its gate words fails at import, not silently
    )
)
_MONTH_RES = _gated(
    (pattern, value, triggers, whole)
    for (pattern, value), (triggers, whole) in zip(
        _MONTH_PATTERNS,
        ((("month",), ("month",)), (MONTHS, _MONTH_WORDS | _MID_MONTHS)),
        strict=True,
    )
)
# Every trigger of the day and month patterns holds one of these, and every whole word is one of
# the calendar words: most sentences have none.
CALENDAR_ANCHORS = ("day", "week", "tonight", "tomorrow", "month") + MONTHS
_CALENDAR_WORDS = frozenset().union(*(whole for _, _, _, whole in _DAY_RES + _MONTH_RES))
_SEASON_WORDS = frozenset(SEASONS)
_DAYPART_NAMES, _DAYPART_WORDS = tuple(_DAYPARTS), frozenset(_DAYPARTS)


def _date_value(raw: str) -> str:
    """Return a day of a month in one form whichever way it is written ("30 September" -> "september 30")."""
    low = raw.lower()
    day = re.search(r"\d{1,2}", low)
    month = next((m for m in MONTHS if m in low), "")
    return f"{month} {int(day.group())}" if day and month else re.sub(r"^on |(?:st|nd|rd|th)$", "", low)


def find_times(text: str) -> list[tuple[int, int, str, str]]:
    """Return (start, end, value, group) of every time: group day, month, year, clock (clock:after,
    clock:before, clock:about for a bound or a rounding), season."""
    found: list[tuple[int, int, str, str]] = []
    # In plain letters (letters_plain) a pattern's whole word is a word of the text wherever it
    # matches: one look-up in the text's words (remembered: every reader asks) tells whether to
    # try it. Otherwise its triggers are looked for in the lowercased text.
    held = lower_words(text) if letters_plain(text) else None
    lowered = text.lower() if held is None else ""

    def may_match(triggers: tuple[str, ...], whole: frozenset[str]) -> bool:
        return any(map(lowered.__contains__, triggers)) if held is None else not whole.isdisjoint(held)

    def add(start: int, end: int, value: str, group: str) -> None:
        if not any(s < end and start < e for s, e, _, _ in found):
            found.append((start, end, value, group))

    calendar = may_match(CALENDAR_ANCHORS, _CALENDAR_WORDS)
    for pattern, value, triggers, whole in _DAY_RES if calendar else ():
        if not may_match(triggers, whole):
            continue
        for match in pattern.finditer(text):
            if value == "date":
                word = _date_value(match.group())
            elif value == "weekday":
                word = match.group(1).lower()
            else:
                word = value or match.group().lower()
            add(match.start(), match.end(), word, "relative" if value == "relative" else "day")
    for pattern, value, triggers, whole in _MONTH_RES if calendar else ():
        if not may_match(triggers, whole):
            continue
        for match in pattern.finditer(text):
            if value == "month":
                month = match.group(1)
                if month[0].islower():
                    continue  # "may" the verb, "march" the walk: months are capitalised
                word = month.lower()
            else:
                word = match.group().lower()
            add(match.start(), match.end(), word, "month")
    if ":" in text or "m" in text or "M" in text:  # a clock time holds ":" or the m of am / pm
        previous = None
        for start, end, raw in clocks_in(text):
            # "2:05 p.m. local time (8:35 a.m. GMT)": a time in brackets after another converts it.
            aside = previous is not None and "(" in text[previous:start] and start - previous < 30
            group = "clock-aside" if aside else clock_group(text, start)
            add(start, end, zoned(clock_value(raw), zone_after(text, end)), group)
            previous = end
    if "19" in text or "20" in text:  # every year read is 19xx or 20xx
        for match in _YEAR_RE.finditer(text):
            add(match.start(1), match.end(1), match.group(1), "year")
    if may_match(SEASONS, _SEASON_WORDS):
        for match in _SEASON_RE.finditer(text):
            add(match.start(), match.end(), match.group().lower(), "season")
    if may_match(_DAYPART_NAMES, _DAYPART_WORDS):
        for match in _DAYPART_RE.finditer(text):
            # Kept beside the weekday that may hold it: "early Tuesday morning" gives both.
            part = match.group(1).lower()
            found.append((match.start(1), match.end(1), _DAYPARTS[part], "daypart"))
    return sorted(found)
