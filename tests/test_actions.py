"""The action registry: one table, no duplicate shortcut, every action documented and handled."""

import importlib
import pytest

from gui.state.actions import ACTIONS, MENUS, action_by_id


def _normal(shortcut: str) -> str:
    return shortcut.replace(" ", "").lower()


def test_no_two_actions_share_a_shortcut():
    seen = {}
    for spec in ACTIONS:
        for shortcut in spec.shortcuts:
            assert _normal(shortcut) not in seen, f"{shortcut} used by {seen.get(_normal(shortcut))} and {spec.id}"
            seen[_normal(shortcut)] = spec.id


def test_every_action_has_text_help_a_menu_and_at_least_one_shortcut():
    for spec in ACTIONS:
        assert spec.text.strip(), spec.id
        assert spec.help.strip().endswith("."), spec.id
        assert spec.shortcuts, spec.id
        assert spec.menu in MENUS, spec.id


def test_action_ids_are_unique_and_found_by_id():
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids))
    assert action_by_id("nav.next_divergence").shortcuts == ("J",)


def test_the_product_keyboard_table_is_in_the_registry():
    shortcuts = {s for spec in ACTIONS for s in spec.shortcuts}
    for key in [
        "J",
        "K",
        "N",
        "P",
        "U",
        "1",
        "2",
        "3",
        "4",
        "A",
        "E",
        "/",
        "Ctrl+K",
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Ctrl+E",
        "F1",
        "?",
    ]:
        assert key in shortcuts, key


def test_every_shortcut_parses_to_a_qt_key_sequence():
    QtGui = pytest.importorskip("PySide6.QtGui")
    for spec in ACTIONS:
        for shortcut in spec.shortcuts:
            assert not QtGui.QKeySequence(shortcut).isEmpty(), shortcut


def test_every_handler_names_a_method_of_one_command_group_of_the_main_window():
    main_window = importlib.import_module("gui.app.main_window")
    classes = {
        "files": "gui.app.file_commands.FileCommands",
        "edits": "gui.app.edit_commands.EditCommands",
        "triage": "gui.app.triage_commands.TriageCommands",
        "judgements": "gui.app.judgement_dialogs.JudgementDialogs",
        "views": "gui.app.view_commands.ViewCommands",
    }
    assert set(classes) == set(main_window.COMMAND_GROUPS)
    for spec in ACTIONS:
        group, method = spec.handler.split(".", 1)
        if group == "window":
            owner = main_window.MainWindow
        else:
            module, name = classes[group].rsplit(".", 1)
            owner = getattr(importlib.import_module(module), name)
        assert callable(getattr(owner, method, None)), spec.handler
