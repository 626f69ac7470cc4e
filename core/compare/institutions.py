"""Find institutions, one key per body, with the kind of act they are named in (approve, pass)."""

from __future__ import annotations

import re
from typing import Iterator

from core.ingest.gates import letters_plain, lower_words, may_hold_one_of
from core.compare.slots_lexicon import CAPITAL_ONLY_INSTITUTIONS, INSTITUTION_KINDS, INSTITUTIONS, PENDING_WORDS

_INSTITUTION_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in INSTITUTIONS), key=len, reverse=True)) + r")\b", re.I
)
_NAME_WORDS = frozenset(w for key in INSTITUTIONS for w in key.split())
_NAMES = tuple(frozenset(key.split()) for key in INSTITUTIONS)


def may_name_institution(text: str, words: frozenset[str]) -> bool:
    """Tell whether find_institutions may find a body in a text whose lower_words are `words`.

    In plain letters every word of one name must be there (a word in common, such as "of", is
    not enough); otherwise any word of a name lets the pattern run.
    """
    return bool(words & _NAME_WORDS) and may_hold_one_of(text, words, _NAMES)


# Acts a body is named in, by class: approving a text is one act, passing a bill in a vote another.
ACTS = (
    ("approve", re.compile(r"\b(?:approv\w*|endors\w*|ratif\w*|sign(?:ed)? off|consent\w*)\b", re.I)),
    ("pass", re.compile(r"\b(?:pass(?:ed|es|ing)?|vot(?:e|ed|es|ing)|adopt\w*)\b", re.I)),
)
ACT_REACH = 40  # characters either side of a body's name read for the act it is named in
PENDING = re.compile(r"\b(?:" + PENDING_WORDS + r")\b", re.I)
PENDING_REACH = 60  # characters before a body's name read for a pending word ("would need to be approved by")
# A body's name followed by its own finished act ("the Senate approved it", "the Senate, which
# passed it"): that body has acted, whatever a modal earlier in the sentence puts ahead.
_ACTED = re.compile(
    r"(?:['’]s)?\s*(?:,\s*(?:which|that)\s+)?(?:(?:already|also|narrowly|unanimously|overwhelmingly|has|have|had)\s+){0,2}"
    r"(?:approved|endorsed|ratified|signed off|consented|passed|voted|adopted|backed|cleared|rejected)\b",
    re.I,
)


def act_of(text: str, start: int, end: int) -> str:
    """Return the class of the act nearest a body's name ("approved by Congress" -> approve)."""
    best, distance = "", ACT_REACH + 1
    for act, pattern in ACTS:
        for match in pattern.finditer(text, max(0, start - ACT_REACH), min(len(text), end + ACT_REACH)):
            gap = start - match.end() if match.end() <= start else match.start() - end
            if 0 <= gap < distance:
                best, distance = act, gap
    return best


# Each name under its longest word: a name can be in a text only where that word is.
_BY_ANCHOR: dict[str, list[str]] = {}
for _name in INSTITUTIONS:
    _BY_ANCHOR.setdefault(max(_name.split(), key=len), []).append(_name)


def _matches(text: str) -> Iterator[re.Match]:
    """Yield the matches _INSTITUTION_RE.finditer(text) yields, in order.

    In plain letters (letters_plain) a name matches only where its lowercase spelling stands and
    all its words are among the text's: the pattern, a long alternation tried at every position
    otherwise, is tried only where one of those names begins (each search resuming where a match
    ended, as finditer's does).
    """
    if not letters_plain(text):
        yield from _INSTITUTION_RE.finditer(text)
        return
    words = lower_words(text)
    lowered = text.lower()  # as long as text: no letter that lower() lengthens is plain
    starts: set[int] = set()
    for anchor in words.intersection(_BY_ANCHOR):
        for name in _BY_ANCHOR[anchor]:
            at = lowered.find(name)
            while at >= 0:
                starts.add(at)
                at = lowered.find(name, at + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = _INSTITUTION_RE.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def find_institutions(text: str) -> list[tuple[int, int, str, str, str, str]]:
    """Return (start, end, surface, key, act, kind) of each institution named in the text."""
    found = []
    for match in _matches(text):
        surface = match.group()
        key = INSTITUTIONS.get(surface.lower())
        if key is None:
            continue  # "ſenate": a letter the pattern folds and lower() keeps names no body
        if key in CAPITAL_ONLY_INSTITUTIONS and not surface[0].isupper():
            continue
        if surface.lower() in ("un", "eu") and not surface.isupper():
            continue
        found.append(
            (
                match.start(),
                match.end(),
                surface,
                key,
                act_of(text, match.start(), match.end()),
                INSTITUTION_KINDS.get(key, "body"),
            )
        )
    return found


def act_is_pending(text: str, start: int) -> bool:
    """Tell whether the act a body named at start is named in is still ahead or a condition.

    "Would need to be approved by Congress" and "submitted for Senate approval" name the body a
    text still needs; "the Senate's approval came" names one that acted, maybe one step of several.
    """
    body = _INSTITUTION_RE.match(text, start)
    if body is not None and _ACTED.match(text, body.end()):
        return False  # "will vote next week, after the Senate approved it": the Senate acted
    window = text[max(0, start - PENDING_REACH) : start]
    window = re.split(r"[.;!?]\s", window)[-1]  # the clause the body is named in, not the sentence before
    return PENDING.search(window) is not None
