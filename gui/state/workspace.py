"""The one owner of the window's state: case, sources, alignment, current item, verdicts, notes."""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from core.model import Alignment, AlignmentEdit, Claim, Divergence, Document, PassageRef, Source
from core.case.records import Annotation, VerdictRecord
from gui.state import heap
from gui.state.alignment_index import AlignmentIndex
from gui.state.case_writes import CaseWrites
from gui.state.landing import STAGED_CHARS, AlignmentLanding, run_analysis, staged
from gui.state.selection import Selection, SelectionField
from gui.state.source_intents import SourceIntents, refused_message  # noqa: F401 (re-exported for callers)
from gui.state.tasks import TaskRunner
from gui.state.undoable_intents import UndoableIntents
from core.case.reattach import Placement, SetAside, describe, orphaned_annotations, place

DEBOUNCE_MS = 150


def _default_analyze(sources, edits, progress=None, should_cancel=None, on_claims=None) -> Alignment:
    from core.analysis import analyze  # imported late: the engine is heavy and UI start must be quick

    return analyze(sources, edits, progress=progress, should_cancel=should_cancel, on_claims=on_claims)


class Workspace(QObject):
    """Hold the case and everything shown; every change goes through its methods and signals."""

    sourcesChanged = Signal()
    alignmentChanged = Signal()
    currentChanged = Signal()
    verdictsChanged = Signal()
    annotationsChanged = Signal()
    setAsideChanged = Signal()
    busyChanged = Signal(bool)
    progressChanged = Signal(float)
    message = Signal(str)
    current_claim_id = SelectionField("claim_id")
    current_divergence_key = SelectionField("divergence_key")
    current_passage_id = SelectionField("passage_id")
    loader: TaskRunner  # set in __init__; named here because a lambda reads it before
    staged_chars = STAGED_CHARS  # above this many characters aligned, claims show before divergences

    def __init__(
        self,
        case=None,
        analyze: Optional[Callable] = None,
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ):
        super().__init__(parent)
        self._analyze = analyze or _default_analyze
        self.selection = Selection(self, self)
        self.selection.changed.connect(self.currentChanged)
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        self.tasks.busyChanged.connect(lambda busy: self.busyChanged.emit(busy or self.loader.busy))
        self.tasks.progress.connect(lambda _token, f: self.progressChanged.emit(f))
        self.landing = AlignmentLanding(self)
        self.tasks.partial.connect(self.landing.on_partial)
        self.tasks.finished.connect(self.landing.on_finished)
        self.tasks.failed.connect(self.landing.on_failed)
        self.tasks.cancelled.connect(self.landing.on_cancelled)
        self.loader = TaskRunner(self, keep_all=True)
        self.loader.finished.connect(lambda _t, result: self.add_sources(*result))
        self.loader.failed.connect(lambda _t, exc: self.message.emit(f"Could not load the files: {exc}"))
        self.loader.busyChanged.connect(self._on_loading)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.realign_now)
        self.case = None
        self.writer = CaseWrites(self)  # the undo commands' context: one write each
        self.source_intents = SourceIntents(self)
        self.intents = UndoableIntents(self, self.writer)
        self._reset_state()
        if case is not None:
            self.load_case(case)

    # ----- state ---------------------------------------------------------------------------
    def _reset_state(self) -> None:
        self.sources: list[Source] = []
        self.hidden: set[str] = set()
        self.alignment: Alignment | None = None
        self.landing.cleared()
        self.selection.set(None, None, None, announce=False)
        self.pivots: dict[str, str] = {}
        self.pivot_refs: dict[str, PassageRef] = {}  # chosen pivots, by claim key, as stable refs
        self.stored_verdicts: dict[str, VerdictRecord] = {}  # as in the case, by the key judged
        self.placement = Placement()
        self.verdicts: dict[str, VerdictRecord] = {}  # placed on the current items, by item key
        self.set_aside: tuple[SetAside, ...] = ()
        self._placed_on_alignment = False
        self.auto_advance = True
        self.annotations: list[Annotation] = []
        self.edits: list[tuple[int, AlignmentEdit]] = []
        self.writer.reset()
        self._index_alignment()

    def load_case(self, case) -> None:
        """Show this case: its sources, hidden set, verdicts, annotations, pivots; then align."""
        if self.case is not None and self.case is not case:
            self.case.close()
        self.tasks.cancel()
        self.undo_stack.clear()
        self._reset_state()
        self.case = case
        self.sources = list(case.sources())
        self.hidden = set(case.hidden_sources()) & {s.key for s in self.sources}
        self.stored_verdicts = dict(case.verdicts())
        self.auto_advance = bool(case.get_setting("auto_advance", True))
        self.annotations = list(case.annotations())
        self.place_verdicts(announce=False)
        self.edits = list(case.edits())
        self.pivot_refs = dict(case.pivots())
        self.sourcesChanged.emit()
        self.alignmentChanged.emit()
        self.verdictsChanged.emit()
        self.annotationsChanged.emit()
        self.currentChanged.emit()
        self.realign()

    @property
    def read_only(self) -> bool:
        """Return True when edits cannot be saved (case opened by another instance)."""
        return bool(self.case is not None and self.case.read_only)

    @property
    def author(self) -> str:
        """Return the name written into verdicts and annotations."""
        return getattr(self.case, "author", "") or ""

    def visible_sources(self) -> list[Source]:
        """Return the sources shown and aligned, in pane order."""
        return [s for s in self.sources if s.key not in self.hidden]

    def source(self, key: str) -> Source | None:
        """Return the source with this key."""
        return next((s for s in self.sources if s.key == key), None)

    def _index_alignment(self) -> None:
        self.index = AlignmentIndex(self.alignment)

    def document_for(self, source_key: str) -> Document | None:
        """Return the aligned document of a source, or None before alignment or when hidden."""
        return self.index.document_for(source_key)

    def claim(self, claim_id: str | None) -> Claim | None:
        """Return the claim with this id in the current alignment."""
        return self.index.claim(claim_id)

    def claim_of_passage(self, passage_id: str | None) -> Claim | None:
        """Return the claim a passage belongs to, or None (unique or unknown)."""
        return self.index.claim_of_passage(passage_id)

    def is_unique(self, passage_id: str) -> bool:
        """Return True when no other source has this passage."""
        return self.index.is_unique(passage_id)

    def divergence(self, key: str | None) -> Divergence | None:
        """Return the divergence with this key in the current alignment."""
        return self.index.divergence(key)

    def current_claim(self) -> Claim | None:
        """Return the current claim."""
        return self.claim(self.current_claim_id)

    def current_divergence(self) -> Divergence | None:
        """Return the current divergence."""
        return self.divergence(self.current_divergence_key)

    def passage_ref(self, passage_id: str | None) -> PassageRef | None:
        """Return the stable reference (source key + range) of a passage of the current alignment."""
        return self.index.passage_ref(passage_id)

    def passage_at(self, source_key: str, offset: int) -> str | None:
        """Return the id of the passage of this source that covers a text offset."""
        return self.index.passage_at(source_key, offset)

    def select_claim(self, claim_id: str | None) -> None:
        """Make a claim current (the selection's rules)."""
        self.selection.select_claim(claim_id)

    def select_divergence(self, key: str | None, passage_id: str | None = None) -> None:
        """Make a queue item and its claim current; passage_id: one of its variants' passages to show."""
        self.selection.select_divergence(key, passage_id)

    def select_passage(self, passage_id: str | None) -> None:
        """Make a passage and its claim current."""
        self.selection.select_passage(passage_id)

    # ----- alignment ---------------------------------------------------------------------------
    def realign(self) -> None:
        """Re-align shortly; calls in quick succession start only one job."""
        self._debounce.start()

    def realign_now(self) -> None:
        """Start aligning the visible sources in the background at once."""
        self._debounce.stop()
        visible = self.visible_sources()
        if not visible:
            self.tasks.cancel()
            heap.analysis_running(False)
            self._set_alignment(None)
            return
        edits = [edit for _id, edit in self.edits]
        heap.realign_started()
        heap.analysis_running(True)
        large = sum(len(s.text) for s in visible) > self.staged_chars
        self.tasks.start(run_analysis, self._analyze, list(visible), edits, partial=large and staged(self._analyze))
        self.landing.run_started()

    def _on_loading(self, busy: bool) -> None:
        self.busyChanged.emit(busy or self.tasks.busy)

    @property
    def busy(self) -> bool:
        """Return True while sources load or alignment runs."""
        return self.tasks.busy or self.loader.busy

    def cancel(self) -> None:
        """Stop the running alignment."""
        self._debounce.stop()
        self.tasks.cancel()

    @property
    def divergences_pending(self) -> bool:
        """Return True while the alignment on show has its claims but not yet its divergences."""
        return self.landing.pending

    def analysis_status(self) -> str:
        """Return what views say in place of "no divergence" while divergences are pending ("" when not)."""
        return self.landing.status()

    def waiting_status(self) -> str:
        """Return what views say while no alignment is on show: "Aligning…", or why none is coming."""
        return self.landing.waiting() if self.visible_sources() else "No sources yet."

    def _set_alignment(self, alignment: Alignment | None) -> None:
        self.landing.land(alignment)

    # ----- the checker's work on the current alignment ------------------------------------------
    def place_verdicts(self, announce: bool = True, placement: Placement | None = None) -> None:
        """Put every stored verdict and note on the item it judged (or set it aside); say what moved."""
        # placement: the answer already known (one verdict on a current item, reattach.place_one).
        # Compared only with a placement on an alignment: opening a case is not "placing back".
        if self.divergences_pending:
            return  # claims alone hold no item: every verdict is placed when the divergences land
        before = {s.record.divergence_key for s in self.set_aside} if self._placed_on_alignment else None
        previous_aside = self.set_aside
        if placement is None:
            placement = place(self.stored_verdicts, self.alignment) if self.alignment else Placement()
        self.placement = placement
        self.verdicts = dict(self.placement.verdicts)
        self.set_aside = self.placement.set_aside
        self._placed_on_alignment = self.alignment is not None
        if announce and before is not None and self.alignment is not None:
            after = {s.record.divergence_key for s in self.set_aside}
            newly = len(after - before)
            # Nothing was set aside before (the usual verdict key): nothing can have come back, and
            # the stored key of every verdict given (a thousand, deep into a queue) is not looked up.
            back = len(before & {self.placement.stored_key(k) for k in self.placement.verdicts}) if before else 0
            parts = []
            if newly:
                parts.append(
                    f"{newly} verdict{'s' if newly != 1 else ''} or note{'s' if newly != 1 else ''} "
                    "set aside: the alignment no longer has what was judged (View ▸ Set aside, Ctrl+Shift+B)."
                )
            if back:
                parts.append(
                    f"{back} set-aside verdict{'s' if back != 1 else ''} placed back on the divergence judged."
                )
            if parts:
                self.message.emit(" ".join(parts))
        self.verdictsChanged.emit()
        # The set-aside list (and its check of every annotation) is rebuilt only when it changed.
        if self.set_aside != previous_aside:
            self.setAsideChanged.emit()

    def stored_key_of(self, item_key: str) -> str:
        """Return the key the record now on this item is stored under."""
        return self.placement.stored_key(item_key)

    def described(self, record: VerdictRecord) -> VerdictRecord:
        """Return the record carrying its item's type, kind and variants, so it can be placed again."""
        item = self.divergence(record.divergence_key)
        return describe(record, self.alignment, item) if item is not None else record

    def orphaned_annotations(self) -> list[Annotation]:
        """Return the annotations whose target the current alignment does not have."""
        if self.divergences_pending:
            return []  # an item's annotation is not orphaned because its item is not found yet
        return orphaned_annotations(self.annotations, self.alignment, self.placement)

    # ----- sources (SourceIntents) -----------------------------------------------------------
    def add_files(self, paths) -> None:
        """Load files in the background; the good ones join the case, the refused ones get one message."""
        self.source_intents.add_files(paths)

    def add_text(self, text: str, title: str = "Pasted text") -> None:
        """Add pasted text as a source."""
        self.source_intents.add_text(text, title)

    def add_sources(self, sources: list[Source], errors: Iterable = ()) -> None:
        """Add loaded sources to the case; report duplicates and refused files in one message."""
        self.source_intents.add_sources(sources, errors)

    def remove_source(self, key: str) -> None:
        """Remove a source from the case (its verdicts stay stored)."""
        self.source_intents.remove_source(key)

    def set_hidden(self, key: str, hidden: bool, realign: bool = False) -> None:
        """Hide a source's pane or show it again; the alignment re-runs only when asked (or needed)."""
        self.source_intents.set_hidden(key, hidden, realign)

    def move_source(self, key: str, new_index: int) -> None:
        """Move a source to a new position in the pane order."""
        self.source_intents.move_source(key, new_index)

    def update_source_details(self, key: str, **details: str) -> bool:
        """Change a source's outlet, title, author, published date or URL, save it and re-align."""
        return self.source_intents.update_source_details(key, **details)

    # ----- undoable intents (UndoableIntents) and direct writes (CaseWrites) -----------------
    def set_pivot(self, claim_id: str, passage_id: str) -> None:
        """Choose the member a claim's variants are compared against (stored in the case)."""
        self.writer.set_pivot(claim_id, passage_id)

    def set_auto_advance(self, on: bool) -> None:
        """Choose whether a verdict key moves on to the next untriaged item; saved with the case."""
        self.writer.set_auto_advance(on)

    def set_verdict(self, key: str, verdict: str, note: str | None = None, source_key: str = "") -> None:
        """Give a divergence a verdict (undoable); the note is kept unless a new one is given."""
        self.intents.set_verdict(key, verdict, note, source_key)

    def clear_verdict(self, key: str) -> None:
        """Remove a divergence's verdict (undoable); its note stays, on an untriaged divergence."""
        self.intents.clear_verdict(key)

    def set_note(self, key: str, note: str) -> None:
        """Set the note of a divergence (undoable); a note alone leaves the divergence untriaged."""
        self.intents.set_note(key, note)

    def add_annotation(self, annotation: Annotation) -> None:
        """Add an annotation (undoable)."""
        self.intents.add_annotation(annotation)

    def update_annotation(self, annotation: Annotation) -> None:
        """Replace an annotation by its new version (undoable)."""
        self.intents.update_annotation(annotation)

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete an annotation (undoable)."""
        self.intents.delete_annotation(annotation_id)

    def add_edit(self, edit: AlignmentEdit) -> None:
        """Store a manual link/unlink/split/merge and re-align (undoable)."""
        self.intents.add_edit(edit)

    def remove_edit(self, edit_id: int) -> None:
        """Drop a stored manual edit and re-align (undoable)."""
        self.intents.remove_edit(edit_id)

    def reattach_set_aside(self, stored_key: str, item_key: str | None = None) -> None:
        """Put a set-aside verdict or note on an item (the current one by default), as one undo step."""
        self.intents.reattach_set_aside(stored_key, item_key)

    def dismiss_set_aside(self, stored_key: str) -> None:
        """Delete a set-aside verdict or note on purpose (undoable; the audit keeps it)."""
        self.intents.dismiss_set_aside(stored_key)

    # ----- writability ----------------------------------------------------------------------
    def check_writable(self) -> bool:
        """Return True when the case accepts changes; otherwise tell the user why not."""
        if self.read_only:
            reason = getattr(self.case, "read_only_reason", "") or "opened elsewhere"
            self.message.emit(f"Read-only case ({reason}): nothing can be changed here.")
            return False
        return True

    def close(self) -> None:
        """Stop background work and close the case."""
        self.cancel()
        self.tasks.wait(3000)
        heap.analysis_running(False)
        self.loader.wait(3000)
        if self.case is not None:
            self.case.close()
            self.case = None
