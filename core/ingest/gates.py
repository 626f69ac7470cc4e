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


def may_hold_one_of(text: str, words: frozenset[str], phrases: tuple[frozenset[str], ...]) -> bool:
    """Tell whether a case-ignoring pattern of phrases may match a text whose lower_words are `words`.

    In plain letters a phrase can match only where every word of it is in the text: one word in
    common (an "of" of "secretary of state") is not enough. Otherwise the pattern must be tried.
    """
    return not letters_plain(text) or any(phrase <= words for phrase in phrases)
