"""What surrounds a value and changes what it is: the place a distance is measured from, the
request an amount answers, the loss an amount restored makes good, the amount a bracketed one
restates in another currency, the count a share of ballots tells the progress of."""

from __future__ import annotations

import re

from core.ingest.gates import lower_words
from core.ingest.numbers import normalize_number
from core.ingest.textnorm import STOPWORDS

# An amount in brackets straight after another restates it in another currency or unit:
# "€40,000 ($43,000)", "40,000 euros (approximately $58,000 Cdn)".
_CONVERSION_BEFORE_RE = re.compile(
    r"(?:\d|\b(?:euros?|dollars?|pounds?|francs?|yen|yuan|rupees?|[a-z]*illion))\s*\(\s*"
    r"(?:[^()\n]{1,40},\s*)?(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|~|or)?\s*$",
    re.I,
)


def bracketed_conversion(text: str, start: int) -> bool:
    """Tell whether the value at `start` (its hedge or currency sign included) restates the one before it."""
    return bool(_CONVERSION_BEFORE_RE.search(text, max(0, start - 40), start))


# What one side asked for is not what was decided: "the council sought a €70,000 penalty" and
# "the firm was fined €25,000" are two amounts of two acts.
REQUEST_EVENT = "sought"
_REQUEST_VERB_RE = re.compile(
    r"\b(?:request(?:ed|s|ing)?|sought|seek(?:s|ing)?|demand(?:ed|s|ing)?|(?:call|ask)(?:ed|s|ing)? for"
    r"|propos(?:ed|es|ing)|recommend(?:ed|s|ing)?)\b",
    re.I,
)
# Between a request verb and the amount it asks for comes no clause, no verb of its own and no
# comma: "police called for calm after 12 people were killed" asks for no 12.
_REQUEST_BREAK_RE = re.compile(
    r"[,;:]|\b(?:after|when|while|but|because|since|as|that|who|which|whom|said|says|told|will|would|could"
    r"|can|may|might|has|have|had|is|are|was|were|be|been)\b",
    re.I,
)
REQUEST_REACH = 70  # characters before a value read for the request verb whose object it is


# The request verbs' words, inflected: a text whose words (remembered by lower_words, which every
# reader of a passage asks) hold none of them holds no request, and no pattern is run.
_REQUEST_WORDS = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("request", ("", "s", "ed", "ing")),
        ("sought", ("",)),
        ("seek", ("", "s", "ing")),
        ("demand", ("", "s", "ed", "ing")),
        ("call", ("", "s", "ed", "ing")),
        ("ask", ("", "s", "ed", "ing")),
        ("propos", ("e", "es", "ed", "ing")),
        ("recommend", ("", "s", "ed", "ing")),
    )
    for ending in endings
)


def _asks(text: str) -> bool:
    """Tell whether a text holds a request verb at all (most hold none)."""
    return not _REQUEST_WORDS.isdisjoint(lower_words(text))


def requested(text: str, start: int) -> bool:
    """Tell whether the value at `start` is one that somebody asked for, in the same sentence."""
    if not _asks(text):
        return False
    verbs = list(_REQUEST_VERB_RE.finditer(text, max(0, start - REQUEST_REACH), start))
    return bool(verbs) and not _REQUEST_BREAK_RE.search(text, verbs[-1].end(), start)


# What was restored or recovered is not what was lost or what there was: "the grid lost 55% of its
# load" and "83% of the load was restored" are two amounts of two acts, and so are the bodies
# recovered and the dead, the flight recorders recovered and those the plane carried.
RESTORE_EVENT = "recovered"
_RESTORE_WORDS = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("restor", ("e", "es", "ed", "ing", "ation")),
        ("recover", ("", "s", "ed", "ing", "y")),
        ("regain", ("", "s", "ed", "ing")),
        ("reconnect", ("", "s", "ed", "ing", "ion")),
    )
    for ending in endings
)
_RESTORE_VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(_RESTORE_WORDS, key=len, reverse=True)) + r")\b", re.I)
# After the value, the verb must come before its clause ends: "83% of the load had been restored",
# but not "55% of its load when the line failed, and it was restored".
_CLAUSE_END_RE = re.compile(r"[,;:.]|\b(?:and|but|while|after|when|because|since|as|although|until)\b", re.I)
RESTORE_REACH = 60  # characters either side of a value read for the verb of restoring it


