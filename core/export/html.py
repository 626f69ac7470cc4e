"""Render an annotated comparison as one self-contained HTML file (inline CSS, no script, no requests)."""

from __future__ import annotations

from core.case.claim_wording import NOT_FOUND_IN_SOURCE, claim_heading
from core.export import view
from core.export.data import ExportData
from core.export.escaping import html_multiline, html_text as esc, safe_url
from core.export.html_style import VERDICT_STYLES, stylesheet
from core.export.type_styles import TYPE_STYLES
from core.export.marks import Mark, segments
from core.model import TELLING_GAP, Claim, Document

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _plural(count: int, word: str) -> str:
    """Return "1 divergence" / "2 divergences"."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def _link(url: str) -> str:
    """Return a source URL as a link when it is plain http(s), else as text."""
    safe = safe_url(url)
    if safe:
        return f'<a href="{esc(safe)}" rel="noopener noreferrer">{esc(safe)}</a>'
    return esc(url)


def _highlighted(text: str, offset: int, marks: list[Mark]) -> str:
    """Return escaped text with divergent spans, notes and boilerplate wrapped in spans."""
    out = []
    for seg in segments(text, offset, marks):
        piece = html_multiline(seg.text)
        top = seg.top()
        if top is not None:
            piece = f'<span class="d-{top.kind}" title="{esc(top.kind)}">{piece}</span>'
        if seg.has("note"):
            piece = f'<span class="noted">{piece}</span>'
        if seg.has("boilerplate"):
            piece = f'<span class="bp" title="boilerplate">{piece}</span>'
        for mark in seg.ending:
            css = "note" if mark.kind == "note" else f"n-{mark.kind}"
            if mark.kind != "boilerplate":
                piece += f'<sup class="{css}">{esc(mark.label)}</sup>'
        out.append(piece)
    return "".join(out)


def _verdict_badge(data: ExportData, key: str) -> str:
    record = view.verdict(data, key)
    if record is None or not record.verdict:  # verdict "": a note on an untriaged divergence
        return '<span class="verdict v-none">Not triaged</span>'
    label = VERDICT_STYLES.get(record.verdict, ("", record.verdict))[1]
    if record.verdict == "source_error" and record.source_key:
        doc = view.document_by_key(data, record.source_key)
        label += ": " + (doc.source.label if doc else record.source_key)
    return f'<span class="verdict v-{esc(record.verdict)}">{esc(label)}</span>'


def _header(data: ExportData) -> str:
    name = data.case_name or "Untitled case"
    scope = "divergent claims only" if data.options.scope == "divergent" else "all claims"
    return (
        f"<header><h1>Parallax comparison: {esc(name)}</h1>"
        f'<p class="meta">Generated {esc(data.generated_at)} by Parallax {esc(data.version)}'
        f" · {len(view.documents(data))} sources · {len(view.claims(data))} claims ({esc(scope)})"
        f" · {esc(view.progress_line(data))}</p></header>"
    )


def _sources(data: ExportData) -> str:
    rows = []
    for doc in view.documents(data):
        s = doc.source
        rows.append(
            f"<tr><td>{esc(doc.id)}</td><td>{esc(s.label)}</td><td>{esc(s.title)}</td>"
            f"<td>{esc(s.published)}</td><td>{_link(s.url)}</td>"
            f'<td class="hash">{esc(s.sha256)}</td><td>{view.word_count(s.text)}</td></tr>'
        )
    return (
        '<section><h2>Sources</h2><table class="list" width="100%"><tr><th>#</th><th>Outlet</th><th>Title</th>'
        "<th>Date</th><th>URL</th><th>SHA-256 of original</th><th>Words</th></tr>"
        + "".join(rows)
        + "</table></section>"
    )


def _legend() -> str:
    cells = [
        f'<td><span class="d-{name}">{esc(name)}</span><br><span class="meta">{esc(style)} underline</span>'
        f"</td><td>{esc(desc)}</td>"
        for name, (style, _, desc) in TYPE_STYLES.items()
    ]
    rows = "".join("<tr>" + "".join(cells[i : i + 3]) + "</tr>" for i in range(0, len(cells), 3))
    verdicts = " ".join(
        f'<span class="verdict v-{name}">{esc(label)}</span>' for name, (_, label) in VERDICT_STYLES.items()
    )
    return (
        '<section><h2>Legend</h2><table class="list legend" width="100%">'
        + "<tr>"
        + "<th>Type</th><th>Meaning</th>" * 3
        + f"</tr>{rows}</table><p>Verdicts: {verdicts} "
        '<span class="verdict v-none">Not triaged</span></p>'
        '<p class="meta">A superscript number after a highlighted span refers to the claim\'s '
        "divergence list; [n] refers to a numbered note.</p></section>"
    )


def _claim_marks(data: ExportData, claim: Claim, notes, doc_id: str) -> list[Mark]:
    """Return the marks of one document's column: offsets are per document, so never mix them."""
    marks = [
        Mark(v.start, v.end, d.type, d.rank, str(n))
        for n, d in enumerate(view.divergences(data, claim), 1)
        for v in d.variants
        if v.passage.split(":")[0] == doc_id
    ]
    marks += [Mark(n.start, n.end, "note", 0.0, f"[{n.number}]") for n in notes if n.start >= 0 and n.doc_id == doc_id]
    return marks


