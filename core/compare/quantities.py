"""Describe what a number counts (its head noun, its event, its hedge) and when two values agree."""

from __future__ import annotations

import re
from string import ascii_letters
from functools import lru_cache
from typing import Iterable, NamedTuple

from core.ingest.gates import letters_plain
from core.ingest.numbers import normalize_number
from core.compare.value_context import REQUEST_EVENT, RESTORE_EVENT, reference_of, requested, restored
from core.ingest.textnorm import STOPWORDS, stem

# Nouns for people counted: "274 lives", "246 individuals" and "241 people" count one kind of thing.
PEOPLE_NOUNS = frozenset(
    """
people person persons individual individuals life lives victim victims dead death deaths
fatality fatalities casualty casualties body bodies soul souls resident residents civilian
civilians
""".split()
)
# Nouns for jobs counted: "14,000 positions", "14,000 roles" and "14,000 layoffs" count one thing.
JOB_NOUNS = frozenset(
    """
job jobs position positions role roles post posts layoff layoffs redundancy redundancies
""".split()
)
# What happened to the people counted: a count of dead is never compared with a count aboard.
PEOPLE_EVENTS = (
    ("dead", frozenset("kill die died dead death fatal fatalit perish toll claim live bodi decease".split())),
    # the gravely hurt are a part of the hurt, never another count of them ("three critically")
    ("critical", frozenset("critical serious".split())),
    ("hurt", frozenset("injur wound hurt hospitalis hospitaliz".split())),
    ("alive", frozenset("surviv rescu alive".split())),
    ("aboard", frozenset("board aboard onboard carry carri".split())),
    ("missing", frozenset("missing unaccount".split())),
)
# Units of measure written two ways (a general table of abbreviations, not of any story).
UNIT_ALIASES = {
    "km": "kilometre",
    "kms": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "kilometres": "kilometre",
    "mi": "mile",
    "miles": "mile",
    "ft": "foot",
    "feet": "foot",
    "m": "metre",
    "meter": "metre",
    "meters": "metre",
    "metres": "metre",
    "hr": "hour",
    "hrs": "hour",
    "yr": "year",
    "yrs": "year",
    "kg": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "au": "astronomical unit",
    "mph": "speed@mi/h",
    "kph": "speed@km/h",
    "percent": "%",
    "cent": "%",
    "pc": "%",
}
# Lengths and speeds in one unit each, so that a value and its conversion compare equal.
LENGTHS = {"kilometre": 1.0, "mile": 1.609344, "foot": 0.0003048, "metre": 0.001, "astronomical unit": 149_597_870.7}
SPEEDS = {"km/s": 1.0, "mi/h": 1.609344 / 3600, "km/h": 1 / 3600}
CONVERSION = 0.05  # "150,000 mph" and "66 km/s" agree: conversions are rounded
# Hedges before a number and the range they allow around it, as (low, high) factors.
HEDGES = (
    (r"at least|more than|just over|over|upwards of|in excess of|no fewer than|no less than", "min"),
    (r"nearly|almost|close to|just under|under|fewer than|less than|up to|as many as", "max"),
    (
        r"about|around|roughly|approximately|some|an estimated|estimated|nearly about|circa|"
        r"approx\.?|about|more or less",
        "about",
    ),
)
_HEDGE_RE = re.compile(r"(?:^|\b)(" + "|".join(p for p, _ in HEDGES) + r")\s*[$€£]?$", re.I)
_HEDGE_KIND = [(re.compile(rf"^(?:{p})$", re.I), kind) for p, kind in HEDGES]
ABOUT = 0.05  # "about 1.4" covers 1.35: a rounding, not another value ("some 1,200" is not 1,100)
BELOW = 0.1  # "nearly 900" covers 887
BOUND = 0.25  # "at least 800" and "more than 800" agree; "at least 8" and 33 do not
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*|[()\[\],;:.—–]")
# Words that end the noun phrase after a number: what follows is no longer what it counts.
_PHRASE_END = frozenset(
    """
of in on at by for from with as is are was were has have had be been that which who than to
into onto after before since during while when where including include includes or but per
will would could can may might said says told over under across between among against this
these those its their his her our
""".split()
)
_SKIP_BEFORE_HEAD = frozenset("the a an additional more other further new extra".split())
CONTEXT_BEFORE = 8  # words before a number read as its event ("killing 241 people")
CONTEXT_AFTER = 12  # and after it ("33 lives on the ground", "two workers known to be there were rescued")
AFTER_REACH = 120  # characters after a number read for those words


