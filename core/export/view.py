"""Derive what every export format shows from ExportData, so all formats agree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from core.case import triage
from core.case.queue_items import judged_as
from core.export.data import ExportData
from core.ingest.textnorm import word_count  # noqa: F401 (the one word count, used by every format)
from core.model import TELLING_GAP, Claim, Contradiction, Divergence, Document, FactCell, FactRow, Passage, Variant
from core.case.records import Annotation, TextSelector, VerdictRecord


@dataclass(frozen=True)
class Column:
    """One source's wording of a claim: its tellings (runs of adjacent member passages) in text order."""

    doc: Document
    start: int  # of the first telling
    end: int  # of the last telling
    text: str  # the tellings' texts joined by TELLING_GAP
    passages: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # (start, end) of each telling


@dataclass(frozen=True)
class PlacedNote:
    """An annotation with its number and where it lands (claim, document range), or orphaned."""

    number: int
    annotation: Annotation
    claim_id: str = ""
    doc_id: str = ""
    start: int = -1
    end: int = -1
    orphaned: bool = False


def documents(data: ExportData) -> tuple[Document, ...]:
    """Return the documents to show, in alignment order."""
    keys = set(data.options.source_keys)
    return tuple(d for d in data.alignment.documents if not keys or d.source.key in keys)


def _doc_ids(data: ExportData) -> set[str]:
    return {d.id for d in documents(data)}


def divergences(data: ExportData, claim: Claim) -> tuple[Divergence, ...]:
    """Return the claim's divergences limited to shown sources, highest rank first."""
    shown = _doc_ids(data)
    found = []
    for divergence in claim.divergences:
        variants = tuple(v for v in divergence.variants if v.passage.split(":")[0] in shown)
        if variants:
            found.append(
                Divergence(
                    divergence.key, divergence.claim, divergence.type, divergence.rank, divergence.summary, variants
                )
            )
    return tuple(sorted(found, key=lambda d: (-d.rank, d.key)))


def verdict(data: ExportData, divergence_key: str) -> Optional[VerdictRecord]:
    """Return the checker's verdict on a divergence, if any (a fact row repeating a claim's
    divergence shows the verdict judged on that divergence)."""
    found = data.verdicts.get(divergence_key)
    if found is None:
        found = data.verdicts.get(judged_as(data.alignment, divergence_key))
    return found


def _columns_all(data: ExportData, claim: Claim) -> dict[str, Column]:
    by_doc: dict[str, list[tuple[Passage, ...]]] = {}
    for doc, run in data.alignment.tellings(claim):
        by_doc.setdefault(doc.id, []).append(run)
    columns = {}
    for doc in documents(data):
        runs = by_doc.get(doc.id)
        if runs:
            spans = tuple((run[0].start, run[-1].end) for run in runs)
            text = TELLING_GAP.join(doc.source.text[a:b] for a, b in spans)
            passages = tuple(p.id for run in runs for p in run)
            columns[doc.id] = Column(doc, spans[0][0], spans[-1][1], text, passages, spans)
    return columns


def columns(data: ExportData, claim: Claim) -> list[Optional[Column]]:
    """Return one entry per shown document: its wording of the claim, or None if it has none."""
    found = _columns_all(data, claim)
    return [found.get(doc.id) for doc in documents(data)]


def _has_notes(claim: Claim, notes: tuple[PlacedNote, ...]) -> bool:
    return any(n.claim_id == claim.id for n in notes)


def claims(data: ExportData) -> tuple[Claim, ...]:
    """Return the claims in scope that involve at least one shown source."""
    shown = _doc_ids(data)
    notes = placed_notes(data)
    selected = []
    for claim in data.alignment.claims:
        if not any(pid.split(":")[0] in shown for pid in claim.members):
            continue
        if data.options.scope == "divergent" and not (
            divergences(data, claim)
            or any(d.key in data.verdicts for d in claim.divergences)
            or _has_notes(claim, notes)
        ):
            continue
        selected.append(claim)
    return tuple(selected)


def unique_passages(data: ExportData) -> tuple[Passage, ...]:
    """Return the passages no other source has, limited to shown sources."""
    shown = _doc_ids(data)
    return tuple(data.alignment.passage(pid) for pid in data.alignment.unique if pid.split(":")[0] in shown)


def contradictions(data: ExportData) -> tuple[Contradiction, ...]:
    """Return the contradictions inside shown sources."""
    shown = _doc_ids(data)
    return tuple(c for c in data.alignment.contradictions if c.doc in shown)


def source_label(data: ExportData, source_key: str) -> str:
    """Return the label of a source of the alignment by key (the key itself when it is not there)."""
    doc = next((d for d in data.alignment.documents if d.source.key == source_key), None)
    return doc.source.label if doc else source_key


def document_by_key(data: ExportData, source_key: str) -> Optional[Document]:
    """Return the document of a source key, if shown."""
    return next((d for d in documents(data) if d.source.key == source_key), None)


