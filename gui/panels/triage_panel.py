"""The triage queue: queue items by rank with type chip, summary and verdict; progress; filters."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.model import DIVERGENCE_TYPES, VERDICTS
from core.case.triage import TRIAGED, UNTRIAGED, progress, progress_line, queue
from gui.state.landing import FINDING_STATUS
from gui.panels.filter_combo import ALL, FilterCombo, refill
from gui.panels.steady_label import SteadyLabel
from gui.panels.triage_model import KEY_ROLE, TriageModel, verdict_key_text
from gui.style import colors


COMPACT_WIDTH = 330  # px of panel width below which the verdict column shows keys, not words


class ProgressStrip(QWidget):
    """A thin bar of triaged / total that repaints on the next frame (QProgressBar repaints at once)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._value, self._maximum = 0, 1
        self.setFixedHeight(6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it fills itself: the dock is not repainted under it

    def setRange(self, _minimum: int, maximum: int) -> None:  # noqa: N802 - QProgressBar's name
        """Set the total (the minimum is always 0)."""
        self._maximum = max(1, maximum)
        self.update()

    def setValue(self, value: int) -> None:  # noqa: N802 - QProgressBar's name
        """Set how many are done."""
        if value != self._value:
            self._value = value
            self.update()

    def value(self) -> int:
        """Return how many are done."""
        return self._value

    def maximum(self) -> int:
        """Return the total."""
        return self._maximum

    def sizeHint(self) -> QSize:
        return QSize(100, 6)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Mid))
        done = self.rect()
        done.setWidth(int(self.width() * min(1.0, self._value / self._maximum)))
        painter.fillRect(done, pal.color(QPalette.ColorRole.Highlight))
        painter.end()