class Frame(NamedTuple):  # a tuple: one is made per number read, and a frozen dataclass is slower to make
    """What a number counts: head noun key, the event of a people count, the hedge before it."""

    head: str
    event: str
    hedge: str


def _unit_key(word: str) -> str:
    """Return the key of a counted noun ("feet" -> foot, "individuals" -> people)."""
    word = word.lower().strip("'’-")
    if word in PEOPLE_NOUNS:
        return "people"
    if word in JOB_NOUNS:
        return "jobs"
    if word in UNIT_ALIASES:
        word = UNIT_ALIASES[word]
    if word in LENGTHS:
        return f"length@{word}"
    if word.startswith("speed@"):
        return word
    return stem(word)


_SPEED_RE = re.compile(
    r"\s?(?:km|kilomet(?:er|re)s?|mi(?:les?)?|m|metres?|meters?)\s?(?:/|per\s)"
    r"\s?(?:s|sec|second|h|hr|hour)\b",
    re.I,
)


_COMPOUND_RE = re.compile(r"-([A-Za-z]+)")
_SPANS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"})
_AGE_RE = re.compile(r"[-\s]years?[-\s]old\b", re.I)
_AGE_OF_RE = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?([a-z][a-z-]+)")  # the one it is said of: "steward", "Dutch keeper"
_POSSESSIVE_RE = re.compile(r"['’]s$")
_WHERE_RE = re.compile(r"(?:onboard|aboard|on board|on the ground)\b")


def head_of(text: str, end: int) -> str:
    """Return the key of the noun a number counts, read from text[end:] ("" when none follows)."""
    rest = text[end : end + 80]
    speed = _SPEED_RE.match(rest)
    if speed:
        per_hour = re.search(r"h(?:r|our)?\b", speed.group().split("/")[-1].split("per")[-1])
        unit = ("km" if re.search(r"k", speed.group(), re.I) else "mi") + ("/h" if per_hour else "/s")
        unit = "km/s" if unit == "mi/s" else unit
        return f"speed@{unit}"  # "66 km/s" is a speed, not a distance
    age = _AGE_RE.match(rest)
    if age:  # "the 22-year-old": an age, never the five years of a contract
        said_of = _AGE_OF_RE.match(rest, age.end())
        # a verb after it ("the 28-year-old scored", "says") leaves the age bare; a singular noun names whom
        if said_of and said_of.group(1).lower() not in STOPWORDS and not said_of.group(1).endswith(("ed", "s")):
            return f"age {stem(said_of.group(1))}"  # "a 41-year-old steward" is no age of "the 48-year-old"
        return "age"
    compound = _COMPOUND_RE.match(rest)
    if compound:
        return _unit_key(compound.group(1))  # "11-week trial": the week is what is counted
    words = _WORD_RE.findall(rest)
    if words[:1] == ["of"] and len(words) > 1:
        words = words[1:]  # "both of the aircraft's black boxes"

    chunk: list[str] = []
    following = len(words)
    for n, word in enumerate(words[:5]):
        low = word.lower()
        following = n
        if not word[0].isalpha() or low in _PHRASE_END:
            break
        if not chunk and low in _SKIP_BEFORE_HEAD:
            continue
        if _POSSESSIVE_RE.search(word):
            continue  # "the aircraft's black boxes": the owner is not counted
        if low in STOPWORDS and low not in UNIT_ALIASES and low not in PEOPLE_NOUNS:
            break
        chunk.append(low)
        following = n + 1
        if low in UNIT_ALIASES or low in PEOPLE_NOUNS or (low in JOB_NOUNS and low.endswith("s")):
            break
        if low.endswith("s") and len(low) > 3 and not low.endswith("ss"):
            break  # a plural noun closes the phrase: "five students killed"
    if not chunk:
        return ""
    head = _unit_key(chunk[-1])
    # "169 Indian nationals" and "53 British nationals" count different people; so does
    # "169 passengers were Indian" against "230 passengers".
    named = [w.lower() for w in words[:following] if w[0].isupper() and w.lower() not in UNIT_ALIASES]  # not "AU"
    if following + 1 < len(words) and words[following].lower() in ("were", "are", "was", "is"):
        named += [words[following + 1].lower()] if words[following + 1][0].isupper() else []
    if (
        following + 1 < len(words)
        and words[following].lower() == "and"
        and words[following + 1][0].isalpha()
        and words[following + 1].lower() not in STOPWORDS
        and normalize_number(words[following + 1]) is None
        and not words[following + 1].lower().endswith(("ing", "ed"))  # "4 people and flooding the town": a verb
    ):
        head += "+" + _unit_key(words[following + 1])  # "242 passengers and crew" is not 230 passengers
    if named:
        head += "|" + " ".join(sorted(set(named)))
    where = _WHERE_RE.match(" ".join(words[following : following + 3]).lower())
    if where and head == "people":
        # "241 people on board" and "33 on the ground" count different people
        head += "|" + ("ground" if "ground" in where.group() else "aboard")
    if len(chunk) >= 2 and " ".join(chunk[-2:]) in ("astronomical unit", "astronomical units"):
        head = "length@astronomical unit"
    return head


