"""Write the inspector's rich text: variants against the pivot, divergence rows, annotation lines."""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtGui import QPalette

from core.compare.worddiff import shared_fraction_of
from gui.panels.variant_diff import NEAR_VERBATIM, diff_html
from gui.style import colors


def variants_html(
    label: Callable[[str], str], pivot: str, pivot_text: str, others: list, diffs: tuple | None, dark: bool
) -> str:
    """Return the pivot's words, then each other variant's, word-diffed when it is near verbatim."""
    parts = [f"<p><b>{html.escape(label(pivot))}</b> <i>(pivot)</i><br>{html.escape(pivot_text)}</p>"]
    for i, (pid, text) in enumerate(others):
        if diffs is not None and shared_fraction_of(diffs[i]) >= NEAR_VERBATIM:
            body = diff_html(diffs[i], dark)
        else:
            # A paraphrase's word diff is a wall of red and green: show the words, the facts are listed below.
            body = html.escape(text)
        parts.append(f"<p><b>{html.escape(label(pid))}</b><br>{body}</p>")
    return "".join(parts)


def item_wordings_html(label: Callable[[str], str], div, al) -> str:
    """Return each wording of a claim-less item (a fact-sheet row, a contradiction in one source) in its passage."""
    return "".join(
        f"<p><b>{html.escape(label(v.passage))}</b>: “{html.escape(v.text)}” "
        f"<span style='color:gray'>in: {html.escape(al.passage(v.passage).text)}</span></p>"
        for v in div.variants
    )


def divergence_rows_html(ws, claim, label: Callable[[str], str], palette: QPalette) -> str:
    """Return one row per divergence of the claim, highest rank first, with its verdict, error source and note."""
    current = ws.current_divergence_key
    if ws.analysis_status():
        return f"<p><i>{html.escape(ws.analysis_status())}</i></p>"
    rows = []
    for div in sorted(claim.divergences, key=lambda d: (-d.rank, d.key)):
        record = ws.verdicts.get(div.key)
        verdict = record.verdict if record else None
        colour = colors.type_colour(div.type, palette).name()
        vcol = colors.verdict_colour(verdict, palette).name()
        marker = "▶ " if div.key == current else ""
        wordings = "; ".join(f"{html.escape(label(v.passage))}: “{html.escape(v.text)}”" for v in div.variants)
        line = (
            f"<p>{marker}<a href='div:{html.escape(div.key)}' style='color:{colour}'>"
            f"<b>{html.escape(div.type)}</b></a> {html.escape(div.summary)} "
            f"<span style='color:{vcol}'>[{html.escape(colors.verdict_text(verdict))}]</span>"
            f"<br><small>rank {div.rank:.2f} · {wordings}</small>"
        )
        if record is not None and record.source_key:
            source = ws.source(record.source_key)
            line += f"<br><small>error in {html.escape(source.label if source else record.source_key)}</small>"
        if record is not None and record.note:
            line += f"<br><i>Note: {html.escape(record.note)}</i>"
        rows.append(line + "</p>")
    return "".join(rows) or "<p>No divergence found between these passages.</p>"


def annotations_html(annotations: list) -> str:
    """Return the claim's annotations, one line each (label, status, first line of the note)."""
    if not annotations:
        return "<small>No annotations on this claim (A to add).</small>"
    lines = [
        f"<b>{html.escape(a.label or 'note')}</b> ({html.escape(a.status)}) "
        f"{html.escape(a.note.splitlines()[0] if a.note else '')}"
        for a in annotations
    ]
    return "<b>Annotations</b><br>" + "<br>".join(lines)
