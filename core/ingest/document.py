"""Turn an imported source into a document: its sentences as passages, boilerplate set aside."""

from __future__ import annotations

from core.ingest.boilerplate import find_boilerplate
from core.model import Document, Passage, Source
from core.ingest.sentences import split_sentences


def build_document(source: Source, doc_id: str) -> Document:
    """Return the document for source with passages f"{doc_id}:p{i}" in text order."""
    boilerplate = tuple(find_boilerplate(source.text))
    sentences = split_sentences(source.text, skip=boilerplate)
    passages = tuple(
        Passage(id=f"{doc_id}:p{i}", doc=doc_id, index=i, start=s.start, end=s.end, text=s.text)
        for i, s in enumerate(sentences)
    )
    return Document(id=doc_id, source=source, passages=passages, boilerplate=boilerplate)