# The last word of each hedge: a window ending in another word (and no currency sign or full
# stop, as in "approx.") holds no hedge before its number.
_HEDGE_LAST_WORDS = frozenset(
    re.sub(r"\\\.\?", "", phrase).split()[-1] for pattern, _ in HEDGES for phrase in pattern.split("|")
)


def hedge_of(text: str, start: int) -> str:
    """Return the hedge before a number: "min", "max", "about" or ""."""
    window = text[max(0, start - 24) : start].rstrip()
    if (
        letters_plain(window)
        and not window.endswith(("$", "€", "£", "."))
        and window[len(window.rstrip(ascii_letters)) :].lower() not in _HEDGE_LAST_WORDS
    ):
        return ""  # the pattern must end with a hedge's last word: searching it would find none
    match = _HEDGE_RE.search(window)
    if not match:
        return ""
    phrase = match.group(1).lower()
    return next((kind for pattern, kind in _HEDGE_KIND if pattern.match(phrase)), "")


_CONTEXT_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]+")


# An aside after a counted noun (a list of names between dashes, a bracket) holds no event of
# the count: "three members – A, B and C – voted against" is read past it.
_ASIDE_RE = re.compile(r"\s[—–]\s?[^—–]{1,160}?\s?[—–]\s|\s?\([^()]{0,80}\)")


# Where a clause about other people begins: "three were rescued while nine others are feared
# dead" tells the rescue of the three and the death of the nine.
# (Found with str.find: a pattern tried at each position cost a third of the reading of a count.)
# ", and" opens a clause too: in "25 people died in the storm, and 48,000 residents lost power"
# the death is not the residents'.
_CLAUSE_BREAKS = (" while ", " whereas ", " but ", " although ", " though ", ";", ", and ")


def _nearest_first(text: str, start: int, end: int) -> list[str]:
    """Return the words around a number in its clause, nearest first (after before before)."""
    preceding = text[max(0, start - 80) : start]
    cut = 0
    for word in _CLAUSE_BREAKS:
        at = preceding.rfind(word)
        if at >= 0 and at + len(word) > cut:
            cut = at + len(word)
    preceding = preceding[cut:]
    # A count that opens a clause after a comma ("on board the ferry, two people were hurt") has
    # its event after it: the words before the comma tell of something else.
    before = [] if preceding.rstrip().endswith(",") else _CONTEXT_WORD_RE.findall(preceding)[-CONTEXT_BEFORE:]
    following = text[end : end + 240]
    if "(" in following or "—" in following or "–" in following:
        following = _ASIDE_RE.sub(" ", following)
    following = following[:AFTER_REACH]
    end_at = len(following)
    for word in _CLAUSE_BREAKS:
        at = following.find(word, 0, end_at)
        if at >= 0:
            end_at = at
    following = following[:end_at]
    after = _CONTEXT_WORD_RE.findall(following)[:CONTEXT_AFTER]
    before.reverse()
    order = [w for pair in zip(after, before) for w in pair]
    return order + after[len(before) :] + before[len(after) :]


# The side counted people took, said by a verb ("support staff" is no side): "50 supported" and
# "three opposed" are two counts of one vote.
_SIDES = {
    **dict.fromkeys("supported supporting backed backing favoured favored endorsed".split(), "for"),
    **dict.fromkeys("opposed opposing opposes against rejected rejecting dissented".split(), "against"),
}
_EVENT_NAMES = [event for event, _ in PEOPLE_EVENTS]
_EVENT_RE = re.compile("|".join(f"({'|'.join(sorted(stems, key=len, reverse=True))})" for _, stems in PEOPLE_EVENTS))


