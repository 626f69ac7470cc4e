"""Find in all sources: a bar that highlights every match in every pane, Enter / Shift+Enter to move."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every case-insensitive occurrence of needle in text."""
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


class FindBar(QWidget):
    """Search every visible pane; matches are ordered pane by pane, then by position."""

    def __init__(self, pane_area, parent: QWidget | None = None):
        super().__init__(parent)
        self.area = pane_area
        self.matches: list[tuple[object, int, int]] = []  # (pane, start, end)
        self.current = -1
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in all sources (Enter: next, Shift+Enter: previous, Esc: close)")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close the find bar (Esc)")
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(QLabel("Find:", self))
        row.addWidget(self.edit, 1)
        row.addWidget(self.count)
        row.addWidget(close)
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        # Panes come and go with hidden sources: search the new row again.
        pane_area.ws.alignmentChanged.connect(self._search_again)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar and put the cursor in it."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        """Hide the bar and its highlights."""
        self.hide()
        for pane in self.area.panes:
            pane.set_find_matches([])
        if self.area.panes:
            self.area.panes[0].view.setFocus()

    def _search_again(self) -> None:
        if self.isVisible():
            self.search(self.edit.text())

    def search(self, needle: str) -> None:
        """Find needle in every visible pane and highlight the matches."""
        self.matches = []
        for pane in self.area.panes:
            source = pane.source()
            for start, end in find_all(source.text if source else "", needle):
                self.matches.append((pane, start, end))
        self.current = 0 if self.matches else -1
        self._show()

    def step(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) match, wrapping around."""
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._show()

    def _show(self) -> None:
        current_pane = self.matches[self.current][0] if self.current >= 0 else None
        for pane in self.area.panes:
            mine = [(s, e) for p, s, e in self.matches if p is pane]
            index = -1
            if pane is current_pane:
                _p, cs, ce = self.matches[self.current]
                index = mine.index((cs, ce))
            pane.set_find_matches(mine, index)
        needle = self.edit.text()
        if not needle:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no match")
        else:
            panes = len({id(p) for p, _s, _e in self.matches})
            self.count.setText(
                f"{self.current + 1} of {len(self.matches)} in {panes} source{'s' if panes != 1 else ''}"
            )

    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
