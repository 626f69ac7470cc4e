"""Hold the pieces a claim's comparison works on: located slots, tellings, findings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.compare.slots import Slot
from core.ingest.textnorm import stem
from core.model import Passage, fast_init

UNSURE_SUBJECT = 0.9  # confidence when slots were paired by position or wording, not by a named subject
OBJECT_WINDOW = 60  # characters after a modal phrase or a denied verb that name what it is about
PLAIN_WORD_RE = re.compile(r"[a-z]+")


@fast_init
@dataclass(frozen=True)
class Located:
    """A slot of one variant with the passage it lies in."""

    slot: Slot
    passage: str


@fast_init
@dataclass(frozen=True)
class Telling:
    """One document's wording of the claim: its adjacent member passages joined."""

    doc: str
    label: str
    start: int
    end: int
    text: str
    slots: tuple[Located, ...]
    passages: tuple[Passage, ...]


@dataclass
class Finding:
    """A divergence before ranking: which slots of which tellings disagree."""

    type: str
    picks: list[tuple[int, list[Located]]]  # telling index -> its slots in the divergence
    values: dict[int, str]  # telling index -> normalized value shown
    omission: bool = False
    confidence: float = 1.0
    weight: float | None = None  # overrides the type's weight (a legal status)


@lru_cache(maxsize=1 << 12)  # a memo of a pure function over passage texts
def stems_of(text: str) -> frozenset[str]:
    """Return the stems of the words of a text, to see whether a verb occurs in it."""
    # Read only for a telling a negation is checked against, not for every telling of a claim.
    return frozenset(stem(w) for w in set(PLAIN_WORD_RE.findall(text.lower())))


def merge_sharing(findings: list[Finding]) -> list[Finding]:
    """Join findings of one type that share a slot into one divergence over all their tellings."""
    merged: list[Finding] = []
    for finding in findings:
        slots = {id(s) for _, picked in finding.picks for s in picked}
        target = next(
            (m for m in merged if m.type == finding.type and slots & {id(s) for _, picked in m.picks for s in picked}),
            None,
        )
        if target is None:
            merged.append(finding)
            continue
        for index, picked in finding.picks:
            if index not in target.values:
                target.picks.append((index, picked))
                target.values[index] = finding.values[index]
    return merged


def passage_at(telling: Telling, position: int) -> str:
    """Return the id of the member passage of a telling holding a position."""
    for passage in telling.passages:
        if position < passage.end:
            return passage.id
    return telling.passages[-1].id


def components(pairs) -> list[list[tuple[int, Located]]]:
    """Return the groups of slots joined by pairs (a value and every value paired with it)."""
    parent: dict[int, int] = {}
    items: dict[int, tuple[int, Located]] = {}

    def find(x: int) -> int:
        """Return the representative of x's group."""
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        items[id(a[1])], items[id(b[1])] = a, b
        parent[find(id(a[1]))] = find(id(b[1]))
    groups: dict[int, list[tuple[int, Located]]] = {}
    for key, item in items.items():
        groups.setdefault(find(key), []).append(item)
    return list(groups.values())
