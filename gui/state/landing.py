"""Put the engine's results on show: the claims of a first run as soon as they exist, then the whole analysis."""

from __future__ import annotations

import inspect
import sys
import traceback
from typing import Callable

from core.case.queue_items import queue_items
from core.model import Alignment
from gui.state import heap

FINDING = "Claims shown; finding divergences…"
FINDING_STATUS = "Finding divergences…"  # what the views say while the second stage runs
# Above this many characters aligned (a dozen long articles), the claims are shown as soon as they
# exist, a second or more before the divergences: a small case lands whole in a blink, once.
STAGED_CHARS = 60_000


def staged(analyze: Callable) -> bool:
    """Return True when an analyze function can hand over its claims first (takes on_claims=)."""
    try:
        return "on_claims" in inspect.signature(analyze).parameters
    except (TypeError, ValueError):
        return False


def run_analysis(analyze: Callable, sources, edits, progress=None, should_cancel=None, on_partial=None) -> Alignment:
    """Run an analyze function on a worker (its claims to on_partial when given); list its queue items there too.

    The triage items of a dense case (every contradiction inside one source made an item) take
    about a second to list: listed here, off the UI thread, they are remembered
    (core.case.queue_items) and the window's landing finds them ready.
    """
    staged_args = {"on_claims": on_partial} if on_partial is not None else {}
    result = analyze(sources, edits, progress=progress, should_cancel=should_cancel, **staged_args)
    if isinstance(result, Alignment):
        queue_items(result)
    return result


