"""The declared interface of the Workspace: what widgets may read, call and listen to (and fakes offer)."""

from __future__ import annotations

from typing import Optional, Protocol

from core.case.records import Annotation, VerdictRecord
from core.model import AlignmentEdit

# Signal name -> argument types; the Workspace and every test fake declare exactly these.
WORKSPACE_SIGNALS: dict[str, tuple[type, ...]] = {
    "sourcesChanged": (),
    "alignmentChanged": (),
    "currentChanged": (),
    "verdictsChanged": (),
    "annotationsChanged": (),
    "setAsideChanged": (),
    "busyChanged": (bool,),
    "progressChanged": (float,),
    "message": (str,),
}
# State widgets read (plain attributes).
WORKSPACE_STATE = (
    "alignment",
    "sources",
    "hidden",
    "case",
    "selection",
    "current_claim_id",
    "current_divergence_key",
    "current_passage_id",
    "pivots",
    "verdicts",
    "annotations",
    "undo_stack",
    "set_aside",
    "divergences_pending",
)
# Look-ups and intents widgets call.
WORKSPACE_METHODS = (
    "visible_sources",
    "source",
    "document_for",
    "claim",
    "claim_of_passage",
    "is_unique",
    "divergence",
    "passage_at",
    "current_claim",
    "current_divergence",
    "analysis_status",
    "waiting_status",
    "select_claim",
    "select_divergence",
    "select_passage",
    "set_pivot",
    "set_verdict",
    "clear_verdict",
    "set_note",
    "add_annotation",
    "update_annotation",
    "delete_annotation",
    "orphaned_annotations",
    "reattach_set_aside",
    "dismiss_set_aside",
)


class CaseWriter(Protocol):
    """What an undo command may do: write one change through the workspace's public methods."""

    def stored_key_of(self, item_key: str) -> str:
        """Return the key the record now on this item is stored under."""

    def described(self, record: VerdictRecord) -> VerdictRecord:
        """Return the record carrying its item's type, kind and variants."""

    def write_verdict(self, record: Optional[VerdictRecord], key: str, replaces: str = "") -> None:
        """Store a record (moving it from `replaces`) or clear the stored key."""

    def write_annotation_add(self, annotation: Annotation) -> Annotation:
        """Store a new annotation and return it as stored."""

    def write_annotation_update(self, annotation: Annotation) -> None:
        """Store a new version of an annotation."""

    def write_annotation_delete(self, annotation_id: str) -> None:
        """Delete an annotation."""

    def write_edit_add(self, edit: AlignmentEdit) -> Optional[int]:
        """Store a manual alignment edit and return its id."""

    def write_edit_remove(self, edit_id: int) -> None:
        """Forget a manual alignment edit."""
