"""Word diffs of a claim's variants against its pivot, and their rich-text rendering."""

from __future__ import annotations

import html

from core.errors import Cancelled
from core.model import TELLING_GAP
from core.compare.worddiff import shared_word_fraction
from core.compare.worddiff import word_diff as core_word_diff

NEAR_VERBATIM = 0.6  # share of words in common from which a word diff is readable, not noise


def word_diff(a: str, b: str) -> list[tuple[int, str]]:
    """Return (op, text) pieces turning a into b (core.compare.worddiff)."""
    return core_word_diff(a, b)


def diff_variants(pivot_text: str, texts: tuple[str, ...], progress=None, should_cancel=None) -> tuple:
    """Return the word diff of each text against the pivot text, checking for cancel between texts."""
    out = []
    for i, text in enumerate(texts):
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        out.append(tuple(core_word_diff(pivot_text, text)))
        if progress is not None:
            progress((i + 1) / len(texts))
    return tuple(out)


def diff_html(ops, dark: bool = False) -> str:
    """Return a word diff as rich text: deletions struck in red, insertions underlined in green."""
    # Qt rich text reads #RRGGBBAA as #AARRGGBB, so the tints are solid colours per theme.
    deleted = "color:#ff8a80; background-color:#4a1c1c" if dark else "color:#b71c1c; background-color:#fde4e4"
    inserted = "color:#b9f6ca; background-color:#1b3d22" if dark else "color:#1b5e20; background-color:#e3f4e3"
    parts = []
    for op, text in ops:
        text = html.escape(text)
        if op < 0:
            parts.append(f"<s style='{deleted}'>{text}</s>")
        elif op > 0:
            parts.append(f"<u style='{inserted}'>{text}</u>")
        else:
            parts.append(text)
    return "".join(parts)


def member_runs(alignment, claim) -> list[tuple[str, str, str]]:
    """Return (document id, first passage id, text) of each source's member, in document order.

    A source that tells the fact twice gives one text: its tellings joined by TELLING_GAP.
    """
    return [
        (doc_id, first, TELLING_GAP.join(text for _s, text in parts))
        for doc_id, first, parts in member_tellings(alignment, claim)
    ]


def member_tellings(alignment, claim) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """Return (document id, first passage id, [(start, text) of each telling]) per source, in document order."""
    found: dict[str, tuple[str, list[tuple[int, str]]]] = {}
    for doc, run in alignment.tellings(claim):
        _first, parts = found.setdefault(doc.id, (run[0].id, []))
        parts.append((run[0].start, doc.source.text[run[0].start : run[-1].end]))
    return [(doc_id, first, parts) for doc_id, (first, parts) in found.items()]


def near_verbatim_share(alignment, claim, pivot_id: str) -> tuple[int, int]:
    """Return how many of a claim's other sources are near-verbatim to the pivot's telling, and how many there are.

    The claim view's rule: the pivot's own telling is the reference, and a source that tells the
    fact twice is compared by its telling nearest the reference.
    """
    tellings = {doc_id: parts for doc_id, _first, parts in member_tellings(alignment, claim)}
    pivot_doc = pivot_id.split(":")[0]
    pivot_parts = tellings.get(pivot_doc, [])
    pivot_start = alignment.passage(pivot_id).start if pivot_id in claim.members else -1
    reference = next((t for start, t in pivot_parts if start <= pivot_start < start + len(t)), "")
    reference = reference or TELLING_GAP.join(t for _s, t in pivot_parts)
    if not reference:
        return 0, 0
    others = [parts for doc_id, parts in tellings.items() if doc_id != pivot_doc]
    near = sum(1 for parts in others if max(shared_word_fraction(reference, t) for _s, t in parts) >= NEAR_VERBATIM)
    return near, len(others)
