"""Shared set-up of the widget tests: a widget handed to pytest-qt, sized and shown, alone or in a row.

pytest-qt closes every widget given to `qtbot.addWidget` after its test, so a widget made here never
leaks into the next test.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui_fakes import FakeWorkspace


def shown(qtbot, widget, width: int, height: int, *, exposed: bool = False):
    """Return the widget registered with pytest-qt, resized and shown (and on screen, if exposed)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    if exposed:
        qtbot.waitExposed(widget)
    return widget


def on_fake_workspace(qtbot, widget_class, width: int, height: int, ws: FakeWorkspace | None = None):
    """Return widget_class built on a FakeWorkspace (a fresh one unless given), shown at this size."""
    return shown(qtbot, widget_class(ws if ws is not None else FakeWorkspace()), width, height)


def side_by_side(qtbot, widgets, width: int, height: int, *, tight: bool = False) -> QWidget:
    """Return a shown, exposed box laying the widgets out left to right (tight: no margins or gaps)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    if tight:
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
    for widget in widgets:
        layout.addWidget(widget)
    return shown(qtbot, box, width, height, exposed=True)
