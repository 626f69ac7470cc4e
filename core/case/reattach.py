"""Place the checker's stored verdicts and notes on the items of a new alignment, or set them aside."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Optional

from core.case.queue_items import CONTRADICTION, FACT, judged_as, queue_item_map, queue_items
from core.case.records import JudgedVariant, VerdictRecord
from core.ingest.textnorm import normalize_text
from core.model import Alignment, Divergence

HIDDEN_OR_REMOVED = "a source it involves is hidden or removed"
NOT_FOUND = "this disagreement is not found in the current alignment"
TAKEN = "another verdict was placed on the same divergence"
NO_VARIANTS = "stored without its variants (older case), and its key is not found"


@dataclass(frozen=True)
class SetAside:
    """A stored verdict or note that cannot be placed now, with the reason shown to the checker."""

    record: VerdictRecord
    reason: str


@dataclass(frozen=True)
class Placement:
    """Where each stored record is now: on an item (by current key) or set aside; none is dropped."""

    verdicts: dict[str, VerdictRecord] = field(default_factory=dict)  # current item key -> record
    origin: dict[str, str] = field(default_factory=dict)  # current item key -> stored key
    set_aside: tuple[SetAside, ...] = ()

    def stored_key(self, item_key: str) -> str:
        """Return the key under which the record now on this item is stored."""
        return self.origin.get(item_key, item_key)


def judged_variants(alignment: Alignment, item: Divergence) -> tuple[JudgedVariant, ...]:
    """Return an item's variants named by source key and range (what a verdict records)."""
    return tuple(
        JudgedVariant(alignment.document_of(v.passage).source.key, v.start, v.end, v.text) for v in item.variants
    )


def describe(record: VerdictRecord, alignment: Optional[Alignment], item: Divergence) -> VerdictRecord:
    """Return the record carrying the item's type, kind and variants (done at every write)."""
    if alignment is None:
        return record
    return replace(record, divergence_type=item.type, kind=item.kind, variants=judged_variants(alignment, item))


def _same_place(a: JudgedVariant, b: JudgedVariant) -> bool:
    if a.source != b.source:
        return False
    overlap = a.start < b.end and b.start < a.end
    return overlap or (a.start == b.start and a.end == b.end)


def _family(kind: str) -> str:
    # A claim's divergence and a fact row judge the same kind of finding: one disagreement between
    # sources. Which of the two carries it can change with a re-alignment (a fact row repeating a
    # divergence is judged on the divergence; when the claim is unlinked the row carries it alone).
    return "divergence" if kind == FACT else kind


def _score(record: VerdictRecord, item: Divergence, variants: tuple[JudgedVariant, ...]) -> Optional[tuple]:
    """Return how well an item matches what a record judged, or None when it is not the same thing."""
    if not _same_kind(record, item):
        return None
    matched = [old for old in record.variants if any(_same_place(old, new) for new in variants)]
    sources = {v.source for v in matched}
    wordings = {normalize_text(v.text) for v in matched}
    # The same disagreement: the same words of at least two sources (two places of one source for a
    # contradiction) are still in it, and they still differ; a fact row is placed like a divergence.
    if item.kind != CONTRADICTION and len(sources) < 2:
        return None
    if len(matched) < 2 or len(wordings) < 2:
        return None
    extra = sum(1 for new in variants if not any(_same_place(old, new) for old in record.variants))
    # The same kind first: a claim's divergence goes to a fact row only when no divergence is it.
    return (record.kind == item.kind, len(matched), -extra, item.rank)


def _same_kind(record: VerdictRecord, item: Divergence) -> bool:
    return _family(record.kind) == _family(item.kind) and (
        not record.divergence_type or record.divergence_type == item.type
    )


