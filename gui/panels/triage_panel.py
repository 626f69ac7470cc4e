"""The triage queue: divergences by rank with type chip, summary and verdict; progress; filters."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QProgressBar, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from core.model import DIVERGENCE_TYPES, VERDICTS
from core.case.triage import TRIAGED, UNTRIAGED, progress, progress_text, queue
from gui.style import colors

KEY_ROLE = Qt.ItemDataRole.UserRole
ALL = ""


def chip_icon(colour: QColor, size: int = 10) -> QIcon:
    """Return a small square of one colour, for type chips."""
    pix = QPixmap(size, size)
    pix.fill(colour)
    return QIcon(pix)


class TriagePanel(QWidget):
    """List the triage queue; selecting a row selects the divergence in the workspace."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self._updating = False
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.verdict_filter = QComboBox(self)
        self.verdict_filter.addItem("All verdicts", ALL)
        self.verdict_filter.addItem("Untriaged", UNTRIAGED)
        self.verdict_filter.addItem("Triaged", TRIAGED)
        for v in VERDICTS:
            self.verdict_filter.addItem(colors.verdict_label(v), v)
        self.type_filter = QComboBox(self)
        self.source_filter = QComboBox(self)
        for combo, tip in ((self.verdict_filter, "Show divergences with this verdict"),
                           (self.type_filter, "Show divergences of this type"),
                           (self.source_filter, "Show divergences involving this source")):
            combo.setToolTip(tip)
            combo.currentIndexChanged.connect(self.refresh)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["Type", "Divergence", "Verdict"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
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
        self.list.itemSelectionChanged.connect(self._on_selection)
        workspace.alignmentChanged.connect(self._on_alignment)
        workspace.sourcesChanged.connect(self._on_alignment)
        workspace.verdictsChanged.connect(self.refresh)
        workspace.currentChanged.connect(self.show_current)
        self._on_alignment()

    # ----- filters -------------------------------------------------------------------------
    def _fill_combo(self, combo: QComboBox, first: str, entries: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, ALL)
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(keep)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def _on_alignment(self) -> None:
        al = self.ws.alignment
        present = {d.type for d in queue(al, {})} if al else set()   # every kind of queue item
        self._fill_combo(self.type_filter, "All types",
                         [(t.capitalize(), t) for t in DIVERGENCE_TYPES if t in present])
        docs = al.documents if al else ()
        self._fill_combo(self.source_filter, "All sources", [(d.source.label, d.source.key) for d in docs])
        self.refresh()

    def filters(self) -> dict:
        """Return the filters as core.case.triage.queue takes them."""
        kind, source = self.type_filter.currentData(), self.source_filter.currentData()
        return {"types": {kind} if kind else None, "verdict_filter": self.verdict_filter.currentData() or None,
                "source_keys": {source} if source else None}

    # ----- rows ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the queue and the progress from the workspace."""
        al = self.ws.alignment
        self._updating = True
        self.list.clear()
        if al is None:
            self.progress_label.setText("Aligning…" if self.ws.visible_sources() else "No sources yet.")
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.empty.setText("")
            self.empty.hide()
            self._updating = False
            return
        done, total = progress(al, self.ws.verdicts)
        self.progress_label.setText(progress_text(al, self.ws.verdicts))
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        pal = self.palette()
        for div in queue(al, self.ws.verdicts, **self.filters()):
            record = self.ws.verdicts.get(div.key)
            verdict = record.verdict if record else None   # "" is a note on an untriaged divergence
            item = QTreeWidgetItem([div.type, div.summary, colors.verdict_text(verdict)
                                    + (" ✎" if record is not None and record.note else "")])
            item.setData(0, KEY_ROLE, div.key)
            item.setIcon(0, chip_icon(colors.type_colour(div.type, pal)))
            item.setForeground(0, colors.type_colour(div.type, pal))
            item.setForeground(2, colors.verdict_colour(verdict, pal))
            sources = ", ".join(dict.fromkeys(al.document_of(v.passage).source.label for v in div.variants))
            tip = f"{div.type} · rank {div.rank:.2f} · {sources}\n{div.summary}"
            if record is not None and record.note:
                tip += f"\nNote: {record.note}"
            for col in range(3):
                item.setToolTip(col, tip)
            self.list.addTopLevelItem(item)
        count = self.list.topLevelItemCount()
        self.empty.setVisible(count == 0)
        self.empty.setText("No divergences found." if total == 0 else "No divergence passes these filters.")
        self._updating = False
        self.show_current()

    def keys(self) -> list[str]:
        """Return the divergence keys listed, top to bottom."""
        return [self.list.topLevelItem(i).data(0, KEY_ROLE) for i in range(self.list.topLevelItemCount())]

    def show_current(self) -> None:
        """Select and reveal the workspace's current divergence (or nothing)."""
        key = self.ws.current_divergence_key
        self._updating = True
        try:
            keys = self.keys()
            if key in keys:
                item = self.list.topLevelItem(keys.index(key))
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
            else:
                self.list.clearSelection()
        finally:
            self._updating = False

    def _on_selection(self) -> None:
        if self._updating:
            return
        items = self.list.selectedItems()
        if items:
            key = items[0].data(0, KEY_ROLE)
            if key != self.ws.current_divergence_key:
                self.ws.select_divergence(key)
