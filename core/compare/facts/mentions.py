"""The raw material of the fact sheet: a value found in one passage, and the folding of words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from core.model import Document, Passage, fast_init

WORD = re.compile(r"[^\W_][\w’'.-]*[^\W_]|[^\W_]", re.UNICODE)
_POSSESSIVE_S = re.compile(r"'s$")
_DOUBLED = re.compile(r"(\w)\1+")


@fast_init
@dataclass(frozen=True)
class Mention:
    """One value a source gives for one fact, before rows are assembled."""

    fact: str  # the row's identity, e.g. "person:trump:title", "quantity:dead"
    label: str  # shown to the checker
    kind: str  # person | quantity | event | attribution
    type: str  # divergence type
    doc: str
    source: str
    passage: str
    start: int
    end: int
    text: str
    value: str  # normalised for display and equality
    number: float | None = None  # quantities: the number, for tolerant comparison
    hedge: str = ""  # "", "at least", "more than", "about", "nearly", "up to"...
    named: bool = False  # attributions: the value names a person met in full in the sources
    about: str = ""  # quantities: what the figure is of ("issues" in "90% of the issues"), or its year
    channel: str = ""  # attributions: the outlet a statement was given to ("reuters" in "told Reuters")
    currency: str = ""  # amounts of money: the currency sign as written, "$" for "US$" or "A$"


def plain(text: str) -> str:
    """Return text in lower case without diacritics, with straight apostrophes."""
    if text.isascii():  # nothing to decompose (most English text): skip the per-character pass
        return text.lower()
    return _without_marks(unicodedata.normalize("NFKD", text)).lower().replace("’", "'")


def _without_marks(text: str) -> str:
    """Return text without its combining marks (each distinct character is looked up once)."""
    marks = {ord(ch): None for ch in set(text) if unicodedata.combining(ch)}
    return text.translate(marks) if marks else text


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return a word without diacritics, case, apostrophe style or doubled letters (Zelenskyy ~ Zelensky)."""
    if text.isascii():
        plain = text.lower()
    else:
        plain = _without_marks(unicodedata.normalize("NFKD", text)).lower().replace("’", "'")
    plain = _POSSESSIVE_S.sub("", plain)
    return _DOUBLED.sub(r"\1", plain)


def passages(documents) -> Iterator[tuple[Document, Passage]]:
    """Yield every passage of every document, in reading order."""
    for document in documents:
        for passage in document.passages:
            yield document, passage


def mention(
    fact: str,
    label: str,
    kind: str,
    type_: str,
    document: Document,
    passage: Passage,
    start: int,
    end: int,
    value: str,
    **extra,
) -> Mention:
    """Return a mention at passage-relative offsets start..end (stored as document offsets)."""
    a, b = passage.start + start, passage.start + end
    return Mention(
        fact,
        label,
        kind,
        type_,
        document.id,
        document.source.key,
        passage.id,
        a,
        b,
        document.source.text[a:b],
        value,
        **extra,
    )
