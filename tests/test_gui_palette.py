"""CommandPalette: every registered action with its shortcut, fuzzy filtered, run from the keyboard."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from gui.state.actions import ACTIONS  # noqa: E402
from gui.dialogs.command_palette import CommandPalette, fuzzy_score, rank_actions  # noqa: E402


@pytest.fixture
def palette(qtbot):
    ran = []
    widget = CommandPalette(ACTIONS, ran.append)
    widget.ran = ran
    qtbot.addWidget(widget)
    widget.popup()
    qtbot.waitExposed(widget)
    return widget


def test_with_no_query_every_action_is_listed_in_registry_order(palette):
    assert [s.id for s in palette.visible_specs()] == [s.id for s in ACTIONS]
    from gui.dialogs.command_palette import SHORTCUT_ROLE

    assert palette.list.item(0).data(SHORTCUT_ROLE) == "Ctrl+O"


def test_typing_filters_by_subsequence_best_match_first(palette, qtbot):
    qtbot.keyClicks(palette.edit, "next div")
    assert palette.visible_specs()[0].id == "nav.next_divergence"
    palette.edit.clear()
    qtbot.keyClicks(palette.edit, "nxtun")
    assert [s.id for s in palette.visible_specs()][:1] == ["nav.next_unique"]


def test_a_query_that_matches_nothing_lists_nothing_and_enter_does_nothing(palette, qtbot):
    qtbot.keyClicks(palette.edit, "zzzq")
    assert palette.visible_specs() == []
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert palette.ran == []


def test_down_and_enter_run_the_second_match(palette, qtbot):
    qtbot.keyClicks(palette.edit, "verdict")
    specs = palette.visible_specs()
    qtbot.keyClick(palette.edit, Qt.Key.Key_Down)
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert palette.ran == [specs[1]]
    assert not palette.isVisible()


def test_up_from_the_first_wraps_to_the_last(palette, qtbot):
    qtbot.keyClick(palette.edit, Qt.Key.Key_Up)
    assert palette.current_spec().id == ACTIONS[-1].id


def test_escape_closes_without_running_anything(palette, qtbot):
    qtbot.keyClick(palette.edit, Qt.Key.Key_Escape)
    assert not palette.isVisible() and palette.ran == []


def test_fuzzy_score_prefers_word_starts_and_runs():
    assert fuzzy_score("xyz", "Next divergence") is None
    assert fuzzy_score("nd", "Next divergence") > fuzzy_score("nd", "Annotated")
    assert fuzzy_score("", "anything") == 0
    assert [s.id for s in rank_actions("undo", ACTIONS)][0] == "edit.undo"
    assert [s.id for s in rank_actions("F5", ACTIONS)] == ["align.realign"]
