"""Remember the window between runs (QSettings, per user): geometry, docks, splitters, open views."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

GROUP = "window"


def _flag(settings: QSettings, name: str, default: bool) -> bool:
    value = settings.value(name, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


def save_window(window, settings: QSettings) -> None:
    """Write the window's size and place, dock layout, splitter sizes and shown views."""
    settings.beginGroup(GROUP)
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("state", window.saveState())
    settings.setValue("reading", window.reading.saveState())
    settings.setValue("claim_view", window.claim_view.isVisibleTo(window.reading))
    settings.setValue("claims_table", window.stack.currentWidget() is window.claims_table)
    settings.setValue("tint_all", window.pane_area.tint_all)
    settings.endGroup()
    settings.sync()


def restore_window(window, settings: QSettings) -> bool:
    """Put the window back as it was saved; return False when nothing was saved yet."""
    settings.beginGroup(GROUP)
    try:
        geometry = settings.value("geometry")
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        window.restoreGeometry(geometry)
        state = settings.value("state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        reading = settings.value("reading")
        if isinstance(reading, QByteArray):
            window.reading.restoreState(reading)
        window.claim_view.setVisible(_flag(settings, "claim_view", True))
        if _flag(settings, "claims_table", False):
            window.stack.setCurrentWidget(window.claims_table)
        window.pane_area.set_tint_all(_flag(settings, "tint_all", False))
        return True
    finally:
        settings.endGroup()
