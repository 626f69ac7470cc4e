"""The inspector of the current claim: pivot, word diffs, typed divergences with verdicts, annotations."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.case.claim_wording import claim_heading, claim_summary
from gui.style import colors
from gui.style import theme
from gui.state.annotation_index import AnnotationIndex
from gui.state.tasks import TaskRunner
from gui.dialogs.dialog_keys import SaveKeyFilter
from gui.panels.inspector_text import annotations_html, divergence_rows_html, item_wordings_html, variants_html
from gui.panels.variant_diff import diff_variants, member_runs

VERDICT_KEYS = (("1", "confirmed"), ("2", "not_significant"), ("3", "follow_up"))
SYNC_DIFF_CHARS = 500  # claims whose texts total less are diffed at once (about 3 ms of work)
DIFF_DELAY_MS = 40  # wait this long on a claim before diffing it (held N/J keys skip the work)
DIFF_MEMO = 256  # claim/pivot diffs kept, so N/P/J/K back and forth never re-diffs


class Inspector(QWidget):
    """Show the current claim in depth and send pivot, verdict and note intents to the workspace."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        # Created before refresh is connected, so that it hears of a change first.
        self._annotation_index = AnnotationIndex(workspace)
        self.ws = workspace
        self._updating = False
        self._note_key: str | None = None
        self._shown: dict[int, str] = {}  # the rich text each browser shows now
        # (claim key, pivot text, variant texts) -> their diffs; only the current claim is diffed.
        self._diffs: dict[tuple, tuple] = {}
        self._wanted: tuple | None = None  # (diff key, pivot text) the current claim still lacks
        self._pending: tuple | None = None  # the diff key the background job works on
        self._differ = TaskRunner(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DIFF_DELAY_MS)
        self._debounce.timeout.connect(self._start_diff)
        self._differ.finished.connect(self._on_diffs)
        self._differ.failed.connect(self._on_diff_failed)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.pivot_combo = QComboBox(self)
        self.pivot_combo.setToolTip("The variant the others are compared against")
        # Long outlet names must not widen the dock: the combo shows a short start and elides.
        self.pivot_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pivot_combo.setMinimumContentsLength(12)
        self.pivot_combo.currentIndexChanged.connect(self._on_pivot)
        pivot_row = QHBoxLayout()
        pivot_row.addWidget(QLabel("Compare against:", self))
        pivot_row.addWidget(self.pivot_combo, 1)
        self.variants = QTextBrowser(self)
        self.variants.setOpenLinks(False)
        self.divergences = QTextBrowser(self)
        self.divergences.setOpenLinks(False)
        self.divergences.anchorClicked.connect(self._on_anchor)
        self.buttons: dict[str, QPushButton] = {}
        # Two buttons a row: a narrow dock shows all of them, none behind a sideways scroll bar.
        verdict_row = QGridLayout()
        for index, (key, verdict) in enumerate(VERDICT_KEYS):
            button = QPushButton(f"{key} {colors.verdict_text(verdict).capitalize()}", self)
            button.setToolTip(f"{colors.verdict_label(verdict)} ({key})")
            button.clicked.connect(lambda _=False, v=verdict: self._verdict(v))
            self.buttons[verdict] = button
            verdict_row.addWidget(button, index // 2, index % 2)
        self.error_button = QToolButton(self)
        self.error_button.setText("4 Source error")
        self.error_button.setToolTip("Error in a source (4): choose which source")
        self.error_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.error_menu = QMenu(self.error_button)
        self.error_button.setMenu(self.error_menu)
        self.error_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        verdict_row.addWidget(self.error_button, 1, 1)
        self.clear_button = QPushButton("0 Clear", self)
        self.clear_button.setToolTip("Remove the verdict (0)")
        self.clear_button.clicked.connect(self._clear)
        verdict_row.addWidget(self.clear_button, 2, 0)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText("Note on the current divergence (E to edit)")
        self.note.setMaximumHeight(70)
        self.save_note = QPushButton("Save note", self)
        self.save_note.setToolTip("Save the note of the current divergence (Ctrl+Enter in the note)")
        self.save_note.clicked.connect(self._save_note)
        self.annotations = QLabel(self)
        self.annotations.setWordWrap(True)
        self.annotations.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(
            "<small>N/P claim · J/K divergence · 1–4 verdict · A annotate · Ctrl+K all actions</small>", self
        )
        self.hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.title)
        column.addLayout(pivot_row)
        column.addWidget(QLabel("<b>Variants</b>", self))
        column.addWidget(self.variants, 3)
        self.divergences_label = QLabel("<b>Divergences</b>", self)
        column.addWidget(self.divergences_label)
        column.addWidget(self.divergences, 2)
        column.addLayout(verdict_row)
        column.addWidget(self.note)
        column.addWidget(self.save_note, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.annotations)
        column.addWidget(self.hint)
        SaveKeyFilter(self, (self.note,)).saveRequested.connect(self._save_note)
        self._shown_state: tuple | None = None
        for signal in (workspace.alignmentChanged, workspace.annotationsChanged, workspace.sourcesChanged):
            signal.connect(self._forget_shown)
        for signal in (
            workspace.currentChanged,
            workspace.alignmentChanged,
            workspace.verdictsChanged,
            workspace.annotationsChanged,
            workspace.sourcesChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    # ----- content ------------------------------------------------------------------------
    def _label(self, pid: str) -> str:
        return self.ws.alignment.document_of(pid).source.label

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Catch up with the moves made while hidden."""
        super().showEvent(event)
        self.refresh()

    def _forget_shown(self) -> None:
        self._shown_state = None

    def _state(self) -> tuple:
        """Return everything a refresh reads that a move or a verdict can change."""
        claim = self.ws.current_claim()
        current = self.ws.current_divergence_key
        # A fact-sheet row is no claim's divergence: its own verdict shows on the buttons too.
        keys = [d.key for d in claim.divergences] if claim is not None else []
        keys += [current] if current is not None and current not in keys else []
        return (
            claim.key if claim is not None else None,
            self.ws.pivots.get(claim.key) if claim else None,
            current,
            self.ws.current_passage_id,
            tuple(self.ws.verdicts.get(k) for k in keys),
            self.palette().cacheKey(),
            getattr(self.ws, "read_only", False),
            self.ws.analysis_status(),
        )

    def refresh(self, force: bool = False) -> None:
        """Show the workspace's current claim (or say why there is none); skip when nothing shown changed."""
        if not self.isVisible() and not force:
            self._shown_state = None  # hidden (its dock closed): draw when shown, not on every move
            return
        state = self._state()
        if state == self._shown_state and not force:
            return
        self._shown_state = state
        self._updating = True
        try:
            self._refresh()
        finally:
            self._updating = False

    def _refresh(self) -> None:
        al, claim = self.ws.alignment, self.ws.current_claim()
        has_claim = claim is not None and al is not None
        for w in (self.pivot_combo, self.variants, self.divergences):
            w.setEnabled(has_claim)
        # Only a claim has divergences of its own: a fact row, a contradiction or a unique passage
        # gives the room to its wordings instead of an empty box.
        self.divergences_label.setVisible(has_claim)
        self.divergences.setVisible(has_claim)
        self.pivot_combo.clear()
        if not has_claim:
            self._wanted = None
            self._show_no_claim(al)
            return
        pivot = self.ws.pivots.get(claim.key, claim.pivot)
        runs = member_runs(al, claim)
        pivot_doc = pivot.split(":")[0]
        self.title.setText(
            f"<b>{claim_heading(claim, al)}</b> · {len(runs)} sources · link score "
            f"{claim.score:.2f}<br>{html.escape(self.ws.analysis_status() or claim_summary(claim, al))}"
        )
        for doc_id, pid, _text in runs:
            self.pivot_combo.addItem(self._label(pid), pid)
        self.pivot_combo.setCurrentIndex(max(0, next((i for i, r in enumerate(runs) if r[0] == pivot_doc), 0)))
        pivot_text = next((t for d, _p, t in runs if d == pivot_doc), runs[0][2])
        others = [(pid, text) for doc_id, pid, text in runs if doc_id != pivot_doc]
        key = (claim.key, pivot_text, tuple(t for _p, t in others))
        diffs = self._diffs.get(key)
        if diffs is None and sum(len(t) for t in key[2]) + len(pivot_text) <= SYNC_DIFF_CHARS:
            diffs = self._remember(key, diff_variants(pivot_text, key[2]))
        # Long variants are diffed off the GUI thread, once the selection rests, so that N/P/J/K
        # answer within a frame; the texts show at once and their marks follow.
        self._wanted = (key, pivot_text) if diffs is None else None
        if diffs is None and self._pending != key:
            self._debounce.start()
        self._show_variants(pivot, pivot_text, others, diffs)
        self._show_divergences(claim)
        self._show_annotations(claim)

    def _remember(self, key: tuple, diffs: tuple) -> tuple:
        self._diffs[key] = diffs
        while len(self._diffs) > DIFF_MEMO:
            del self._diffs[next(iter(self._diffs))]
        return diffs

    def _start_diff(self) -> None:
        if self._wanted is None:
            return
        key, pivot_text = self._wanted
        if key in self._diffs or key == self._pending:
            return
        self._pending = key
        self._differ.start(diff_variants, pivot_text, key[2])

    def _on_diffs(self, _token: int, diffs: tuple) -> None:
        key, self._pending = self._pending, None
        if key is None:
            return
        self._remember(key, diffs)
        if self._wanted is not None and self._wanted[0] == key:
            self.refresh(force=True)
        elif self._wanted is not None:
            self._debounce.start()  # the user moved on while this ran: diff where they are now

    def _on_diff_failed(self, _token: int, exc: object) -> None:
        self._pending = self._wanted = None
        if hasattr(self.ws, "message"):
            self.ws.message.emit(f"Word diff failed: {exc}")

    def _show_variants(self, pivot: str, pivot_text: str, others: list, diffs: tuple | None) -> None:
        dark = theme.is_dark(self.palette())
        self._set_html(self.variants, variants_html(self._label, pivot, pivot_text, others, diffs, dark))

    def diffs_pending(self) -> bool:
        """Return True while the current claim's word diffs are still awaited."""
        return self._wanted is not None

    def _set_html(self, browser: QTextBrowser, text: str) -> None:
        # Re-laying out unchanged rich text is most of the cost of moving to the next divergence.
        if self._shown.get(id(browser)) != text:
            self._shown[id(browser)] = text
            browser.setHtml(text)

    def _show_no_claim(self, al) -> None:
        pid = self.ws.current_passage_id
        div = self.ws.current_divergence()
        if al is not None and div is not None:
            # A fact-sheet row or a contradiction inside one source: no claim, but an item to judge,
            # named as the claim view names it, with each passage's words.
            where = "Fact sheet" if div.kind == "fact" else "Inside one source"
            self.title.setText(f"<b>{where}</b> · {html.escape(div.type)}<br>{html.escape(div.summary)}")
            self._set_html(self.variants, item_wordings_html(self._label, div, al))
            self.variants.setEnabled(True)  # the words to judge must not look greyed out
            self._set_html(self.divergences, "")
            self.annotations.setText("")
            self._enable_verdicts(div)
            return
        if al is not None and pid and self.ws.is_unique(pid):
            p = al.passage(pid)
            self.title.setText(f"<b>Unique passage</b>: only {html.escape(self._label(pid))} reports this.")
            self._set_html(self.variants, f"<p>{html.escape(p.text)}</p>")
        else:
            self.title.setText(
                "No claim selected. N/P move between claims, J/K between divergences."
                if al is not None
                else self.ws.waiting_status()
            )
            self._set_html(self.variants, "")
        self._set_html(self.divergences, "")
        self.annotations.setText("")
        self._enable_verdicts(None)

    def _show_divergences(self, claim) -> None:
        self._set_html(self.divergences, divergence_rows_html(self.ws, claim, self._label, self.palette()))
        self._enable_verdicts(self.target_divergence())

    def _show_annotations(self, claim) -> None:
        self.annotations.setText(annotations_html(self._annotation_index.for_claim(claim)))

    # ----- intents ------------------------------------------------------------------------
    def target_divergence(self):
        """Return the divergence the verdict buttons act on: the current one, else the claim's only one."""
        div = self.ws.current_divergence()
        if div is not None:
            return div
        claim = self.ws.current_claim()
        return claim.divergences[0] if claim is not None and len(claim.divergences) == 1 else None

    def _enable_verdicts(self, div) -> None:
        for w in (*self.buttons.values(), self.error_button, self.clear_button, self.note, self.save_note):
            w.setEnabled(div is not None)
        record = self.ws.verdicts.get(div.key) if div is not None else None
        key = div.key if div is not None else None
        # Keep what the user is typing when something else refreshes the inspector.
        stored = record.note if record else ""
        if (key != self._note_key or not self.note.hasFocus()) and self.note.toPlainText() != stored:
            self.note.setPlainText(stored)
        self._note_key = key
        for verdict, button in self.buttons.items():
            button.setCheckable(True)
            button.setChecked(record is not None and record.verdict == verdict)
        self.error_menu.clear()
        if div is not None:
            seen = []
            for v in div.variants:
                source = self.ws.alignment.document_of(v.passage).source
                if source.key not in seen:
                    seen.append(source.key)
                    action = self.error_menu.addAction(f"Error in {source.label} (“{v.text}”)")
                    action.triggered.connect(lambda _=False, k=source.key: self._verdict("source_error", k))

    def _verdict(self, verdict: str, source_key: str = "") -> None:
        div = self.target_divergence()
        if div is not None:
            self.ws.set_verdict(div.key, verdict, source_key=source_key)

    def _clear(self) -> None:
        div = self.target_divergence()
        if div is not None:
            self.ws.clear_verdict(div.key)

    def _save_note(self) -> None:
        div = self.target_divergence()
        if div is not None:
            self.ws.set_note(div.key, self.note.toPlainText().strip())

    def _on_pivot(self, index: int) -> None:
        claim = self.ws.current_claim()
        if self._updating or claim is None or index < 0:
            return
        pid = self.pivot_combo.itemData(index)
        if pid != self.ws.pivots.get(claim.key, claim.pivot):
            self.ws.set_pivot(claim.id, pid)

    def _on_anchor(self, url) -> None:
        text = url.toString()
        if text.startswith("div:"):
            self.ws.select_divergence(text[4:])

    def edit_note(self) -> None:
        """Put the keyboard in the note of the current divergence."""
        self.note.setFocus()