class TriagePanel(QWidget):
    """List the triage queue; selecting a row selects the divergence in the workspace."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self._updating = False
        self._all_keys: tuple = (None, [], frozenset())  # (alignment, every queue key, as a set), see refresh
        # (verdicts counted, keys counted over, (triaged, total), {set-aside count: line}), see progress_line
        self._counted: tuple = (None, None, (0, 0), {})
        self.progress_label = SteadyLabel(self)  # changes on every verdict: repainted, not laid out
        self.progress_bar = ProgressStrip(self)
        self.progress_bar.setToolTip("Divergences triaged, of all in the queue")
        self.verdict_filter = FilterCombo(self)
        self.verdict_filter.addItem("All verdicts", ALL)
        self.verdict_filter.addItem("Untriaged", UNTRIAGED)
        self.verdict_filter.addItem("Triaged", TRIAGED)
        for v in VERDICTS:
            self.verdict_filter.addItem(colors.verdict_label(v), v)
        self.type_filter = FilterCombo(self)
        self.source_filter = FilterCombo(self)
        for combo, tip in (
            (self.verdict_filter, "Show divergences with this verdict"),
            (self.type_filter, "Show divergences of this type"),
            (self.source_filter, "Show divergences involving this source"),
        ):
            combo.setToolTip(tip)
            combo.currentIndexChanged.connect(self.refresh)
        self.model = TriageModel(self)
        self.model.set_palette(self.palette())
        self.list = QTreeView(self)
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setItemsExpandable(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        # The header shares the list's selection by default and repaints its titles on every
        # selected row (each J), which it does not show: it gets a selection of its own.
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Fixed widths from the few texts those columns can hold: ResizeToContents would measure
        # every row of a long queue again on each verdict.
        metrics = self.list.fontMetrics()
        kinds = max((metrics.horizontalAdvance(t) for t in DIVERGENCE_TYPES + ("contradiction",)), default=60)
        self._verdict_widths = (
            max(metrics.horizontalAdvance(colors.verdict_text(v) + " ✎") for v in VERDICTS + ("",)) + 16,
            max(metrics.horizontalAdvance(t) for t in ["1–4"] + [verdict_key_text(v) + " ✎" for v in VERDICTS]) + 20,
        )
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, kinds + 36)
        header.resizeSection(2, self._verdict_widths[0])
        header.setStretchLastSection(False)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        title = QLabel("<b>Triage</b> <small>J/K move · 1–4 verdict · 0 clear · E note</small>", self)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.verdict_filter)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.source_filter)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(title)
        column.addWidget(self.progress_label)
        column.addWidget(self.progress_bar)
        column.addLayout(filters)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        self.list.selectionModel().currentRowChanged.connect(self._on_selection)
        workspace.alignmentChanged.connect(self._on_alignment)
        workspace.sourcesChanged.connect(self._on_alignment)
        workspace.verdictsChanged.connect(self._on_verdicts)
        workspace.currentChanged.connect(self.show_current)
        self._on_alignment()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # In a narrow panel the verdict shrinks to its key (1-4) so the summary keeps its room.
        compact = self.width() < COMPACT_WIDTH
        if compact != self.model.compact:
            self.model.set_compact(compact)
            self.list.header().resizeSection(2, self._verdict_widths[compact])

    # ----- filters -------------------------------------------------------------------------
    def _on_alignment(self) -> None:
        al = self.ws.alignment
        present = {d.type for d in queue(al, {})} if al else set()  # every kind of queue item
        refill(self.type_filter, "All types", [(t.capitalize(), t) for t in DIVERGENCE_TYPES if t in present])
        docs = al.documents if al else ()
        refill(self.source_filter, "All sources", [(d.source.label, d.source.key) for d in docs])
        self.refresh()

    def filters(self) -> dict:
        """Return the filters as core.case.triage.queue takes them."""
        kind, source = self.type_filter.currentData(), self.source_filter.currentData()
        return {
            "types": {kind} if kind else None,
            "verdict_filter": self.verdict_filter.currentData() or None,
            "source_keys": {source} if source else None,
        }

    # ----- rows ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Refill the queue and the progress from the workspace (filters or alignment changed)."""
        al = self.ws.alignment
        pending = self.ws.analysis_status()
        if al is None or pending:
            # Claims without divergences hold no item yet: say so rather than "no divergences found".
            self.model.set_items(None, [], {})
            self.progress_label.setText(pending or self.ws.waiting_status())
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.empty.setText(
                "The queue fills in once the divergences are found; N and P go claim by claim meanwhile."
                if pending == FINDING_STATUS
                else pending  # the run stopped: say why, and that F5 aligns again
            )
            self.empty.setVisible(bool(pending))
            return
        self.model.set_items(al, queue(al, self.ws.verdicts, **self.filters()), self.ws.verdicts)
        self._show_progress()
        self.show_current()

    def _on_verdicts(self) -> None:
        # A verdict touches one row: only a verdict filter can change which items are listed.
        self._counted = (None, None, (0, 0), {})  # counted again, once, for the new verdicts
        al = self.ws.alignment
        if al is None or self.ws.divergences_pending:
            return
        filtered = bool(self.verdict_filter.currentData())
        if filtered:
            self._follow_queue(queue(al, self.ws.verdicts, **self.filters()))
        self.model.set_verdicts(self.ws.verdicts)
        self._show_progress()
        if filtered:
            self.show_current()  # rows came or went: the current one may have moved

    def _follow_queue(self, items: list) -> None:
        """Remove and insert the rows that entered or left the filtered queue (a reset only when reordered)."""
        wanted = {item.key for item in items}
        for key in [k for k in self.model.keys() if k not in wanted]:
            self.model.remove_key(key)
        for row, item in enumerate(items):
            if self.model.row_of(item.key) < 0:
                self.model.insert_item(row, item, self.ws.verdicts.get(item.key))
        if self.model.keys() != [item.key for item in items]:
            self.model.set_items(None, [], {})
            self.model.set_items(self.ws.alignment, items, self.ws.verdicts)

    def queue_keys(self) -> list[str]:
        """Return every key of the unfiltered queue (what progress counts)."""
        # Every key of the unfiltered queue, listed once per alignment: progress counts over it
        # on each verdict without ranking the whole queue again.
        al = self.ws.alignment
        if self._all_keys[0] is not al:
            keys = [item.key for item in queue(al, {})] if al is not None else []
            self._all_keys = (al, keys, frozenset(keys))
        return self._all_keys[1]

    def queue_key_set(self) -> frozenset[str]:
        """Return every key of the unfiltered queue as a set: what progress counts, per verdict."""
        self.queue_keys()
        return self._all_keys[2]

    def progress_text(self) -> str:
        """Return "12 of 47 triaged" over the whole queue (the status bar shows it too)."""
        if self.ws.alignment is None or self.ws.divergences_pending:
            return self.ws.analysis_status()
        return self.progress_line()

    def _counts(self) -> tuple:
        """Return this panel's memo of the counts for the verdicts and queue of now (emptied when either changed)."""
        keys, verdicts = self.queue_key_set(), self.ws.verdicts
        if self._counted[0] is not verdicts or self._counted[1] is not keys:
            self._counted = (verdicts, keys, progress(keys, verdicts), {})
        return self._counted

    def progress_line(self, set_aside: int = 0) -> str:
        """Return "12 of 47 triaged" over the whole queue, with " · n set aside" when there are some.

        Counted once per change of the verdicts: the panel and the status bar ask on every verdict
        and every move, and each count walks every verdict given (a thousand, deep into a large queue).
        """
        verdicts, keys, _done_total, lines = self._counts()
        if set_aside not in lines:
            lines[set_aside] = progress_line(keys, verdicts, set_aside)
        return lines[set_aside]

    def _show_progress(self) -> None:
        done, total = self._counts()[2]
        self.progress_label.setText(self.progress_text())
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        count = self.model.rowCount()
        self.empty.setVisible(count == 0)
        self.empty.setText("No divergences found." if total == 0 else "No divergence passes these filters.")

    def keys(self) -> list[str]:
        """Return the keys listed, top to bottom."""
        return self.model.keys()

    def key_order(self) -> tuple[str, ...]:
        """Return the keys listed, top to bottom, as held (J walks them on every key: not copied)."""
        return self.model.key_order()

    def row_texts(self) -> list[list[str]]:
        """Return each row's type, summary and verdict as shown."""
        return [[self.model.index(r, c).data() for c in range(3)] for r in range(self.model.rowCount())]

    def selected_keys(self) -> list[str]:
        """Return the keys of the selected rows."""
        return [index.data(KEY_ROLE) for index in self.list.selectionModel().selectedRows()]

    def show_current(self) -> None:
        """Select and reveal the workspace's current queue item (or nothing)."""
        row = self.model.row_of(self.ws.current_divergence_key)
        selection = self.list.selectionModel()
        self._updating = True
        try:
            if row >= 0:
                index = self.model.index(row, 0)
                if selection.currentIndex().row() != row or not selection.isRowSelected(row):
                    selection.setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                    )
                self.list.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            elif selection.hasSelection() or selection.currentIndex().isValid():
                selection.clear()
        finally:
            self._updating = False

    def _on_selection(self, current, _previous) -> None:
        if self._updating or not current.isValid():
            return
        key = current.data(KEY_ROLE)
        if key != self.ws.current_divergence_key:
            self.ws.select_divergence(key)
