"""Find the numbers of a passage as the fact sheet reads them: figure, hedge, currency, the words after."""

from __future__ import annotations

import re
from string import ascii_letters

from core.ingest.gates import letters_plain, lower_words
from core.ingest.numbers import WORD_NUMBERS

SMALL = {**WORD_NUMBERS, "both": 2, "dozen": 12}  # counts of people and things said in words
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
HEDGES = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "almost all": "nearly",
}
# Units: what a number measures when a unit word follows it (singular form -> shown name).
UNITS = {
    "percent": "percentage",
    "per cent": "percentage",
    "%": "percentage",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "minute": "minutes",
    "page": "pages",
    "foot": "feet",
    "feet": "feet",
    "metre": "metres",
    "meter": "metres",
    "mile": "miles",
    "kilometre": "kilometres",
    "kilometer": "kilometres",
    "km": "kilometres",
    "storey": "storeys",
    "story": "storeys",
    "floor": "storeys",
    "astronomical unit": "astronomical units",
    "au": "astronomical units",
    "mph": "miles per hour",
    "km/s": "kilometres per second",
    "km/h": "kilometres per hour",
    "vote": "votes",
    "seat": "seats",
}
DISTANCES = frozenset(("feet", "metres", "miles", "kilometres", "astronomical units"))
NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(SMALL, key=len, reverse=True))
    + r")(?:\s*(?P<scale>thousand|million|billion|trillion|bn)\b"
    # after a currency sign, a scale may be one letter ("£40m", "$5k"): "8m" alone is a measure
    + r"|(?(cur)(?P<short>m|k)\b))?"
)
QUANTITY = re.compile(
    r"(?P<hedge>\b(?:" + "|".join(sorted(HEDGES, key=len, reverse=True)) + r")\s+)?"
    r"(?P<cur>[$£€]|US\$|Rs\.?\s?)?\b" + NUMBER + r"(?P<unit>\s*(?:%|per\s?cent\b)|-(?P<hy>[a-z]+)\b"
    # a part of a whole counts the whole's members: "both of the aircraft's black boxes", "five of the victims"
    r"|\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+['’]s\s+)?(?P<ofword>(?!(?:" + "|".join(SMALL) + r")\b)[a-z][a-z-]*"
    r"(?:\s+[a-z][a-z-]*)?)"
    r"|\s+(?P<word>[a-z][a-z/-]*(?:\s+[a-z][a-z-]*)?))?",
    re.I,
)
# Numbers are found first and the full pattern is tried only where one starts (with its hedge and
# currency just before): the full pattern tried at every position is the slow part on long texts.
# A number word is one of SMALL written in ASCII letters (the look-ahead keeps re.I from folding
# other letters onto them).
NUMBER_START = re.compile(
    r"(?<![\d.,])\d|\b(?=[A-Za-z]{3,9}\b)(?i:" + "|".join(sorted(SMALL, key=len, reverse=True)) + r")\b"
)
LEAD = re.compile(
    r"(?:\b(?:" + "|".join(sorted(HEDGES, key=len, reverse=True)) + r")\s+)?(?:[$£€]|US\$|Rs\.?\s?)?$", re.I
)


# A run of digits with the separators inside it: a digit after the first follows a digit, "." or ",",
# so it starts no number (one match for "86,921", not two).
_NUMBER_RUN = re.compile(r"\d[\d.,]*")
_ASCII_NUMBER_RUN = re.compile(r"[0-9][0-9.,]*")  # the same in ASCII text, scanned faster
# Each number word NUMBER_START takes (three to nine letters) as a whole word, case ignored.
_NUMBER_WORD = {word: re.compile(rf"\b{word}\b", re.I) for word in SMALL if 3 <= len(word) <= 9}
_NUMBER_WORDS = frozenset(_NUMBER_WORD)


def number_starts(text: str) -> list[int]:
    """Return where NUMBER_START matches, in order.

    In plain text (letters_plain) those are the first digits of the runs of digits not preceded
    by "." or ",", and the starts of the number words among the text's words, each looked for
    alone: far faster than a look-behind and every number word tried at every position.
    """
    if not letters_plain(text):
        return [number.start() for number in NUMBER_START.finditer(text)]
    runs = (_ASCII_NUMBER_RUN if text.isascii() else _NUMBER_RUN).finditer(text)
    starts = [run.start() for run in runs if run.start() == 0 or text[run.start() - 1] not in ".,"]
    words = _NUMBER_WORDS.intersection(lower_words(text))
    if not words:
        return starts
    return sorted(starts + [found.start() for word in words for found in _NUMBER_WORD[word].finditer(text)])


# The last word of each hedge: LEAD can match more than nothing only after one of them (or a currency).
_HEDGE_ENDS = frozenset(hedge.split()[-1] for hedge in HEDGES)


def lead_length(window: str) -> int:
    """Return len(LEAD.search(window).group()): the hedge and currency ending the window.

    A non-empty lead ends in a currency sign, "Rs" or "Rs.", or a hedge's last word and spaces:
    in plain text whose last word is none of those, the search (tried at every position, every
    hedge at each) would find only the empty match at the end.
    """
    if letters_plain(window):
        body = window.rstrip()
        if not (body.endswith(("$", "£", "€")) or body[-3:].lower().endswith(("rs", "rs."))):
            if body[len(body.rstrip(ascii_letters)) :].lower() not in _HEDGE_ENDS:
                return 0
    lead = LEAD.search(window)
    return len(lead.group()) if lead else 0


def quantity_matches(text: str) -> list[re.Match]:
    """Return the QUANTITY matches of a text, one per number, trying the pattern only where numbers start."""
    found: list[re.Match] = []
    end = 0
    for at in number_starts(text):
        if at < end:
            continue
        start = at - lead_length(text[max(0, at - 30) : at])
        match = QUANTITY.match(text, start) or QUANTITY.match(text, at)
        if match is not None and match.start("num") == at:
            end = match.end()
            found.append(match)
    return found
