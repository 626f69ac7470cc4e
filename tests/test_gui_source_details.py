"""Source details (F2): outlet, title, date, author, URL edited in place, saved, shown and exported."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

import pytest

from core.case.store import Case
from core.export.data import ExportOptions
from gui.app.main_window import MainWindow
from gui.dialogs.export_dialog import start_export
from gui.state.workspace import Workspace
from gui_doubles import fake_analyze, story_sources
from gui_keyboard import CTRL, SHIFT, press


@pytest.fixture
def window(qtbot, tmp_path):
    case = Case.open(tmp_path / "details.parallax", author="ana")
    ws = Workspace(case, analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    yield win
    win.close()


def _answer(fields: dict, accept: bool = True):
    def fill():
        dialog = QApplication.activeModalWidget()
        for name, value in fields.items():
            dialog.edits[name].setText(value)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(100, fill)


def test_f2_on_a_source_renames_it_in_the_case_the_pane_the_claim_view_and_the_export(window, qtbot, tmp_path):
    ws = window.ws
    key = ws.sources[1].key
    window.source_list.setCurrentRow(1)
    window.source_list.setFocus()
    _answer({"outlet": "Harbour Gazette", "published": "2031-03-04", "url": "https://gazette.example/bridge"})
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        qtbot.keyClick(window.source_list, Qt.Key.Key_F2)
    assert ws.source(key).outlet == "Harbour Gazette"
    assert ws.case.sources()[1].outlet == "Harbour Gazette"
    assert "Harbour Gazette" in window.pane_area.pane(key).header.text()
    assert window.source_list.item(1).text().startswith("Harbour Gazette")
    ws.select_claim(ws.alignment.claims[0].id)
    assert any("Harbour Gazette" in text for text in window.claim_view.row_texts())
    out = tmp_path / "out.md"
    start_export(window, "md", ExportOptions(), str(out))
    qtbot.waitUntil(lambda: out.exists() and not window._export_runner.busy, timeout=5000)
    exported = out.read_text(encoding="utf-8")
    assert "Harbour Gazette" in exported and "2031-03-04" in exported
    assert ws.sources[1].path not in exported.split("Harbour Gazette")[0][-200:]


def test_cancelling_the_details_form_changes_nothing(window, qtbot):
    ws = window.ws
    before = ws.sources[0]
    window.source_list.setCurrentRow(0)
    _answer({"outlet": "Something Else"}, accept=False)
    window.files.edit_source_details()
    assert ws.sources[0] == before
    assert [e.action for e in ws.case.audit()].count("source.update") == 0


def test_a_long_outlet_name_ends_in_an_ellipsis_in_the_pane_header(window, qtbot):
    ws = window.ws
    key = ws.sources[0].key
    long_name = "The Extraordinarily Long-Named Evening Chronicle of the Upper Valley Districts " * 2
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.update_source_details(key, outlet=long_name.strip())
    header = window.pane_area.pane(key).header
    assert "…" in header.text()
    assert header.sizeHint().width() <= window.pane_area.pane(key).width() + 4


def test_f2_in_a_pane_edits_that_panes_source_whatever_the_list_selects(window, qtbot):
    ws = window.ws
    window.source_list.setCurrentRow(0)
    pane = window.pane_area.panes[2]
    pane.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.view, timeout=2000)
    _answer({"outlet": "River Courier"})
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    assert ws.source(pane.source_key).outlet == "River Courier"
    assert ws.sources[0].outlet != "River Courier"


def test_the_source_lists_menu_offers_the_details_and_the_original(window):
    texts = [a.text() for a in window.source_list.context_actions]
    assert texts == ["Edit source details…", "Open original"]


def test_ctrl_z_gives_a_source_its_old_details_back_and_ctrl_shift_z_the_new_ones(window, qtbot):
    ws = window.ws
    key = ws.sources[0].key
    old_outlet = ws.sources[0].outlet
    window.source_list.setCurrentRow(0)
    window.source_list.setFocus()
    _answer({"outlet": "Harbour Gazette"})
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        qtbot.keyClick(window.source_list, Qt.Key.Key_F2)
    assert ws.source(key).outlet == "Harbour Gazette"
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert ws.source(key).outlet == old_outlet and ws.case.sources()[0].outlet == old_outlet
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert ws.source(key).outlet == "Harbour Gazette"