def place(records: Mapping[str, VerdictRecord], alignment: Optional[Alignment]) -> Placement:
    """Return each stored record on the item it judged (same key, else same variants) or set aside."""
    items = queue_item_map(alignment) if alignment is not None else {}
    present = {d.source.key for d in alignment.documents} if alignment is not None else set()
    placed: dict[str, VerdictRecord] = {}
    origin: dict[str, str] = {}
    waiting: list[VerdictRecord] = []
    for key, record in records.items():
        if key in items:
            placed[key] = record
        else:
            waiting.append(record)
    if alignment is not None:
        # A verdict on a fact row that now repeats a claim's divergence judged that finding: it
        # goes on the divergence, unless the divergence has a verdict of its own.
        for record in list(waiting):
            twin = judged_as(alignment, record.divergence_key)
            if twin != record.divergence_key and twin in items and twin not in placed:
                placed[twin] = replace(record, divergence_key=twin)
                origin[twin] = record.divergence_key
                waiting.remove(record)
    # An item's variants are named (by source key and range) only when a record waiting for a
    # place could match it: on a large case that is a few items, not every item on every verdict.
    variants: dict[str, tuple[JudgedVariant, ...]] = {}

    def variants_of(key: str) -> tuple[JudgedVariant, ...]:
        if key not in variants:
            variants[key] = judged_variants(alignment, items[key])  # type: ignore[arg-type]
        return variants[key]

    by_kind: dict[str, list[str]] = {}
    if waiting:
        for key, item in items.items():
            by_kind.setdefault(_family(item.kind), []).append(key)
    candidates = []
    for record in waiting:
        for key in by_kind.get(_family(record.kind), ()):
            if key in placed or not _same_kind(record, items[key]):
                continue
            score = _score(record, items[key], variants_of(key))
            if score is not None:
                candidates.append((score, record.updated_at, record.divergence_key, key))
    # Best matches first; on a tie the more recent judgement wins.
    candidates.sort(reverse=True)
    done: set[str] = set()
    for _score_, _at, stored_key, key in candidates:
        if stored_key in done or key in placed:
            continue
        placed[key] = replace(records[stored_key], divergence_key=key)
        origin[key] = stored_key
        done.add(stored_key)
    aside = []
    for record in waiting:
        if record.divergence_key in done:
            continue
        sources = {v.source for v in record.variants}
        if not record.variants:
            reason = NO_VARIANTS
        elif sources - present:
            reason = HIDDEN_OR_REMOVED
        elif alignment is not None and judged_as(alignment, record.divergence_key) in placed:
            reason = TAKEN  # a fact row whose finding its claim's divergence already judged
        elif any(
            _same_kind(record, items[k]) and _score(record, items[k], variants_of(k)) for k in placed if k in items
        ):
            reason = TAKEN
        else:
            reason = NOT_FOUND
        aside.append(SetAside(record, reason))
    aside.sort(key=lambda s: (s.record.updated_at, s.record.divergence_key))
    return Placement(placed, origin, tuple(aside))


def place_one(placement: Placement, record: VerdictRecord, replaces: str, alignment: Alignment) -> Optional[Placement]:
    """Return the placement after one record was stored on a current item's key, or None when place() must decide."""
    # The same answer as place() on the stored records, without matching every item again (a
    # verdict key on a large case). The record is stored under the key of an item of this
    # alignment, so place() puts it on that item first. Either that item was free, and then no
    # waiting record matched it (the greedy matching would have given it the item): nothing else
    # moves and no set-aside reason changes. Or it held the record stored under `replaces`, which
    # the store drops: the others lost that item or never matched it, and still do. Anything else
    # (a clear, a record moved from some other key) can free an item, and place() runs.
    key = record.divergence_key
    if key not in queue_item_map(alignment):
        return None
    held_by = placement.stored_key(key) if key in placement.verdicts else None
    if held_by is None and replaces not in ("", key):
        return None
    if held_by is not None and replaces != held_by and not (held_by == key and replaces == ""):
        return None
    verdicts = dict(placement.verdicts)
    verdicts[key] = record
    origin = {k: v for k, v in placement.origin.items() if k != key}
    return Placement(verdicts, origin, placement.set_aside)


def orphaned_annotations(annotations, alignment: Optional[Alignment], placement: Placement) -> list:
    """Return the annotations whose target is not in the current alignment (findable, never dropped)."""
    from core.case.anchoring import anchor

    docs = {d.source.key: d for d in alignment.documents} if alignment is not None else {}
    claims = {c.key for c in alignment.claims} if alignment is not None else set()
    found = []
    for a in annotations:
        if a.target_kind in ("span", "passage"):
            doc = docs.get(a.source_key)
            lost = doc is None or a.selector is None or anchor(a.selector, doc.source.text) is None
        elif a.target_kind == "claim":
            lost = a.claim_key not in claims
        elif a.target_kind == "divergence":
            key = judged_as(alignment, a.divergence_key) if alignment is not None else a.divergence_key
            lost = a.divergence_key not in placement.verdicts and key not in {
                d.key for d in (queue_items(alignment) if alignment is not None else ())
            }
        else:
            lost = False
        if lost:
            found.append(a)
    return found
