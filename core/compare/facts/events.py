"""Events in the sources (a meeting, a dinner, a vote, a crash) with each source's time expression."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from core.compare.event_nouns import dates_a_later_act
from core.compare.time_zones import zone_after, zoned
from core.compare.facts.mentions import Mention, mention, passages
from core.compare.slots_lexicon import MONTHS, WEEKDAYS
from core.ingest.gates import letters_plain, lower_words

# Kinds of event news reports date: word forms -> the event's name.
EVENTS = {
    # A meeting and talks are one kind of event: "met on Sunday" and "held talks on Monday" can disagree.
    "meeting": "talks",
    "met": "talks",
    "meet": "talks",
    "talks": "talks",
    "negotiations": "talks",
    "dinner": "dinner",
    "lunch": "lunch",
    "summit": "summit",
    "call": "call",
    "called": "call",
    "vote": "vote",
    "voted": "vote",
    "passed": "vote",
    "approved": "vote",
    "ballot": "vote",
    "election": "election",
    "arrest": "arrest",
    "arrested": "arrest",
    "crash": "crash",
    "crashed": "crash",
    "took off": "take-off",
    "take-off": "take-off",
    "takeoff": "take-off",
    "departed": "take-off",
    "sentenced": "sentencing",
    "sentencing": "sentencing",
    "verdict": "verdict",
    "convicted": "verdict",
    "announced": "announcement",
    "announcement": "announcement",
    "launch": "launch",
    "launched": "launch",
    "attack": "attack",
    "explosion": "explosion",
    "fire": "fire",
    "earthquake": "earthquake",
    "signed": "signing",
    "resigned": "resignation",
    "died": "death",
    "killed": "death",
    "discovered": "discovery",
    "discovery": "discovery",
    "spotted": "discovery",
    "released": "release",
    "speech": "speech",
    "hearing": "hearing",
    "trial": "trial",
    "strike": "strike",
    "protest": "protest",
}
DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
)
PART = r"(?:morning|afternoon|evening|night|midday|noon|midnight)"
# Every alternative begins at a word's start with a digit or one of the letters looked ahead for:
# the pattern, tried at every position, then fails at most of them on one test instead of on each
# alternative in turn (the same matches, in about half the time).
TIME = re.compile(
    r"\b(?=[\dabdefjlmnostwy])(?:"
    r"(?:(?:early|late)\s+)?" + DAY + r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\d{1,2}\s+" + MONTH + r"(?:\s+\d{4})?\b|" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|hours\b|GMT\b|IST\b|UTC\b))?"
    r"|\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|(?:at|around|by|before|after)\s+" + PART + r"\b"
    r"|(?:yesterday|today|tonight|tomorrow)\b"
    r"|(?:later|earlier)\s+(?:this|that|next|last)\s+(?:week|month|year)\b"
    r"|(?:later|earlier)\s+(?:on\s+)?(?:the\s+)?same\s+day\b|(?:later|earlier)\s+in\s+the\s+day\b"
    r"|(?:this|next|last)\s+(?:week|weekend|month|year)\b|over\s+the\s+weekend\b"
    r"|the\s+(?:next|following|previous)\s+day\b|the\s+day\s+(?:before|after)\b)",
    re.I,
)
# Every TIME match holds a digit or one of these words (a month comes with a day's number): in
# a plain passage (letters_plain) without any of them the pattern has nothing to find.
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night midday noon "
    "midnight yesterday today tonight tomorrow later earlier week weekend month year day".split()
)
_DIGIT = re.compile(r"\d")
_CLOCK_VALUE = re.compile(r"\d{2}:\d{2}")
_ZONE_INSIDE = re.compile(r"\b(?:GMT|UTC|IST)\b")  # the zones TIME itself takes in ("14:05 GMT")


def may_hold_time(text: str) -> bool:
    """Tell whether TIME can match in the text (False only when it certainly cannot)."""
    return not letters_plain(text) or _DIGIT.search(text) is not None or not TIME_WORDS.isdisjoint(lower_words(text))


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


def _dated(low: str, published: date) -> str | None:
    """Return the dates a relative day means from a publication date (an ISO date, or first/last), or None.

    "Later this week" is the rest of the publication's calendar week, "next week" the one after;
    a month or a year stays in words.
    """
    found = RELATIVE_DAY.fullmatch(low)
    if found is None:
        return None
    days = relative_days(low)
    if days and days[0] == days[1]:
        return (published + timedelta(days=days[0])).isoformat()
    if found.group("stretch") != "week":
        return None
    monday = published - timedelta(days=published.weekday())
    sunday = monday + timedelta(days=6)
    week = timedelta(days=7)
    first, last = {
        "this": (monday, sunday),
        "later": (published + timedelta(days=1), sunday),
        "earlier": (monday, published - timedelta(days=1)),
        "next": (monday + week, sunday + week),
        "last": (monday - week, sunday - week),
    }[found.group("side")]
    if first > last:  # "later this week" written on a Sunday: the week itself is all it says
        first, last = monday, sunday
    return f"{first.isoformat()}/{last.isoformat()}"


# A date this close to the calendar's ends ("9999-12-31", a placeholder some sites put in their
# metadata) is no publication date: relative days counted from it would fall off the calendar.
CALENDAR_MARGIN = timedelta(days=400)


def published_date(source) -> date | None:
    """Return the source's publication date when its metadata gives one."""
    found = re.search(r"(\d{4})-(\d{2})-(\d{2})", source.published or "")
    day = None
    if found:
        try:
            day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            return None
    elif source.published:
        try:
            import dateparser
        except ImportError:
            return None
        parsed = dateparser.parse(source.published, settings={"STRICT_PARSING": True})
        day = parsed.date() if parsed else None
    if day is None or not date.min + CALENDAR_MARGIN <= day <= date.max - CALENDAR_MARGIN:
        return None
    return day