def _notes_list(notes) -> str:
    if not notes:
        return ""
    items = []
    for n in notes:
        a = n.annotation
        where = ' <span class="orphan">(orphaned: its text was not found)</span>' if n.orphaned else ""
        label = f"<b>{esc(a.label)}</b> " if a.label else ""
        who = ", ".join(x for x in (a.author, a.updated_at or a.created_at) if x)
        quote = f" on “{esc(a.selector.exact)}”" if a.selector is not None and a.selector.exact else ""
        items.append(
            f"<li>[{n.number}] {label}({esc(a.status)}){quote}{where}: "
            f'{html_multiline(a.note)} <span class="meta">{esc(who)}</span></li>'
        )
    return '<ul class="notes">' + "".join(items) + "</ul>"


def _claim(data: ExportData, claim: Claim, notes_by_claim) -> str:
    notes = notes_by_claim.get(claim.id, [])
    divergences = view.divergences(data, claim)
    heads = "".join(f"<th>{esc(doc.source.label)}</th>" for doc in view.documents(data))
    cells = []
    for column in view.columns(data, claim):
        if column is None:
            cells.append(f'<td class="absent">{NOT_FOUND_IN_SOURCE}</td>')
        else:
            marks = _claim_marks(data, claim, notes, column.doc.id)
            text = column.doc.source.text
            tellings = [_highlighted(text[a:b], a, marks) for a, b in column.spans]
            cells.append(f"<td>{esc(TELLING_GAP).join(tellings)}</td>")
    out = [
        f'<section class="claim" id="{esc(claim.id)}"><h3>{esc(claim_heading(claim, data.alignment))} · '
        f"alignment score {claim.score:.2f} · {_plural(len(divergences), 'divergence')}</h3>",
        f'<table class="variants" width="100%"><tr>{heads}</tr><tr>{"".join(cells)}</tr></table>',
    ]
    if divergences:
        rows = []
        for n, d in enumerate(divergences, 1):
            variants = "<br>".join(f"{esc(view.variant_outlet(data, v))}: “{esc(v.text)}”" for v in d.variants)
            record = view.verdict(data, d.key)
            note = html_multiline(record.note) if record else ""
            rows.append(
                f'<tr><td><sup class="n-{esc(d.type)}">{n}</sup></td><td>{d.rank:.2f}</td>'
                f'<td><span class="d-{esc(d.type)}">{esc(d.type)}</span></td><td>{esc(d.summary)}</td>'
                f"<td>{variants}</td><td>{_verdict_badge(data, d.key)}</td><td>{note}</td></tr>"
            )
        out.append(
            '<table class="list" width="100%"><tr><th>#</th><th>Rank</th><th>Type</th><th>Summary</th>'
            "<th>Variants</th><th>Verdict</th><th>Note</th></tr>" + "".join(rows) + "</table>"
        )
    out.append(_notes_list(notes))
    out.append("</section>")
    return "".join(out)


