"""Write an Alignment as a plain-text report for the terminal."""

from __future__ import annotations

import os
import textwrap

from core.case.queue_items import judged_as
from core.model import TELLING_GAP, Alignment, Claim, Source
from core.ingest.textnorm import word_count

WIDTH = 100


def _wrap(text: str, indent: str) -> str:
    """Return text wrapped to the report width with a hanging indent."""
    flat = " ".join(text.split())
    return textwrap.fill(flat, WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent) + "    ")


def _label(source: Source) -> str:
    """Return a short name for a source: its outlet, else its file name, else its title."""
    return source.outlet or os.path.basename(source.path) or source.title or source.key


def _passage_text(alignment: Alignment, claim: Claim, members: list[str]) -> str:
    """Return one document's tellings of a claim: adjacent passages joined, tellings apart by TELLING_GAP."""
    doc = alignment.document_of(members[0])
    runs = [run for owner, run in alignment.tellings(claim) if owner is doc]
    return TELLING_GAP.join(" ".join(p.text for p in run) for run in runs)


def _fact_sheet(alignment: Alignment) -> list[str]:
    """Return the fact sheet's lines: each row, then what each source says ("not stated" when silent)."""
    lines = ["FACT SHEET (divergent rows first; a source that does not state a fact does not disagree)"]
    for row in alignment.facts:
        mark = "DIVERGENT" if row.divergent else "         "
        lines.append(f"  {row.id:<4} {row.rank:.2f}  {mark} {row.type:<12} {row.label}")
        by_doc: dict[str, list[str]] = {}
        for cell in row.cells:
            by_doc.setdefault(cell.document, []).append(
                cell.text if cell.value == cell.text.lower() else f"{cell.text} (= {cell.value})"
            )
        for document in alignment.documents:
            said = by_doc.get(document.id)
            lines.append(
                _wrap(
                    f"{_label(document.source)}: " + ("; ".join(dict.fromkeys(said)) if said else "not stated"),
                    "        ",
                )
            )
    if not alignment.facts:
        lines.append("  no fact found")
    return lines + [""]


def alignment_to_text(alignment: Alignment) -> str:
    """Return a readable report: sources, claims with variants, ranked divergences, unique passages."""
    lines: list[str] = []
    # A fact row that repeats a claim's divergence is one finding: listed once, under its claim
    # (the fact sheet below still shows the row).
    divergences = [d for d in alignment.divergences() if d.kind != "fact" or judged_as(alignment, d.key) == d.key]
    lines.append(
        f"Parallax alignment: {len(alignment.documents)} sources, {len(alignment.claims)} claims, "
        f"{len(divergences)} divergences, {len(alignment.unique)} unique passages, "
        f"{len(alignment.contradictions)} contradictions"
    )
    lines.append("")
    lines.append("SOURCES")
    for document in alignment.documents:
        source = document.source
        words = word_count(source.text)
        detail = f" ({source.title})" if source.title and source.title != _label(source) else ""
        lines.append(f"  {document.id}  {_label(source)}{detail}: {len(document.passages)} passages, {words} words")
    lines.append("")
    lines.append("CLAIMS")
    for claim in alignment.claims:
        lines.append(f"  {claim.id}  score {claim.score:.2f}, {len(claim.divergences)} divergences")
        by_doc: dict[str, list[str]] = {}
        for pid in claim.members:
            by_doc.setdefault(pid.split(":")[0], []).append(pid)
        for members in by_doc.values():
            label = _label(alignment.document_of(members[0]).source)
            marker = "*" if claim.pivot in members else " "
            lines.append(_wrap(f"{label}: {_passage_text(alignment, claim, members)}", f"   {marker}  "))
        lines.append("")
    lines.append("DIVERGENCES (highest rank first)")
    for divergence in divergences:
        lines.append(f"  {divergence.rank:.2f}  {divergence.type:<12} {divergence.claim:<5} {divergence.summary}")
        for variant in divergence.variants:
            label = _label(alignment.document_of(variant.passage).source)
            lines.append(_wrap(f"{label}: {variant.text!r}", "        "))
    lines.append("")
    lines += _fact_sheet(alignment)
    lines.append("UNIQUE PASSAGES (no other source has them)")
    for pid in alignment.unique:
        label = _label(alignment.document_of(pid).source)
        lines.append(_wrap(f"{pid} {label}: {alignment.passage(pid).text}", "  "))
    lines.append("")
    lines.append("CONTRADICTIONS INSIDE ONE SOURCE")
    for contradiction in alignment.contradictions:
        label = _label(alignment.documents[int(contradiction.doc[1:])].source)
        lines.append(f"  {contradiction.type:<12} {label}: {contradiction.summary}")
        for variant in contradiction.variants:
            lines.append(_wrap(repr(variant.text), "        "))
    if not alignment.contradictions:
        lines.append("  none found")
    return "\n".join(lines) + "\n"
