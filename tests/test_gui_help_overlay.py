"""HelpOverlay: every action by menu with shortcuts and help; Esc, F1 or ? closes."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from gui.state.actions import ACTIONS, MENUS  # noqa: E402
from gui.dialogs.help_overlay import HelpOverlay, help_html  # noqa: E402


@pytest.fixture
def overlay(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    widget = HelpOverlay(ACTIONS, window)
    widget.popup()
    widget.window_ref = window
    return widget


def test_every_action_is_listed_with_its_shortcut_and_help(overlay):
    text = overlay.text()
    for spec in ACTIONS:
        assert spec.text in text and spec.help in text
    assert "Ctrl+Shift+Z Ctrl+Y Redo Redo what was undone." in text.replace("\n", " ").replace("\t", " ")


def test_menus_appear_in_menu_order(overlay):
    text = overlay.text()
    positions = [text.index(menu + "\n") for menu in MENUS]
    assert positions == sorted(positions)


def test_it_covers_the_parent_window(overlay):
    assert overlay.geometry() == overlay.window_ref.rect()
    overlay.window_ref.resize(1000, 800)
    assert overlay.geometry().size().width() == 1000


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question])
def test_escape_f1_and_question_mark_close_it(overlay, qtbot, key):
    assert overlay.isVisible()
    qtbot.keyClick(overlay.browser, key)
    assert not overlay.isVisible()


def test_toggle_opens_and_closes(overlay):
    overlay.toggle()
    assert not overlay.isVisible()
    overlay.toggle()
    assert overlay.isVisible()


def test_help_text_escapes_markup():
    from gui.state.actions import ActionSpec

    page = help_html([ActionSpec("x", "<b>Bold</b>", ("Ctrl+B",), "h", "a < b", "Edit")], ["Edit"])
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page and "a &lt; b" in page


def test_key_caps_use_colours_qt_understands_so_no_warning_is_printed_and_their_style_holds(qtbot, qtlog):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    widget = HelpOverlay(ACTIONS, window)
    widget.popup()
    qtbot.wait(20)
    assert not [r for r in qtlog.records if "Unknown color name" in r.message]
    from PySide6.QtGui import QColor

    page = help_html(ACTIONS)
    colours = set(__import__("re").findall(r"background-color:(#[0-9a-fA-F]+)", page))
    assert colours and all(QColor(c).isValid() and len(c) == 7 for c in colours)
    cursor = widget.browser.document().find("Ctrl+K")
    assert cursor.charFormat().background().color() == QColor(sorted(colours)[0])
