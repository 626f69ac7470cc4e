"""Find quantities and times in a sentence as (start, end, value, group) tuples."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from core.compare.clock_spans import clock_group
from core.compare.time_zones import zone_after, zoned
from core.compare.slots_lexicon import MONTHS, SEASONS, WEEKDAYS
from core.ingest.gates import letters_plain, lower_words
from core.ingest.textnorm import find_numbers, normalize_number, stem

# Fractions written as words; "a third" and "one-third" mean the same share.
_FRACTIONS = {
    "half": "50%",
    "a half": "50%",
    "one half": "50%",
    "a third": "33.3%",
    "one third": "33.3%",
    "one-third": "33.3%",
    "two thirds": "66.7%",
    "two-thirds": "66.7%",
    "a quarter": "25%",
    "one quarter": "25%",
    "one-quarter": "25%",
    "three quarters": "75%",
    "three-quarters": "75%",
    "a fifth": "20%",
    "one fifth": "20%",
    "one-fifth": "20%",
}
_FRACTION_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True)) + r")\b", re.I
)
_UNIT_RE = re.compile(r"[-\s]?([A-Za-z]+)(?:\s(?:of|per)\s([A-Za-z]+))?")
# Units written two ways; the noun after a number is what the number counts.
_UNIT_ALIASES = {
    "km": "kilometre",
    "kilometer": "kilometre",
    "kms": "kilometre",
    "kilometers": "kilometre",
    "kilometres": "kilometre",
    "mi": "mile",
    "m": "metre",
    "meter": "metre",
    "hr": "hour",
    "hrs": "hour",
    "yr": "year",
    "kg": "kilogram",
    "bn": "",
    "mn": "",
    "pc": "",
    "percent": "",
    "per": "",
    "cent": "",
}
# Words after a number that are not what it counts.
_NOT_UNITS = frozenset(
    """
of the a an and or to in on at by for from with as is are was were has have had be that which
who than more less over under about around nearly almost some per percent cent
""".split()
)
# Scale words ("million") belong to the number itself, handled by textnorm.
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "mn", "bn", "tn", "k", "m", "b"})


def _initials(alternation: str) -> str:
    """Return the first characters of the alternatives of a pattern ("on |last " -> "lo").

    A pattern led by a lookahead on them, (?=[...]), tries its alternation only where a match can
    begin: a test per position instead of the alternation, at most positions of a text.
    """
    return "".join(sorted({alternative[0] for alternative in alternation.split("|")}))


_YEAR_RE = re.compile(r"\b(?:in |since |by |until |of |from )?((?:19|20)\d\d)\b(?!\s?%|\s(?:per|percent))")

_WEEKDAY = "|".join(WEEKDAYS)
_WEEKDAY_LEADS = "on |last |next |this |by |until |from |late |early "
# A month is capitalised in a date ("may" is a verb too): "September 30", "30 Sept."
_MONTH_NAMES = "|".join(
    sorted({m.capitalize() for m in MONTHS} | {m[:3].capitalize() for m in MONTHS} | {"Sept"}, key=len, reverse=True)
)
_COUNTED_AFTER_RE = re.compile(r"\s+(?!(?:and|or|to|in|at|on)\b)[a-z]")
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+$")
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b")
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


def _digit_led(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
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
def _clocks(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, text) of the clock times of a text."""
    if _CLOCK_HINT_RE.search(text) is None:
        return ()
    return tuple((m.start(), m.end(), m.group()) for m in _digit_led(_CLOCK_RE, text))


_SEASON_RE = re.compile(rf"\b(?:this|last|next|in the|by the|before the) ({'|'.join(SEASONS)})\b", re.I)


def _unit_after(text: str, end: int) -> str:
    """Return the normalized noun a number counts ("1,200 families" -> "famili"), or ""."""
    match = _UNIT_RE.match(text, end)
    if not match:
        return ""
    word = match.group(1).lower()
    if word in _SCALE_WORDS and match.group(2):
        word = match.group(2).lower()
    if word in _NOT_UNITS or word in _SCALE_WORDS:
        return ""
    word = _UNIT_ALIASES.get(word, word)
    return stem(word) if word else ""


_DIGIT_RUN_RE = re.compile(r"\d[\d,.]*")


def _digit_numbers(text: str) -> list[tuple[int, int, str]]:
    """Return, for each run of digits not inside a number already taken, the number of
    textnorm.find_numbers that covers its first digit (in a text without spelled-out numbers).

    "1,2,3" gives the 1 alone, as reading a small window around each run did before. The whole
    text's numbers are already remembered (the tokens read them): no window is read again.
    """
    numbers = find_numbers(text)
    found: list[tuple[int, int, str]] = []
    for match in _DIGIT_RUN_RE.finditer(text):
        at = match.start()
        if found and at < found[-1][1]:
            continue
        for number in numbers:
            if number[0] <= at < number[1]:
                found.append(number)
                break
    return found


