"""Find what a source pane marks in its document: divergence variants, contradictions, their words."""

from __future__ import annotations

import html

from PySide6.QtGui import QPalette, QTextCharFormat

from gui.style import colors
from gui.style import theme


def divergence_variants(alignment, doc):
    """Yield (divergence, variant) for every divergence variant that lies in this document."""
    if doc is None or alignment is None:
        return
    prefix = doc.id + ":"
    seen: set[tuple[str, int, int]] = set()  # a passage in two claims can carry one divergence twice
    for claim in alignment.claims:
        if not any(m.startswith(prefix) for m in claim.members):
            continue
        for div in claim.divergences:
            for variant in div.variants:
                if variant.passage.startswith(prefix) and (div.key, variant.start, variant.end) not in seen:
                    seen.add((div.key, variant.start, variant.end))
                    yield div, variant


def contradiction_variants(alignment, doc):
    """Yield (contradiction, variant) for every wording of this document that contradicts another."""
    if doc is None or alignment is None:
        return
    for contradiction in alignment.contradictions:
        if contradiction.doc == doc.id:
            for variant in contradiction.variants:
                yield contradiction, variant


def mark_descriptions(alignment, doc, offset: int) -> list[str]:
    """Return rich-text lines for the divergences and contradictions marked at an offset."""
    lines = []
    for div, variant in divergence_variants(alignment, doc):
        if variant.start <= offset < variant.end:
            style_name = colors.type_style_name(div.type)
            lines.append(
                f"<b>{html.escape(div.type.capitalize())}</b> ({style_name} underline): {html.escape(div.summary)}"
            )
            for other in div.variants:
                if other is variant:
                    continue
                label = alignment.document_of(other.passage).source.label
                lines.append(f"&nbsp;&nbsp;{html.escape(label)}: “{html.escape(other.text)}”")
    for contradiction, variant in contradiction_variants(alignment, doc):
        if variant.start <= offset < variant.end:
            others = [f"“{html.escape(v.text)}”" for v in contradiction.variants if v is not variant]
            lines.append(
                f"<b>Contradiction inside this source</b> ({html.escape(contradiction.type)}): "
                f"{html.escape(contradiction.summary)}<br>&nbsp;&nbsp;elsewhere it says " + ", ".join(others)
            )
    return lines


def underline(kind: str, pal: QPalette) -> QTextCharFormat:
    """Return the character format that underlines a divergence type with its line and colour."""
    style, colour = theme.divergence_style(kind, pal)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(colour)
    return fmt
