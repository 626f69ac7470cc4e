"""Invented sources for fact-sheet tests and the look-ups their assertions read (rows, cells, offsets)."""

import hashlib

from core.ingest.document import build_document
from core.model import Source


def sources(*texts, published=()):
    """Return documents d0.. for texts about one invented event (outlets A, B, C...)."""
    docs = []
    for n, text in enumerate(texts):
        source = Source(
            key=f"k{n}",
            text=text,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            kind="txt",
            outlet="ABCDE"[n],
            published=published[n] if n < len(published) else "",
        )
        docs.append(build_document(source, f"d{n}"))
    return docs


def row(sheet, label):
    """Return the row with this label."""
    return next(r for r in sheet if r.label == label)


def cells(found, docs):
    """Return (document, start, end, text, value) of a row's cells."""
    return [(c.document, c.start, c.end, c.text, c.value) for c in found.cells]


def at(docs, n, words, nth=0):
    """Return (document id, start, end, words) of the nth occurrence of words in document n."""
    text = docs[n].source.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (f"d{n}", start, start + len(words), words)
