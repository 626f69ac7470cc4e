"""Find the quantities of a sentence (counts, shares, scores, measures) as (start, end, value, unit)
tuples; its times are read by slots_times."""

from __future__ import annotations

import re

from core.compare.slots_lexicon import MONTHS
from core.compare.slots_times import clocks_in, digit_led
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


# A month is capitalised in a date ("may" is a verb too): "September 30", "30 Sept."
_MONTH_NAMES = "|".join(
    sorted({m.capitalize() for m in MONTHS} | {m[:3].capitalize() for m in MONTHS} | {"Sept"}, key=len, reverse=True)
)
_COUNTED_AFTER_RE = re.compile(r"\s+(?!(?:and|or|to|in|at|on)\b)[a-z]")
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+$")
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b")


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
    for match in digit_led(_SCORE_RE, text) if plain else _SCORE_RE.finditer(text):
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
    clocks = [(start, end) for start, end, _ in clocks_in(text)]
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
