"""The triage commands that ask the checker in a dialog first: a note, an annotation, a verdict for a whole type."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QInputDialog

from core.case import triage
from core.case.records import Annotation
from core.model import VERDICT_LABELS
from gui.dialogs.note_dialog import NoteDialog
from gui.panels.annotation_editor import AnnotationEditor, quoted_target


class JudgementDialogs:
    """Run the actions that open a dialog before they write (the window is the context; keys go back to triage)."""

    def __init__(self, window):
        self.window = window
        self.ws = window.ws
        self.triage = window.triage  # where the keyboard goes back to, and what is judged

    def apply_verdict_to_type(self) -> None:
        """Give every item of the current one's type a verdict, after saying what will change (one undo step)."""
        if self.triage.refused_while_pending():
            return
        div = self.ws.current_divergence()
        if div is None:
            self.ws.message.emit("No current divergence: press J first.")
            return
        keys = triage.keys_of_type(self.ws.alignment, div.type)
        labels = [VERDICT_LABELS[v] for v in VERDICT_LABELS if v != "source_error"]
        label, ok = QInputDialog.getItem(
            self.window, "Apply verdict to a type", f"Verdict for the {len(keys)} “{div.type}” items:", labels, 0, False
        )
        self.triage.back_to_panes()
        if not ok or not self.ws.check_writable():
            return
        verdict = next(v for v, text in VERDICT_LABELS.items() if text == label)
        plan = triage.bulk_plan(keys, self.ws.verdicts, verdict)
        keep, overwrite = plan.question(label)
        choices = [keep] + ([overwrite] if plan.triaged else [])
        choice, ok = QInputDialog.getItem(
            self.window, "Apply verdict to a type", plan.summary(label, div.type), choices, 0, False
        )
        self.triage.back_to_panes()
        if not ok:
            self.ws.message.emit("Nothing changed.")
            return
        targets = plan.targets(overwrite=choice == overwrite)
        if not targets:
            self.ws.message.emit(f"Nothing changed: every {div.type} item already has a verdict (kept).")
            return
        self.ws.undo_stack.beginMacro(f"verdict “{label}” on {len(targets)} {div.type} items")
        for key in targets:
            self.ws.set_verdict(key, verdict)
        self.ws.undo_stack.endMacro()
        # the same words as the question: "kept" are the other verdicts the checker chose to keep
        parts = [f"{len(targets)} {div.type} item{'s' if len(targets) != 1 else ''} changed"]
        if plan.same:
            parts.append(f"{len(plan.same)} already {label}")
        if choice != overwrite and plan.triaged:
            parts.append(f"{len(plan.triaged)} existing verdict{'s' if len(plan.triaged) != 1 else ''} kept")
        self.ws.message.emit(f"{label}: " + "; ".join(parts) + ". Ctrl+Z undoes all of it.")

    def edit_note(self) -> None:
        """Edit the note of the current divergence in a small dialog."""
        if self.triage.refused_while_pending():
            return
        key = self.triage.verdict_target()
        if key is None:
            return
        if not self.ws.check_writable():
            return  # say so before the checker types a note that could not be kept
        old = self.ws.verdicts.get(key)
        div = self.ws.current_divergence()
        about = f"Note on this {div.type} divergence: {div.summary}" if div is not None else "Note:"
        text = NoteDialog.ask(self.window, about, old.note if old else "")
        self.triage.back_to_panes()
        if text is not None:
            self.ws.set_note(key, text)
            record = self.ws.verdicts.get(key)
            if (record.note if record else "") == text:  # a failed write has said why instead
                self.ws.message.emit("Note saved. Ctrl+Z undoes it." if text.strip() else "Note removed.")

    def annotate(self) -> None:
        """Annotate the selected text, or the current claim (or unique passage) when nothing is selected."""
        from core.case.anchoring import make_selector

        pane = self.window.current_pane()
        selection = pane.selected_range() if pane is not None else None
        al = self.ws.alignment
        if selection is not None:
            text = pane.source().text
            base = Annotation(
                id="", target_kind="span", source_key=pane.source_key, selector=make_selector(text, *selection)
            )
        elif self.ws.current_claim() is not None:
            claim = self.ws.current_claim()
            base = Annotation(id="", target_kind="claim", claim_key=claim.key)
        elif self.ws.current_passage_id and al is not None:
            ref = self.ws.passage_ref(self.ws.current_passage_id)
            text = self.ws.source(ref.source).text
            base = Annotation(
                id="", target_kind="passage", source_key=ref.source, selector=make_selector(text, ref.start, ref.end)
            )
        else:
            self.ws.message.emit("Select some text, or go to a claim (N) first.")
            return
        if not self.ws.check_writable():
            return
        if base.target_kind == "claim":
            pivot = self.ws.pivots.get(base.claim_key, self.ws.current_claim().pivot)
            target_text = "Claim: “" + al.passage(pivot).text + "”"
        else:
            target_text = quoted_target(base)
        labels = self.ws.case.labels() if self.ws.case is not None else ()
        values = AnnotationEditor.ask(self.window, labels, None, target_text)
        self.triage.back_to_panes()
        if values is not None:
            label, status, note = values
            self.ws.add_annotation(replace(base, label=label, status=status, note=note))
