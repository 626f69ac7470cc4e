"""Turn an Alignment into the version-1 JSON contract of `parallax align --json`."""

from __future__ import annotations

from core.model import Alignment, Claim, Contradiction, Divergence, Document, FactRow, Variant

VERSION = 1


def _variant(variant: Variant) -> dict:
    """Return one variant as its contract object."""
    return {"passage": variant.passage, "start": variant.start, "end": variant.end, "text": variant.text}


def _document(document: Document) -> dict:
    """Return one document with its passages and boilerplate spans."""
    source = document.source
    return {
        "id": document.id,
        "path": source.path,
        "title": source.title,
        "outlet": source.outlet,
        "passages": [{"id": p.id, "start": p.start, "end": p.end, "text": p.text} for p in document.passages],
        "boilerplate": [{"start": s.start, "end": s.end, "text": s.text} for s in document.boilerplate],
        "key": source.key,
        "sha256": source.sha256,
    }


def _divergence(divergence: Divergence) -> dict:
    """Return one divergence; "key" is an extra beyond the contract."""
    return {
        "type": divergence.type,
        "rank": round(divergence.rank, 4),
        "summary": divergence.summary,
        "variants": [_variant(v) for v in divergence.variants],
        "key": divergence.key,
    }


def _claim(claim: Claim) -> dict:
    """Return one claim; "links", "pivot" and "key" are extras beyond the contract."""
    return {
        "id": claim.id,
        "score": round(claim.score, 4),
        "members": list(claim.members),
        "divergences": [_divergence(d) for d in claim.divergences],
        "links": [
            {"a": link.a, "b": link.b, "score": round(link.score, 4), "manual": link.manual} for link in claim.links
        ],
        "pivot": claim.pivot,
        "key": claim.key,
    }


def _contradiction(contradiction: Contradiction) -> dict:
    """Return one contradiction inside a single source."""
    return {
        "doc": contradiction.doc,
        "type": contradiction.type,
        "summary": contradiction.summary,
        "variants": [_variant(v) for v in contradiction.variants],
    }


def _fact(row: FactRow) -> dict:
    """Return one fact-sheet row; "key" and "summary" are extras beyond the contract."""
    return {
        "id": row.id,
        "kind": row.kind,
        "label": row.label,
        "type": row.type,
        "rank": round(row.rank, 4),
        "divergent": row.divergent,
        "cells": [
            {"document": c.document, "start": c.start, "end": c.end, "text": c.text, "value": c.value}
            for c in row.cells
        ],
        "key": row.key,
        "summary": row.summary,
    }


def alignment_to_json(alignment: Alignment) -> dict:
    """Return the alignment as the version-1 contract dict (ready for json.dumps)."""
    return {
        "version": VERSION,
        "documents": [_document(d) for d in alignment.documents],
        "claims": [_claim(c) for c in alignment.claims],
        "unique": list(alignment.unique),
        "contradictions": [_contradiction(c) for c in alignment.contradictions],
        "facts": [_fact(r) for r in alignment.facts],
    }
