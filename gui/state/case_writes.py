"""The Workspace's public writes to the case, called by the undo commands; each is one transaction."""
from __future__ import annotations

from core.errors import CaseError
from core.model import AlignmentEdit
from core.case.records import Annotation, VerdictRecord


class CaseWrites:
    """Mixin of Workspace: write one change to the case, update memory, emit the signal."""

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
