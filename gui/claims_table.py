"""The claims table: one row per claim, a majority summary, rank, source count, one column per source."""
from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget)

from core.summary import majority_summary, top_divergence
from gui import colors

HTML_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 2
FIXED_COLUMNS = ("Summary", "Rank", "Sources")
CELL_WIDTH = 260


def member_html(alignment, claim, doc, pal=None) -> tuple[str, str]:
    """Return (rich text, plain text) of a document's member of a claim, divergent words marked."""
    prefix = doc.id + ":"
    passages = sorted((alignment.passage(m) for m in claim.members if m.startswith(prefix)),
                      key=lambda p: p.start)
    if not passages:
        return "", ""
    text = doc.source.text
    start, end = passages[0].start, passages[-1].end
    marks = sorted({(v.start, v.end, div.type) for div in claim.divergences for v in div.variants
                    if v.passage.startswith(prefix) and start <= v.start < v.end <= end})
    out, plain, pos = [], [], start
    for m_start, m_end, kind in marks:
        if m_start < pos:
            continue   # overlapping marks: the first one wins, text is never repeated
        out.append(html.escape(text[pos:m_start]))
        plain.append(text[pos:m_start])
        out.append(f"<b style='{colors.type_css(kind, pal)}'>{html.escape(text[m_start:m_end])}</b>")
        plain.append(f"[{text[m_start:m_end]}]")
        pos = m_end
    out.append(html.escape(text[pos:end]))
    plain.append(text[pos:end])
    return "".join(out).replace("\n", "<br>"), "".join(plain)


class ClaimsModel(QAbstractTableModel):
    """Expose the workspace's claims as rows; columns are summary, rank, sources, then each source."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._rows: list[dict] = []
        self._docs: tuple = ()
        self.rebuild()

    def rebuild(self) -> None:
        """Recompute every row from the workspace's alignment."""
        self.beginResetModel()
        al = self.ws.alignment
        self._docs = al.documents if al else ()
        self._rows = []
        pal = None
        for claim in (al.claims if al else ()):
            top = top_divergence(claim)
            summary = majority_summary(claim, al)
            n_sources = len({m.split(":")[0] for m in claim.members})
            cells = [member_html(al, claim, doc, pal) for doc in self._docs]
            if top is not None:
                head = f"<b style='color:{colors.type_colour(top.type).name()}'>{html.escape(top.type)}</b>: "
                summary_plain = f"{top.type}: {summary}"
            else:
                head, summary_plain = "", summary
            self._rows.append({"claim": claim, "rank": top.rank if top else 0.0, "n": n_sources,
                               "summary_html": head + html.escape(summary), "summary": summary_plain,
                               "cells": cells})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FIXED_COLUMNS) + len(self._docs)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if section >= len(FIXED_COLUMNS) and section - len(FIXED_COLUMNS) < len(self._docs):
                source = self._docs[section - len(FIXED_COLUMNS)].source
                return "\n".join(x for x in (source.outlet, source.title, source.published) if x)
            return {0: "Who says what on the claim's most important divergence", 1: "Rank of that divergence",
                    2: "How many sources report this claim"}.get(section)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._rows[section]["claim"].id if section < len(self._rows) else None
        if section < len(FIXED_COLUMNS):
            return FIXED_COLUMNS[section]
        return self._docs[section - len(FIXED_COLUMNS)].source.label

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == CLAIM_ROLE:
            return row["claim"].id
        if col == 0:
            return {Qt.ItemDataRole.DisplayRole: row["summary"], HTML_ROLE: row["summary_html"],
                    SORT_ROLE: row["summary"], Qt.ItemDataRole.ToolTipRole: row["summary"]}.get(role)
        if col == 1:
            return {Qt.ItemDataRole.DisplayRole: f"{row['rank']:.2f}", SORT_ROLE: row["rank"],
                    Qt.ItemDataRole.TextAlignmentRole: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                    }.get(role)
        if col == 2:
            return {Qt.ItemDataRole.DisplayRole: str(row["n"]), SORT_ROLE: row["n"],
                    Qt.ItemDataRole.TextAlignmentRole: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                    }.get(role)
        rich, plain = row["cells"][col - len(FIXED_COLUMNS)]
        if role == Qt.ItemDataRole.DisplayRole:
            return plain or "—"
        if role == HTML_ROLE:
            return rich or "<span style='color:gray'>—</span>"
        if role == SORT_ROLE:
            return plain
        if role == Qt.ItemDataRole.ToolTipRole and plain:
            claim = row["claim"]
            pivot = self.ws.pivots.get(claim.key, claim.pivot)
            doc = self._docs[col - len(FIXED_COLUMNS)]
            return plain + ("\n(pivot: the other sources are compared against this)"
                            if pivot.startswith(doc.id + ":") else "")
        return None

    def row_of_claim(self, claim_id: str | None) -> int:
        """Return the model row of a claim, or -1."""
        return next((i for i, r in enumerate(self._rows) if r["claim"].id == claim_id), -1)


