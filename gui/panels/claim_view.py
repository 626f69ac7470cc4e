"""The claim view: the current claim's variants stacked, one full-width row per source, facts marked."""

from __future__ import annotations

import html
from functools import partial
from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.case import triage
from core.case.claim_wording import claim_heading
from core.compare.summary import majority_summary
from core.compare.worddiff import shared_word_fraction, word_diff
from core.model import TELLING_GAP
from gui.panels.claim_rows import HEADER_WIDTH, ClaimRow
from gui.panels.row_text import RowText, colour_name, marked_html
from gui.panels.variant_diff import NEAR_VERBATIM, diff_html, member_tellings
from gui.style import colors, theme

PREVIEW_ITEMS = 5  # queue items listed while nothing is current, so the view is not empty
NEAR_PX = 30  # rows this close to the view are filled with it (a row drawn while waiting fills itself)
KEYS_HINT = (
    "J/K divergence · N/P claim · 1 confirmed · 2 not significant · 3 follow-up · "
    "4 source error · 0 clear · W word diff · Ctrl+1 hide"
)


class ClaimView(QScrollArea):
    """Show the current claim: majority line, then every source's wording with the differing facts marked."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        # the triage panel's filters, so the preview lists the queue J walks (the window sets it)
        self.queue_filters: Callable[[], dict] = dict
        self.word_diff = False
        self._zoom = 0
        self._stale = True
        self.setObjectName("claimView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self.body = body
        # Both change on every J: laid out once per width, as the rows are.
        self.title = RowText(body)
        self.majority = RowText(body)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(0)
        self.hint = QLabel(KEYS_HINT, body)
        self.hint.setWordWrap(True)
        column = QVBoxLayout(body)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.majority)
        column.addLayout(self.rows_box)
        column.addStretch(1)
        column.addWidget(self.hint)
        self.setWidget(body)
        self.rows: list[ClaimRow] = []
        # What the rows were last drawn from (a verdict changes the title's state only).
        self._rows_key: tuple | None = None
        self._look: tuple | None = None  # palette and font of the rows' headers, read once per refresh
        self._verdicts_due = False  # a verdict's title redraw waits for the end of the event-loop turn
        self.verticalScrollBar().valueChanged.connect(self._fill_in_view)
        body.installEventFilter(self)  # a new height of the rows: fill those that came into view
        workspace.currentChanged.connect(self.refresh)
        workspace.verdictsChanged.connect(self._on_verdicts)
        for signal in (workspace.alignmentChanged, workspace.sourcesChanged):
            signal.connect(self._redraw_rows)
        self.refresh()

    # ----- public ---------------------------------------------------------------------------
    def set_word_diff(self, on: bool) -> None:
        """Show or hide the word diff under near-verbatim variants."""
        self.word_diff = bool(on)
        self.refresh()

    def _on_verdicts(self) -> None:
        """Redraw what a verdict changes once this event-loop turn is over (the key may move on first)."""
        # Drawn now, the title would be laid out for the item just judged, then again for the next.
        if not self._verdicts_due:
            self._verdicts_due = True
            QTimer.singleShot(0, self, self._show_verdicts)

    def _show_verdicts(self) -> None:
        """Redraw the title's state (a claim is shown), else the queue preview, unless a refresh did."""
        if not self._verdicts_due:
            return
        self._verdicts_due = False
        claim, al = self.ws.current_claim(), self.ws.alignment
        if self.isVisible() and not self._stale and claim is not None and al is not None:
            self._show_title(al, claim, self.ws.current_divergence())
        else:
            self.refresh()

    def _redraw_rows(self) -> None:
        """Redraw the rows too (a new alignment, or a source's label or date changed)."""
        self._rows_key = None
        self.refresh()

    def zoom(self, steps: int) -> None:
        """Enlarge (positive) or shrink (negative) the text."""
        font = self.body.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() + steps))
        self.body.setFont(font)

    def shown_claim_id(self) -> str | None:
        """Return the id of the claim on show (None when no claim is current)."""
        claim = self.ws.current_claim()
        return claim.id if claim is not None else None

    def row_texts(self) -> list[str]:
        """Return each row's plain text (outlet line, then wording), in row order."""
        for row in self.rows:
            row.fill()
        return [f"{r.header.text()}\n{r.text.text()}" for r in self.rows if r.isVisible()]

    # ----- drawing --------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw from the workspace (deferred while hidden: nothing is built for a hidden view)."""
        self._verdicts_due = False  # the title drawn below shows every verdict given so far
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._look = None
        al = self.ws.alignment
        claim = self.ws.current_claim()
        if al is None or claim is None:
            self._show_empty(al)
            item = self.ws.current_divergence() if al is not None else None
            if item is not None and item.variants:
                self._show_item_rows(al, item)
            return
        div = self.ws.current_divergence()
        self._show_title(al, claim, div)
        summary = self.ws.analysis_status() or majority_summary(claim, al, div)
        self.majority.setText(f"<b>{html.escape(summary)}</b>")
        self.majority.show()
        rows_key = (
            claim.id,
            div.key if div is not None else None,
            self.ws.current_passage_id,
            self.ws.pivots.get(claim.key, claim.pivot),
            self.word_diff,
            self.palette().cacheKey(),
        )
        if rows_key != self._rows_key:
            self._show_rows(al, claim, div)
            self._rows_key = rows_key

    def _show_empty(self, al) -> None:
        self._rows_key = None
        if al is None:
            text = "Aligning…" if self.ws.visible_sources() else "Add articles (Ctrl+O, Ctrl+U) to compare them."
        elif (item := self.ws.current_divergence()) is not None:
            # A fact-sheet row or a contradiction inside one source belongs to no claim: say what
            # is current (even when its passage is one no other source has); its words are
            # selected in the panes below.
            where = "Fact-sheet row (Ctrl+Shift+F shows the sheet)" if item.kind == "fact" else "Inside one source"
            text = (
                f"<b>{html.escape(where)}</b> · {html.escape(item.type)}: {html.escape(item.summary)}"
                " · its passages below; its words are marked in the panes too."
            )
        elif self.ws.current_passage_id and self.ws.is_unique(self.ws.current_passage_id):
            source = al.document_of(self.ws.current_passage_id).source
            text = (
                f"A passage only {html.escape(self.ws.source(source.key).label)} has: "
                f"“{html.escape(al.passage(self.ws.current_passage_id).text)}”"
            )
        else:
            text = self._queue_preview(al)
        self.title.setText(text)
        self.majority.hide()
        for row in self.rows:
            row.pending = None
            row.hide()

    def _queue_preview(self, al) -> str:
        """Return what to do first when nothing is current: the top of the queue J walks, and its keys."""
        if self.ws.analysis_status():
            return f"{self.ws.analysis_status()} N and P go claim by claim meanwhile."
        items = triage.queue(al, self.ws.verdicts, **self.queue_filters())
        if not items:
            return "No current claim and no item in the triage queue: N and P go claim by claim."
        judged = triage.decided(self.ws.verdicts)
        open_items = sum(1 for item in items if item.key not in judged)
        lines = [
            f"<b>Nothing selected yet.</b> Press <b>J</b> to start with the first of the {len(items)} items of "
            f"the triage queue ({open_items} untriaged), <b>N</b> to read claim by claim. Top of the queue:"
        ]
        pal = self.palette()
        for number, item in enumerate(items[:PREVIEW_ITEMS], 1):
            colour = colors.type_colour(item.type, pal).name()
            record = self.ws.verdicts.get(item.key)
            state = f" <i>[{html.escape(colors.verdict_text(record.verdict))}]</i>" if record and record.verdict else ""
            lines.append(
                f"{number}. <b style='color:{colour}'>{html.escape(item.type)}</b> · {html.escape(item.summary)}{state}"
            )
        return "<br>".join(lines)

    def _show_title(self, al, claim, div) -> None:
        docs = {m.split(":")[0] for m in claim.members}
        parts = [
            f"<b>{claim_heading(claim, al)}</b>",
            f"{len(docs)} of {len(al.documents)} sources",
            self.ws.analysis_status()
            or f"{len(claim.divergences)} divergence{'s' if len(claim.divergences) != 1 else ''}",
        ]
        if div is not None:
            verdict = self.ws.verdicts.get(div.key)
            state = colors.verdict_text(verdict.verdict if verdict else None)
            colour = colour_name(colors.type_colour, div.type, self.palette())
            parts.append(
                f"current: <b style='color:{colour}'>{html.escape(div.type)}</b> "
                f"— {html.escape(div.summary)} <i>[{html.escape(state)}]</i>"
            )
        self.title.setText(" · ".join(parts))

    def _ensure_rows(self, count: int) -> None:
        while len(self.rows) < count:
            row = ClaimRow(self.body, self._row_clicked)
            self.rows_box.addWidget(row)
            self.rows.append(row)

    def _show_rows(self, al, claim, div) -> None:
        pal = self.palette()
        tellings = {doc_id: (pid, parts) for doc_id, pid, parts in member_tellings(al, claim)}
        runs = {doc_id: (pid, TELLING_GAP.join(t for _s, t in parts)) for doc_id, (pid, parts) in tellings.items()}
        pivot_id = self.ws.pivots.get(claim.key, claim.pivot)
        pivot_start = al.passage(pivot_id).start if pivot_id in claim.members else -1
        pivot_parts = tellings.get(pivot_id.split(":")[0], ("", []))[1]
        # the reference is the pivot's own telling (a source may tell the fact twice)
        pivot_text = next((t for start, t in pivot_parts if start <= pivot_start < start + len(t)), "")
        pivot_text = pivot_text or TELLING_GAP.join(t for _s, t in pivot_parts)
        self._ensure_rows(len(al.documents))
        for i, row in enumerate(self.rows):
            row.setVisible(i < len(al.documents))
        placed = self._placed_sources()
        marks_of: dict[str, list] = {}  # each source's marks, read in one pass over the claim's variants
        for d in claim.divergences:
            for v in d.variants:
                marks_of.setdefault(v.passage.split(":")[0], []).append(
                    (v.start, v.end, d.type, div is not None and d.key == div.key)
                )
        for index, doc in enumerate(al.documents):
            row = self.rows[index]
            where, source = placed.get(doc.source.key, (index, doc.source))
            self._fill_header(row, source, where, doc.id == pivot_id.split(":")[0] and len(runs) > 1)
            if doc.id not in runs:
                row.bar.set_lit(False)
                dim = colour_name(theme.boilerplate_colour, None, pal)
                no_match = f"<span style='color:{dim}'><i>no matching passage found</i></span>"
                row.pending = partial(self._fill_sentence, row, partial(str, no_match), row.diff.hide)
                row.passage_id = ""
                continue
            first_id, text = runs[doc.id]
            row.passage_id = first_id
            current_row = self.ws.current_passage_id is not None and self.ws.current_passage_id.split(":")[0] == doc.id
            row.bar.set_lit(current_row)
            parts = [t for _s, t in tellings[doc.id][1]]
            if self.word_diff and len(parts) > 1:
                # a source that tells the fact twice is diffed by its telling nearest the reference
                text = max(parts, key=lambda t: shared_word_fraction(pivot_text, t))
            marks = marks_of.get(doc.id, [])
            # each telling is marked at its own offsets, then the tellings are joined
            rich = partial(self._marked_run, tellings[doc.id][1], marks, pal)
            diff = partial(self._fill_diff, row, doc.id == pivot_id.split(":")[0], pivot_text, text)
            row.pending = partial(self._fill_sentence, row, rich, diff)
        # Twenty rows set and laid out cost a millisecond or two of every J: those out of view
        # wait until they are scrolled to (or drawn), and a next J replaces what they waited for.
        self._fill_in_view()

    @staticmethod
    def _marked_run(tellings: list, marks: list, pal) -> str:
        return html.escape(TELLING_GAP).join(marked_html(part, start, marks, pal) for start, part in tellings)

    @staticmethod
    def _fill_sentence(row: ClaimRow, rich: Callable[[], str], then: Callable[[], None]) -> None:
        row.text.setText(rich())
        then()

    def _fill_in_view(self, *_args) -> None:
        """Fill the rows that lie in or near the view; the others wait until they are scrolled to."""
        if not any(row.pending is not None for row in self.rows):
            return
        top = self.verticalScrollBar().value() - NEAR_PX
        bottom = top + self.viewport().height() + 2 * NEAR_PX
        # The rows start below the title and majority line, whose new texts may not be laid out yet.
        y = self.rows[0].y()
        for label in (self.title, self.majority):
            if label.isVisibleTo(self.body) and label.width() > 0:
                y += label.heightForWidth(label.width()) - label.height()
        for row in self.rows:
            if y > bottom:
                break  # the rows further down wait: measuring each of twenty rows cost a J half a millisecond
            if not row.isVisibleTo(self.body):
                continue
            height = row.expected_height()
            if row.pending is not None and y + height >= top and y <= bottom:
                row.fill()
                height = row.expected_height()
            y += height

    def eventFilter(self, obj, event) -> bool:
        if obj is self.body and event.type() == QEvent.Type.Resize:
            self._fill_in_view()
        return super().eventFilter(obj, event)

    def _row_clicked(self, passage_id: str) -> None:
        self.ws.select_passage(passage_id)  # the panes level on this source's passage
        self.setFocus()

    def _show_item_rows(self, al, item) -> None:
        """List a contradiction's or fact row's passages: one row per passage, its words marked."""
        # Such an item belongs to no claim, so there is no majority line; the rows are what the
        # checker judges. Variants in one sentence share its row (the sentence is read once).
        pal = self.palette()
        passages: dict[str, list] = {}
        for variant in item.variants:
            passages.setdefault(variant.passage, []).append(variant)
        self._ensure_rows(len(passages))
        for i, row in enumerate(self.rows):
            row.setVisible(i < len(passages))
        placed = self._placed_sources()
        for row, (pid, variants) in zip(self.rows, passages.items()):
            row.pending = None  # a sentence waiting from the claim shown before must not land here
            doc = al.document_of(pid)
            passage = al.passage(pid)
            where, source = placed.get(doc.source.key, (int(doc.id[1:]), doc.source))
            self._fill_header(row, source, where, False)
            marks = [(v.start, v.end, item.type, True) for v in variants]
            row.text.setText(marked_html(passage.text, passage.start, marks, pal))
            row.bar.set_lit(self.ws.current_passage_id == pid)
            row.diff.hide()
            # A click would make the passage's claim current and drop this item: rows stay still.
            row.passage_id = ""

    def _placed_sources(self) -> dict:
        """Return each source of the case by key, with its place among all sources."""
        # The chip is the source's colour in the list and the panes: its place among all sources,
        # not among the aligned ones (a hidden source would shift every colour after it).
        return {s.key: (i, s) for i, s in enumerate(self.ws.sources)}

    def _fill_header(self, row: ClaimRow, source, index: int, is_pivot: bool) -> None:
        # The same source in the same row looks the same: skip the font measuring (every J). The
        # look (palette, font) is read once per refresh: twenty rows asked it on every J.
        if self._look is None:
            self._look = (self.palette().cacheKey(), self.body.font().key())
        shown = (source, index, is_pivot, self._look)
        if shown == row.header_shown:
            return
        row.header_shown = shown
        chip = theme.source_colour(index, self.palette()).name()
        bold = QFont(row.header.font())
        bold.setBold(True)  # the name is drawn bold: measured plain, a long name is cut without "…"
        name = QFontMetrics(bold).elidedText(source.label, Qt.TextElideMode.ElideRight, HEADER_WIDTH - 24)
        meta = [source.published[:10]] if source.published else []
        if is_pivot:
            meta.append("reference")
        second = f"<br><small>{html.escape(' · '.join(meta))}</small>" if meta else ""
        row.header.setText(f"<span style='color:{chip}'>&#9632;</span> <b>{html.escape(name)}</b>{second}")
        row.header.setToolTip(
            " · ".join(x for x in (source.outlet, source.title, source.published, source.url or source.path) if x)
        )

    def _fill_diff(self, row: ClaimRow, is_pivot: bool, pivot_text: str, text: str) -> None:
        if not self.word_diff or is_pivot or not pivot_text:
            row.diff.hide()
            return
        shared = shared_word_fraction(pivot_text, text)
        if shared >= NEAR_VERBATIM:
            dark = theme.is_dark(self.palette())
            row.diff.setText(
                f"<small>word diff against the reference:</small><br>{diff_html(word_diff(pivot_text, text), dark)}"
            )
        else:
            row.diff.setText(
                f"<small><i>paraphrase ({shared:.0%} of words shared): no word diff; "
                "the marked facts are what differs</i></small>"
            )
        row.diff.show()
