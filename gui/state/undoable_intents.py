"""The checker's undoable intents: verdicts, notes, annotations, alignment edits, set-aside records."""

from __future__ import annotations

import uuid
from dataclasses import replace

from core.case.records import Annotation, VerdictRecord
from core.case.records import utc_now as _now
from core.model import VERDICT_LABELS, AlignmentEdit
from gui.state.protocol import CaseWriter
from gui.state.undo_commands import (
    AddAnnotationCommand,
    AddEditCommand,
    DeleteAnnotationCommand,
    MoveVerdictCommand,
    RemoveEditCommand,
    UpdateAnnotationCommand,
    VerdictCommand,
)


class UndoableIntents:
    """Turn each intent into an undo command on the workspace's stack; the commands write through writer."""

    def __init__(self, workspace, writer: CaseWriter):
        self.ws = workspace
        self.writer = writer

    def reattach_set_aside(self, stored_key: str, item_key: str | None = None) -> None:
        """Put a set-aside verdict or note on an item (the current one by default), as one undo step."""
        ws = self.ws
        item_key = item_key or ws.current_divergence_key
        entry = next((s for s in ws.set_aside if s.record.divergence_key == stored_key), None)
        if entry is None or not ws.check_writable():
            return
        if ws.divergence(item_key) is None:
            ws.message.emit("No current divergence: go to the one this verdict is about (J), then re-attach.")
            return
        if item_key in ws.verdicts:
            ws.message.emit("The current divergence already has a verdict or note: clear it (0) first.")
            return
        target = ws.described(replace(entry.record, divergence_key=item_key, updated_at=_now()))
        ws.undo_stack.push(MoveVerdictCommand(self.writer, entry.record, target, "Re-attach verdict"))
        ws.message.emit("Re-attached to the current divergence.")

    def dismiss_set_aside(self, stored_key: str) -> None:
        """Delete a set-aside verdict or note on purpose (undoable; the audit keeps it)."""
        ws = self.ws
        entry = next((s for s in ws.set_aside if s.record.divergence_key == stored_key), None)
        if entry is None or not ws.check_writable():
            return
        ws.undo_stack.push(MoveVerdictCommand(self.writer, entry.record, None, "Dismiss set-aside verdict"))
        ws.message.emit("Dismissed (Ctrl+Z brings it back).")

    def set_verdict(self, key: str, verdict: str, note: str | None = None, source_key: str = "") -> None:
        """Give a divergence a verdict (undoable); the note is kept unless a new one is given."""
        ws = self.ws
        if not key or not ws.check_writable():
            return
        old = ws.verdicts.get(key)
        new = VerdictRecord(
            divergence_key=key,
            verdict=verdict,
            note=(old.note if old else "") if note is None else note,
            source_key=source_key,
            author=ws.author,
            updated_at=_now(),
        )
        # the undo text is read by the checker ("Undone: verdict “Not significant”"), not the stored id
        label = VERDICT_LABELS.get(verdict, verdict)
        ws.undo_stack.push(VerdictCommand(self.writer, key, new, old, f"verdict “{label}”"))

    def clear_verdict(self, key: str) -> None:
        """Remove a divergence's verdict (undoable); its note stays, on an untriaged divergence."""
        ws = self.ws
        old = ws.verdicts.get(key)
        if old is None or not old.verdict or not ws.check_writable():
            return
        new = replace(old, verdict="", source_key="", author=ws.author, updated_at=_now()) if old.note else None
        ws.undo_stack.push(VerdictCommand(self.writer, key, new, old, "Clear verdict"))

    def set_note(self, key: str, note: str) -> None:
        """Set the note of a divergence (undoable); a note alone leaves the divergence untriaged."""
        ws = self.ws
        if not key or not ws.check_writable():
            return
        old = ws.verdicts.get(key)
        if (old.note if old is not None else "") == note:
            return
        if old is not None and (old.verdict or note):
            new = replace(old, note=note, author=ws.author, updated_at=_now())
        elif old is not None:
            new = None  # the note was all there was: removing it removes the record
        else:
            new = VerdictRecord(key, "", note, "", ws.author, _now())
        ws.undo_stack.push(VerdictCommand(self.writer, key, new, old, "Edit note"))

    def add_annotation(self, annotation: Annotation) -> None:
        """Add an annotation (undoable)."""
        ws = self.ws
        if not ws.check_writable():
            return
        if not annotation.id:
            annotation = replace(annotation, id=uuid.uuid4().hex)
        if not annotation.created_at:
            annotation = replace(
                annotation, created_at=_now(), updated_at=_now(), author=annotation.author or ws.author
            )
        ws.undo_stack.push(AddAnnotationCommand(self.writer, annotation))

    def update_annotation(self, annotation: Annotation) -> None:
        """Replace an annotation by its new version (undoable)."""
        ws = self.ws
        old = next((a for a in ws.annotations if a.id == annotation.id), None)
        if old is None or not ws.check_writable():
            return
        ws.undo_stack.push(UpdateAnnotationCommand(self.writer, replace(annotation, updated_at=_now()), old))

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete an annotation (undoable)."""
        ws = self.ws
        old = next((a for a in ws.annotations if a.id == annotation_id), None)
        if old is None or not ws.check_writable():
            return
        ws.undo_stack.push(DeleteAnnotationCommand(self.writer, old))

    def add_edit(self, edit: AlignmentEdit) -> None:
        """Store a manual link/unlink/split/merge and re-align (undoable)."""
        ws = self.ws
        if ws.check_writable():
            ws.undo_stack.push(AddEditCommand(self.writer, edit))

    def remove_edit(self, edit_id: int) -> None:
        """Drop a stored manual edit and re-align (undoable)."""
        ws = self.ws
        edit = dict(ws.edits).get(edit_id)
        if edit is not None and ws.check_writable():
            ws.undo_stack.push(RemoveEditCommand(self.writer, edit_id, edit))