_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|zero|nil"
# A tally or score: "51-50", "4–1", "four to one" (only beside a vote or a win: else a range).
_SCORE_RE = re.compile(
    rf"\b(?P<a>{_SMALL})(?:\s?[-–]\s?|(?P<to>\sto\s))(?P<b>{_SMALL})\b"
    rf"(?=\s(?:vote|tie|win|victory|defeat|loss|margin|split|majority|decision|"
    rf"ruling|verdict|score|in favou?r|against)|[\s,.;]|$)",
    re.I,
)
_VOTE_BEFORE_RE = re.compile(r"\b(?:vot\w*|ruled|won|lost|beat|decided|split)\s+(?:\w+\s+)?$", re.I)
_VOTE_AFTER_RE = re.compile(
    r"\s(?:vote|tie|win|victory|defeat|in favou?r|against|margin|decision|"
    r"ruling|verdict|split)",
    re.I,
)
_BOTH_RE = re.compile(r"\bboth\b(?= (?:of )?(?:the |its |their |his |her )?[\w’']+)", re.I)


def _identifier(text: str, start: int, end: int) -> bool:
    """Tell whether digits are glued to letters or to another number by a hyphen (a model, a seat)."""
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    if before.isalpha() or (before == "-" and text[start - 2 : start - 1].isdigit()):
        return True
    if after.isalpha() and text[start:end][-1:].isdigit() and not _GLUED_UNIT_RE.match(text, end):
        return True  # "AI171", "11A"; but "8km", "5kg", "3m" are a measure with its unit glued on
    return after == "-" and text[end + 1 : end + 2].isdigit() and not _SCORE_JOIN.match(text, end)


_GLUED_UNIT_RE = re.compile(r"(?:[kKmMbB]|km|kg|mi|mph|kph|ft|cm|mm|lbs?|bn|tn|mn)\b")
_SCORE_JOIN = re.compile(r"-\d{1,3}\s+(?:vote|tie|win|victory|defeat|loss|margin|split|majority|decision|score)")


_YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")


def find_quantities(text: str, spelled: bool = True) -> list[tuple[int, int, str, str]]:
    """Return (start, end, value, unit) of every quantity; years and clock times are left out.

    `spelled` False says the text holds no spelled-out number words, which allows a faster path.
    """
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    if spelled:
        for match in _FRACTION_RE.finditer(text):
            found.append((match.start(), match.end(), _FRACTIONS[match.group().lower()], "share"))
            taken.append((match.start(), match.end()))
    # Without number words ("nil" is one a score may use) a score begins at a digit.
    plain = not spelled and text.isascii() and "nil" not in text.lower()
    for match in _digit_led(_SCORE_RE, text) if plain else _SCORE_RE.finditer(text):
        if not (
            _VOTE_BEFORE_RE.search(text[max(0, match.start() - 25) : match.start()])
            or _VOTE_AFTER_RE.match(text, match.end())
        ):
            continue  # "from four to one" and "10-12" are ranges; "voted four to one" is a tally
        first, second = normalize_number(match.group("a")), normalize_number(match.group("b"))
        if first is None or second is None:
            continue
        unit = "tie" if re.match(r"\s*tie\b", text[match.end() : match.end() + 6], re.I) else "score"
        found.append((match.start(), match.end(), f"{first}-{second}", unit))
        taken.append((match.start(), match.end()))
    if spelled:
        for match in _BOTH_RE.finditer(text):
            found.append((match.start(), match.end(), "2", ""))  # "both black boxes" counts two
            taken.append((match.start(), match.end()))
    clocks = [(start, end) for start, end, _ in _clocks(text)]
    for start, end, key in find_numbers(text) if spelled else _digit_numbers(text):
        if any(s < end and start < e for s, e in taken + clocks):
            continue
        raw = text[start:end]
        if _identifier(text, start, end):
            continue  # "AI171", "787-8", "seat 11A": a name made of digits, not a count
        if _YEAR_DIGITS_RE.fullmatch(raw):
            continue  # a year is a time, not a quantity
        if (
            raw.isdigit()
            and 1 <= int(raw) <= 31
            and (_MONTH_BEFORE_RE.search(text, max(0, start - 12), start) or _MONTH_AFTER_RE.match(text, end))
            and not _COUNTED_AFTER_RE.match(text, end)  # "by March 30 families had left" counts families
        ):
            continue  # "September 30", "30 Sept.": the day of a date, not a count
        if raw.lower() in ("one", "a") and not _unit_after(text, end):
            continue  # "one of the", "one official": a pronoun more often than a count
        found.append((start, end, key, "%" if key.endswith("%") else _unit_after(text, end)))
    return sorted(found)


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
    )
)
_MONTH_RES = _gated(
    (pattern, value, triggers, whole)
    for (pattern, value), (triggers, whole) in zip(
        _MONTH_PATTERNS,
        ((("month",), ("month",)), (MONTHS, _MONTH_WORDS | _MID_MONTHS)),
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
        for start, end, raw in _clocks(text):
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