class _RichTextDelegate(QStyledItemDelegate):
    """Paint the HTML_ROLE text of a cell, wrapped to the column width."""

    def _document(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(index.data(HTML_ROLE) or html.escape(index.data() or ""))
        doc.setTextWidth(max(40, option.rect.width()))
        return doc

    def paint(self, painter, option, index) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        width = option.rect.width() if option.rect.width() > 0 else CELL_WIDTH
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(width)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class ClaimsTable(QWidget):
    """Show every claim across the sources; the selected row is the workspace's current claim."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self._updating = False
        self.model = ClaimsModel(workspace, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(_RichTextDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        # Most important first; claims of equal rank keep their reading order (the sort is stable).
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        # Selection, not the current index: focus alone moves the current index without the user choosing.
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        workspace.alignmentChanged.connect(self.rebuild)
        workspace.sourcesChanged.connect(self.rebuild)
        workspace.currentChanged.connect(self.show_current)
        self.rebuild()

    def rebuild(self) -> None:
        """Reload the rows and keep the current claim selected."""
        self._updating = True
        self.model.rebuild()
        header = self.view.horizontalHeader()
        if self.model.columnCount():
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(0, 300)
            self.view.setColumnWidth(1, 52)
            self.view.setColumnWidth(2, 60)
            for col in range(len(FIXED_COLUMNS), self.model.columnCount()):
                self.view.setColumnWidth(col, CELL_WIDTH)
        self._fit_rows()
        self._updating = False
        self.show_current()

    def _fit_rows(self) -> None:
        self.view.resizeRowsToContents()

    def sort_by(self, column: int, order=Qt.SortOrder.DescendingOrder) -> None:
        """Sort the rows by a column (1 = rank, 2 = number of sources)."""
        self.view.sortByColumn(column, order)

    def claim_ids(self) -> list[str]:
        """Return the claim ids in displayed order."""
        return [self.proxy.index(r, 0).data(CLAIM_ROLE) for r in range(self.proxy.rowCount())]

    def selected_claim_id(self) -> str | None:
        """Return the claim of the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(CLAIM_ROLE) if rows else None

    def show_current(self) -> None:
        """Select and reveal the workspace's current claim."""
        row = self.model.row_of_claim(self.ws.current_claim_id)
        self._updating = True
        try:
            if row < 0:
                self.view.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if self.view.currentIndex().row() != index.row() or not self.view.selectionModel().hasSelection():
                self.view.setCurrentIndex(index)
                self.view.selectRow(index.row())
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._updating = False

    def _on_selection(self, *_args) -> None:
        if self._updating:
            return
        claim_id = self.selected_claim_id()
        if claim_id is not None and claim_id != self.ws.current_claim_id:
            self.ws.select_claim(claim_id)
