"""Fold the surface of words that does not change what they say: case, diacritics, quote marks."""

from __future__ import annotations

import re
import unicodedata

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


# Letters that do not decompose into a base letter and a diacritic, spelled the way English does.
_LETTERS = str.maketrans(
    {
        "æ": "ae",
        "Æ": "Ae",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "œ": "oe",
        "Œ": "Oe",
        "ı": "i",
    }
)


def fold(text: str) -> str:
    """Return text lowercased, with diacritics stripped and typographic quotes made straight."""
    plain = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'").translate(_LETTERS))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def folded_words(text: str) -> list[str]:
    """Return the words of a text after fold(), apostrophes kept inside words ("we've")."""
    return _WORD_RE.findall(fold(text))


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """Tell whether every word of short occurs in long in the same order (gaps allowed)."""
    words = iter(long)
    return all(any(word == other for other in words) for word in short)
