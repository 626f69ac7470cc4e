"""Filter combos: refilled with an "all" entry first, keeping the user's choice, silently."""

from PySide6.QtWidgets import QComboBox

from gui.panels.filter_combo import ALL, refill


def test_a_refill_keeps_the_chosen_entry_while_it_is_still_offered(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    refill(combo, "All sources", [("Alpha", "a"), ("Beta", "b")])
    combo.setCurrentIndex(2)
    refill(combo, "All sources", [("Beta", "b"), ("Gamma", "c")])
    assert [combo.itemText(i) for i in range(combo.count())] == ["All sources", "Beta", "Gamma"]
    assert combo.currentData() == "b"


def test_a_choice_no_longer_offered_falls_back_to_all_without_a_signal(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    refill(combo, "All labels", [("disputed", "disputed")])
    combo.setCurrentIndex(1)
    changes = []
    combo.currentIndexChanged.connect(changes.append)
    refill(combo, "All labels", [("verified", "verified")])
    assert combo.currentData() == ALL and combo.currentText() == "All labels"
    assert changes == []