def restored(text: str, start: int, end: int) -> bool:
    """Tell whether the value at text[start:end] is an amount restored or recovered, in its clause."""
    if _RESTORE_WORDS.isdisjoint(lower_words(text)):
        return False
    verbs = list(_RESTORE_VERB_RE.finditer(text, max(0, start - RESTORE_REACH), start))
    if verbs and not _REQUEST_BREAK_RE.search(text, verbs[-1].end(), start):
        return True  # "restored 83% of the load"
    after = _RESTORE_VERB_RE.search(text, end, min(len(text), end + RESTORE_REACH))
    return after is not None and not _CLAUSE_END_RE.search(text, end, after.start())


# A clause of its own begins after these: in "25 people died in the storm, and 48,000 residents
# lost power" the death is not the residents', nor is power what the toll is about.
CLAUSE_BREAK_RE = re.compile(r";|,\s+(?:and|but|while|whereas)\s|\s(?:but|while|whereas)\s", re.I)


def last_clause_end(text: str) -> int:
    """Return where the last clause break of a text ends (0 when it has none)."""
    breaks = list(CLAUSE_BREAK_RE.finditer(text))
    return breaks[-1].end() if breaks else 0


# What a distance is measured from: "within 0.4 AU of Mars" and "1.35 AU from the Sun" are two
# distances, never one value told two ways. A reference is a name or "the" and a noun; "according
# to aviation experts" names none.
_REFERENCE_AFTER_RE = re.compile(r"\s*(?:away\s+)?(?:of|from)\s+(the\s+)?([^\W\d_]+)")
_REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:to|from|past|near|pass(?:es|ed|ing)?|approach(?:es|ed|ing)?|reach(?:es|ed|ing)?)\s+"
    r"(?=(the\s+)?([^\W\d_]{2,}))",
    re.I,
)
_UNIT_WORDS_RE = re.compile(r"[\s-]*[A-Za-z]+(?:\s+(?!(?:of|from|away)\b)[A-Za-z]+)?")


def _reference(article: str | None, word: str) -> str:
    """Return a named reference as a label shows it ("Mars", "the Sun"), or "" when the words name none.

    Only a name tells two references apart: "the town" may be the Tarvik another source names.
    """
    if word.lower() in STOPWORDS or normalize_number(word) is not None or not word[0].isupper():
        return ""
    return ("the " if article else "") + word


def reference_label(text: str, start: int, end: int) -> str:
    """Return the place or body a distance is measured from, as a label shows it ("" when none is named).

    A name right after the unit ("1.4 AU of the Sun") wins; then the nearest one a preposition or
    a verb of approach names before the number in its clause ("approach Mars, coming within
    0.4 AU of the planet"); then "the" and a noun after the unit ("12 miles from the city").
    """
    unit = _UNIT_WORDS_RE.match(text, end)
    after = _REFERENCE_AFTER_RE.match(text, unit.end() if unit else end)
    if after and after.group(2)[0].isupper():
        return _reference(after.group(1), after.group(2))
    clause_start = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), start - 100, 0)
    for match in reversed(list(_REFERENCE_BEFORE_RE.finditer(text, clause_start, start))):
        if text[max(0, match.start() - 10) : match.start()].lower().endswith("according "):
            continue  # "according to Smith, the queue was 5 km long": a speaker, no place
        found = _reference(match.group(1), match.group(2))
        if found:
            return found
    return _reference(after.group(1), after.group(2)) if after else ""


def reference_of(text: str, start: int, end: int) -> str:
    """Return the key of the place or body a distance is measured from ("sun", "mars"; "" when none)."""
    return reference_label(text, start, end).lower().removeprefix("the ")


# "With 85% of ballots counted", "80% reporting": how far a count has got, a moment of it, never
# a result; two sources give it at two moments.
_COUNT_PROGRESS_RE = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:votes?|ballots?|precincts?|polling\s+stations?)\s+(?:counted|reporting|tallied|in)"
    r"|counted|reporting|tallied)\b",
    re.I,
)


def count_progress(text: str, end: int) -> bool:
    """Tell whether the percentage ending at `end` says how much of a count is in."""
    return _COUNT_PROGRESS_RE.match(text, end) is not None