# The first two letters of every word that tells an event: stem() keeps a word's first two
# letters, so a word beginning otherwise is no event (most words around a count; no stem read).
_EVENT_OPENINGS = frozenset(w[:2] for _, stems in PEOPLE_EVENTS for w in stems) | frozenset(w[:2] for w in _SIDES)


@lru_cache(maxsize=1 << 16)  # the same context words surround many numbers
def word_event(word: str) -> str:
    """Return what a word around a count says happened to those counted ("killed" -> dead), or ""."""
    if len(word) <= 2:
        return ""
    low = word.lower()
    if low[:2] not in _EVENT_OPENINGS:
        return ""
    side = _SIDES.get(low)
    if side:
        return side
    match = _EVENT_RE.match(stem(low)) or _EVENT_RE.fullmatch(low)  # "missing" stems to "miss" (as "missile")
    return next(event for event, group in zip(_EVENT_NAMES, match.groups()) if group) if match else ""


def people_event(words: Iterable[str]) -> str:
    """Return what happened to counted people ("dead", "hurt", "alive", "aboard"), or "".

    The nearest telling word wins: "242 people on board, 241 dead" counts those aboard.
    """
    for word in words:
        event = word_event(word)
        if event:
            return event
    return ""


# A verb of harm right before a count with no noun after it: those counted are people.
_HARM_BEFORE_RE = re.compile(
    r"\b(kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)|hurt(?:s|ing)?)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)


def frame_of(text: str, start: int, end: int) -> Frame:
    """Return the frame of the number at text[start:end]."""
    head = head_of(text, end)
    if not head and text[start : start + 1] in "$€£":
        head = text[start]  # "$3.3 trillion over ten years": the money is what is counted
    harmed = None if head else _HARM_BEFORE_RE.search(text, max(0, start - 40), start)
    if harmed:  # "Storm kills 9 in the valley": people, though no noun follows
        return Frame("people", word_event(harmed.group(1)), hedge_of(text, start))
    # What happened to those counted tells a count of dead from a count aboard, of any noun
    # that counts beings; measures and money have no such event.
    # measures, money, ages and spans of time have no people event ("lived there for 12 years")
    measured = (
        "@" in head
        or head in ("$", "€", "£", "%", "", "age")
        or head.startswith("age ")
        or head in _SPANS
        or text[start : start + 1] in "$€£"
    )
    if requested(text, start):
        event = REQUEST_EVENT
    elif restored(text, start, end):
        event = RESTORE_EVENT
    elif head.startswith("length@"):
        event = reference_of(text, start, end)
    else:
        event = "" if measured else people_event(_nearest_first(text, start, end))
    return Frame(head, event, hedge_of(text, start))


def _within(value: float, low: float, high: float) -> bool:
    """Tell whether a value lies in [low, high], rounding errors forgiven."""
    return low - 1e-9 <= value <= high + 1e-9


def values_agree(a: float, hedge_a: str, b: float, hedge_b: str) -> bool:
    """Tell whether two values of one quantity can both be true given their hedges."""
    if a == b:
        return True
    for x, hx, y, hy in ((a, hedge_a, b, hedge_b), (b, hedge_b, a, hedge_a)):
        if hx == "about" and _within(y, x * (1 - ABOUT), x * (1 + ABOUT)):
            return True
        if hx == "max" and _within(y, x * (1 - BELOW), x) and hy != "min":
            return True  # "nearly 900" holds 887
        if hx == "min" and hy in ("min", "about", "") and _within(y, x, x * (1 + BOUND)):
            return True  # "at least 800" and "more than 800"; "just over 12%" holds 12.8%
    return False


def in_base_unit(value: float, subject: str) -> tuple[float, bool]:
    """Return a length in km or a speed in km/s (and True), else the value as it is (and False)."""
    kind, _, unit = subject.partition(":")[0].partition("@")  # "length@mile:dover": a mile from Dover
    table = LENGTHS if kind == "length" else SPEEDS if kind == "speed" else {}
    factor = table.get(unit)
    return (value * factor, True) if factor else (value, False)


def number_value(value: str) -> float | None:
    """Return the float of a normalized number value ("90%" -> 90.0), or None."""
    try:
        return float(value.rstrip("%"))
    except ValueError:
        return None
