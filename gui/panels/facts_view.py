"""The Facts view: the fact sheet as a table, one column per source, divergent rows first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.case.queue_items import judged_as
from gui.style import colors

ROW_ROLE = Qt.ItemDataRole.UserRole
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = ("Fact", "Status", "Verdict")
NOT_STATED = "not stated"
SOURCE_COLUMN_MAX = 520  # a source column wider than this reads as long lines, not as a table
MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)


def status_text(row, sources: int) -> str:
    """Return what a row's sources amount to: a divergence, one source only, or no divergence found."""
    if row.divergent:
        return f"divergent: {row.type}"
    if sources == 1:
        return "only one source"
    return row.note or "no divergence found"


class FactsView(QWidget):
    """Show the fact sheet; activating a cell takes the panes to the passage its words come from."""

    cellChosen = Signal(str, str, int, int)  # passage id, source key, start, end

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self._rows: list = []
        self._steps: dict[tuple[str, int], int] = {}  # which occurrence of a cell was shown last
        self._last: tuple[str, int] | None = None
        self._stale = True  # filled when first shown: thousands of cells cost nothing while hidden
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("facts_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.cellActivated.connect(self._activate)
        self.table.cellClicked.connect(self._activate)
        # Keys that move the highlight make that row current (so 1-4 judge it); focus coming in
        # puts the highlight back on the current item (Qt would highlight the first row).
        self.table.installEventFilter(self)
        self._syncing = False  # set while the table is moved to the workspace's current item
        self.shared_only = QCheckBox("Hide facts only one source states", self)
        self.shared_only.setToolTip("Show only the facts that two or more sources state (divergent rows always show).")
        self.shared_only.toggled.connect(self._apply_filter)
        # An explicit minimum replaces the check box's text width as the floor: the view shares the
        # central stack with the panes and must not widen the whole window's minimum on a laptop.
        self.shared_only.setMinimumWidth(1)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.shared_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        workspace.alignmentChanged.connect(self.rebuild)
        workspace.sourcesChanged.connect(self.rebuild)
        workspace.verdictsChanged.connect(self._refresh_verdicts)
        workspace.currentChanged.connect(self.show_current)
        self.rebuild()

    def rows(self) -> list:
        """Return the fact rows in displayed order."""
        return list(self._rows)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.rebuild()
        else:  # verdicts given and items visited while it was hidden
            self._refresh_verdicts()
            self.show_current()

    def rebuild(self) -> None:
        """Reload the sheet from the workspace's alignment (later, when the view is hidden)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        al = self.ws.alignment
        docs = al.documents if al else ()
        # The sheet's own order (divergent first, then rank), so the window and the exports agree.
        self._rows = list(al.facts if al else ())
        self.table.clear()
        self.table.setColumnCount(len(FIXED_COLUMNS) + len(docs))
        self.table.setRowCount(len(self._rows))
        self.table.setHorizontalHeaderLabels(list(FIXED_COLUMNS) + [d.source.label for d in docs])
        divergent = sum(r.divergent for r in self._rows)
        self.heading.setText(
            f"Fact sheet: {self.ws.analysis_status()} The sheet follows with the divergences."
            if self.ws.analysis_status()
            else f"Fact sheet: {len(self._rows)} facts, {divergent} divergent (first). "
            "Click or press Enter on a cell to see its passage (again: the next one); "
            "“not stated” means the source is silent, not that it disagrees."
        )
        bold = QFont(self.table.font())
        bold.setBold(True)
        grey = QBrush(self.palette().color(self.palette().ColorRole.PlaceholderText))
        for n, row in enumerate(self._rows):
            sources = len({c.document for c in row.cells})
            label = QTableWidgetItem(row.label)
            label.setToolTip(row.summary or row.label)
            status = QTableWidgetItem(status_text(row, sources))
            if row.divergent:
                label.setFont(bold)
                status.setFont(bold)
                status.setForeground(QBrush(colors.type_colour(row.type, self.palette())))
            else:
                status.setForeground(grey)
            for col, item in enumerate((label, status, QTableWidgetItem(""))):
                item.setData(ROW_ROLE, row.id)
                item.setData(CELL_ROLE, "")
                self.table.setItem(n, col, item)
            for i, doc in enumerate(docs):
                mine = [c for c in row.cells if c.document == doc.id]
                if mine:
                    words = list(dict.fromkeys(c.text for c in mine))
                    item = QTableWidgetItem("; ".join(words))
                    values = "; ".join(dict.fromkeys(c.value for c in mine))
                    passage = al.passage(mine[0].passage).text
                    item.setToolTip(f"value: {values}\n\n{passage}")
                    # Every occurrence, in reading order: repeated activation steps through them.
                    item.setData(CELL_ROLE, ";".join(f"{c.passage}|{doc.source.key}|{c.start}|{c.end}" for c in mine))
                else:
                    item = QTableWidgetItem(NOT_STATED)
                    item.setForeground(grey)
                    item.setToolTip(f"{doc.source.label} does not state this fact (that is not a disagreement).")
                    item.setData(CELL_ROLE, "")
                item.setData(ROW_ROLE, row.id)
                self.table.setItem(n, len(FIXED_COLUMNS) + i, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        self._apply_filter()
        self._refresh_verdicts()
        self.table.resizeRowsToContents()
        self.show_current()

    def _apply_filter(self) -> None:
        """Hide or show the rows that only one source states."""
        hide = self.shared_only.isChecked()
        for n, row in enumerate(self._rows):
            single = len({c.document for c in row.cells}) < 2
            self.table.setRowHidden(n, hide and single and not row.divergent)

    def _fit_columns(self) -> None:
        """Share the width among the sources so that five fit a laptop screen without scrolling."""
        # The verdict column fits its longest word and a note mark: "not significant ✎", never "not …".
        metrics = self.table.fontMetrics()
        verdict = max(metrics.horizontalAdvance(f"{colors.verdict_text(v)} ✎") for v in colors.SHORT_VERDICTS) + 16
        fixed = (190, 140, max(80, verdict))
        for col, width in enumerate(fixed):
            self.table.setColumnWidth(col, width)
        sources = self.table.columnCount() - len(FIXED_COLUMNS)
        if sources > 0:
            room = max(0, self.table.viewport().width() - sum(fixed) - 4)
            # A wide screen gives the cells the room (fewer wrapped lines), not an empty margin.
            width = max(110, min(SOURCE_COLUMN_MAX, room // sources))
            for col in range(len(FIXED_COLUMNS), self.table.columnCount()):
                self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _refresh_verdicts(self) -> None:
        # Hidden behind the claim view, the table waits: each verdict or J would otherwise walk
        # every fact row (showEvent brings it up to date).
        if self._stale or not self.isVisible():
            return
        for n, row in enumerate(self._rows):
            item = self.table.item(n, 2)
            if item is None:
                continue
            record = self.ws.verdicts.get(self._key(row))
            if row.divergent:
                item.setText(
                    colors.verdict_text(record.verdict if record else None)
                    + (" ✎" if record is not None and record.note else "")
                )
            else:
                item.setText("")

    def _key(self, row) -> str:
        """Return the queue key a divergent row is judged under (its claim's divergence when it repeats one)."""
        return judged_as(self.ws.alignment, row.key) if self.ws.alignment is not None else row.key

    def show_current(self) -> None:
        """Select the row of the current divergence when it is a fact row."""
        if self._stale or not self.isVisible():
            return
        key = self.ws.current_divergence_key
        wanted = next((n for n, row in enumerate(self._rows) if self._key(row) == key), -1)
        if self.table.currentRow() == wanted:
            return
        # No highlighted row unless it is the current item: 1-4 judge what is highlighted.
        self._syncing = True
        try:
            self.table.setCurrentCell(wanted, 0 if wanted >= 0 else -1)
        finally:
            self._syncing = False
        first = self.table.item(wanted, 0) if wanted >= 0 else None
        if first is not None:
            self.table.scrollToItem(first)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.table:
            if event.type() == QEvent.Type.FocusIn:
                QTimer.singleShot(0, self.show_current)
            elif event.type() == QEvent.Type.KeyPress and event.key() in MOVE_KEYS:
                QTimer.singleShot(0, self._follow)
        return super().eventFilter(obj, event)

    def _follow(self) -> None:
        """Make the row the keyboard moved onto current, so 1-4 judge what is highlighted."""
        row_number = self.table.currentRow()
        if not 0 <= row_number < len(self._rows):
            return
        row = self._rows[row_number]
        if row.divergent:
            if self.ws.current_divergence_key != self._key(row):
                self.ws.select_divergence(self._key(row))
        elif row.cells:  # a row without a divergence takes no verdict: nothing stays current to judge
            self.ws.select_passage(row.cells[0].passage)

    def _activate(self, row_number: int, column: int) -> None:
        """Show the passage of a cell's words; activating the same cell again shows its next occurrence."""
        if not 0 <= row_number < len(self._rows):
            return
        row = self._rows[row_number]
        cell = self.table.item(row_number, column)
        target = cell.data(CELL_ROLE) if cell else ""
        if not target:
            if column < len(FIXED_COLUMNS) and row.cells:
                first = row.cells[0]
                target = f"{first.passage}|{first.source}|{first.start}|{first.end}"
            else:
                return
        targets = target.split(";")
        step = self._steps.get((row.key, column), -1) + 1 if self._last == (row.key, column) else 0
        self._steps[(row.key, column)] = step
        self._last = (row.key, column)
        passage, source_key, start, end = targets[step % len(targets)].split("|")
        if row.divergent:
            self.ws.select_divergence(self._key(row), passage)
        else:
            self.ws.select_passage(passage)
        self.cellChosen.emit(passage, source_key, int(start), int(end))
