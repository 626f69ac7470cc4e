"""The current claim, divergence and passage as one small model with its own signal."""

from __future__ import annotations

from typing import Optional, Protocol

from PySide6.QtCore import QObject, Signal

from core.model import Claim, Divergence


class Lookups(Protocol):
    """What the selection rules ask of the alignment: claims, items, passages and chosen pivots."""

    pivots: dict[str, str]

    @property
    def alignment(self) -> object:
        """Return the current alignment (None before the first one)."""

    def claim(self, claim_id: Optional[str]) -> Optional[Claim]:
        """Return the claim with this id."""

    def divergence(self, key: Optional[str]) -> Optional[Divergence]:
        """Return the queue item with this key."""

    def claim_of_passage(self, passage_id: Optional[str]) -> Optional[Claim]:
        """Return the claim a passage belongs to."""


class Selection(QObject):
    """Hold what is current; every move emits `changed` once (the workspace's currentChanged)."""

    changed = Signal()

    def __init__(self, lookups: Lookups, parent: QObject | None = None):
        super().__init__(parent)
        self._lookups = lookups
        self.claim_id: Optional[str] = None
        self.divergence_key: Optional[str] = None
        self.passage_id: Optional[str] = None

    def set(
        self, claim_id: Optional[str], divergence_key: Optional[str], passage_id: Optional[str], announce: bool = True
    ) -> None:
        """Replace the whole selection; announce it with one `changed`."""
        self.claim_id, self.divergence_key, self.passage_id = claim_id, divergence_key, passage_id
        if announce:
            self.changed.emit()

    def judged_key(self) -> Optional[str]:
        """Return the item a verdict or a note is for: the current one, else the current claim's
        divergence when it has just one (after N the keys judge what the claim view shows)."""
        if self.divergence_key is not None:
            return self.divergence_key
        claim = self._lookups.claim(self.claim_id)
        return claim.divergences[0].key if claim is not None and len(claim.divergences) == 1 else None

    def why_nothing_judged(self) -> str:
        """Say why a verdict has nothing to land on, and the key that gives it one."""
        claim = self._lookups.claim(self.claim_id)
        if claim is not None and len(claim.divergences) > 1:
            return f"This claim has {len(claim.divergences)} divergences: J goes to each in turn, then judge it."
        return "No current divergence: press J to go to the next one."

    def select_claim(self, claim_id: Optional[str]) -> None:
        """Make a claim current; keep the passage of the same source when it is a member."""
        look = self._lookups
        claim = look.claim(claim_id)
        if claim is None:
            return
        divergence_key = self.divergence_key
        if not _carries(claim, divergence_key):
            divergence_key = None
        passage_id = self.passage_id
        if passage_id not in claim.members:
            prev_doc = passage_id.split(":")[0] if passage_id else None
            same_doc = [m for m in claim.members if m.split(":")[0] == prev_doc]
            passage_id = same_doc[0] if same_doc else look.pivots.get(claim.key, claim.pivot)
        self.set(claim.id, divergence_key, passage_id)

    def select_divergence(self, key: Optional[str], passage_id: Optional[str] = None) -> None:
        """Make a queue item (and its claim) current; passage_id: one of its variants' passages to show."""
        look = self._lookups
        div = look.divergence(key)
        if div is None:
            return
        claim = look.claim(div.claim)
        current = look.claim(self.claim_id)
        if current is not None and current is not claim and _carries(current, div.key):
            claim = current  # two claims carry this divergence: stay in the one on screen
        shown = self.passage_id
        if claim and shown not in claim.members:
            shown = div.variants[0].passage if div.variants else claim.pivot
        elif claim is None and div.variants:
            # A contradiction inside one source or a fact-sheet row has no claim: show the asked
            # variant's passage, else the first one's.
            wanted = {v.passage for v in div.variants}
            shown = passage_id if passage_id in wanted else div.variants[0].passage
        self.set(claim.id if claim else None, div.key, shown)

    def select_passage(self, passage_id: Optional[str]) -> None:
        """Make a passage current, and its claim (none for a unique passage).

        A passage can sit in several claims: the current claim stays when it is one of them.
        """
        look = self._lookups
        if passage_id is None or look.alignment is None:
            return
        current = look.claim(self.claim_id)
        claim = current if current is not None and passage_id in current.members else look.claim_of_passage(passage_id)
        divergence_key = self.divergence_key
        if claim is None or not _carries(claim, divergence_key):
            divergence_key = None
        self.set(claim.id if claim else None, divergence_key, passage_id)


def _carries(claim: Claim, key: Optional[str]) -> bool:
    """Tell whether a claim carries the divergence with this key (two claims may carry one)."""
    return key is not None and any(d.key == key for d in claim.divergences)


class SelectionField:
    """Expose one field of an owner's `selection` as a plain attribute (current_claim_id, ...)."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, owner, _type=None):
        if owner is None:
            return self
        return getattr(owner.selection, self.name)

    def __set__(self, owner, value) -> None:
        # Assigning does not announce: the owner emits once when its whole change is done.
        setattr(owner.selection, self.name, value)
