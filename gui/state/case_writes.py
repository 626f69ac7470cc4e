"""Write one change to the case, then update the workspace's memory and emit its signal."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from core.case.reattach import place_one
from core.case.records import Annotation, VerdictRecord
from core.errors import CaseError
from core.model import AlignmentEdit

T = TypeVar("T")


class CaseWrites:
    """The workspace's writes to the case, each one transaction; the undo commands reach them through it."""

    def __init__(self, workspace):
        self.ws = workspace
        self._next_edit_id = 1  # ids of edits made while no case is open

    def reset(self) -> None:
        """Forget the ids handed out while no case was open (a new case or a fresh workspace)."""
        self._next_edit_id = 1

    def _saved(self, write: Callable[[Any], T], prefix: str = "Not saved: ") -> tuple[bool, T | None]:
        """Run one case write when a case is open; on refusal tell the user and return (False, None)."""
        if self.ws.case is None:
            return True, None
        try:
            return True, write(self.ws.case)
        except CaseError as exc:
            self.ws.message.emit(f"{prefix}{exc}")
            return False, None

    def stored_key_of(self, item_key: str) -> str:
        """Return the key the record now on this item is stored under."""
        return self.ws.stored_key_of(item_key)

    def described(self, record: VerdictRecord) -> VerdictRecord:
        """Return the record carrying its item's type, kind and variants."""
        return self.ws.described(record)

    def write_verdict(self, record: VerdictRecord | None, key: str, replaces: str = "") -> None:
        """Store a record under its key (moving it from `replaces`), or clear the stored key; re-place."""
        saved, _ = (
            self._saved(lambda case: case.clear_verdict(key))
            if record is None
            else self._saved(lambda case: case.set_verdict(record, replaces=replaces))
        )
        if not saved:
            return
        stored = self.ws.stored_verdicts
        if record is None:
            stored.pop(key, None)
        else:
            if replaces and replaces != record.divergence_key:
                stored.pop(replaces, None)
            stored[record.divergence_key] = record
        # A verdict key on a current item moves nothing else: placed without matching every item.
        placement = None
        if record is not None and self.ws.alignment is not None:
            placement = place_one(self.ws.placement, record, replaces, self.ws.alignment)
        self.ws.place_verdicts(placement=placement)

    def write_annotation_add(self, annotation: Annotation) -> Annotation:
        """Store a new annotation and show it; return it as stored."""
        saved, stored = self._saved(lambda case: case.add_annotation(annotation))
        if not saved:
            return annotation
        self.ws.annotations.append(stored or annotation)
        self.ws.annotationsChanged.emit()
        return stored or annotation

    def write_annotation_update(self, annotation: Annotation) -> None:
        """Store a new version of an annotation and show it."""
        if self._saved(lambda case: case.update_annotation(annotation))[0]:
            self._show_annotations([annotation if a.id == annotation.id else a for a in self.ws.annotations])

    def write_annotation_delete(self, annotation_id: str) -> None:
        """Delete an annotation from the case and the view."""
        if self._saved(lambda case: case.delete_annotation(annotation_id))[0]:
            self._show_annotations([a for a in self.ws.annotations if a.id != annotation_id])

    def _show_annotations(self, annotations: list[Annotation]) -> None:
        self.ws.annotations = annotations
        self.ws.annotationsChanged.emit()

    def write_edit_add(self, edit: AlignmentEdit) -> int | None:
        """Store a manual alignment edit, re-align, and return its id (None when not saved)."""
        saved, edit_id = self._saved(lambda case: case.add_edit(edit))
        if not saved:
            return None
        if self.ws.case is None:
            edit_id, self._next_edit_id = self._next_edit_id, self._next_edit_id + 1
        self.ws.edits.append((edit_id, edit))
        self.ws.realign()
        return edit_id

    def write_edit_remove(self, edit_id: int) -> None:
        """Forget a manual alignment edit and re-align."""
        if self._saved(lambda case: case.remove_edit(edit_id))[0]:
            self.ws.edits = [(i, e) for i, e in self.ws.edits if i != edit_id]
            self.ws.realign()

    def set_pivot(self, claim_id: str, passage_id: str) -> None:
        """Choose the member a claim's variants are compared against (stored in the case)."""
        ws = self.ws
        claim, ref = ws.claim(claim_id), ws.passage_ref(passage_id)
        if claim is None or ref is None or passage_id not in claim.members or not ws.check_writable():
            return
        if not self._saved(lambda case: case.set_pivot(claim.key, ref), prefix="")[0]:
            return
        ws.pivot_refs[claim.key] = ref
        ws.pivots[claim.key] = passage_id
        ws.currentChanged.emit()

    def set_auto_advance(self, on: bool) -> None:
        """Choose whether a verdict key moves on to the next untriaged item; saved with the case."""
        self.ws.auto_advance = bool(on)
        if not self.ws.read_only:
            self._saved(lambda case: case.set_setting("auto_advance", self.ws.auto_advance), prefix="")