def _facts(data: ExportData) -> str:
    rows = view.fact_rows(data)
    if not rows:
        return ""
    docs = view.documents(data)
    heads = "".join(f"<th>{esc(d.source.label)}</th>" for d in docs)
    out = []
    for row in rows:
        cells = []
        for found in view.fact_cells(data, row):
            if not found:
                cells.append('<td class="absent">not stated</td>')
                continue
            words = dict.fromkeys(
                f"“{esc(c.text)}”"
                + (f' <span class="meta">= {esc(c.value)}</span>' if c.value != c.text.lower() else "")
                for c in found
            )
            cells.append(f"<td>{'<br>'.join(words)}</td>")
        record = view.verdict(data, row.key)
        quiet = esc(row.note or "no divergence found")
        verdict = _verdict_badge(data, row.key) if row.divergent else f'<span class="meta">{quiet}</span>'
        note = f"<br>{html_multiline(record.note)}" if record and record.note else ""
        kind = f'<span class="d-{esc(row.type)}">{esc(row.type)}</span>' if row.divergent else esc(row.type)
        out.append(
            f'<tr><td><b>{esc(row.label)}</b><br><span class="meta">{esc(row.id)} · {kind} · '
            f"rank {row.rank:.2f}</span></td>{''.join(cells)}<td>{verdict}{note}</td></tr>"
        )
    return (
        '<section id="facts"><h2>Fact sheet</h2><p class="meta">What each source says about each person, '
        "quantity and event, divergent rows first. A source that does not state a fact does not disagree."
        f'</p><table class="list" width="100%"><tr><th>Fact</th>{heads}<th>Verdict and note</th></tr>'
        + "".join(out)
        + "</table></section>"
    )


def _unique(data: ExportData, notes) -> str:
    passages = view.unique_passages(data)
    if not passages:
        return "<section><h2>Unique passages</h2><p>Every passage is reported by at least two sources.</p></section>"
    rows = []
    for p in passages:
        doc = data.alignment.documents[int(p.doc[1:])]
        mine = [
            Mark(n.start, n.end, "note", 0.0, f"[{n.number}]")
            for n in notes
            if n.doc_id == p.doc and n.start >= 0 and n.start < p.end and n.end > p.start
        ]
        rows.append(f"<tr><td>{esc(doc.source.label)}</td><td>{_highlighted(p.text, p.start, mine)}</td></tr>")
    return (
        '<section><h2>Unique passages</h2><p class="meta">Reported by one source only: often the '
        'first thing to check.</p><table class="list" width="100%"><tr><th>Source</th><th>Passage</th></tr>'
        + "".join(rows)
        + "</table></section>"
    )


def _contradictions(data: ExportData) -> str:
    found = view.contradiction_items(data)
    if not found:
        return ""
    rows = []
    for c in found:
        record = view.verdict(data, c.key)
        note = html_multiline(record.note) if record else ""
        rows.append(
            f"<tr><td>{esc(data.alignment.document_of(c.variants[0].passage).source.label)}</td>"
            f'<td>{c.rank:.2f}</td><td><span class="d-{esc(c.type)}">{esc(c.type)}</span></td>'
            f"<td>{esc(c.summary)}</td>"
            f"<td>{'<br>'.join('“' + esc(v.text) + '”' for v in c.variants)}</td>"
            f"<td>{_verdict_badge(data, c.key)}</td><td>{note}</td></tr>"
        )
    return (
        '<section><h2>Contradictions inside one source</h2><table class="list" width="100%"><tr><th>Source</th>'
        "<th>Rank</th><th>Type</th><th>Summary</th><th>Statements</th><th>Verdict</th><th>Note</th></tr>"
        f"{''.join(rows)}</table></section>"
    )


