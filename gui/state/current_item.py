"""The Workspace's current claim, divergence and passage, and the pivot the user chose."""
from __future__ import annotations

from core.errors import CaseError


class CurrentItem:
    """Mixin of Workspace: move the current item; every move emits currentChanged once."""

    def select_claim(self, claim_id: str | None) -> None:
        """Make a claim current; keep the passage of the same source when it is a member."""
        claim = self.claim(claim_id)
        if claim is None:
            return
        div = self.current_divergence()
        if div is None or div.claim != claim.id:
            self.current_divergence_key = None
        if self.current_passage_id not in claim.members:
            prev_doc = self.current_passage_id.split(":")[0] if self.current_passage_id else None
            same_doc = [m for m in claim.members if m.split(":")[0] == prev_doc]
            self.current_passage_id = same_doc[0] if same_doc else self.pivots.get(claim.key, claim.pivot)
        self.current_claim_id = claim.id
        self.currentChanged.emit()

    def select_divergence(self, key: str | None, passage_id: str | None = None) -> None:
        """Make a divergence (and its claim) current; passage_id: one of its variants' passages to show."""
        div = self.divergence(key)
        if div is None:
            return
        self.current_divergence_key = div.key
        claim = self.claim(div.claim)
        # A fact-sheet row is no claim: the panes go to its first cell's passage.
        self.current_claim_id = div.claim if claim else None
        if claim is None and div.variants:
            wanted = {v.passage for v in div.variants}
            self.current_passage_id = passage_id if passage_id in wanted else div.variants[0].passage
        if claim and self.current_passage_id not in claim.members:
            self.current_passage_id = div.variants[0].passage if div.variants else claim.pivot
        self.currentChanged.emit()

    def select_passage(self, passage_id: str | None) -> None:
        """Make a passage current, and its claim (none for a unique passage)."""
        if passage_id is None or self.alignment is None:
            return
        claim = self.claim_of_passage(passage_id)
        self.current_passage_id = passage_id
        self.current_claim_id = claim.id if claim else None
        div = self.current_divergence()
        if div is None or claim is None or div.claim != claim.id:
            self.current_divergence_key = None
        self.currentChanged.emit()

    def set_pivot(self, claim_id: str, passage_id: str) -> None:
        """Choose the member a claim's variants are compared against."""
        claim, ref = self.claim(claim_id), self.passage_ref(passage_id)
        if claim is None or ref is None or passage_id not in claim.members or not self.check_writable():
            return
        try:
            if self.case is not None:
                self.case.set_pivot(claim.key, ref)
        except CaseError as exc:
            self.message.emit(str(exc))
            return
        self._pivot_refs[claim.key] = ref
        self.pivots[claim.key] = passage_id
        self.currentChanged.emit()
