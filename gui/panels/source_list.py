"""The list of sources: colour chip, title, date, word count, include checkbox, drag to reorder."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QMenu, QMessageBox

from gui.style import theme
from core.ingest.textnorm import word_count

KEY_ROLE = Qt.ItemDataRole.UserRole


def _chip(colour) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(colour)
    return QIcon(pix)


class SourceList(QListWidget):
    """Show every source of the case; unchecking hides its pane, dragging reorders the panes."""

    sourceActivated = Signal(str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._filling = False
        self.context_actions: list = []  # window actions offered on a source (details, open original)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(14, 14))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setToolTip("Uncheck to hide a source; drag to reorder the panes.")
        self.itemChanged.connect(self._on_item_changed)
        self.itemActivated.connect(lambda item: self.sourceActivated.emit(item.data(KEY_ROLE)))
        self.model().rowsMoved.connect(lambda *_: QTimer.singleShot(0, self._on_reordered))
        workspace.sourcesChanged.connect(self.refill)
        self.refill()

    def keys(self) -> list[str]:
        """Return the source keys in list order."""
        return [self.item(i).data(KEY_ROLE) for i in range(self.count())]

    def current_key(self) -> str | None:
        """Return the key of the selected source."""
        item = self.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def refill(self) -> None:
        """Rebuild the rows from the workspace."""
        selected = self.current_key()
        self._filling = True
        try:
            self.clear()
            for index, source in enumerate(self.ws.sources):
                words = word_count(source.text)
                second = " · ".join(x for x in (source.published[:10], f"{words:,} words") if x)
                # the name every summary uses, and the headline under it
                head, title = source.label, source.subtitle
                text = f"{head}\n{title}\n{second}" if title else f"{head}\n{second}"
                item = QListWidgetItem(_chip(theme.source_colour(index)), text)
                item.setData(KEY_ROLE, source.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
                hidden = source.key in self.ws.hidden
                item.setCheckState(Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)
                item.setToolTip(source.path or source.url or source.title or source.label)
                self.addItem(item)
                if source.key == selected:
                    self.setCurrentItem(item)
        finally:
            self._filling = False

    def contextMenuEvent(self, event) -> None:
        item = self.itemAt(event.pos())
        if item is None:
            return
        key = item.data(KEY_ROLE)
        source = self.ws.source(key)
        menu = QMenu(self)
        hidden = key in self.ws.hidden
        self.setCurrentItem(item)  # the window's source actions act on the selected source
        for action in self.context_actions:
            menu.addAction(action)
        if self.context_actions:
            menu.addSeparator()
        menu.addAction("Show the pane" if hidden else "Hide the pane", lambda: self.ws.set_hidden(key, not hidden))
        menu.addAction("Remove from the case…", lambda: self._confirm_remove(key, source.label))
        menu.exec(event.globalPos())

    def _confirm_remove(self, key: str, label: str) -> None:
        answer = QMessageBox.question(
            self, "Remove source", f"Remove {label} from the case? Its verdicts and notes stay in the case."
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ws.remove_source(key)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        key = item.data(KEY_ROLE)
        if key:
            self.ws.set_hidden(key, item.checkState() != Qt.CheckState.Checked)

    def _on_reordered(self) -> None:
        new = self.keys()
        old = [s.key for s in self.ws.sources]
        if new == old or sorted(new) != sorted(old):
            return
        for key in new:
            if [k for k in old if k != key] == [k for k in new if k != key]:
                self.ws.move_source(key, new.index(key))
                return
        # Not a single move (unexpected): apply the order one source at a time.
        for index, key in enumerate(new):
            self.ws.move_source(key, index)
