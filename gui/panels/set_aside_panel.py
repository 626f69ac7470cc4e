"""The "Set aside" panel: verdicts, notes and annotations the current alignment cannot place."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model import VERDICT_LABELS

KEY_ROLE = Qt.ItemDataRole.UserRole
VERDICT_ROW, ANNOTATION_ROW = "verdict", "annotation"


def _judged_text(ws, record) -> str:
    parts = []
    for v in record.variants:
        source = ws.source(v.source)
        parts.append(f"{source.label if source else v.source}: “{v.text}”")
    return "; ".join(parts) or "(the text was not recorded)"


class SetAsidePanel(QWidget):
    """List what could not be placed, with its verdict, note and text; re-attach or dismiss it."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(["What", "Text judged", "Verdict or label", "Note", "Why"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 430, 170, 300)):
            self.list.setColumnWidth(column, width)
        self.list.header().setStretchLastSection(True)
        self.list.itemActivated.connect(lambda _item, _col: self.reattach_selected())
        self.reattach_button = QPushButton("Re-attach to current divergence", self)
        self.reattach_button.setToolTip("Put the selected verdict and note on the current divergence (Enter)")
        self.reattach_button.clicked.connect(self.reattach_selected)
        self.dismiss_button = QPushButton("Dismiss", self)
        self.dismiss_button.setToolTip("Delete the selected item on purpose (Delete; Ctrl+Z brings it back)")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.list.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reattach_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.count_label)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        for signal in (workspace.setAsideChanged, workspace.annotationsChanged, workspace.alignmentChanged):
            signal.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        # Delete in the list dismisses the selected row (Enter re-attaches through itemActivated).
        if watched is self.list and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self.dismiss_selected()
            return True
        return super().eventFilter(watched, event)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]  # None only past the last row

    def rows(self) -> list[tuple[str, str]]:
        """Return (row kind, key or annotation id) of every row, in display order."""
        return [tuple(item.data(0, KEY_ROLE)) for item in self._items()]

    def refresh(self) -> None:
        """Rebuild the list from the workspace."""
        selected = self._selected()
        self.list.clear()
        for entry in self.ws.set_aside:
            r = entry.record
            what = f"{r.divergence_type or '?'} {r.kind}"
            verdict = VERDICT_LABELS.get(r.verdict, "Not triaged (note only)")
            item = QTreeWidgetItem([what, _judged_text(self.ws, r), verdict, r.note, entry.reason])
            item.setData(0, KEY_ROLE, (VERDICT_ROW, r.divergence_key))
            item.setToolTip(3, r.note)
            self.list.addTopLevelItem(item)
        orphans = self.ws.orphaned_annotations()
        for a in orphans:
            quote = f"“{a.selector.exact}”" if a.selector is not None else f"({a.target_kind})"
            item = QTreeWidgetItem(
                [
                    f"{a.target_kind} annotation",
                    quote,
                    a.label or "—",
                    a.note,
                    "its target is not in the current alignment",
                ]
            )
            item.setData(0, KEY_ROLE, (ANNOTATION_ROW, a.id))
            self.list.addTopLevelItem(item)
        verdicts, notes = len(self.ws.set_aside), len(orphans)
        if verdicts or notes:
            self.count_label.setText(
                f"{verdicts} verdict{'s' if verdicts != 1 else ''} or "
                f"note{'s' if verdicts != 1 else ''} and "
                f"{notes} annotation{'s' if notes != 1 else ''} set aside. Nothing "
                "here is lost: re-attach each to the divergence it is about, or dismiss it."
            )
        else:
            self.count_label.setText("Nothing set aside: every verdict, note and annotation is in place.")
        items = self._items()
        for item in items:
            if tuple(item.data(0, KEY_ROLE)) == selected:
                self.list.setCurrentItem(item)
                break
        else:
            if items:
                self.list.setCurrentItem(items[0])

    def _selected(self):
        item = self.list.currentItem()
        return tuple(item.data(0, KEY_ROLE)) if item is not None else None

    def reattach_selected(self) -> None:
        """Re-attach the selected verdict or annotation to the current divergence or claim."""
        selected = self._selected()
        if selected is None:
            return
        kind, key = selected
        if kind == VERDICT_ROW:
            self.ws.reattach_set_aside(key)
            return
        annotation = next((a for a in self.ws.annotations if a.id == key), None)
        claim = self.ws.current_claim()
        if annotation is None or claim is None:
            self.ws.message.emit("Go to the claim this annotation is about (N), then re-attach it.")
            return
        # The quote stays with it: re-attaching changes where it points, never what it said.
        self.ws.update_annotation(replace(annotation, target_kind="claim", claim_key=claim.key))

    def dismiss_selected(self) -> None:
        """Dismiss the selected row on purpose (undoable)."""
        selected = self._selected()
        if selected is None:
            return
        kind, key = selected
        if kind == VERDICT_ROW:
            self.ws.dismiss_set_aside(key)
        else:
            self.ws.delete_annotation(key)
