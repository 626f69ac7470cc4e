"""Turn an imported source into a document: its sentences as passages, boilerplate set aside."""

from __future__ import annotations

from functools import lru_cache

from core.ingest.boilerplate import find_boilerplate
from core.model import Document, Passage, Source, Span
from core.ingest.sentences import split_sentences


@lru_cache(maxsize=1 << 8)  # a re-analysis (after a manual edit, a source added) reads the same texts again
def _reading(text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Return the boilerplate spans and the sentences of a text (both frozen: shared safely)."""
    boilerplate = tuple(find_boilerplate(text))
    return boilerplate, tuple(split_sentences(text, skip=boilerplate))


def build_document(source: Source, doc_id: str) -> Document:
    """Return the document for source with passages f"{doc_id}:p{i}" in text order."""
    boilerplate, sentences = _reading(source.text)
    passages = tuple(
        Passage(id=f"{doc_id}:p{i}", doc=doc_id, index=i, start=s.start, end=s.end, text=s.text)
        for i, s in enumerate(sentences)
    )
    return Document(id=doc_id, source=source, passages=passages, boilerplate=boilerplate)
