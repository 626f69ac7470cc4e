"""Filter combo boxes of the side panels: an "all" entry first, the user's choice kept across refills."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

ALL = ""  # the data of the first entry: no filter


def refill(combo: QComboBox, first: str, entries) -> None:
    """Replace a filter's entries with (text, data) pairs, keeping the chosen one when still offered.

    Signals are blocked meanwhile: refilling is not the user choosing a filter.
    """
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, ALL)
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)
