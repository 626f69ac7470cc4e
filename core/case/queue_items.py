"""The items a checker triages: divergences between sources, contradictions inside one source, fact rows."""

from __future__ import annotations

import hashlib
from types import MappingProxyType
from typing import Callable, Mapping

from core.ingest.textnorm import normalize_text
from core.model import Alignment, Contradiction, Divergence

CONTRADICTION = "contradiction"
FACT = "fact"
# One source saying two incompatible things is an error in that source whatever the others say:
# it ranks like a divergence of the same type found with full confidence.
CONTRADICTION_WEIGHT_DEFAULT = 0.5


def contradiction_key(alignment: Alignment, contradiction: Contradiction) -> str:
    """Return a key that names the source and the wordings, not positions or document numbers."""
    source = alignment.documents[int(contradiction.doc[1:])].source.key
    texts = sorted({normalize_text(v.text) for v in contradiction.variants})
    raw = "\u241f".join([CONTRADICTION, contradiction.type, source] + texts)
    return "x" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:15]


def contradiction_summary(alignment: Alignment, contradiction: Contradiction) -> str:
    """Return what tells one contradiction from another: its wordings, then its source."""
    # The queue column shows the first ~20 characters: they must differ between items, so the
    # wordings come first (each once) and the kind of item is left to the Type column and tooltip.
    wordings: dict[str, str] = {}
    for variant in contradiction.variants:
        wordings.setdefault(normalize_text(variant.text), variant.text)
    # Wordings that give one title ("President Ada Moss", "President Moss") are one side of it.
    sides: dict[str, list[str]] = {}
    for text in wordings.values():
        sides.setdefault(_title_of(text) if contradiction.type == "title" else text, []).append(text)
    label = alignment.documents[int(contradiction.doc[1:])].source.label
    return " vs ".join(" / ".join(f'"{text}"' for text in side) for side in sides.values()) + f" ({label})"


def _title_of(text: str) -> str:
    """Return the title words of a titled name, lower case ("former president"), else the whole text."""
    from core.compare.facts.titles import bare_word, title_word  # late: the window opens before the engine loads

    words = [bare_word(w).lower() for w in text.split() if title_word(bare_word(w))]
    return " ".join(words) or normalize_text(text)


def contradiction_item(alignment: Alignment, contradiction: Contradiction) -> Divergence:
    """Return a contradiction as a queue item (claim "" : it belongs to one source, not to a claim)."""
    from core.compare.divergence import TYPE_WEIGHTS  # late: the window opens before the engine loads

    rank = TYPE_WEIGHTS.get(contradiction.type, CONTRADICTION_WEIGHT_DEFAULT)
    return Divergence(
        key=contradiction_key(alignment, contradiction),
        claim="",
        type=contradiction.type,
        rank=rank,
        summary=contradiction_summary(alignment, contradiction),
        variants=contradiction.variants,
        kind=CONTRADICTION,
    )


def divergence_items(alignment: Alignment) -> list[Divergence]:
    """Return the divergences between the sources of each claim, each key once."""
    return alignment.merged_by_key(div for claim in alignment.claims for div in claim.divergences)


def contradiction_items(alignment: Alignment) -> list[Divergence]:
    """Return the contradictions inside sources as queue items, each key once."""
    seen: dict[str, Divergence] = {}
    for contradiction in alignment.contradictions:
        item = contradiction_item(alignment, contradiction)
        seen.setdefault(item.key, item)
    return list(seen.values())


def fact_items(alignment: Alignment) -> list[Divergence]:
    """Return the divergent rows of the fact sheet as queue items (claim = the row id), each key once.

    A row that repeats one divergence of a claim is left out: the checker judges that finding once,
    in its claim (fact_twins), and the fact sheet still shows the row.
    """
    # A row's key hashes its kind, label and cells' words, so a verdict on it is placed by key
    # after any re-alignment that finds the same values.
    twins = fact_twins(alignment)
    seen: dict[str, Divergence] = {}
    for row in alignment.facts:
        if row.divergent and row.key not in twins:
            seen.setdefault(row.key, row.divergence())
    return list(seen.values())


def fact_twins(alignment: Alignment) -> dict[str, str]:
    """Return {fact row key: claim divergence key} for each divergent row one claim divergence repeats.

    A row repeats a divergence when that divergence, of the row's type, has a variant over every
    cell of the row that not every source of the row gives ("3 p.m." / "5 p.m." beside the "Monday"
    both say); a row that adds a source or a differing value the claim lacks is a finding of its own.
    """
    index: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for div in (d for claim in alignment.claims for d in claim.divergences):
        for v in div.variants:
            index.setdefault((v.passage, div.type), []).append((v.start, v.end, div.key))
    twins: dict[str, str] = {}
    for row in alignment.facts:
        if not row.divergent or not row.cells:
            continue
        values: dict[str, set[str]] = {}
        for cell in row.cells:
            values.setdefault(cell.document, set()).add(cell.value)
        shared = set.intersection(*values.values())
        common: set[str] | None = None
        for cell in row.cells:
            if cell.value in shared:
                continue  # every source gives it: no part of the disagreement
            over = {
                key
                for start, end, key in index.get((cell.passage, row.type), ())
                if start < cell.end and cell.start < end
            }
            common = over if common is None else common & over
            if not common:
                break
        if common:
            twins[row.key] = min(common)
    return twins


# Each kind of item the queue holds; a new kind is one more function here.
ITEM_KINDS: tuple[Callable[[Alignment], list[Divergence]], ...] = (divergence_items, contradiction_items, fact_items)


# The queue is asked on every key press; an alignment never changes, so its items (and the same
# items by key) are kept for the last few alignments (checked by identity: ids of dead objects
# can be reused).
_RECENT: list[tuple[Alignment, tuple[Divergence, ...], Mapping[str, Divergence], Mapping[str, str]]] = []
_RECENT_SIZE = 4


def _remembered(alignment: Alignment) -> tuple[tuple[Divergence, ...], Mapping[str, Divergence], Mapping[str, str]]:
    for known, items, by_key, twins in _RECENT:
        if known is alignment:
            return items, by_key, twins
    found: dict[str, Divergence] = {}
    for kind in ITEM_KINDS:
        for item in kind(alignment):
            found.setdefault(item.key, item)
    items = tuple(sorted(found.values(), key=lambda d: (-d.rank, d.kind != "divergence", d.claim, d.key)))
    by_key = MappingProxyType({item.key: item for item in items})
    twins = MappingProxyType(fact_twins(alignment))
    _RECENT.insert(0, (alignment, items, by_key, twins))
    del _RECENT[_RECENT_SIZE:]
    return items, by_key, twins


def queue_items(alignment: Alignment) -> tuple[Divergence, ...]:
    """Return every triage item of every kind, highest rank first, each key once."""
    return _remembered(alignment)[0]


def queue_item_map(alignment: Alignment) -> Mapping[str, Divergence]:
    """Return the triage items by key (read-only; the same items as queue_items)."""
    return _remembered(alignment)[1]


def judged_as(alignment: Alignment, key: str) -> str:
    """Return the queue key under which an item is judged: its own, or for a fact row that repeats a
    claim's divergence, that divergence's key (the checker judges one finding once)."""
    return _remembered(alignment)[2].get(key, key)


def item_sources(alignment: Alignment, item: Divergence) -> list[str]:
    """Return the source keys an item's variants come from, in variant order, each once."""
    return list(dict.fromkeys(alignment.document_of(v.passage).source.key for v in item.variants))
