"""The triage queue as a model question: which divergence, claim or unique passage comes next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Union, cast

from core.model import VERDICTS, Alignment, Divergence
from core.case.queue_items import item_sources, queue_items
from core.case.records import VerdictRecord

UNTRIAGED = "untriaged"
TRIAGED = "triaged"

Verdicts = Mapping[str, VerdictRecord]
QueueOrAlignment = Union[Alignment, Sequence[Union[Divergence, str]]]  # a queue's items or their keys


class Decided(dict):
    """The records that carry a real verdict, as decided() returns them."""


def decided(verdicts: Verdicts) -> Decided:
    """Return the records that carry a real verdict (a note alone leaves a divergence untriaged)."""
    # A verdict key asks several of the questions below in turn: the records are sifted once per
    # key, not once per question (each sifting reads every verdict given).
    if isinstance(verdicts, Decided):
        return verdicts
    return Decided((key, record) for key, record in verdicts.items() if getattr(record, "verdict", record))


def queue(
    alignment: Alignment, verdicts: Verdicts, *, types=None, verdict_filter: Optional[str] = None, source_keys=None
) -> list[Divergence]:
    """Return the queue items by rank (each key once) that pass the type, verdict and source filters."""
    # verdict_filter: None/"" for all, "untriaged", "triaged" or one verdict of core.model.VERDICTS;
    # source_keys keeps the divergences with a variant in one of these sources.
    if verdict_filter and verdict_filter not in (UNTRIAGED, TRIAGED) + VERDICTS:
        raise ValueError(f"unknown verdict filter {verdict_filter!r}")
    verdicts = decided(verdicts)
    wanted_types = set(types) if types else None
    wanted_sources = set(source_keys) if source_keys else None
    seen: set[str] = set()
    result = []
    for div in queue_items(alignment):
        if div.key in seen:
            continue
        seen.add(div.key)
        if wanted_types is not None and div.type not in wanted_types:
            continue
        record = verdicts.get(div.key)
        if verdict_filter == UNTRIAGED and record is not None:
            continue
        if verdict_filter == TRIAGED and record is None:
            continue
        if verdict_filter in VERDICTS and (record is None or record.verdict != verdict_filter):
            continue
        if wanted_sources is not None and not set(item_sources(alignment, div)) & wanted_sources:
            continue
        result.append(div)
    return result


def _keys(items: QueueOrAlignment, verdicts: Optional[Verdicts] = None) -> Sequence[str]:
    if isinstance(items, Alignment):
        return [d.key for d in queue(items, verdicts or {})]
    if not items or isinstance(items[0], str):  # the window's key lists: asked on every key press
        # Only read: a large queue's ten thousand keys are not copied on every key.
        return cast(Sequence[str], items if isinstance(items, (list, tuple)) else list(items))
    return [d if isinstance(d, str) else d.key for d in items]


def _resolve(items, args) -> tuple[Sequence[str], Verdicts, Optional[str]]:
    # Two call forms: (queue, current_key[, verdicts]) and the window's (alignment, verdicts, current_key).
    if isinstance(items, Alignment):
        verdicts, current = (list(args) + [{}, None])[:2]
        return _keys(items, verdicts), decided(verdicts or {}), current
    current, verdicts = (list(args) + [None, None])[:2]
    return _keys(items), decided(verdicts or {}), current


def next_key(items: QueueOrAlignment, *args, untriaged_only: bool = False) -> Optional[str]:
    """Return the key after current_key, or None at the end; with no current item, the first
    untriaged one (a reopened case resumes where the work stopped), else the first."""
    # With untriaged_only: the next divergence without a verdict, wrapping around (after a verdict).
    keys, verdicts, current = _resolve(items, args)
    if untriaged_only:
        return next_untriaged(keys, current, verdicts)
    if current not in keys:
        judged = decided(verdicts)
        return next((k for k in keys if k not in judged), keys[0] if keys else None)
    index = keys.index(current) + 1
    return keys[index] if index < len(keys) else None


def previous_key(items: QueueOrAlignment, *args, untriaged_only: bool = False) -> Optional[str]:
    """Return the key before current_key (the last when there is none), or None at the start."""
    keys, verdicts, current = _resolve(items, args)
    if untriaged_only:
        keys = [k for k in keys if k not in verdicts or k == current]
    if current not in keys:
        candidates = [k for k in keys if k not in verdicts] if untriaged_only else keys
        return candidates[-1] if candidates else None
    index = keys.index(current) - 1
    return keys[index] if index >= 0 else None


def next_untriaged(items: QueueOrAlignment, current_key: Optional[str], verdicts: Verdicts) -> Optional[str]:
    """Return the first divergence without a verdict after current_key, wrapping; None when all are done."""
    verdicts = decided(verdicts)
    keys = _keys(items, verdicts)
    try:
        start = keys.index(current_key) + 1 if current_key is not None else 0
    except ValueError:
        start = 0
    count = len(keys)
    for step in range(count):  # from the one after current, wrapping, without copying the queue
        key = keys[(start + step) % count]
        if key not in verdicts:
            return key
    return None


def progress(items: Union[QueueOrAlignment, frozenset], verdicts: Verdicts) -> tuple[int, int]:
    """Return (triaged, total) over the whole queue: the one count the window and every export show."""
    # items may be the queue's keys as a frozenset (the window keeps one per alignment), so a
    # verdict costs a look-up per verdict, not a set of every item.
    verdicts = decided(verdicts)
    keys = items if isinstance(items, frozenset) else set(_keys(items, verdicts))
    return sum(1 for key in verdicts if key in keys), len(keys)


def progress_text(items: Union[QueueOrAlignment, frozenset], verdicts: Verdicts) -> str:
    """Return the progress line shown to the checker, e.g. "12 of 47 triaged"."""
    done, total = progress(items, verdicts)
    return f"{done:,} of {total:,} triaged"


def progress_line(items: Union[QueueOrAlignment, frozenset], verdicts: Verdicts, set_aside: int = 0) -> str:
    """Return the progress line with the set-aside count when there is one (status bar, exports)."""
    text = progress_text(items, verdicts)
    return f"{text} · {set_aside} set aside" if set_aside else text


def keys_of_type(alignment: Alignment, divergence_type: str) -> list[str]:
    """Return the keys of every divergence of one type, by rank (for "apply verdict to all")."""
    return [d.key for d in queue(alignment, {}, types=[divergence_type])]


@dataclass(frozen=True)
class BulkPlan:
    """What "apply a verdict to every item of a type" would change, said before it changes anything."""

    untriaged: tuple[str, ...]  # no verdict yet: will get the verdict
    same: tuple[str, ...]  # already have this verdict: nothing to do
    triaged: tuple[str, ...]  # another verdict: kept unless the checker asks to overwrite

    def summary(self, label: str, type_: str) -> str:
        """Return "3 time items: 1 untriaged will become Confirmed, 2 already triaged …"."""
        total = len(self.untriaged) + len(self.same) + len(self.triaged)
        parts = [f"{len(self.untriaged)} untriaged will become {label}"]
        if self.same:
            parts.append(f"{len(self.same)} already {label}")
        if self.triaged:
            parts.append(f"{len(self.triaged)} already triaged otherwise will be kept or overwritten, as you choose")
        return f"{total} {type_} item{'s' if total != 1 else ''}: " + ", ".join(parts) + "."

    def question(self, label: str) -> tuple[str, str]:
        """Return the two choices: keep existing verdicts (the default) or overwrite them."""
        kept, changed = len(self.triaged), len(self.untriaged)
        return (
            f"Keep the {kept} existing verdict{'s' if kept != 1 else ''}; change the {changed} untriaged",
            f"Overwrite: all {changed + kept} become {label}",
        )

    def targets(self, overwrite: bool = False) -> list[str]:
        """Return the keys to change."""
        return list(self.untriaged) + (list(self.triaged) if overwrite else [])


def bulk_plan(keys, verdicts: Verdicts, verdict: str) -> BulkPlan:
    """Sort the keys into untriaged, already this verdict, and triaged otherwise."""
    verdicts = decided(verdicts)
    untriaged = tuple(k for k in keys if k not in verdicts)
    same = tuple(k for k in keys if k in verdicts and verdicts[k].verdict == verdict)
    triaged = tuple(k for k in keys if k in verdicts and verdicts[k].verdict != verdict)
    return BulkPlan(untriaged, same, triaged)


def next_claim(alignment: Alignment, current_claim_id: Optional[str], step: int = 1) -> Optional[str]:
    """Return the claim step places after the current one (the first or last when none), or None."""
    ids = [c.id for c in alignment.claims]
    if not ids or step == 0:
        return current_claim_id if current_claim_id in ids else None
    if current_claim_id not in ids:
        return ids[0] if step > 0 else ids[-1]
    index = ids.index(current_claim_id) + step
    return ids[index] if 0 <= index < len(ids) else None


def previous_claim(alignment: Alignment, current_claim_id: Optional[str]) -> Optional[str]:
    """Return the claim before the current one (the last when none), or None at the start."""
    return next_claim(alignment, current_claim_id, -1)


def _reading_order(pid: str) -> tuple[int, int]:
    doc, passage = pid.split(":p")
    return int(doc[1:]), int(passage)


def next_unique(alignment: Alignment, current_passage_id: Optional[str], step: int = 1) -> Optional[str]:
    """Return the unique passage after (step -1: before) the current passage in reading order, wrapping."""
    unique = sorted(set(alignment.unique), key=_reading_order)
    if not unique:
        return None
    if current_passage_id is None:
        return unique[0] if step > 0 else unique[-1]
    here = _reading_order(current_passage_id)
    if step > 0:
        return next((p for p in unique if _reading_order(p) > here), unique[0])
    return next((p for p in reversed(unique) if _reading_order(p) < here), unique[-1])