class AlignmentLanding:
    """Land alignments on the workspace; a large first run shows its claims before its divergences.

    A partial alignment (claims without divergences, no contradictions, no fact sheet) is shown
    only when nothing complete of the same sources is on show: a checker triaging keeps the
    complete alignment, and its verdicts, until the new one is whole.  While it is on show
    `pending` is True: no item exists, so no verdict can be given against it, and verdicts are
    placed again only when the whole analysis lands.
    """

    def __init__(self, workspace):
        self.ws = workspace
        self.pending = False  # the alignment on show has claims but no divergences yet
        self.interrupted = ""  # why the divergences of the alignment on show will not come
        self.stopped = ""  # why no alignment is on show and none is coming (cancelled before its claims)
        self._held_key: str | None = None  # the queue item current before the claims landed
        self._held_at: tuple | None = None  # the selection just after; unchanged = restore the item

    def on_partial(self, _token: int, alignment: Alignment) -> None:
        """Show the claims of a run whose divergences are still being found, unless a whole one is on show."""
        ws = self.ws
        shown = ws.alignment
        keys = [d.source.key for d in alignment.documents]
        if shown is not None and not self.pending and [d.source.key for d in shown.documents] == keys:
            return  # the same sources are already shown whole: keep them (and the queue) until this one is
        held = ws.current_divergence_key or (self._held_key if self.pending else None)
        self.pending, self.interrupted = True, ""
        self.land(alignment)
        self._held_key = held
        self._held_at = (ws.current_claim_id, ws.current_passage_id)
        ws.message.emit(FINDING)

    def on_finished(self, _token: int, alignment: Alignment) -> None:
        """Show the whole analysis; the queue item current before its claims landed comes back."""
        ws = self.ws
        restore = self.pending and (ws.current_claim_id, ws.current_passage_id) == self._held_at
        held = self._held_key if restore else None
        was_pending = self.pending
        self.pending, self.interrupted, self._held_key, self._held_at = False, "", None, None
        if held is not None and ws.current_divergence_key is None:
            ws.selection.set(ws.current_claim_id, held, ws.current_passage_id, announce=False)
        self.land(alignment)
        heap.alignment_landed()  # frozen out of later passes before the collector runs again
        heap.analysis_running(False)
        if was_pending:
            count = len(queue_items(alignment))
            ws.message.emit(f"Divergences found: {count:,} item{'s' if count != 1 else ''} to triage.")

    def on_cancelled(self, _token: int) -> None:
        """Say the run stopped; claims on show without divergences say so until the next run."""
        heap.analysis_running(False)
        self._interrupt("alignment cancelled")
        self._stop("alignment cancelled")
        if self.pending:
            said = "Alignment cancelled: claims shown without divergences; F5 aligns again."
        elif self.stopped:
            said = "Alignment cancelled before any claim was found; F5 aligns again."
        elif self.ws.alignment is not None:
            # a re-run after an edit or a source change: what is on show does not have it yet
            said = "Alignment cancelled: the previous alignment stays on show; F5 aligns again."
        else:
            said = "Alignment cancelled."
        self.ws.message.emit(said)

    def on_failed(self, _token: int, exc: Exception) -> None:
        """Tell the user in one line; the traceback goes to stderr for the bug report."""
        heap.analysis_running(False)
        sys.stderr.write("".join(traceback.format_exception(exc)))
        self._interrupt("alignment failed")
        self._stop("alignment failed")
        self.ws.message.emit(f"Alignment failed: {exc}")

    def run_started(self) -> None:
        """Say "finding divergences" again when a new run starts on claims whose last run was stopped."""
        # Else the views would go on saying "F5 aligns again" while the run F5 started is under way.
        if self.stopped:
            self.stopped = ""
            self.ws.alignmentChanged.emit()
        if self.pending and self.interrupted:
            self.interrupted = ""
            self.ws.alignmentChanged.emit()
            self.ws.message.emit("Aligning again; the claims on show stay until the new ones are found.")

    def _stop(self, reason: str) -> None:
        if self.ws.alignment is None and self.ws.visible_sources():
            self.stopped = reason
            self.ws.alignmentChanged.emit()  # every view stops saying "Aligning…"

    def waiting(self) -> str:
        """Return what views say while no alignment is on show and sources are: aligning, or stopped."""
        if self.stopped:
            return f"Not aligned ({self.stopped}): F5 aligns again."
        return "Aligning…"

    def _interrupt(self, reason: str) -> None:
        if self.pending:
            self.interrupted = reason
            self.ws.alignmentChanged.emit()  # every view stops saying "finding divergences…"

    def cleared(self) -> None:
        """Forget a partial alignment (no sources left, or a new case)."""
        self.pending, self.interrupted, self._held_key, self._held_at = False, "", None, None
        self.stopped = ""

    def land(self, alignment: Alignment | None) -> None:
        """Show an alignment, keeping the user on the same claim, item and passage by key."""
        ws = self.ws
        if alignment is None:
            self.cleared()
        cur_claim = ws.current_claim()
        claim_key = cur_claim.key if cur_claim else None
        passage_ref = ws.passage_ref(ws.current_passage_id) if ws.current_passage_id else None
        div_key = ws.current_divergence_key
        ws.alignment = alignment
        ws._index_alignment()
        ws.pivots = {}
        for ckey, ref in ws.pivot_refs.items():
            pid = ws.index.passage_for_ref(ref)
            if pid and ws.index.claim_by_key(ckey) is not None:
                ws.pivots[ckey] = pid
        # Ids are positional: put the user back on the same claim, divergence and passage by key.
        ws.current_passage_id = ws.index.passage_for_ref(passage_ref)
        claim = ws.index.claim_by_key(claim_key)
        if claim is None and ws.current_passage_id:
            claim = ws.claim_of_passage(ws.current_passage_id)
        item = ws.index.divergence(div_key)
        ws.current_divergence_key = item.key if item else None
        if item is not None and (claim is None or not any(d.key == item.key for d in claim.divergences)):
            # keys must act on what is shown: the item's own claim, not a passage's first one
            claim = ws.index.claim(item.claim)
        ws.current_claim_id = claim.id if claim else None
        if not self.pending:
            ws.place_verdicts()  # on claims alone every verdict would look set aside: wait for the items
        ws.alignmentChanged.emit()
        ws.selection.changed.emit()

    def status(self) -> str:
        """Return what the views say instead of "no divergence" while the alignment on show is partial."""
        if not self.pending:
            return ""
        if self.interrupted:
            return f"Divergences not found ({self.interrupted}): F5 aligns again."
        return FINDING_STATUS
