"""Filter combo boxes of the side panels: an "all" entry first, the user's choice kept across refills."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

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


class FilterCombo(QComboBox):
    """A filter that can shrink to a few characters, its chosen entry then ending in "…"."""

    def __init__(self, parent=None, chars: int = 4):
        super().__init__(parent)
        # By default a combo is as wide as its longest entry: three of them set a side panel's
        # least width, and on a laptop that width is taken from the panes.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(chars)

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
