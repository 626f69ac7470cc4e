"""The pieces a claim's comparison works on: slots located in passages, tellings, findings."""
from __future__ import annotations

from dataclasses import dataclass

from core.compare.slots import Slot
from core.model import Passage


@dataclass(frozen=True)
class Located:
    """A slot of one variant with the passage it lies in."""
    slot: Slot
    passage: str


@dataclass(frozen=True)
class Telling:
    """One document's wording of the claim: its adjacent member passages joined."""
    doc: str
    label: str
    start: int
    end: int
    text: str
    slots: tuple[Located, ...]
    words: frozenset[str]        # stems of the plain words, to see whether a verb appears
    passages: tuple[Passage, ...]


@dataclass
class Finding:
    """A divergence before ranking: which slots of which tellings disagree."""
    type: str
    picks: list[tuple[int, list[Located]]]     # telling index -> its slots in the divergence
    values: dict[int, str]                      # telling index -> normalized value shown
    omission: bool = False
    confidence: float = 1.0


