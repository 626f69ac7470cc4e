"""The annotations sidebar: every annotation with label, status, target and note; orphans marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.case.anchoring import anchor
from core.case.records import ANNOTATION_STATUSES
from gui.panels.annotation_editor import AnnotationEditor
from gui.panels.filter_combo import refill

ID_ROLE = Qt.ItemDataRole.UserRole
EXCERPT = 60
ORPHAN_COLOUR = QColor("#c62828")


def place(selector, text: str) -> tuple[int, int] | None:
    """Return where a selector's quote sits in text now, or None when it cannot be placed (orphan)."""
    return anchor(selector, text)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


class AnnotationsPanel(QWidget):
    """List the case's annotations; activating one jumps to what it annotates."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.label_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.source_filter = QComboBox(self)
        for combo in (self.label_filter, self.status_filter, self.source_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(["Label", "Status", "Target", "Note"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.itemActivated.connect(lambda item, _col: self.jump(item.data(0, ID_ROLE)))
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setToolTip("Edit the selected annotation")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete the selected annotation (Ctrl+Z brings it back)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(self.label_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.source_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(filters)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        workspace.annotationsChanged.connect(self._rebuild_filters)
        workspace.alignmentChanged.connect(self._rebuild_filters)
        workspace.sourcesChanged.connect(self._rebuild_filters)
        self._rebuild_filters()

    # ----- what each annotation points at ---------------------------------------------------
    def annotation(self, annotation_id: str | None):
        """Return the annotation with this id."""
        return next((a for a in self.ws.annotations if a.id == annotation_id), None)

    def _claim_by_key(self, key: str):
        al = self.ws.alignment
        return next((c for c in al.claims if c.key == key), None) if al and key else None

    def target_of(self, a) -> tuple[str, str | None, bool]:
        """Return (excerpt, where to jump as "passage:ID"/"claim:ID"/"divergence:KEY", orphaned)."""
        al = self.ws.alignment
        if a.target_kind in ("span", "passage") and a.selector is not None:
            source = self.ws.source(a.source_key)
            excerpt = _excerpt(a.selector.exact)
            if source is None:
                return excerpt, None, True
            placed = place(a.selector, source.text)
            if placed is None:
                return excerpt, None, True
            doc = self.ws.document_for(a.source_key)
            pid = None
            if doc is not None:
                pid = next((p.id for p in doc.passages if p.start <= placed[0] < p.end), None)
            return excerpt, f"passage:{pid}" if pid else None, False
        if a.target_kind == "divergence":
            div = self.ws.divergence(a.divergence_key) if al else None
            if div is None:
                return "divergence", None, al is not None
            return _excerpt(f"{div.type}: {div.summary}"), f"divergence:{div.key}", False
        claim = self._claim_by_key(a.claim_key)
        if claim is None:
            return "claim", None, al is not None
        pivot = self.ws.pivots.get(claim.key, claim.pivot)
        return _excerpt(al.passage(pivot).text), f"claim:{claim.id}", False

    def _sources_of(self, a) -> set[str]:
        if a.source_key:
            return {a.source_key}
        claim = self._claim_by_key(a.claim_key)
        if claim is None and a.divergence_key and self.ws.alignment is not None:
            div = self.ws.divergence(a.divergence_key)
            claim = self.ws.claim(div.claim) if div is not None else None
        al = self.ws.alignment
        return {al.document_of(m).source.key for m in claim.members} if claim is not None else set()

    # ----- list ---------------------------------------------------------------------------
    def _rebuild_filters(self) -> None:
        labels = sorted({a.label for a in self.ws.annotations if a.label}, key=str.casefold)
        refill(self.label_filter, "All labels", [(x, x) for x in labels])
        refill(self.status_filter, "Any status", [(x, x) for x in ANNOTATION_STATUSES])
        refill(self.source_filter, "All sources", [(s.label, s.key) for s in self.ws.sources])
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows from the workspace and the filters."""
        label, status, source = (c.currentData() for c in (self.label_filter, self.status_filter, self.source_filter))
        keep = self.selected_id()
        self.list.clear()
        orphans = 0
        for a in self.ws.annotations:
            if (label and a.label != label) or (status and a.status != status):
                continue
            if source and source not in self._sources_of(a):
                continue
            excerpt, _jump, orphaned = self.target_of(a)
            note = a.note.splitlines()[0] if a.note else ""
            item = QTreeWidgetItem([a.label or "—", a.status, ("orphaned · " if orphaned else "") + excerpt, note])
            item.setData(0, ID_ROLE, a.id)
            item.setToolTip(3, a.note)
            if orphaned:
                orphans += 1
                font = QFont(self.list.font())
                font.setItalic(True)
                item.setFont(2, font)
                item.setForeground(2, ORPHAN_COLOUR)
                item.setToolTip(
                    2,
                    "Orphaned: the annotated text is no longer in the source. "
                    "It is kept, never moved to a look-alike place.",
                )
            self.list.addTopLevelItem(item)
            if a.id == keep:
                item.setSelected(True)
        shown = self.list.topLevelItemCount()
        self.count_label.setText(
            f"{shown} of {len(self.ws.annotations)} annotations" + (f" · {orphans} orphaned" if orphans else "")
        )

    def ids(self) -> list[str]:
        """Return the annotation ids listed, top to bottom."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.data(0, ID_ROLE) for item in items if item is not None]  # None only past the last row

    def selected_id(self) -> str | None:
        """Return the id of the selected annotation."""
        items = self.list.selectedItems() if hasattr(self, "list") else []
        return items[0].data(0, ID_ROLE) if items else None

    # ----- intents ------------------------------------------------------------------------
    def jump(self, annotation_id: str | None) -> None:
        """Select what an annotation points at in the workspace (or say it is orphaned)."""
        a = self.annotation(annotation_id)
        if a is None:
            return
        _excerpt_text, where, orphaned = self.target_of(a)
        if where is None:
            self.ws.message.emit(
                "This annotation is orphaned: its text is no longer where it was."
                if orphaned
                else "Its target is not aligned yet."
            )
            return
        kind, _, ident = where.partition(":")
        {"passage": self.ws.select_passage, "claim": self.ws.select_claim, "divergence": self.ws.select_divergence}[
            kind
        ](ident)

    def edit_selected(self) -> None:
        """Open the editor on the selected annotation and save the change."""
        a = self.annotation(self.selected_id())
        if a is None:
            return
        labels = [x.label for x in self.ws.annotations if x.label]
        dialog = AnnotationEditor(self, labels, a)
        if dialog.exec():
            self.ws.update_annotation(dialog.updated(a))

    def delete_selected(self) -> None:
        """Delete the selected annotation (undoable in the workspace)."""
        annotation_id = self.selected_id()
        if annotation_id is not None:
            self.ws.delete_annotation(annotation_id)
