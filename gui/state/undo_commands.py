"""Undoable edits of a case: each command gets its context and calls only its public write methods."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from PySide6.QtGui import QUndoCommand

from core.case.records import Annotation, VerdictRecord
from core.model import AlignmentEdit
from gui.state.protocol import CaseWriter


class VerdictCommand(QUndoCommand):
    """Replace the verdict record on one item (None = no verdict); undo restores the store exactly."""

    def __init__(
        self, ctx: CaseWriter, key: str, new: Optional[VerdictRecord], old: Optional[VerdictRecord], text: str
    ):
        super().__init__(text)
        self._ctx, self._key, self._new, self._old = ctx, key, new, old
        self._stored_key = key
        self.item_key = key  # the queue item undo and redo go back to

    def redo(self) -> None:
        # The record on this item may be stored under the key of the divergence first judged.
        self._stored_key = self._ctx.stored_key_of(self._key)
        if self._new is None:
            self._ctx.write_verdict(None, self._stored_key)
        else:
            self._ctx.write_verdict(self._ctx.described(self._new), self._key, replaces=self._stored_key)

    def undo(self) -> None:
        written = self._key if self._new is not None else ""
        if self._old is None:
            if written:
                self._ctx.write_verdict(None, written)
            return
        # Back under the key it had, so that older undo steps find it where they left it.
        restored = replace(self._old, divergence_key=self._stored_key)
        self._ctx.write_verdict(restored, self._stored_key, replaces=written)


class MoveVerdictCommand(QUndoCommand):
    """Put a set-aside record on an item (or dismiss it when target is None); undo restores it."""

    def __init__(self, ctx: CaseWriter, record: VerdictRecord, target: Optional[VerdictRecord], text: str):
        super().__init__(text)
        self._ctx, self._record, self._target = ctx, record, target
        self.item_key = target.divergence_key if target is not None else ""  # set aside: no item to go to

    def redo(self) -> None:
        if self._target is None:
            self._ctx.write_verdict(None, self._record.divergence_key)
        else:
            self._ctx.write_verdict(self._target, self._target.divergence_key, replaces=self._record.divergence_key)

    def undo(self) -> None:
        moved_to = self._target.divergence_key if self._target is not None else ""
        self._ctx.write_verdict(self._record, self._record.divergence_key, replaces=moved_to)


class AddAnnotationCommand(QUndoCommand):
    """Add an annotation; undo deletes it."""

    def __init__(self, ctx: CaseWriter, annotation: Annotation):
        super().__init__("Add annotation")
        self._ctx, self._annotation = ctx, annotation

    def redo(self) -> None:
        self._annotation = self._ctx.write_annotation_add(self._annotation)

    def undo(self) -> None:
        self._ctx.write_annotation_delete(self._annotation.id)


class UpdateAnnotationCommand(QUndoCommand):
    """Replace an annotation by a new version with the same id."""

    def __init__(self, ctx: CaseWriter, new: Annotation, old: Annotation):
        super().__init__("Edit annotation")
        self._ctx, self._new, self._old = ctx, new, old

    def redo(self) -> None:
        self._ctx.write_annotation_update(self._new)

    def undo(self) -> None:
        self._ctx.write_annotation_update(self._old)


class DeleteAnnotationCommand(QUndoCommand):
    """Delete an annotation; undo puts it back with its id."""

    def __init__(self, ctx: CaseWriter, annotation: Annotation):
        super().__init__("Delete annotation")
        self._ctx, self._annotation = ctx, annotation

    def redo(self) -> None:
        self._ctx.write_annotation_delete(self._annotation.id)

    def undo(self) -> None:
        self._annotation = self._ctx.write_annotation_add(self._annotation)


class AddEditCommand(QUndoCommand):
    """Store a manual alignment edit and re-align; undo removes it and re-aligns."""

    def __init__(self, ctx: CaseWriter, edit: AlignmentEdit):
        super().__init__(f"{edit.kind.capitalize()} passages")
        self._ctx, self._edit = ctx, edit
        self._edit_id: Optional[int] = None

    def redo(self) -> None:
        self._edit_id = self._ctx.write_edit_add(self._edit)

    def undo(self) -> None:
        if self._edit_id is not None:
            self._ctx.write_edit_remove(self._edit_id)
            self._edit_id = None


class RemoveEditCommand(QUndoCommand):
    """Remove a stored alignment edit and re-align; undo stores it again."""

    def __init__(self, ctx: CaseWriter, edit_id: int, edit: AlignmentEdit):
        super().__init__(f"Remove {edit.kind}")
        self._ctx, self._edit = ctx, edit
        self._edit_id: int | None = edit_id  # None when storing it again failed (nothing to remove)

    def redo(self) -> None:
        if self._edit_id is not None:
            self._ctx.write_edit_remove(self._edit_id)

    def undo(self) -> None:
        self._edit_id = self._ctx.write_edit_add(self._edit)
