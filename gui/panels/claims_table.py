"""The claims table: one row per claim, a majority summary, rank, source count, one column per source."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.case.queue_items import contradiction_items
from core.case.claim_wording import claim_summary
from core.compare.summary import top_divergence
from core.model import TELLING_GAP
from gui.style import colors

HTML_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3  # the queue item key of a contradiction row
FIXED_COLUMNS = ("Summary", "Rank", "Sources")
CELL_WIDTH = 260


def member_html(alignment, claim, doc, pal=None) -> tuple[str, str]:
    """Return (rich text, plain text) of a document's member of a claim, divergent words marked.

    A source that tells the fact twice shows both tellings, joined by TELLING_GAP.
    """
    prefix = doc.id + ":"
    marks = sorted(
        {(v.start, v.end, div.type) for div in claim.divergences for v in div.variants if v.passage.startswith(prefix)}
    )
    rich, plain = [], []
    for owner, run in alignment.tellings(claim):
        if owner.id == doc.id:
            one_rich, one_plain = _marked(doc.source.text, run[0].start, run[-1].end, marks, pal)
            rich.append(one_rich)
            plain.append(one_plain)
    return html.escape(TELLING_GAP).join(rich), TELLING_GAP.join(plain)


def _marked(text: str, start: int, end: int, marks, pal) -> tuple[str, str]:
    """Return (rich text, plain text) of text[start:end] with the marks inside it in bold type colours."""
    out, plain, pos = [], [], start
    for m_start, m_end, kind in marks:
        if not start <= m_start < m_end <= end or m_start < pos:
            continue  # outside this telling, or overlapping: the first one wins, text is never repeated
        out.append(html.escape(text[pos:m_start]))
        plain.append(text[pos:m_start])
        out.append(f"<b style='{colors.type_css(kind, pal)}'>{html.escape(text[m_start:m_end])}</b>")
        plain.append(f"[{text[m_start:m_end]}]")
        pos = m_end
    out.append(html.escape(text[pos:end]))
    plain.append(text[pos:end])
    return "".join(out).replace("\n", "<br>"), "".join(plain)


class ClaimsModel(QStandardItemModel):
    """Hold the workspace's claims as rows; columns are summary, rank, sources, then each source.

    Items live in C++ (QStandardItemModel): a Python data() override that returns None for the
    roles it does not serve over-releases None under PySide6 6.12 and ends in a crash.
    """

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._claim_rows: dict[str, int] = {}
        self._pivots: dict[str, str] = {}

    def _cell(self, display: str, sort, html_text: str | None = None, tip: str = "") -> QStandardItem:
        item = QStandardItem(display)
        item.setEditable(False)
        item.setData(sort, SORT_ROLE)
        # Every item carries the role: reading an unset role yields None, which PySide6 6.12 over-releases.
        item.setData(html_text or "", HTML_ROLE)
        if tip:
            item.setToolTip(tip)
        return item

    def rebuild(self) -> None:
        """Recompute every row from the workspace's alignment."""
        al = self.ws.alignment
        # A source hidden without re-aligning is still in the alignment: its column is hidden all the same.
        docs = tuple(d for d in al.documents if d.source.key not in self.ws.hidden) if al else ()
        self.clear()
        self.setColumnCount(len(FIXED_COLUMNS) + len(docs))
        headers = list(FIXED_COLUMNS) + [d.source.label for d in docs]
        tips = [
            "Who says what on the claim's most important divergence",
            "Rank of that divergence",
            "How many sources report this claim",
        ]
        tips += ["\n".join(x for x in (d.source.outlet, d.source.title, d.source.published) if x) for d in docs]
        for col, (text, tip) in enumerate(zip(headers, tips)):
            header = QStandardItem(text)
            header.setToolTip(tip)
            self.setHorizontalHeaderItem(col, header)
        self._claim_rows = {}
        self._pivots = dict(self.ws.pivots)
        right_top = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        for row, claim in enumerate(al.claims if al else ()):
            top = top_divergence(claim)
            summary = self.ws.analysis_status() or claim_summary(claim, al)
            head = (
                f"<b style='color:{colors.type_colour(top.type).name()}'>{html.escape(top.type)}</b>: "
                if top is not None
                else ""
            )
            plain_summary = f"{top.type}: {summary}" if top is not None else summary
            rank = top.rank if top is not None else 0.0
            n_sources = len({m.split(":")[0] for m in claim.members})
            items = [
                self._cell(plain_summary, plain_summary, head + html.escape(summary), plain_summary),
                self._cell(f"{rank:.2f}", rank),
                self._cell(str(n_sources), n_sources),
            ]
            items[1].setTextAlignment(right_top)
            items[2].setTextAlignment(right_top)
            for doc in docs:
                rich, plain = member_html(al, claim, doc)
                items.append(
                    self._cell(
                        plain or "—",
                        plain,
                        rich or "<span style='color:gray'>—</span>",
                        self._source_tip(claim, doc, plain),
                    )
                )
            items[0].setToolTip(
                f"{plain_summary}\nLink score {claim.score:.2f}: how sure the aligner is "
                "that these passages report the same fact."
            )
            for item in items:
                item.setData(claim.id, CLAIM_ROLE)
                item.setData("", ITEM_ROLE)
            self.appendRow(items)
            self.setHeaderData(row, Qt.Orientation.Vertical, str(row + 1))  # "23" as in "Claim 23 of 27"
            self._claim_rows[claim.id] = row
        self._item_rows: dict[str, int] = {}
        for item_ in contradiction_items(al) if al else ():
            self._append_contradiction(al, docs, item_)

    def _append_contradiction(self, al, docs, item) -> None:
        """Add one row for a contradiction inside one source: typed, ranked, its statements in its column."""
        source = al.document_of(item.variants[0].passage).source
        plain = f"{item.type}: {item.summary}"
        head = f"<b style='color:{colors.type_colour(item.type).name()}'>{html.escape(item.type)}</b>: "
        cells = [
            self._cell(plain, plain, head + html.escape(item.summary), plain),
            self._cell(f"{item.rank:.2f}", item.rank),
            self._cell("1", 1),
        ]
        cells[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        statements = " / ".join(f"“{v.text}”" for v in item.variants)
        for doc in docs:
            text = statements if doc.source.key == source.key else ""
            cells.append(
                self._cell(text or "—", text, html.escape(text) if text else "<span style='color:gray'>—</span>")
            )
        for cell in cells:
            cell.setData("", CLAIM_ROLE)
            cell.setData(item.key, ITEM_ROLE)
        row = self.rowCount()
        self.appendRow(cells)
        self.setHeaderData(row, Qt.Orientation.Vertical, "×")
        self._item_rows[item.key] = row

    def row_of_item(self, key: str | None) -> int:
        """Return the model row of a contradiction item, or -1."""
        return getattr(self, "_item_rows", {}).get(key, -1) if key else -1

    def _source_tip(self, claim, doc, plain: str) -> str:
        if not plain:
            return ""
        pivot = self.ws.pivots.get(claim.key, claim.pivot)
        return plain + (
            "\n(pivot: the other sources are compared against this)" if pivot.startswith(doc.id + ":") else ""
        )

    def refresh_pivots(self) -> None:
        """Update the pivot notes of the cells after the user chose another pivot."""
        al = self.ws.alignment
        if al is None or self.ws.pivots == self._pivots:
            return
        self._pivots = dict(self.ws.pivots)
        for claim in al.claims:
            row = self._claim_rows.get(claim.id)
            for i, doc in enumerate(d for d in al.documents if d.source.key not in self.ws.hidden):
                item = self.item(row, len(FIXED_COLUMNS) + i) if row is not None else None
                if item is not None:
                    item.setToolTip(self._source_tip(claim, doc, item.data(SORT_ROLE) or ""))

    def row_of_claim(self, claim_id: str | None) -> int:
        """Return the model row of a claim, or -1."""
        return self._claim_rows.get(claim_id, -1) if claim_id else -1


class _RichTextDelegate(QStyledItemDelegate):
    """Paint the HTML_ROLE text of a cell, wrapped to the column width."""

    CACHE_LIMIT = 4000

    def __init__(self, parent=None):
        super().__init__(parent)
        # Laid-out cells by (text, width, font): repaints on selection or scroll lay nothing out again.
        self._docs: dict[tuple, QTextDocument] = {}

    def _document(self, option, index) -> QTextDocument:
        text = index.data(HTML_ROLE) or html.escape(index.data() or "")
        width = max(40, option.rect.width())
        key = (text, width, option.font.key())
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) > self.CACHE_LIMIT:
                self._docs.clear()
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(3)
            doc.setHtml(text)
            doc.setTextWidth(width)
            self._docs[key] = doc
        return doc

    def paint(self, painter, option, index) -> None:
        if not index.data(HTML_ROLE):
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
        if not index.data(HTML_ROLE):
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
        self._built = self._stale = False
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
        # Row heights follow column widths; measured once after a burst of resizes, not per pixel.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(40)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        # Selection, not the current index: focus alone moves the current index without the user choosing.
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        workspace.alignmentChanged.connect(self.rebuild)
        workspace.sourcesChanged.connect(self.rebuild)
        workspace.currentChanged.connect(self.show_current)
        workspace.currentChanged.connect(self.model.refresh_pivots)
        self.rebuild()

    def rebuild(self) -> None:
        """Reload the rows and keep the current claim selected (later, when the table is hidden)."""
        if not self.isVisible() and self._built:
            self._stale = True  # laying out every cell is the costly part: do it when shown
            return
        self._built, self._stale = True, False
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
        self._fit_timer.stop()
        self._fit_rows()
        self._updating = False
        self.show_current()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.rebuild()

    def _fit_rows(self) -> None:
        self.view.resizeRowsToContents()

    def sort_by(self, column: int, order=Qt.SortOrder.DescendingOrder) -> None:
        """Sort the rows by a column (1 = rank, 2 = number of sources)."""
        self.view.sortByColumn(column, order)

    def claim_ids(self) -> list[str]:
        """Return the claim ids in displayed order (contradiction rows have none)."""
        ids = [self.proxy.index(r, 0).data(CLAIM_ROLE) for r in range(self.proxy.rowCount())]
        return [i for i in ids if i]

    def item_keys(self) -> list[str]:
        """Return the contradiction item keys in displayed order."""
        keys = [self.proxy.index(r, 0).data(ITEM_ROLE) for r in range(self.proxy.rowCount())]
        return [k for k in keys if k]

    def selected_claim_id(self) -> str | None:
        """Return the claim of the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(CLAIM_ROLE) if rows else None

    def show_current(self) -> None:
        """Select and reveal the workspace's current claim."""
        if self._stale:
            return
        row = self.model.row_of_claim(self.ws.current_claim_id)
        if row < 0:
            row = self.model.row_of_item(self.ws.current_divergence_key)
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
        rows = self.view.selectionModel().selectedRows()
        key = rows[0].data(ITEM_ROLE) if rows else None
        if key:
            if key != self.ws.current_divergence_key:
                self.ws.select_divergence(key)
            return
        claim_id = self.selected_claim_id()
        if claim_id and claim_id != self.ws.current_claim_id:
            self.ws.select_claim(claim_id)
