"""Render divergences and annotations as CSV rows for a spreadsheet, with formulas neutralised.

Columns (in this order):
  row_type           "divergence" (one row per variant of a divergence), "contradiction" (one row per
                     statement of a contradiction inside one source), "fact" (one row per cell of a
                     fact-sheet row, claim_id = the row id, summary = its label), "set_aside" (one row
                     per variant of a stored verdict or note the current alignment cannot place; its
                     reason is in summary) or "annotation"
  claim_id           positional claim id (c0, c1...) of this export
  claim_key          stable claim key
  divergence_key     stable divergence key (divergence rows; divergence-targeted annotations)
  type               divergence type (title, time, number, ...)
  rank               0..1, higher = more likely to matter
  summary            one-line summary of the divergence
  variant_index      1.. within the divergence (divergence rows)
  source_key         the source of the variant or of the annotated span
  source_outlet      its outlet (or title / file name)
  variant_text       the variant's words, or the annotated quote
  start, end         character offsets into the source text (Python string indices)
  verdict            confirmed | not_significant | follow_up | source_error | empty
  verdict_note       the checker's note on the verdict
  verdict_source     for source_error: the outlet in error
  annotation_id, annotation_target (span|passage|claim|divergence), annotation_label,
  annotation_status, annotation_note, annotation_orphaned (yes when its text was not found)
  author, updated_at of the verdict or annotation
A divergence with N variants gives N rows sharing divergence_key, so every row has one source,
one text and one pair of offsets.  A cell starting with = + - @ tab or CR is prefixed with an
apostrophe (OWASP CSV injection advice).
"""

from __future__ import annotations

import csv
import io

from core.export import view
from core.export.data import ExportData
from core.export.escaping import csv_cell

COLUMNS = (
    "row_type",
    "claim_id",
    "claim_key",
    "divergence_key",
    "type",
    "rank",
    "summary",
    "variant_index",
    "source_key",
    "source_outlet",
    "variant_text",
    "start",
    "end",
    "verdict",
    "verdict_note",
    "verdict_source",
    "annotation_id",
    "annotation_target",
    "annotation_label",
    "annotation_status",
    "annotation_note",
    "annotation_orphaned",
    "author",
    "updated_at",
)


def _variant_rows(data: ExportData, row_type: str, d, **claim_cells):
    """Yield one row per variant of a divergence or contradiction, with its verdict's cells."""
    cells = _verdict_cells(data, view.verdict(data, d.key))
    for n, v in enumerate(d.variants, 1):
        source = data.alignment.document_of(v.passage).source
        yield {
            "row_type": row_type,
            **claim_cells,
            "divergence_key": d.key,
            "type": d.type,
            "rank": f"{d.rank:.4f}",
            "summary": d.summary,
            "variant_index": n,
            "source_key": source.key,
            "source_outlet": source.label,
            "variant_text": v.text,
            "start": v.start,
            "end": v.end,
            **cells,
        }


def _divergence_rows(data: ExportData):
    for claim in view.claims(data):
        for d in view.divergences(data, claim):
            yield from _variant_rows(data, "divergence", d, claim_id=claim.id, claim_key=claim.key)


def _verdict_cells(data: ExportData, record) -> dict:
    error_doc = view.document_by_key(data, record.source_key) if record and record.source_key else None
    return {
        "verdict": (record.verdict or "untriaged") if record else "",
        "verdict_note": record.note if record else "",
        "verdict_source": (error_doc.source.label if error_doc else record.source_key) if record else "",
        "author": record.author if record else "",
        "updated_at": record.updated_at if record else "",
    }


def _contradiction_rows(data: ExportData):
    for d in view.contradiction_items(data):
        yield from _variant_rows(data, "contradiction", d)


def _set_aside_rows(data: ExportData):
    for item in data.set_aside:
        r = item.record
        cells = _verdict_cells(data, r)
        for n, v in enumerate(r.variants or (None,), 1):
            doc = view.document_by_key(data, v.source) if v else None
            yield {
                "row_type": "set_aside",
                "divergence_key": r.divergence_key,
                "type": r.divergence_type,
                "summary": item.reason,
                "variant_index": n if v else "",
                "source_key": v.source if v else "",
                "source_outlet": doc.source.label if doc else "",
                "variant_text": v.text if v else "",
                "start": v.start if v else "",
                "end": v.end if v else "",
                **cells,
            }


def _fact_rows(data: ExportData):
    for row in view.fact_rows(data):
        cells = _verdict_cells(data, view.verdict(data, row.key))
        for n, cell in enumerate(row.cells, 1):
            source = data.alignment.documents[int(cell.document[1:])].source
            yield {
                "row_type": "fact",
                "claim_id": row.id,
                "divergence_key": row.key,
                "type": row.type,
                "rank": f"{row.rank:.4f}",
                "summary": row.label + (" (divergent)" if row.divergent else ""),
                "variant_index": n,
                "source_key": source.key,
                "source_outlet": source.label,
                "variant_text": cell.text,
                "start": cell.start,
                "end": cell.end,
                **cells,
            }


def _annotation_rows(data: ExportData):
    claim_keys = {c.id: c.key for c in data.alignment.claims}
    for note in view.placed_notes(data):
        a = note.annotation
        doc = view.document_by_key(data, a.source_key) if a.source_key else None
        yield {
            "row_type": "annotation",
            "claim_id": note.claim_id,
            "claim_key": claim_keys.get(note.claim_id, a.claim_key),
            "divergence_key": a.divergence_key,
            "source_key": a.source_key,
            "source_outlet": doc.source.label if doc else "",
            "variant_text": a.selector.exact if a.selector else "",
            "start": note.start if note.start >= 0 else "",
            "end": note.end if note.end >= 0 else "",
            "annotation_id": a.id,
            "annotation_target": a.target_kind,
            "annotation_label": a.label,
            "annotation_status": a.status,
            "annotation_note": a.note,
            "annotation_orphaned": "yes" if note.orphaned else "no",
            "author": a.author,
            "updated_at": a.updated_at or a.created_at,
        }


def render_csv(data: ExportData) -> str:
    """Return the CSV text: a header row, then divergence, contradiction, fact, set-aside and annotation rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in (
        *_divergence_rows(data),
        *_contradiction_rows(data),
        *_fact_rows(data),
        *_set_aside_rows(data),
        *_annotation_rows(data),
    ):
        writer.writerow([csv_cell(row.get(name, "")) for name in COLUMNS])
    return out.getvalue()
