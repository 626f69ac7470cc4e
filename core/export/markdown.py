"""Render an annotated comparison as Markdown for pasting into a CMS or a ticket."""

from __future__ import annotations

from core.case.claim_wording import claim_heading
from core.export import view
from core.export.data import ExportData
from core.export.escaping import md_cell, md_text, safe_url
from core.model import VERDICT_LABELS


def _plural(count: int, word: str) -> str:
    """Return "1 divergence" / "2 divergences"."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def _table(heads: list[str], rows: list[list[str]]) -> list[str]:
    """Return a Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _verdict(data: ExportData, key: str) -> tuple[str, str]:
    record = view.verdict(data, key)
    if record is None:
        return "not triaged", ""
    if not record.verdict:  # a note on a divergence not yet triaged
        return "not triaged", record.note
    label = VERDICT_LABELS.get(record.verdict, record.verdict)
    if record.verdict == "source_error" and record.source_key:
        doc = view.document_by_key(data, record.source_key)
        label += ": " + (doc.source.label if doc else record.source_key)
    return label, record.note


def _note_line(note) -> str:
    a = note.annotation
    parts = [f"{note.number}\\. "]
    if a.label:
        parts.append(f"**{md_text(a.label)}** ")
    parts.append(f"\\({md_text(a.status)}\\)")
    if a.selector is not None and a.selector.exact:
        parts.append(f" on “{md_text(a.selector.exact)}”")
    if note.orphaned:
        parts.append(" **orphaned: its text was not found**")
    parts.append(f": {md_text(a.note)}")
    who = ", ".join(x for x in (a.author, a.updated_at or a.created_at) if x)
    if who:
        parts.append(f" _{md_text(who)}_")
    return "- " + "".join(parts)


def _claim(data: ExportData, claim, notes) -> list[str]:
    divergences = view.divergences(data, claim)
    lines = [
        f"### {md_text(claim_heading(claim, data.alignment))} \\(score {claim.score:.2f}, {_plural(len(divergences), 'divergence')}\\)",
        "",
    ]
    for doc, column in zip(view.documents(data), view.columns(data, claim)):
        if column is not None:
            lines += [f"**{md_text(doc.source.label)}**", "", f"> {md_text(column.text)}", ""]
    if divergences:
        rows = []
        for n, d in enumerate(divergences, 1):
            verdict, note = _verdict(data, d.key)
            variants = "; ".join(f"{view.variant_outlet(data, v)}: “{v.text}”" for v in d.variants)
            rows.append(
                [
                    str(n),
                    f"{d.rank:.2f}",
                    md_cell(d.type),
                    md_cell(d.summary),
                    md_cell(variants),
                    md_cell(verdict),
                    md_cell(note),
                ]
            )
        lines += _table(["#", "Rank", "Type", "Summary", "Variants", "Verdict", "Note"], rows)
    mine = [n for n in notes if n.claim_id == claim.id]
    if mine:
        lines += ["Notes:", ""] + [_note_line(n) for n in mine] + [""]
    return lines


def _facts(data: ExportData) -> list[str]:
    rows = view.fact_rows(data)
    if not rows:
        return []
    heads = ["#", "Fact", "Type", "Rank"] + [view_label(d) for d in view.documents(data)] + ["Verdict", "Note"]
    body = []
    for row in rows:
        said = [
            md_cell("; ".join(dict.fromkeys(f"“{c.text}”" for c in found))) if found else "_not stated_"
            for found in view.fact_cells(data, row)
        ]
        verdict, note = _verdict(data, row.key) if row.divergent else (row.note or "no divergence found", "")
        kind = f"**{md_cell(row.type)}**" if row.divergent else md_cell(row.type)
        body.append(
            [md_cell(row.id), md_cell(row.label), kind, f"{row.rank:.2f}"] + said + [md_cell(verdict), md_cell(note)]
        )
    return [
        "## Fact sheet",
        "",
        "Divergent rows first, type in bold; a source that does not state a fact does not disagree\\.",
        "",
    ] + _table(heads, body)


def view_label(document) -> str:
    """Return a source's label escaped for a table header."""
    return md_cell(document.source.label)


def render_markdown(data: ExportData) -> str:
    """Return the report as Markdown; article text is escaped so it never becomes markup or HTML."""
    claims = view.claims(data)
    notes = view.placed_notes(data)
    lines = [
        f"# Parallax comparison: {md_text(data.case_name or 'Untitled case')}",
        "",
        f"Generated {md_text(data.generated_at)} by Parallax {data.version}; "
        f"{len(view.documents(data))} sources, {len(claims)} claims, "
        f"{md_text(view.progress_line(data))}\\.",
        "",
        "## Sources",
        "",
    ]
    rows = []
    for doc in view.documents(data):
        s = doc.source
        url = safe_url(s.url)
        rows.append(
            [
                md_cell(doc.id),
                md_cell(s.label),
                md_cell(s.title),
                md_cell(s.published),
                f"<{url}>" if url else md_cell(s.url),
                f"`{s.sha256}`" if s.sha256.isalnum() else md_cell(s.sha256),
                str(view.word_count(s.text)),
            ]
        )
    lines += _table(["#", "Outlet", "Title", "Date", "URL", "SHA-256", "Words"], rows)
    lines += ["## Claims", ""]
    for claim in claims:
        lines += _claim(data, claim, notes)
    if not claims:
        lines += ["No claim in scope\\.", ""]
    lines += _facts(data)
    unique = view.unique_passages(data)
    if unique:
        lines += ["## Unique passages", ""]
        lines += _table(
            ["Source", "Passage"],
            [[md_cell(data.alignment.documents[int(p.doc[1:])].source.label), md_cell(p.text)] for p in unique],
        )
    found = view.contradiction_items(data)
    if found:
        lines += ["## Contradictions inside one source", ""]
        rows = []
        for c in found:
            verdict, note = _verdict(data, c.key)
            rows.append(
                [
                    md_cell(data.alignment.document_of(c.variants[0].passage).source.label),
                    f"{c.rank:.2f}",
                    md_cell(c.type),
                    md_cell(c.summary),
                    md_cell(" / ".join(f"“{v.text}”" for v in c.variants)),
                    md_cell(verdict),
                    md_cell(note),
                ]
            )
        lines += _table(["Source", "Rank", "Type", "Summary", "Statements", "Verdict", "Note"], rows)
    if data.set_aside:
        lines += ["## Set aside", "", "Verdicts and notes the current alignment cannot place.", ""]
        lines += _table(
            ["Type", "Text judged", "Verdict", "Note", "Why"],
            [
                [
                    md_cell(s.record.divergence_type or "?"),
                    md_cell("; ".join(f"{view.source_label(data, v.source)}: “{v.text}”" for v in s.record.variants)),
                    md_cell(VERDICT_LABELS.get(s.record.verdict, "not triaged")),
                    md_cell(s.record.note),
                    md_cell(s.reason),
                ]
                for s in data.set_aside
            ],
        )
    shown = {c.id for c in claims}
    rest = [n for n in notes if n.claim_id not in shown]
    if rest:
        lines += ["## Other notes", ""] + [_note_line(n) for n in rest] + [""]
    if data.options.include_full_texts:
        lines += ["## Full texts", ""]
        for doc in view.documents(data):
            lines += [f"### {md_text(doc.source.label)}", ""]
            lines += [f"> {md_text(block)}\n>" for block in doc.source.text.split("\n\n") if block.strip()]
            lines += [""]
    return "\n".join(lines).rstrip("\n") + "\n"
