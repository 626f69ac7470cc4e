"""The triage commands of the main window: move through claims and divergences, give verdicts by key."""

from __future__ import annotations

import time
from typing import Sequence

from PySide6.QtWidgets import QInputDialog

from core.case import triage
from core.case.queue_items import judged_as
from core.model import VERDICT_LABELS
from gui.app.key_burst import KeyBurst


# Work per event-loop turn when applying a burst of keys: about a frame, so painting keeps up.
KEY_BUDGET_S = 0.016
# The handlers that feed the key burst; every other action first applies the keys still waiting.
BURST_METHODS = frozenset(
    {
        "next_divergence",
        "previous_divergence",
        "next_claim",
        "previous_claim",
        "next_unique",
        "verdict_confirmed",
        "verdict_not_significant",
        "verdict_follow_up",
    }
)


class TriageCommands:
    """Run the Navigate and Triage actions against the window's workspace (the window is the context)."""

    def __init__(self, window):
        self.window = window
        self.ws = window.ws
        # Keys arrive as the window's shortcuts, so a burst coalesces wherever the keyboard is
        # (claim view, a pane, a panel): one queue for the whole window.
        self.key_burst = KeyBurst(self.apply_keys, window)

    # ----- the triage model (core.case.triage answers; the window only moves) --------------------
    def triage_progress_text(self) -> str:
        """Return "12 of 47 triaged · 1 set aside" for the current alignment."""
        if self.ws.alignment is None or self.ws.divergences_pending:
            return ""  # no item exists yet: "0 of 0 triaged" would read as nothing to check
        # Counted over the keys the triage panel lists once per alignment: the same items as the
        # panel's own line, without ranking the whole queue again on every verdict.
        return self.window.triage_panel.progress_line(len(self.ws.set_aside))

    def _step_divergence(self, current: str | None, step: int, untriaged: bool = False) -> str | None:
        """Return the queue item step places from current (J/K walk the queue the triage panel shows)."""
        move = triage.next_key if step > 0 else triage.previous_key
        return move(self._walked_keys(), current, self.ws.verdicts, untriaged_only=untriaged)

    def _in_facts_view(self) -> bool:
        return self.window.stack.currentWidget() is self.window.facts_view

    def _walked_keys(self) -> Sequence[str]:
        """Return the items J/K and the move-on after a verdict walk: the queue, or the Facts view's divergent rows."""
        # In the Facts view only its rows can be seen: moving on to a claim's divergence there left
        # no row highlighted, and the next 1-4 judged an item the checker could not see.
        al = self.ws.alignment
        if self._in_facts_view() and al is not None:
            rows = self.window.facts_view.rows()
            return list(dict.fromkeys(judged_as(al, row.key) for row in rows if row.divergent))
        return self.window.triage_panel.key_order()

    def _go_divergence(self, step: int, untriaged: bool = False) -> None:
        self.key_burst.push(("untriaged" if untriaged else "divergence", step))

    def next_divergence(self) -> None:
        """Go to the next divergence of the queue."""
        self._go_divergence(1)

    def previous_divergence(self) -> None:
        """Go to the previous divergence of the queue."""
        self._go_divergence(-1)

    def next_claim(self) -> None:
        """Go to the next claim."""
        self.key_burst.push(("claim", 1))

    def previous_claim(self) -> None:
        """Go to the previous claim."""
        self.key_burst.push(("claim", -1))

    def next_unique(self) -> None:
        """Go to the next passage only one source has."""
        self.key_burst.push(("unique", 1))

    def apply_keys(self, batch: list) -> list:
        """Apply a burst of moves and verdicts in order, select the item they end on; return what is left.

        Stops after KEY_BUDGET_S of verdicts (each is a case write) and returns the intents not
        applied yet, which KeyBurst applies on the next event-loop turn.
        """
        al = self.ws.alignment
        if al is None:
            waiting = self.ws.waiting_status()
            self.ws.message.emit("Still aligning…" if waiting == "Aligning…" else waiting)
            return []
        if self.ws.divergences_pending and any(kind in ("divergence", "untriaged", "verdict") for kind, _a in batch):
            # Claims are shown but no item exists yet: nothing a verdict could be recorded on.
            batch = [(kind, arg) for kind, arg in batch if kind not in ("divergence", "untriaged", "verdict")]
            self.ws.message.emit(
                self.ws.analysis_status() + " J, K and the verdict keys work once the divergences are listed; "
                "N and P go claim by claim meanwhile."
            )
        family, target = None, None  # the selection the keys so far lead to, not yet shown
        started = time.perf_counter()

        def commit():
            if family == "divergence" and target is not None:
                self.ws.select_divergence(target)
            elif family == "claim" and target is not None:
                self.ws.select_claim(target)
            elif family == "unique" and target is not None:
                self.ws.select_passage(target)

        for done, (kind, arg) in enumerate(batch):
            if done and time.perf_counter() - started > KEY_BUDGET_S:
                commit()
                return batch[done:]
            if kind in ("divergence", "untriaged", "verdict"):
                if family != "divergence":
                    commit()
                    family, target = "divergence", self.ws.current_divergence_key
                if kind == "verdict":
                    if target is None:
                        target = self.verdict_target()  # N to a claim, then its only divergence's verdict
                    if target is None:
                        continue
                    if not self.ws.check_writable():
                        break
                    self.ws.set_verdict(target, arg)
                    judged = VERDICT_LABELS.get(str(arg), str(arg))
                    if not self.ws.auto_advance:
                        self.ws.message.emit(f"{judged}. Staying here (auto-advance is off: Ctrl+Shift+J); J moves on.")
                        continue
                    kind, arg = "untriaged", 1
                else:
                    judged = ""
                key = self._step_divergence(target, arg, untriaged=kind == "untriaged")
                if key is None and self._in_facts_view():
                    self.ws.message.emit(
                        (f"{judged}. " if judged else "")
                        + (
                            "Every divergent row of the fact sheet has a verdict; Ctrl+Shift+F goes back to the panes."
                            if kind == "untriaged"
                            else ("No more divergent rows." if arg > 0 else "This is the first divergent row.")
                        )
                    )
                elif key is None:
                    self.ws.message.emit(
                        "Every divergence is triaged."
                        if kind == "untriaged"
                        else ("No more divergences." if arg > 0 else "This is the first divergence of the queue.")
                    )
                else:
                    moved_to = self.ws.divergence(key) if judged and key != target else None
                    if moved_to is not None:
                        self.ws.message.emit(
                            f"{judged}. Moved on to the next untriaged item ({moved_to.type}); "
                            "Ctrl+Shift+J turns this off."
                        )
                    target = key
            elif kind == "claim":
                if family != "claim":
                    commit()
                    family, target = "claim", self.ws.current_claim_id
                claim_id = triage.next_claim(al, target, arg)
                if claim_id is None:
                    self.ws.message.emit("No more claims.")
                else:
                    target = claim_id
            elif kind == "unique":
                if family != "unique":
                    commit()
                    family, target = "unique", self.ws.current_passage_id
                pid = triage.next_unique(al, target)
                if pid is None:
                    self.ws.message.emit("No unique passages.")
                else:
                    target = pid
        commit()
        return []

    def back_to_panes(self) -> None:
        """Give the keyboard back to where triage happens after a dialog, so J/K/1-4 keep working."""
        self.window.activateWindow()
        self.window.focus_reading()

    def refused_while_pending(self) -> bool:
        """Say why an item key does nothing while the claims wait for their divergences; True when so."""
        # "Press J first" would send the checker to a key that is refused too.
        if not self.ws.divergences_pending:
            return False
        self.ws.message.emit(
            self.ws.analysis_status() + " J, K, the verdict keys and notes work once the divergences are listed; "
            "N and P go claim by claim meanwhile."
        )
        return True

    # ----- verdicts -------------------------------------------------------------------------
    def verdict_target(self) -> str | None:
        """Return the item a verdict or a note is for (selected when it is the claim's only one), or
        None after saying why there is none."""
        key = self.ws.selection.judged_key()
        if key is None:
            self.ws.message.emit(self.ws.selection.why_nothing_judged())
        elif key != self.ws.current_divergence_key:
            self.ws.select_divergence(key)
        return key

    def _verdict(self, verdict: str, source_key: str = "") -> None:
        if not source_key:
            self.key_burst.push(("verdict", verdict))
            return
        key = self.verdict_target()
        if key is None:
            return
        if not self.ws.check_writable():
            return
        self.ws.set_verdict(key, verdict, source_key=source_key)
        source = self.ws.source(source_key)
        # the exports' words: "Error in a source: Beta", so the checker sees which source was named
        label = VERDICT_LABELS.get(verdict, verdict) + (f": {source.label}" if source is not None else "")
        if not self.ws.auto_advance:
            self.ws.message.emit(f"{label}. Staying here (auto-advance is off: Ctrl+Shift+J); J moves on.")
            return
        self._go_divergence(1, untriaged=True)
        moved_to = self.ws.current_divergence()
        if moved_to is not None and moved_to.key != key:
            self.ws.message.emit(
                f"{label}. Moved on to the next untriaged item ({moved_to.type}); Ctrl+Shift+J turns this off."
            )

    def verdict_confirmed(self) -> None:
        """Mark the current divergence as a confirmed discrepancy and move on."""
        self._verdict("confirmed")

    def verdict_not_significant(self) -> None:
        """Mark the current divergence as not significant and move on."""
        self._verdict("not_significant")

    def verdict_follow_up(self) -> None:
        """Mark the current divergence as needing follow-up and move on."""
        self._verdict("follow_up")

    def verdict_source_error(self) -> None:
        """Mark the current divergence as an error in a source the user names, and move on."""
        div = self.ws.current_divergence()
        if div is None:
            self._verdict("source_error")
            return
        al = self.ws.alignment
        candidates: list[tuple[str, str]] = []  # (source key, label with the variant's words)
        for v in div.variants:
            source = al.document_of(v.passage).source
            if source.key not in [k for k, _l in candidates]:
                candidates.append((source.key, f"{source.label}: “{v.text}”"))
        labels = [label for _k, label in candidates]
        current = self.ws.current_passage_id
        default = 0
        if current:
            src = al.document_of(current).source.key
            default = next((i for i, (k, _l) in enumerate(candidates) if k == src), 0)
        label, ok = QInputDialog.getItem(
            self.window, "Error in a source", "Which source is wrong?", labels, default, False
        )
        self.back_to_panes()
        if ok and label:
            self._verdict("source_error", candidates[labels.index(label)][0])

    def clear_verdict(self) -> None:
        """Remove the verdict of the current divergence."""
        if self.refused_while_pending():
            return
        key = self.ws.current_divergence_key
        record = self.ws.verdicts.get(key) if key is not None else None
        if key is None or record is None or not record.verdict:
            self.ws.message.emit("The current divergence has no verdict.")
            return
        was = VERDICT_LABELS.get(record.verdict, record.verdict)
        self.ws.clear_verdict(key)
        self.ws.message.emit(f"Verdict “{was}” cleared; the item is untriaged again. Ctrl+Z puts it back.")

    def toggle_auto_advance(self) -> None:
        """Turn moving on after a verdict key on or off (saved with the case)."""
        self.ws.set_auto_advance(not self.ws.auto_advance)
        self.ws.message.emit(
            "After a verdict: "
            + ("move on to the next untriaged item." if self.ws.auto_advance else "stay on the same item (J moves on).")
        )
