"""The editing commands of the main window: undo, redo and the alignment edits made by hand."""

from __future__ import annotations

from core.model import AlignmentEdit


class EditCommands:
    """Run the Edit and Alignment actions that change the alignment or the undo history."""

    def __init__(self, window):
        self.window = window
        self.ws = window.ws

    def undo(self) -> None:
        """Undo the last edit, and go back to the item whose verdict it changes."""
        stack = self.ws.undo_stack
        if stack.canUndo():
            what, command = stack.undoText(), stack.command(stack.index() - 1)
            stack.undo()
            self._show_item_of(command)
            self.ws.message.emit(f"Undone: {what}. Ctrl+Shift+Z redoes it." if what else "Undone.")
        else:
            self.ws.message.emit("Nothing to undo.")

    def redo(self) -> None:
        """Redo what was undone."""
        stack = self.ws.undo_stack
        if stack.canRedo():
            what = stack.redoText()
            stack.redo()  # stays where it is: a redone verdict may leave a filtered queue
            self.ws.message.emit(f"Redone: {what}." if what else "Redone.")
        else:
            self.ws.message.emit("Nothing to redo.")

    def _show_item_of(self, command) -> None:
        """Make the queue item a verdict command changed current: the checker sees what went back."""
        key = getattr(command, "item_key", "")
        if key and key != self.ws.current_divergence_key and self.ws.divergence(key) is not None:
            self.ws.select_divergence(key)

    def link_passages(self) -> None:
        """Link the current passage with the passage last selected in another pane."""
        a = self.ws.current_passage_id
        al = self.ws.alignment
        if a is None or al is None:
            self.ws.message.emit("Click a passage in one pane, then one in another, then Ctrl+L.")
            return
        ref_a = self.ws.passage_ref(a)
        ref_b = next(
            (
                r
                for r in reversed(self.window.click_history)
                if r.source != ref_a.source and self.ws.document_for(r.source) is not None
            ),
            None,
        )
        if ref_b is None:
            self.ws.message.emit("Click the passage to link with in another pane first.")
            return
        self.ws.add_edit(AlignmentEdit("link", ref_a, ref_b))
        self.ws.message.emit(f"Linked {self.ws.source(ref_a.source).label} with {self.ws.source(ref_b.source).label}.")

    def unlink_passage(self) -> None:
        """Take the current passage out of the current claim, else its first claim (one undo step)."""
        pid = self.ws.current_passage_id
        current = self.ws.current_claim()
        claim = current if current is not None and pid in current.members else self.ws.claim_of_passage(pid)
        if claim is None:
            self.ws.message.emit("The current passage is not linked to anything.")
            return
        doc = pid.split(":")[0]
        # Members that also share another claim with the passage stay linked to it: unlinking
        # from the claim on screen must not break the passage's other claims.
        elsewhere = {m for c in self.ws.alignment.claims if c is not claim and pid in c.members for m in c.members}
        others = [m for m in claim.members if m.split(":")[0] != doc and m not in elsewhere]
        if not others:
            self.ws.message.emit(
                "Every other passage of this claim shares another claim with this one: nothing unlinked."
            )
            return
        self.ws.undo_stack.beginMacro("Unlink passage")
        for other in others:
            self.ws.add_edit(AlignmentEdit("unlink", self.ws.passage_ref(pid), self.ws.passage_ref(other)))
        self.ws.undo_stack.endMacro()
        self.ws.message.emit(
            f"Unlinked this passage from {len(others)} passage{'s' if len(others) != 1 else ''} of the claim; "
            "re-aligning. Ctrl+Z undoes it."
        )

    def split_passage(self) -> None:
        """Cut the passage under the text cursor in two at the cursor."""
        pane = self.window.current_pane()
        if pane is None:
            return
        offset = pane.cursor_offset()
        pid = self.ws.passage_at(pane.source_key, offset)
        ref = self.ws.passage_ref(pid) if pid else None
        if ref is None or not ref.start < offset < ref.end:
            self.ws.message.emit("Put the text cursor inside a sentence to split it there.")
            return
        self.ws.add_edit(AlignmentEdit("split", ref, at=offset))

    def merge_passages(self) -> None:
        """Join the current passage with the next passage of the same source."""
        pid = self.ws.current_passage_id
        al = self.ws.alignment
        if pid is None or al is None:
            self.ws.message.emit("Click a passage first.")
            return
        doc = al.document_of(pid)
        index = int(pid.split(":p")[1])
        if index + 1 >= len(doc.passages):
            self.ws.message.emit("This is the last passage of the source.")
            return
        nxt = doc.passages[index + 1].id
        self.ws.add_edit(AlignmentEdit("merge", self.ws.passage_ref(pid), self.ws.passage_ref(nxt)))

    def realign(self) -> None:
        """Align the sources again."""
        self.ws.realign_now()

    def cancel_work(self) -> None:
        """Stop the running work."""
        self.ws.cancel()
        self.window.url_fetcher.cancel()
        export_runner = getattr(self.window, "_export_runner", None)
        if export_runner is not None:
            export_runner.cancel()