def _anchor(selector: TextSelector, text: str) -> Optional[tuple[int, int]]:
    """Return where a selector lands in a text, or None when it cannot be placed safely."""
    try:
        from core.case import anchoring
    except ImportError:
        pass  # without diff-match-patch: the exact place, or the quote found once with its context
    else:
        return anchoring.anchor(selector, text)
    if text[selector.start : selector.end] == selector.exact:
        return selector.start, selector.end
    # An exact quote found once, with its context, is the same place; anything else is an orphan.
    needle = selector.prefix + selector.exact + selector.suffix
    if selector.exact and text.count(needle) == 1:
        start = text.index(needle) + len(selector.prefix)
        return start, start + len(selector.exact)
    return None


def _claim_at(data: ExportData, doc: Document, start: int, end: int) -> str:
    for claim in data.alignment.claims:
        for pid in claim.members:
            passage = data.alignment.passage(pid)
            if passage.doc == doc.id and passage.start < max(end, start + 1) and start < passage.end:
                return claim.id
    return ""


def _place(data: ExportData, annotation: Annotation) -> tuple[str, str, int, int, bool]:
    """Return (claim id, doc id, start, end, orphaned) for one annotation."""
    claim_by_key = {c.key: c.id for c in data.alignment.claims}
    if annotation.target_kind == "claim":
        claim_id = claim_by_key.get(annotation.claim_key, "")
        return claim_id, "", -1, -1, not claim_id
    if annotation.target_kind == "divergence":
        claim_id = next(
            (c.id for c in data.alignment.claims for d in c.divergences if d.key == annotation.divergence_key), ""
        )
        return claim_id, "", -1, -1, not claim_id
    doc = document_by_key(data, annotation.source_key)
    if doc is None or annotation.selector is None:
        return "", "", -1, -1, True
    found = _anchor(annotation.selector, doc.source.text)
    if found is None:
        return "", doc.id, -1, -1, True
    return _claim_at(data, doc, *found), doc.id, found[0], found[1], False


def placed_notes(data: ExportData) -> tuple[PlacedNote, ...]:
    """Return the annotations of shown sources, numbered in reading order (claim order, then the rest)."""
    keys = {d.source.key for d in documents(data)}
    order = {c.id: n for n, c in enumerate(data.alignment.claims)}
    rows = []
    for annotation in data.annotations:
        if annotation.target_kind in ("span", "passage") and annotation.source_key not in keys:
            continue
        claim_id, doc_id, start, end, orphaned = _place(data, annotation)
        rows.append((claim_id, doc_id, start, end, orphaned, annotation))
    rows.sort(key=lambda r: (order.get(r[0], len(order)), r[1], r[2], r[5].created_at, r[5].id))
    return tuple(PlacedNote(n + 1, a, c, d, s, e, o) for n, (c, d, s, e, o, a) in enumerate(rows))


def items(data: ExportData) -> list[Divergence]:
    """Return the triage items (divergences, contradictions, fact rows) of the shown sources, by rank."""
    return triage.queue(data.alignment, {}, source_keys=data.options.source_keys or None)


def divergence_count(data: ExportData) -> tuple[int, int]:
    """Return (items with a verdict, all items): the same count as the window's queue."""
    return triage.progress(items(data), data.verdicts)


def counts(data: ExportData) -> dict[str, int]:
    """Return the counts every format states: items, triaged, divergences, contradictions, facts, set aside."""
    found = items(data)
    done, total = triage.progress(found, data.verdicts)
    contradictions_ = sum(1 for d in found if d.kind == "contradiction")
    facts = sum(1 for d in found if d.kind == "fact")
    return {
        "items": total,
        "triaged": done,
        "divergences": total - contradictions_ - facts,
        "contradictions": contradictions_,
        "facts": facts,
        "set_aside": len(data.set_aside),
    }


def progress_line(data: ExportData) -> str:
    """Return the window's own progress line for this export ("6 of 7 triaged · 1 set aside")."""
    return triage.progress_line(items(data), data.verdicts, len(data.set_aside))


def contradiction_items(data: ExportData) -> list[Divergence]:
    """Return the contradictions inside shown sources as items with keys, ranks and verdicts."""
    return [d for d in items(data) if d.kind == "contradiction"]


def fact_rows(data: ExportData) -> tuple[FactRow, ...]:
    """Return the fact-sheet rows with a cell in a shown source (only divergent ones in the divergent scope)."""
    shown = _doc_ids(data)
    rows = []
    for row in data.alignment.facts:
        cells = tuple(c for c in row.cells if c.document in shown)
        if not cells or (data.options.scope == "divergent" and not row.divergent and row.key not in data.verdicts):
            continue
        rows.append(
            FactRow(
                row.id,
                row.key,
                row.kind,
                row.label,
                row.type,
                row.rank,
                row.divergent and len({c.document for c in cells}) > 1,
                cells,
                row.summary,
            )
        )
    return tuple(rows)


def fact_cells(data: ExportData, row: FactRow) -> list[tuple[FactCell, ...]]:
    """Return one entry per shown document: the cells it gives for a row (empty: not stated)."""
    return [tuple(c for c in row.cells if c.document == doc.id) for doc in documents(data)]


def variant_outlet(data: ExportData, variant: Variant) -> str:
    """Return the label of the source a variant comes from."""
    return data.alignment.document_of(variant.passage).source.label