def _clock(text: str) -> str | None:
    found = re.search(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?", text, re.I)
    if not found or not (found.group(2) or found.group(3)):
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    suffix = (found.group(3) or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _on_calendar(year: int, month: int, day: int) -> bool:
    """Tell whether a year, month and day name a real date."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_DIGIT = re.compile(r"\d")  # compiled once: every time expression is normalised
_MONTH_RE = re.compile(MONTH)


def normalise(expression: str, published: date | None) -> str:
    """Return a time expression's value: an ISO date or clock time where known, else its plain words."""
    low = " ".join(expression.lower().split())
    clock = _clock(low) if _DIGIT.search(low) and not _MONTH_RE.search(low) else None
    if clock:
        return clock
    for n, day in enumerate(WEEKDAYS):
        if day in low:
            part = next((p for p in ("morning", "afternoon", "evening", "night") if p in low), "")
            if published is not None:
                back = (published.weekday() - n) % 7  # news reports the past: the latest such day
                resolved = (published - timedelta(days=back)).isoformat()
                return f"{resolved} {part}".strip()
            return f"{day} {part}".strip()
    dated = _dated(low, published) if published is not None else None
    if dated is not None:
        return dated
    for month_number, month in enumerate(MONTHS, 1):
        day_match = re.search(r"\b(\d{1,2})(?!\d)", low) if re.search(r"\b" + month[:3], low) else None
        if day_match:
            day_number = int(day_match.group(1))
            year = re.search(r"\d{4}", low)
            year_number = int(year.group()) if year else (published.year if published else None)
            if year_number and _on_calendar(year_number, month_number, day_number):
                return f"{year_number:04d}-{month_number:02d}-{day_number:02d}"
            # No year, or no such day ("February 31" is a slip): kept in words, never a false date.
            return f"{MONTHS[month_number - 1]} {day_number}"
    for part in ("midday", "noon", "midnight", "morning", "afternoon", "evening", "night"):
        if re.fullmatch(r"(?:at|around|by|before|after)\s+" + part, low):
            return "12:00" if part in ("midday", "noon") else part
    return re.sub(r"^(?:on|at)\s+", "", low)


SUBJECT = re.compile(r"\b(?:the\s+)?([A-Z][\w’'-]+)(?:\s+[a-z]+ly)?\s*$")


def _subject(text: str, event_start: int) -> str:
    """Return the named actor right before an event word ("the Senate passed", "House voted"), else ""."""
    found = SUBJECT.search(text[max(0, event_start - 40) : event_start])
    word = found.group(1) if found else ""
    return "" if word.lower() in ("on", "in", "at", "the", "a", "an", "it", "they", "he", "she", "we") else word


WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# The letter runs of the event words: a plain passage (letters_plain) with none of them has no event word.
EVENT_PARTS = frozenset(part for key in (*EVENTS, "took") for part in re.findall(r"[a-z]+", key))


@lru_cache(maxsize=1 << 16)  # times and places both read the event words of every passage
def _events(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, event) of each event word; a word look-up, faster than one big alternation."""
    if letters_plain(text) and EVENT_PARTS.isdisjoint(lower_words(text)):
        return ()
    found = []
    for word in WORD.finditer(text):
        low = word.group().lower()
        if low == "took" and text[word.end() : word.end() + 4].lower() == " off":
            found.append((word.start(), word.end() + 4, "take-off"))
        elif low in EVENTS:
            found.append((word.start(), word.end(), EVENTS[low]))
    return tuple(found)


_CLAUSE_MARK = re.compile(r"[,;:–—]")  # compiled once: tried for every event word near a value
_MAY = re.compile(r"may", re.I)


def event_of(text: str, start: int, end: int, events) -> tuple[int, int, str] | None:
    """Return the event word a time or place at start..end belongs to, or None when none is near."""
    # The event sits in the same clause, usually before ("a dinner ... later that day", "talks in Berlin").
    clause = [e for e in events if not _CLAUSE_MARK.search(text[min(e[1], start) : max(e[0], end)])]
    before = [e for e in clause if e[1] <= start]
    pool = before or clause or events
    if not pool:
        return None
    nearest = min(pool, key=lambda e: min(abs(e[0] - end), abs(start - e[1])))
    if nearest[1] <= start and dates_a_later_act(text, nearest[1], start):
        return None  # "the collapse, and a panel is due to report on Friday": the report's day
    distance = min(abs(nearest[0] - end), abs(start - nearest[1]))
    return nearest if distance <= (150 if nearest in clause else 80) else None


def matches_near_events(
    documents, pattern: re.Pattern, skip=lambda found: False, may_match=lambda text: True
) -> Iterator[tuple]:
    """Yield (document, passage, match, event word, its subject) for each match dating or placing an event.

    `may_match` is a cheap test that is False only for a text the pattern cannot match.
    """
    for document, passage in passages(documents):
        text = passage.text
        events = _events(text)
        if not events or not may_match(text):
            continue
        for found in pattern.finditer(text):
            if skip(found):
                continue
            nearest = event_of(text, found.start(), found.end(), events)
            if nearest is not None:
                yield document, passage, found, nearest[2], _subject(text, nearest[0])


def event_mentions(documents) -> list[Mention]:
    """Return each time expression with the event it dates (the nearest event word in its sentence)."""

    def may_alone(found) -> bool:  # "may" alone is the verb far more often than the month
        return _MAY.fullmatch(found.group()) is not None

    out: list[Mention] = []
    for document, passage, found, event, about in matches_near_events(documents, TIME, may_alone, may_hold_time):
        value = normalise(found.group(), published_date(document.source))
        if _CLOCK_VALUE.fullmatch(value):  # "4:45 a.m. ET": the zone makes it one moment anywhere
            inside = _ZONE_INSIDE.search(found.group())  # read on from it: "GMT+1"
            value = zoned(value, zone_after(passage.text, found.start() + inside.start() if inside else found.end()))
        out.append(
            mention(
                f"event:{event}",
                f"{event}: time",
                "event",
                "time",
                document,
                passage,
                found.start(),
                found.end(),
                value,
                about=about,
            )
        )
    return out
