"""Read the number expressions of a text: "90 per cent", "$5m", "1,200", "twenty-four", with canonical keys."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from core.ingest.gates import letters_plain, lower_words

WORD_NUMBERS = {  # the one table of number words (the fact sheet adds "both" and "dozen")
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_NUMWORD = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER_RE = re.compile(
    r"(?P<cur>[$€£]\s?)?"
    rf"(?P<num>{_DIGITS}|\b(?:{_NUMWORD})(?:[-\s](?:{_NUMWORD}))?\b)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn|m|k|b)\b)?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent|pc)\b)?",
    re.IGNORECASE,
)


def _word_value(words: str) -> int | None:
    """Return the value of a spelled-out number of one or two words ("ninety", "twenty-four")."""
    total = 0
    for part in re.split(r"[-\s]+", words.lower()):
        value = WORD_NUMBERS.get(part)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return total


def _format(value: float) -> str:
    """Format a number without a trailing .0 and without thousands separators."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _match_to_key(match: re.Match) -> str | None:
    """Return the canonical key of one number match, or None when it is not a number."""
    raw = match.group("num")
    if raw[0].isdigit():
        value: float = float(raw.replace(",", ""))
    else:
        word_value = _word_value(raw)
        if word_value is None:
            return None
        value = word_value
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    key = _format(value)
    return key + "%" if match.group("pct") else key


def normalize_number(text: str) -> str | None:
    """Return the canonical form of a number expression ("90 per cent" -> "90%", "$5m" -> "5000000")."""
    match = _NUMBER_RE.fullmatch(text.strip())
    if not match:
        return None
    return _match_to_key(match)


# Where a number written with digits can begin: a currency sign or a digit.
_DIGIT_START_RE = re.compile(r"[$€£\d]")
_ASCII_DIGIT_START_RE = re.compile(r"[$0-9]")  # the same in ASCII text, scanned faster
# Where any number can begin: those, or a number word at a word boundary (the look-ahead for the
# first letters of the number words fails fast at every other letter).
_FIRST_LETTERS = "".join(sorted({word[0] for word in WORD_NUMBERS}))
_NUMBER_WORD_START = rf"|\b(?=[{_FIRST_LETTERS}])(?:{_NUMWORD})"
_START_RE = re.compile(_DIGIT_START_RE.pattern + _NUMBER_WORD_START, re.IGNORECASE)
_ASCII_START_RE = re.compile(_ASCII_DIGIT_START_RE.pattern + _NUMBER_WORD_START, re.IGNORECASE)

_NUMBER_WORDS = frozenset(WORD_NUMBERS)


def _number_matches(text: str) -> Iterator[re.Match]:
    """Yield the matches _NUMBER_RE.finditer(text) yields, in order.

    In a text whose letters are plain (letters_plain: no number word hides behind a folded
    letter), a match can only begin at a currency sign, a digit, or a number word: the pattern
    is tried there alone (each search resumes where a match ended, as finditer's does), and at
    a sign or a digit alone in a text without a number word. Other text is read whole.
    """
    if not letters_plain(text):
        yield from _NUMBER_RE.finditer(text)
        return
    ascii_only = text.isascii()
    if _NUMBER_WORDS.isdisjoint(lower_words(text)):
        starts = _ASCII_DIGIT_START_RE if ascii_only else _DIGIT_START_RE
    else:
        starts = _ASCII_START_RE if ascii_only else _START_RE
    at = 0
    while True:
        start = starts.search(text, at)
        if start is None:
            return
        match = _NUMBER_RE.match(text, start.start())
        if match is None:
            at = start.start() + 1
            continue
        yield match
        at = match.end()


@lru_cache(maxsize=1 << 15)  # vectors, slots, contradictions and the fact sheet read each passage's numbers
def find_numbers(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, canonical key) of every number expression in the text."""
    found = []
    for match in _number_matches(text):
        key = _match_to_key(match)
        if key is None:
            continue
        start = match.start("cur") if match.group("cur") else match.start("num")
        found.append((start, match.end(), key))
    return tuple(found)
