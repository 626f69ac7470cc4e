"""Look-ups into one Alignment by id, key, source and offset (built once per alignment)."""

from __future__ import annotations

from core.case.queue_items import queue_items
from core.model import Alignment, Claim, Divergence, Document, PassageRef


class AlignmentIndex:
    """Answer "which claim/document/divergence is this?" in constant time for the widgets."""

    def __init__(self, alignment: Alignment | None):
        self.alignment = alignment
        self._claims: dict[str, Claim] = {}
        self._by_key: dict[str, Claim] = {}
        self._claim_of: dict[str, str] = {}
        self._divergences: dict[str, Divergence] = {}
        self._docs: dict[str, Document] = {}
        self._unique: set[str] = set()
        if alignment is None:
            return
        self._docs = {d.source.key: d for d in alignment.documents}
        for claim in alignment.claims:
            self._claims[claim.id] = claim
            self._by_key[claim.key] = claim
            for pid in claim.members:
                self._claim_of.setdefault(pid, claim.id)  # a passage in several claims opens the first
        for item in queue_items(alignment):
            # Every triage item by key, contradictions inside one source and fact rows included; a
            # divergence two claims carry is the queue's one, with the variants of both.
            self._divergences.setdefault(item.key, item)
        self._unique = set(alignment.unique)

    def document_for(self, source_key: str) -> Document | None:
        """Return the document of a source."""
        return self._docs.get(source_key)

    def claim(self, claim_id: str | None) -> Claim | None:
        """Return the claim with this id."""
        return self._claims.get(claim_id) if claim_id else None

    def claim_by_key(self, key: str | None) -> Claim | None:
        """Return the claim with this stable key."""
        return self._by_key.get(key) if key else None

    def claim_of_passage(self, passage_id: str | None) -> Claim | None:
        """Return the claim a passage belongs to, or None."""
        return self.claim(self._claim_of.get(passage_id)) if passage_id else None

    def is_unique(self, passage_id: str) -> bool:
        """Return True when no other source has this passage."""
        return passage_id in self._unique

    def divergence(self, key: str | None) -> Divergence | None:
        """Return the divergence with this key."""
        return self._divergences.get(key) if key else None

    def passage_ref(self, passage_id: str | None) -> PassageRef | None:
        """Return the source key and range of a passage."""
        if self.alignment is None or not passage_id:
            return None
        try:
            doc = self.alignment.document_of(passage_id)
            p = self.alignment.passage(passage_id)
        except (IndexError, ValueError):
            return None
        return PassageRef(doc.source.key, p.start, p.end)

    def passage_at(self, source_key: str, offset: int) -> str | None:
        """Return the id of the passage of a source that covers a text offset."""
        doc = self._docs.get(source_key)
        if doc is None:
            return None
        for p in doc.passages:
            if p.start <= offset < p.end:
                return p.id
        return None

    def passage_for_ref(self, ref: PassageRef | None) -> str | None:
        """Return the id of the passage that now starts at (or covers the start of) a reference."""
        doc = self._docs.get(ref.source) if ref is not None else None
        if ref is None or doc is None:
            return None
        for p in doc.passages:
            if p.start <= ref.start < p.end or p.start == ref.start:
                return p.id
        return None
