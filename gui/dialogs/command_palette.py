"""The command palette (Ctrl+K): every registered action, fuzzy filtered as the user types."""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate, QVBoxLayout

SPEC_ROLE = Qt.ItemDataRole.UserRole
SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 1


def fuzzy_score(query: str, text: str) -> int | None:
    """Return how well query matches text as a subsequence (higher is better), or None."""
    query, text = query.casefold().replace(" ", ""), text.casefold()
    if not query:
        return 0
    score, pos, prev = 0, 0, -2
    for ch in query:
        found = text.find(ch, pos)
        if found < 0:
            return None
        score += 1
        if found == prev + 1:
            score += 5  # runs of adjacent letters: "next" in "Next divergence"
        if found == 0 or not text[found - 1].isalnum():
            score += 8  # word starts: "nd" for "Next Divergence"
        score -= min(found - pos, 10) // 3  # gaps cost a little
        prev, pos = found, found + 1
    return score * 100 - len(text)  # among equals, the shorter name wins


def shortcut_text(spec) -> str:
    """Return the action's shortcuts as the platform shows them."""
    return ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) or s for s in spec.shortcuts)


def rank_actions(query: str, actions: Iterable) -> list:
    """Return the actions whose text (or menu, id or shortcut) matches query, best first."""
    scored = []
    for order, spec in enumerate(actions):
        best = fuzzy_score(query, spec.text)
        for other in (f"{spec.menu} {spec.text}", spec.id, *spec.shortcuts):
            s = fuzzy_score(query, other)
            if s is not None and (best is None or s - 50 > best):
                best = s - 50  # matches on the name beat matches on menu, id or key
        if best is not None:
            scored.append((-best, order, spec))
    return [spec for _s, _o, spec in sorted(scored, key=lambda t: (t[0], t[1]))]


class _ShortcutDelegate(QStyledItemDelegate):
    """Draw the action name on the left and its shortcut, dimmed, on the right."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        keys = index.data(SHORTCUT_ROLE) or ""
        if not keys:
            return
        painter.save()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role))
        rect = QRect(option.rect).adjusted(0, 0, -10, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, keys)
        painter.restore()


class CommandPalette(QDialog):
    """Find an action by typing part of its name; Enter runs it, Esc closes."""

    def __init__(self, actions: Iterable, trigger: Callable, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Command palette")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setModal(True)
        self._actions = tuple(actions)
        self._trigger = trigger
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Type an action… (↑↓ to move, Enter to run, Esc to close)")
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setItemDelegate(_ShortcutDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        self.resize(560, 420)
        self.edit.textChanged.connect(self._refilter)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        self.list.itemClicked.connect(lambda _item: self.run_current())
        self._refilter("")

    def visible_specs(self) -> list:
        """Return the actions listed, in order."""
        return [self.list.item(i).data(SPEC_ROLE) for i in range(self.list.count())]

    def _refilter(self, query: str) -> None:
        self.list.clear()
        for spec in rank_actions(query, self._actions):
            item = QListWidgetItem(f"{spec.text}    ·  {spec.menu}")
            item.setData(SPEC_ROLE, spec)
            item.setData(SHORTCUT_ROLE, shortcut_text(spec))
            item.setToolTip(spec.help)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_spec(self):
        """Return the highlighted action, or None when nothing matches."""
        item = self.list.currentItem()
        return item.data(SPEC_ROLE) if item is not None else None

    def run_current(self) -> None:
        """Close and run the highlighted action."""
        spec = self.current_spec()
        if spec is None:
            return
        self.accept()
        self._trigger(spec)

    def _move(self, step: int) -> None:
        count = self.list.count()
        if count:
            self.list.setCurrentRow((self.list.currentRow() + step) % count)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}
            if key in steps:
                self._move(steps[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return super().eventFilter(obj, event)

    def popup(self) -> None:
        """Show the palette centred near the top of its parent, with an empty query."""
        self.edit.clear()
        parent = self.parentWidget()
        if parent is not None:
            geo = parent.geometry()
            self.move(geo.x() + (geo.width() - self.width()) // 2, geo.y() + 80)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
