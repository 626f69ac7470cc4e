"""The keyboard help screen (F1 or ?): every registered action by menu, with shortcuts and help."""

from __future__ import annotations

import html
from typing import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from gui.dialogs.command_palette import shortcut_text
from gui.style import theme

CLOSE_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question}


def key_cap(key: str, dark: bool = False) -> str:
    """Return one key as a key cap in Qt rich text (solid colours: Qt reads no CSS alpha or padding)."""
    back, fore = ("#3c3f44", "#f0f0f0") if dark else ("#e4e4e4", "#1a1a1a")
    return (
        f"<span style='background-color:{back}; color:{fore}; font-family:monospace; font-weight:600'>"
        f"{html.escape(key)}</span>"
    )


def help_html(actions: Iterable, menus: Iterable[str] = (), dark: bool = False) -> str:
    """Return the help page: one table per menu, in menu order, each action with keys and help."""
    actions = list(actions)
    order = list(menus) + [a.menu for a in actions if a.menu not in menus]
    seen, parts = set(), []
    for menu in order:
        if menu in seen:
            continue
        seen.add(menu)
        rows = [a for a in actions if a.menu == menu]
        if not rows:
            continue
        parts.append(f"<h3>{html.escape(menu)}</h3><table cellspacing='0' cellpadding='3' width='100%'>")
        for a in rows:
            keys = " ".join(key_cap(k, dark) for k in shortcut_text(a).split(", ") if k)
            parts.append(
                f"<tr><td width='22%'><b>{keys}</b></td><td width='30%'>{html.escape(a.text)}</td>"
                f"<td>{html.escape(a.help)}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


class HelpOverlay(QWidget):
    """Cover the parent window with the shortcut list; Esc, F1 or ? closes it."""

    def __init__(self, actions: Iterable, parent: QWidget | None = None, menus: Iterable[str] = ()):
        super().__init__(parent)
        self._actions = tuple(actions)
        if not menus:
            try:
                from gui.state.actions import MENUS

                menus = MENUS
            except ImportError:  # pragma: no cover - the registry ships with the window
                menus = ()
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.panel = QFrame(self)
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel.setAutoFillBackground(True)
        title = QLabel("<b>Keyboard shortcuts</b> — Esc, F1 or ? closes", self.panel)
        self.browser = QTextBrowser(self.panel)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(help_html(self._actions, menus, theme.is_dark(self.palette())))
        self.browser.installEventFilter(self)
        column = QVBoxLayout(self.panel)
        column.addWidget(title)
        column.addWidget(self.browser, 1)
        self.hide()
        if parent is not None:
            parent.installEventFilter(self)

    def text(self) -> str:
        """Return the help as plain text (what the user reads)."""
        return self.browser.toPlainText()

    def popup(self) -> None:
        """Show the overlay over the whole parent and take the keyboard."""
        self._fit()
        self.show()
        self.raise_()
        self.browser.setFocus()

    def toggle(self) -> None:
        """Show the overlay, or hide it when it is showing."""
        if self.isVisible():
            self.hide()
        else:
            self.popup()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        else:
            self.resize(820, 640)
        margin_x, margin_y = max(20, self.width() // 10), max(20, self.height() // 12)
        self.panel.setGeometry(self.rect().adjusted(margin_x, margin_y, -margin_x, -margin_y))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        margin_x, margin_y = max(20, self.width() // 10), max(20, self.height() // 12)
        self.panel.setGeometry(self.rect().adjusted(margin_x, margin_y, -margin_x, -margin_y))

    def paintEvent(self, _event) -> None:
        if self.parentWidget() is not None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(0, 0, 0, 110))  # dim the window behind
            painter.end()

    def _is_close_key(self, event) -> bool:
        return (
            event.key() in CLOSE_KEYS
            or event.text() == "?"
            or QKeySequence(event.keyCombination()) == QKeySequence("F1")
        )

    def keyPressEvent(self, event) -> None:
        if self._is_close_key(event):
            self.hide()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        if not self.panel.geometry().contains(event.position().toPoint()):
            self.hide()  # a click outside the panel closes, like a popup
            return
        super().mousePressEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        elif obj is self.browser and event.type() == QEvent.Type.ShortcutOverride and self._is_close_key(event):
            event.accept()  # the key closes the overlay instead of firing the window's F1/? action
            return True
        elif obj is self.browser and event.type() == QEvent.Type.KeyPress and self._is_close_key(event):
            self.hide()
            return True
        return super().eventFilter(obj, event)
