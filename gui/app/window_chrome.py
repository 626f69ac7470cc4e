"""Build the window's chrome around the reading area: banners, side docks and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.panels.annotations_panel import AnnotationsPanel
from gui.panels.inspector import Inspector
from gui.panels.set_aside_panel import SetAsidePanel
from gui.panels.source_list import SourceList
from gui.panels.steady_label import SteadyLabel
from gui.panels.triage_panel import TriagePanel


class Banner(QWidget):
    """A one-line coloured strip at the top of the window (read-only reason, refused files)."""

    def __init__(self, colour: str, closable: bool, parent=None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"background:{colour}; color:#1a1a1a;")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row = row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        if closable:
            close = QToolButton(self)
            close.setText("✕")
            close.setAutoRaise(True)
            close.clicked.connect(self.hide)
            row.addWidget(close)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show the banner with this text."""
        self.label.setText(text)
        self.show()

    def add_button(self, text: str, slot) -> QPushButton:
        """Add a button at the banner's right end (hidden until shown)."""
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.hide()
        self._row.insertWidget(1, button)
        return button


def add_dock(window, title: str, widget: QWidget, area, name: str) -> QDockWidget:
    """Add a movable, closable dock holding this widget to the window."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(area, dock)
    return dock


def build_docks(window) -> None:
    """Build the side panels: Sources and Triage left, Inspector and Annotations right, Set aside below."""
    left = QWidget(window)
    column = QVBoxLayout(left)
    column.setContentsMargins(0, 0, 0, 0)
    window.source_list = SourceList(window.ws, left)
    column.addWidget(window.source_list, 2)
    window.triage_panel = TriagePanel(window.ws, left)
    column.addWidget(window.triage_panel, 3)
    window.left_dock = add_dock(window, "Sources", left, Qt.DockWidgetArea.LeftDockWidgetArea, "sources")
    window.left_dock.setMinimumWidth(200)
    window.left_dock.setMaximumWidth(420)
    window.inspector = Inspector(window.ws, window)
    scroller = QScrollArea(window)
    scroller.setWidget(window.inspector)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QScrollArea.Shape.NoFrame)
    # The inspector wraps to the dock's width; its buttons set the dock's least width.
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setMinimumWidth(
        window.inspector.minimumSizeHint().width() + scroller.verticalScrollBar().sizeHint().width()
    )
    window.inspector_dock = add_dock(window, "Inspector", scroller, Qt.DockWidgetArea.RightDockWidgetArea, "inspector")
    window.annotations_panel = AnnotationsPanel(window.ws, window)
    window.annotations_dock = add_dock(
        window, "Annotations", window.annotations_panel, Qt.DockWidgetArea.RightDockWidgetArea, "annotations"
    )
    window.annotations_dock.hide()
    window.set_aside_panel = SetAsidePanel(window.ws, window)
    window.set_aside_dock = add_dock(
        window, "Set aside", window.set_aside_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "set_aside"
    )
    window.set_aside_dock.hide()


def build_status_bar(window) -> None:
    """Build the status bar: the current item, background progress with Cancel, the triage count."""
    bar = window.statusBar()
    window.current_label = QLabel(window)
    # the count changes on every verdict: repainted, not laid out (padded as the style sheet pads labels)
    window.triage_label = SteadyLabel(window, padding=6)
    window.progress = QProgressBar(window)
    window.progress.setRange(0, 100)
    window.progress.setMaximumWidth(160)
    window.progress.setFormat("%p%")
    window.progress.setToolTip("Aligning or exporting in the background; the window stays usable.")
    window.cancel_button = QPushButton("Cancel", window)
    window.cancel_button.setToolTip("Stop the running work (Ctrl+.)")
    window.cancel_button.clicked.connect(lambda: window.edits.cancel_work())
    bar.addWidget(window.current_label, 1)  # a temporary message covers it for a while
    bar.addPermanentWidget(window.progress)
    bar.addPermanentWidget(window.cancel_button)
    bar.addPermanentWidget(window.triage_label)
    window.progress.hide()
    window.cancel_button.hide()
