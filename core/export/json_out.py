"""Render an annotated comparison as JSON; annotations as W3C Web Annotation objects."""

from __future__ import annotations

import json
from typing import Optional

from core.export import view
from core.export.data import ExportData
from core.model import VERDICT_LABELS, Source, Variant
from core.case.records import Annotation

FORMAT = "parallax-export"
FORMAT_VERSION = 1
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _variant(data: ExportData, v: Variant) -> dict:
    source = data.alignment.document_of(v.passage).source
    return {"passage": v.passage, "source_key": source.key, "start": v.start, "end": v.end, "text": v.text}


def _source(data: ExportData, doc) -> dict:
    s = doc.source
    item = {
        "id": doc.id,
        "key": s.key,
        "outlet": s.outlet,
        "title": s.title,
        "author": s.author,
        "published": s.published,
        "url": s.url,
        "path": s.path,
        "kind": s.kind,
        "encoding": s.encoding,
        "imported_at": s.imported_at,
        "sha256": s.sha256,
        "words": view.word_count(s.text),
        "chars": len(s.text),
    }
    if data.options.include_full_texts:
        item["text"] = s.text
    return item


def _verdict(data: ExportData, key: str):
    record = view.verdict(data, key)
    if record is None:
        return None
    verdict = record.verdict or "untriaged"  # a note alone does not triage a divergence
    return {
        "verdict": verdict,
        "label": VERDICT_LABELS.get(record.verdict, "Untriaged"),
        "note": record.note,
        "source_key": record.source_key,
        "author": record.author,
        "updated_at": record.updated_at,
    }


def _source_iri(source_key: str, source: Optional[Source]) -> str:
    # The article's own web address when it has one (never a javascript: or file: one); else its
    # content hash, which names the exact text.
    if source is not None and source.url.lower().startswith(("https://", "http://")):
        return source.url
    if source is not None and source.sha256:
        return f"urn:sha256:{source.sha256}"
    return f"urn:parallax:source:{source_key}"


def to_w3c(a: Annotation, source: Optional[Source] = None, position: Optional[tuple[int, int]] = None) -> dict:
    """Return an annotation as a W3C Web Annotation (position: where it lands now, if re-anchored)."""
    body = []
    if a.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": a.note})
    if a.label:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": a.label})
    body.append({"type": "TextualBody", "purpose": "assessing", "value": f"status: {a.status}"})
    if a.target_kind == "divergence":
        target: dict = {"source": f"urn:parallax:divergence:{a.divergence_key}"}
    elif a.target_kind == "claim":
        target = {"source": f"urn:parallax:claim:{a.claim_key}"}
    else:
        target = {"source": _source_iri(a.source_key, source)}
        if a.selector is not None:
            start, end = position or (a.selector.start, a.selector.end)
            target["selector"] = [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.selector.exact,
                    "prefix": a.selector.prefix,
                    "suffix": a.selector.suffix,
                },
                {"type": "TextPositionSelector", "start": start, "end": end},
            ]
    item = {
        "@context": W3C_CONTEXT,
        "id": f"urn:parallax:annotation:{a.id}",
        "type": "Annotation",
        "motivation": "assessing" if a.label else "commenting",
        "body": body,
        "target": target,
    }
    if a.created_at:
        item["created"] = a.created_at
    if a.updated_at:
        item["modified"] = a.updated_at
    if a.author:
        item["creator"] = {"type": "Person", "name": a.author}
    return item


def _w3c(data: ExportData, note) -> dict:
    """Return one placed annotation: the W3C object, with Parallax's own fields under "parallax"."""
    a: Annotation = note.annotation
    doc = view.document_by_key(data, a.source_key) if a.source_key else None
    item = to_w3c(a, doc.source if doc else None, (note.start, note.end) if note.start >= 0 else None)
    item["parallax"] = {
        "number": note.number,
        "target_kind": a.target_kind,
        "status": a.status,
        "source_key": a.source_key,
        "claim_key": a.claim_key,
        "divergence_key": a.divergence_key,
        "claim_id": note.claim_id,
        "orphaned": note.orphaned,
    }
    return item


