"""The Workspace's public writes to the case, called by the undo commands; each is one transaction."""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import CaseError
from core.model import AlignmentEdit, Claim, PassageRef
from core.case.records import Annotation, VerdictRecord

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from core.case.store import Case


class CaseWrites:
    """Mixin of Workspace: write one change to the case, update memory, emit the signal."""

    if TYPE_CHECKING:   # what the mixin uses of the Workspace it is part of
        case: Case | None
        stored_verdicts: dict[str, VerdictRecord]
        annotations: list[Annotation]
        edits: list[tuple[int, AlignmentEdit]]
        pivots: dict[str, str]
        _pivot_refs: dict[str, PassageRef]
        _next_edit_id: int
        auto_advance: bool
        message: SignalInstance
        annotationsChanged: SignalInstance
        currentChanged: SignalInstance

        def place_verdicts(self, announce: bool = True) -> None: ...
        def realign(self) -> None: ...
        def check_writable(self) -> bool: ...
        def claim(self, claim_id: str | None) -> Claim | None: ...
        def passage_ref(self, passage_id: str | None) -> PassageRef | None: ...

    def write_verdict(self, record: VerdictRecord | None, key: str, replaces: str = "") -> None:
        """Store a record under its key (moving it from `replaces`), or clear the stored key; re-place."""
        try:
            if self.case is not None:
                if record is None:
                    self.case.clear_verdict(key)
                else:
                    self.case.set_verdict(record, replaces=replaces)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        if record is None:
            self.stored_verdicts.pop(key, None)
        else:
            if replaces and replaces != record.divergence_key:
                self.stored_verdicts.pop(replaces, None)
            self.stored_verdicts[record.divergence_key] = record
        self.place_verdicts()

    def write_annotation_add(self, annotation: Annotation) -> Annotation:
        """Store a new annotation and show it; return it as stored."""
        try:
            stored = self.case.add_annotation(annotation) if self.case is not None else annotation
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return annotation
        self.annotations.append(stored or annotation)
        self.annotationsChanged.emit()
        return stored or annotation

    def write_annotation_update(self, annotation: Annotation) -> None:
        """Store a new version of an annotation and show it."""
        try:
            if self.case is not None:
                self.case.update_annotation(annotation)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        self.annotations = [annotation if a.id == annotation.id else a for a in self.annotations]
        self.annotationsChanged.emit()

    def write_annotation_delete(self, annotation_id: str) -> None:
        """Delete an annotation from the case and the view."""
        try:
            if self.case is not None:
                self.case.delete_annotation(annotation_id)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        self.annotations = [a for a in self.annotations if a.id != annotation_id]
        self.annotationsChanged.emit()

    def write_edit_add(self, edit: AlignmentEdit) -> int | None:
        """Store a manual alignment edit, re-align, and return its id (None when not saved)."""
        try:
            if self.case is not None:
                edit_id = self.case.add_edit(edit)
            else:
                edit_id, self._next_edit_id = self._next_edit_id, self._next_edit_id + 1
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return None
        self.edits.append((edit_id, edit))
        self.realign()
        return edit_id

    def write_edit_remove(self, edit_id: int) -> None:
        """Forget a manual alignment edit and re-align."""
        try:
            if self.case is not None:
                self.case.remove_edit(edit_id)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        self.edits = [(i, e) for i, e in self.edits if i != edit_id]
        self.realign()

    def set_pivot(self, claim_id: str, passage_id: str) -> None:
        """Choose the member a claim's variants are compared against (stored in the case)."""
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

    def set_auto_advance(self, on: bool) -> None:
        """Choose whether a verdict key moves on to the next untriaged item; saved with the case."""
        self.auto_advance = bool(on)
        if self.case is not None and not self.case.read_only:
            try:
                self.case.set_setting("auto_advance", self.auto_advance)
            except CaseError as exc:
                self.message.emit(str(exc))