def _set_aside(data: ExportData) -> str:
    if not data.set_aside:
        return ""
    rows = []
    for item in data.set_aside:
        r = item.record
        label = VERDICT_STYLES.get(r.verdict, ("", "Not triaged"))[1] if r.verdict else "Not triaged"
        texts = "<br>".join(f"{esc(view.source_label(data, v.source))}: “{esc(v.text)}”" for v in r.variants)
        rows.append(
            f"<tr><td>{esc(r.divergence_type or '?')}</td><td>{texts}</td><td>{esc(label)}</td>"
            f"<td>{html_multiline(r.note)}</td><td>{esc(item.reason)}</td></tr>"
        )
    return (
        "<section><h2>Set aside: verdicts and notes not placed on the current alignment</h2>"
        '<table class="list" width="100%"><tr><th>Type</th><th>Text judged</th><th>Verdict</th>'
        f"<th>Note</th><th>Why</th></tr>{''.join(rows)}</table></section>"
    )


def _other_notes(notes, shown: set[str]) -> str:
    rest = [n for n in notes if n.claim_id not in shown]
    if not rest:
        return ""
    return "<section><h2>Other notes</h2>" + _notes_list(rest) + "</section>"


def _full_text(data: ExportData, doc: Document, notes) -> str:
    marks = [Mark(b.start, b.end, "boilerplate") for b in doc.boilerplate]
    numbers = {c.id: number for number, c in enumerate(data.alignment.claims, 1)}  # as claim_number counts
    for claim in view.claims(data):
        for n, d in enumerate(view.divergences(data, claim), 1):
            marks += [
                Mark(v.start, v.end, d.type, d.rank, f"{numbers[claim.id]}.{n}")
                for v in d.variants
                if v.passage.split(":")[0] == doc.id
            ]
    marks += [Mark(n.start, n.end, "note", 0.0, f"[{n.number}]") for n in notes if n.doc_id == doc.id and n.start >= 0]
    text = doc.source.text
    paragraphs, start = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            paragraphs.append(f"<p>{_highlighted(block, start, marks)}</p>")
        start += len(block) + 2
    return (
        f'<div class="fulltext"><h3>{esc(doc.source.label)}: {esc(doc.source.title)}</h3>'
        + "".join(paragraphs)
        + "</div>"
    )


def render_html(data: ExportData) -> str:
    """Return the whole report as one HTML document."""
    notes = view.placed_notes(data)
    by_claim: dict[str, list] = {}
    for n in notes:
        if n.claim_id:
            by_claim.setdefault(n.claim_id, []).append(n)
    claims = view.claims(data)
    body = [_header(data), _sources(data), _legend(), "<section><h2>Claims</h2>"]
    body += [_claim(data, c, by_claim) for c in claims] or ["<p>No claim in scope.</p>"]
    body += [
        "</section>",
        _facts(data),
        _unique(data, notes),
        _contradictions(data),
        _set_aside(data),
        _other_notes(notes, {c.id for c in claims}),
    ]
    if data.options.include_full_texts:
        body.append(
            "<section><h2>Full texts</h2>"
            + "".join(_full_text(data, d, notes) for d in view.documents(data))
            + "</section>"
        )
    body.append(
        f"<footer>Parallax {esc(data.version)} · every article text in this report is "
        "quoted verbatim and escaped; nothing in it runs.</footer>"
    )
    title = esc(f"Parallax comparison: {data.case_name or 'Untitled case'}")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="generator" content="Parallax {esc(data.version)}">'
        f"<title>{title}</title><style>{stylesheet()}</style></head><body>" + "\n".join(body) + "</body></html>\n"
    )
