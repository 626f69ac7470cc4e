"""Undoable edits of a case: each redo/undo writes to the case at once through the Workspace."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtGui import QUndoCommand

from core.model import AlignmentEdit
from core.case.records import Annotation, VerdictRecord

if TYPE_CHECKING:
    from gui.state.workspace import Workspace


class VerdictCommand(QUndoCommand):
    """Replace the verdict record of one divergence (None = no verdict)."""

    def __init__(self, ws: "Workspace", key: str, new: Optional[VerdictRecord],
                 old: Optional[VerdictRecord], text: str):
        super().__init__(text)
        self._ws, self._key, self._new, self._old = ws, key, new, old

    def redo(self) -> None:
        self._ws._write_verdict(self._key, self._new)

    def undo(self) -> None:
        self._ws._write_verdict(self._key, self._old)


class AddAnnotationCommand(QUndoCommand):
    """Add an annotation; undo deletes it."""

    def __init__(self, ws: "Workspace", annotation: Annotation):
        super().__init__("Add annotation")
        self._ws, self._annotation = ws, annotation

    def redo(self) -> None:
        self._annotation = self._ws._write_annotation_add(self._annotation)

    def undo(self) -> None:
        self._ws._write_annotation_delete(self._annotation.id)


class UpdateAnnotationCommand(QUndoCommand):
    """Replace an annotation by a new version with the same id."""

    def __init__(self, ws: "Workspace", new: Annotation, old: Annotation):
        super().__init__("Edit annotation")
        self._ws, self._new, self._old = ws, new, old

    def redo(self) -> None:
        self._ws._write_annotation_update(self._new)

    def undo(self) -> None:
        self._ws._write_annotation_update(self._old)


class DeleteAnnotationCommand(QUndoCommand):
    """Delete an annotation; undo puts it back with its id."""

    def __init__(self, ws: "Workspace", annotation: Annotation):
        super().__init__("Delete annotation")
        self._ws, self._annotation = ws, annotation

    def redo(self) -> None:
        self._ws._write_annotation_delete(self._annotation.id)

    def undo(self) -> None:
        self._annotation = self._ws._write_annotation_add(self._annotation)


class AddEditCommand(QUndoCommand):
    """Store a manual alignment edit and re-align; undo removes it and re-aligns."""

    def __init__(self, ws: "Workspace", edit: AlignmentEdit):
        super().__init__(f"{edit.kind.capitalize()} passages")
        self._ws, self._edit = ws, edit
        self._edit_id: Optional[int] = None

    def redo(self) -> None:
        self._edit_id = self._ws._write_edit_add(self._edit)

    def undo(self) -> None:
        if self._edit_id is not None:
            self._ws._write_edit_remove(self._edit_id)
            self._edit_id = None


class RemoveEditCommand(QUndoCommand):
    """Remove a stored alignment edit and re-align; undo stores it again."""

    def __init__(self, ws: "Workspace", edit_id: int, edit: AlignmentEdit):
        super().__init__(f"Remove {edit.kind}")
        self._ws, self._edit_id, self._edit = ws, edit_id, edit

    def redo(self) -> None:
        self._ws._write_edit_remove(self._edit_id)

    def undo(self) -> None:
        self._edit_id = self._ws._write_edit_add(self._edit)
