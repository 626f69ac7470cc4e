"""Cheap tests a reader runs before its patterns: which words a text holds, whether its letters are plain."""

from __future__ import annotations

import re
from functools import lru_cache

_LETTERS_RE = re.compile(r"[a-z]+")
# The only characters outside ASCII that re.IGNORECASE (or str.lower) reads as ASCII letters.
_ASCII_FOLDING_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def letters_plain(text: str) -> bool:
    """Tell whether no character of the text passes for an ASCII letter when case is ignored.

    Then a pattern of ASCII words (case ignored) can match only where lower_words sees one of
    them: the gate of the readers that look for cue words. Curly quotes and accented letters
    keep a text plain; the dotless i and the long s do not.
    """
    return text.isascii() or _ASCII_FOLDING_RE.search(text) is None


# Each byte kept as a lowercase letter (A-Z lowered) or turned into a space: in ASCII text the
# runs of letters of the lowercased text are then the words of one split.
_LETTER_BYTES = bytes(c | 0x20 if chr(c).isalpha() and c < 128 else 32 for c in range(256))


@lru_cache(maxsize=1 << 16)  # numbers, slots and the fact sheet ask which words a passage has
def lower_words(text: str) -> frozenset[str]:
    """Return the runs of ASCII letters of the lowercased text (what the readers are gated by)."""
    if text.isascii():  # one byte table and a split: a third faster than the pattern
        return frozenset(text.encode("ascii").translate(_LETTER_BYTES).decode("ascii").split())
    return frozenset(_LETTERS_RE.findall(text.lower()))


# Each tuple of phrases asked about, by id (the tuple kept alive beside it): {anchor word: its phrases}.
_ANCHORED: dict[int, tuple[tuple[frozenset[str], ...], frozenset[str], dict[str, list[frozenset[str]]]]] = {}


def _anchored(phrases: tuple[frozenset[str], ...]) -> tuple[frozenset[str], dict[str, list[frozenset[str]]]]:
    """Return the anchor words of the phrases and the phrases under each (a phrase under its longest word).

    An empty phrase (held by every text) is anchored on "", which the gate always tests.
    """
    kept = _ANCHORED.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        index: dict[str, list[frozenset[str]]] = {}
        for phrase in phrases:
            index.setdefault(max(sorted(phrase), key=len, default=""), []).append(phrase)
        kept = _ANCHORED[id(phrases)] = (phrases, frozenset(index), index)
    return kept[1], kept[2]


def may_hold_one_of(text: str, words: frozenset[str], phrases: tuple[frozenset[str], ...]) -> bool:
    """Tell whether a case-ignoring pattern of phrases may match a text whose lower_words are `words`.

    In plain letters a phrase can match only where every word of it is in the text: one word in
    common (an "of" of "secretary of state") is not enough. Otherwise the pattern must be tried.
    """
    if not letters_plain(text):
        return True
    # A phrase held whole holds its anchor: only the phrases anchored on a word of the text are
    # tested, not every office or body of the lexicon for every sentence.
    anchors, index = _anchored(phrases)
    if "" in index:
        return True
    return any(phrase <= words for anchor in anchors.intersection(words) for phrase in index[anchor])
