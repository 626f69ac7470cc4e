"""Where each source says a figure comes from: a named speaker, or rumour and reports."""

from __future__ import annotations

from collections import defaultdict

from core.compare.facts.mentions import Mention
from core.compare.figure_origins import origin_of
from core.model import Document

ORIGINS = {"named": "a named speaker", "hearsay": "rumour or reports"}
SPECIFIC = 100  # below this a value recurs for different things ("90 days", "two sides"): not one figure


def origin_mentions(documents: tuple[Document, ...], quantities: list[Mention]) -> list[Mention]:
    """Return, for each figure sources put down to different origins, where each says it comes from.

    A figure is matched by its value alone, whatever noun it counts ("30,000 positions", "the
    30,000 cuts rumoured"), since what differs is who stands behind it, not what it counts.
    """
    passages = {p.id: p for d in documents for p in d.passages}
    by_value: dict[float, list[Mention]] = defaultdict(list)
    for m in quantities:
        if m.number is not None and m.number >= SPECIFIC:
            by_value[m.number].append(m)
    out: list[Mention] = []
    for value, found in by_value.items():
        if len({m.doc for m in found}) < 2:
            continue
        told = []
        for m in found:
            passage = passages[m.passage]
            origin = origin_of(passage.text, m.start - passage.start, m.end - passage.start)
            if origin:
                told.append((m, ORIGINS[origin]))
        if len({m.doc for m, _ in told}) < 2 or len({origin for _, origin in told}) < 2:
            continue  # every source puts it down to the same origin: nothing to check
        label = f"{found[0].text}: comes from"
        for m, origin in told:
            out.append(
                Mention(
                    f"origin:{value:g}",
                    label,
                    "attribution",
                    "attribution",
                    m.doc,
                    m.source,
                    m.passage,
                    m.start,
                    m.end,
                    m.text,
                    origin,
                )
            )
    return out
