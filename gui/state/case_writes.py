"""The Workspace's writes to the case, called by the undo commands; each is one case transaction."""
from __future__ import annotations

from core.errors import CaseError
from core.model import AlignmentEdit
from core.case.records import Annotation, VerdictRecord


class CaseWrites:
    """Mixin of Workspace: write one change to the case, update memory, emit the signal."""

    def _write_verdict(self, key: str, record: VerdictRecord | None) -> None:
        try:
            if self.case is not None:
                if record is None:
                    self.case.clear_verdict(key)
                else:
                    self.case.set_verdict(record)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        if record is None:
            self.verdicts.pop(key, None)
        else:
            self.verdicts[key] = record
        self.verdictsChanged.emit()

    def _write_annotation_add(self, annotation: Annotation) -> Annotation:
        try:
            stored = self.case.add_annotation(annotation) if self.case is not None else annotation
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return annotation
        self.annotations.append(stored or annotation)
        self.annotationsChanged.emit()
        return stored or annotation

    def _write_annotation_update(self, annotation: Annotation) -> None:
        try:
            if self.case is not None:
                self.case.update_annotation(annotation)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        self.annotations = [annotation if a.id == annotation.id else a for a in self.annotations]
        self.annotationsChanged.emit()

    def _write_annotation_delete(self, annotation_id: str) -> None:
        try:
            if self.case is not None:
                self.case.delete_annotation(annotation_id)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        self.annotations = [a for a in self.annotations if a.id != annotation_id]
        self.annotationsChanged.emit()

    def _write_edit_add(self, edit: AlignmentEdit) -> int | None:
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

    def _write_edit_remove(self, edit_id: int) -> None:
        try:
            if self.case is not None:
                self.case.remove_edit(edit_id)
        except CaseError as exc:
            self.message.emit(f"Not saved: {exc}")
            return
        self.edits = [(i, e) for i, e in self.edits if i != edit_id]
        self.realign()