def export_to_dict(data: ExportData) -> dict:
    """Return the export as a plain dict matching resources/schema/export.schema.json."""
    claims = view.claims(data)
    divergences = []
    for claim in claims:
        for d in view.divergences(data, claim):
            divergences.append(
                {
                    "key": d.key,
                    "claim": claim.id,
                    "claim_key": claim.key,
                    "type": d.type,
                    "rank": round(d.rank, 4),
                    "summary": d.summary,
                    "variants": [_variant(data, v) for v in d.variants],
                    "verdict": _verdict(data, d.key),
                }
            )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "parallax_version": data.version,
        "generated_at": data.generated_at,
        "case": data.case_name,
        "options": {
            "scope": data.options.scope,
            "include_full_texts": data.options.include_full_texts,
            "source_keys": list(data.options.source_keys),
        },
        "sources": [_source(data, doc) for doc in view.documents(data)],
        "claims": [
            {
                "id": c.id,
                "key": c.key,
                "score": round(c.score, 4),
                "pivot": c.pivot,
                "members": [
                    {
                        "source": col.doc.id,
                        "source_key": col.doc.source.key,
                        "passages": [pid for pid in col.passages if start <= data.alignment.passage(pid).start < end],
                        "start": start,
                        "end": end,
                        "text": col.doc.source.text[start:end],
                    }
                    for col in view.columns(data, c)
                    if col is not None
                    for start, end in col.spans
                ],
                "divergences": [d.key for d in view.divergences(data, c)],
            }
            for c in claims
        ],
        "divergences": divergences,
        "contradictions": [
            {
                "key": c.key,
                "source": c.variants[0].passage.split(":")[0],
                "source_key": data.alignment.document_of(c.variants[0].passage).source.key,
                "type": c.type,
                "rank": round(c.rank, 4),
                "summary": c.summary,
                "variants": [_variant(data, v) for v in c.variants],
                "verdict": _verdict(data, c.key),
            }
            for c in view.contradiction_items(data)
        ],
        "unique": [
            {
                "passage": p.id,
                "source_key": data.alignment.documents[int(p.doc[1:])].source.key,
                "start": p.start,
                "end": p.end,
                "text": p.text,
            }
            for p in view.unique_passages(data)
        ],
        "facts": [
            {
                "id": r.id,
                "key": r.key,
                "kind": r.kind,
                "label": r.label,
                "type": r.type,
                "rank": round(r.rank, 4),
                "divergent": r.divergent,
                "cells": [
                    {
                        "source": c.document,
                        "source_key": c.source,
                        "passage": c.passage,
                        "start": c.start,
                        "end": c.end,
                        "text": c.text,
                        "value": c.value,
                    }
                    for c in r.cells
                ],
                "verdict": _verdict(data, r.key) if r.divergent else None,
            }
            for r in view.fact_rows(data)
        ],
        "audit": [
            {"id": e.id, "at": e.at, "author": e.author, "action": e.action, "target": e.target, "detail": e.detail}
            for e in data.audit
        ],
        "annotations": [_w3c(data, n) for n in view.placed_notes(data)],
        "set_aside": [_set_aside(s) for s in data.set_aside],
        "counts": view.counts(data),
    }


def _set_aside(item) -> dict:
    r = item.record
    return {
        "key": r.divergence_key,
        "kind": r.kind,
        "type": r.divergence_type,
        "reason": item.reason,
        "verdict": r.verdict or "untriaged",
        "label": VERDICT_LABELS.get(r.verdict, "Untriaged"),
        "note": r.note,
        "source_key": r.source_key,
        "author": r.author,
        "updated_at": r.updated_at,
        "variants": [{"source_key": v.source, "start": v.start, "end": v.end, "text": v.text} for v in r.variants],
    }


def render_json(data: ExportData) -> str:
    """Return the export as indented JSON text (UTF-8, not ASCII-escaped)."""
    return json.dumps(export_to_dict(data), ensure_ascii=False, indent=1) + "\n"
