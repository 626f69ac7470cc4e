"""The main window driven from the keyboard: navigation, verdicts, undo, find, hide, bad files."""

import importlib
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app.main_window import MainWindow  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui_doubles import fake_analyze, story_sources  # noqa: E402


@pytest.fixture
def triage():
    return importlib.import_module("core.case.triage")


@pytest.fixture
def window(qtbot):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    win.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.pane_area.panes[0].view, timeout=2000)
    yield win
    win.close()


def _press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)
    QApplication.processEvents()  # a user's next key comes after the event loop has turned


def test_j_goes_to_the_first_divergence_of_the_queue_and_every_pane_shows_its_member(window, qtbot, triage):
    ws = window.ws
    _press(qtbot, window, Qt.Key.Key_J)
    queue_first = triage.queue(ws.alignment, ws.verdicts)[0]
    assert ws.current_divergence_key == getattr(queue_first, "key", queue_first)
    claim = ws.current_claim()
    assert ws.current_divergence().claim == claim.id
    qtbot.wait(50)
    for pane in window.pane_area.panes:
        member = pane.member_passages(claim)[0]
        assert pane.is_visible_y(pane.passage_y(member))
        assert (member.start, member.end) in [
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.view.extraSelections()
        ]
    assert window.current_label.text().startswith(ws.current_divergence().type + ":")


def test_pressing_1_records_the_verdict_and_ctrl_z_undoes_it(window, qtbot, triage):
    ws = window.ws
    _press(qtbot, window, Qt.Key.Key_J)
    key = ws.current_divergence_key
    _press(qtbot, window, Qt.Key.Key_1)
    assert ws.verdicts[key].verdict == "confirmed"
    assert ws.current_divergence_key != key  # moved on to the next untriaged divergence
    assert window.triage_label.text() == triage.progress_text(ws.alignment, ws.verdicts)
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert key not in ws.verdicts
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ws.verdicts[key].verdict == "confirmed"


def test_single_letter_shortcuts_do_not_fire_while_typing_in_the_find_box(window, qtbot):
    ws = window.ws
    _press(qtbot, window, Qt.Key.Key_Slash)
    assert window.find_bar.isVisible()
    assert QApplication.focusWidget() is window.find_bar.edit
    before = (ws.current_divergence_key, dict(ws.verdicts))
    qtbot.keyClicks(window.find_bar.edit, "j1k")
    assert window.find_bar.edit.text() == "j1k"
    assert (ws.current_divergence_key, dict(ws.verdicts)) == before


def test_find_highlights_matches_in_every_pane_and_enter_moves(window, qtbot):
    _press(qtbot, window, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.find_bar.edit, "bridge")
    assert window.find_bar.count.text() == "1 of 3 in 3 sources"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "2 of 3 in 3 sources"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == "1 of 3 in 3 sources"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_unchecking_a_source_in_the_list_removes_its_pane_without_re_aligning(window, qtbot):
    item = window.source_list.item(1)
    before = window.ws.alignment
    item.setCheckState(Qt.CheckState.Unchecked)
    assert [p.source_key for p in window.pane_area.panes] == ["a", "c"]
    assert window.ws.hidden == {"b"} and window.ws.alignment is before


def test_n_and_p_move_between_claims(window, qtbot, triage):
    ws = window.ws
    _press(qtbot, window, Qt.Key.Key_N)
    first = ws.current_claim_id
    _press(qtbot, window, Qt.Key.Key_N)
    assert ws.current_claim_id != first
    _press(qtbot, window, Qt.Key.Key_P)
    assert ws.current_claim_id == first


def test_u_goes_to_the_unique_passage(window, qtbot, triage):
    _press(qtbot, window, Qt.Key.Key_U)
    assert window.ws.current_passage_id == "d2:p1"
    assert window.ws.current_claim_id is None


def test_the_title_names_the_case(window):
    assert window.windowTitle() == "unsaved — Parallax"


def test_every_registry_action_is_a_window_action_with_its_shortcuts(window):
    from gui.state.actions import ACTIONS

    for spec in ACTIONS:
        action = window.actions_by_id[spec.id]
        assert [s.toString() for s in action.shortcuts()] == [
            __import__("PySide6.QtGui").QtGui.QKeySequence(s).toString() for s in spec.shortcuts
        ]


def test_dragging_a_source_in_the_list_reorders_the_panes(window, qtbot):
    from PySide6.QtCore import QModelIndex

    with qtbot.waitSignal(window.ws.alignmentChanged, timeout=3000):
        assert window.source_list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert [s.key for s in window.ws.sources] == ["c", "a", "b"]
    assert [p.source_key for p in window.pane_area.panes] == ["c", "a", "b"]


def test_bad_files_give_one_message_and_the_good_ones_load(window, qtbot, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The council met on Friday. It voted to close the park.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    messages = []
    window.ws.message.connect(messages.append)
    with qtbot.waitSignal(window.ws.alignmentChanged, timeout=5000):
        window.files.open_paths([str(good), str(empty), str(binary)])
    assert len(messages) == 1
    assert messages[0].startswith("Added 1 source. Refused 2 files: ")
    assert "empty.txt (" in messages[0] and "photo.png (" in messages[0]
    assert window.notice.isVisible() and window.notice.label.text() == messages[0]
    assert len(window.pane_area.panes) == 4


@pytest.fixture
def demo_window(qtbot, tmp_path):
    from gui.app.launch import build_window, demo_files

    resources = Path(__file__).resolve().parent.parent / "resources"
    if len(demo_files(resources)) < 2:
        pytest.skip("the demo articles are not in resources/samples")
    win = build_window(["--demo"], resources, tmp_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.ws.alignment is not None, timeout=15000)
    win.pane_area.panes[0].view.setFocus()
    yield win
    win.close()


def test_on_the_demo_case_j_then_1_records_a_verdict_in_the_case_and_ctrl_z_removes_it(demo_window, qtbot, triage):
    ws = demo_window.ws
    assert len(demo_window.pane_area.panes) == len(ws.sources) == 5
    _press(qtbot, demo_window, Qt.Key.Key_J)
    first = triage.queue(ws.alignment, ws.verdicts)[0]
    assert ws.current_divergence_key == first.key
    qtbot.wait(50)
    showing = [p for p in demo_window.pane_area.panes if p.member_passages(ws.current_claim())]
    assert len(showing) == len(
        {v.passage.split(":")[0] for v in first.variants} | {m.split(":")[0] for m in ws.current_claim().members}
    )
    ys = {demo_window.pane_area.row_y(p, p.member_passages(ws.current_claim())[0]) for p in showing}
    assert all(p.is_visible_y(p.passage_y(p.member_passages(ws.current_claim())[0])) for p in showing)
    assert len(ys) == 1  # level across the panes
    _press(qtbot, demo_window, Qt.Key.Key_1)
    assert ws.case.verdicts()[first.key].verdict == "confirmed"
    assert demo_window.triage_label.text() == f"1 of {len(triage.queue(ws.alignment, {}))} triaged"
    _press(qtbot, demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.key not in ws.case.verdicts()


def test_a_second_window_on_the_same_case_is_read_only_with_a_banner(demo_window, qtbot, tmp_path):
    from gui.app.launch import build_window

    resources = Path(__file__).resolve().parent.parent / "resources"
    second = build_window(["--case", demo_window.ws.case.path], resources, tmp_path)
    qtbot.addWidget(second)
    second.show()
    assert second.windowTitle() == "demo (read-only) — Parallax"
    assert second.read_only_banner.isVisible()
    assert "open in another Parallax window" in second.read_only_banner.label.text()
    assert ".." not in second.read_only_banner.label.text()
    qtbot.waitUntil(lambda: second.ws.alignment is not None, timeout=15000)
    second.ws.select_divergence(second.ws.alignment.divergences()[0].key)
    second.triage.verdict_confirmed()
    assert second.ws.verdicts == {}
    assert second.notice.isVisible() and second.notice.label.text().startswith("Read-only case")
    # E refuses before a note can be typed: no dialog opens to take words it cannot keep
    from gui.dialogs.note_dialog import NoteDialog

    asked = []
    original = NoteDialog.ask
    NoteDialog.ask = staticmethod(lambda *args, **kwargs: asked.append(args) or "typed")
    try:
        second.judgements.edit_note()
    finally:
        NoteDialog.ask = original
    assert asked == [] and second.ws.verdicts == {}
    second.close()


def test_export_writes_an_html_report_in_the_background(window, qtbot, tmp_path):
    from core.export.data import ExportOptions
    from gui.dialogs.export_dialog import start_export

    out = tmp_path / "report.html"
    key = window.ws.alignment.claims[1].divergences[0].key
    window.ws.set_verdict(key, "confirmed", note="checked <b>with</b> the city")
    with qtbot.waitSignal(window.ws.message, timeout=10000, check_params_cb=lambda text: text.startswith("Exported")):
        start_export(window, "html", ExportOptions(), str(out))
    report = out.read_text(encoding="utf-8")
    assert "checked &lt;b&gt;with&lt;/b&gt; the city" in report
    assert "Alpha" in report and "Gamma" in report


def test_pasting_text_adds_a_source_named_by_its_first_line(window, qtbot):
    QApplication.clipboard().setText("Bridge opens\nThe mayor opened the bridge on Monday.")
    with qtbot.waitSignal(window.ws.alignmentChanged, timeout=5000):
        window.files.paste_source()
    assert window.ws.sources[-1].title == "Bridge opens"
    assert len(window.pane_area.panes) == 4


def test_dropping_files_on_the_window_adds_them(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    article = tmp_path / "dropped.txt"
    article.write_text("Police closed two roads near the bridge on Monday.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.ws.alignmentChanged, timeout=5000):
        window.dropEvent(event)
    assert window.ws.sources[-1].path.endswith("dropped.txt")


def test_the_progress_bar_shows_only_for_work_longer_than_half_a_second(qtbot):
    import time as _time

    def slow(sources, edits=(), progress=None, should_cancel=None):
        _time.sleep(0.8)
        return fake_analyze(sources, edits)

    ws = Workspace(analyze=slow, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    ws.add_sources(story_sources())
    qtbot.wait(250)
    assert not win.progress.isVisible()
    qtbot.waitUntil(lambda: win.progress.isVisible() and win.cancel_button.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: ws.alignment is not None, timeout=3000)
    assert not win.progress.isVisible()
    win.close()


def test_a_annotates_the_selected_text_with_a_w3c_anchor(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor

    pane = window.pane_area.panes[1]
    start = pane.source().text.index("Tuesday")
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("Tuesday"), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()

    def fill_in():
        dialog = QApplication.activeModalWidget()
        dialog.label_combo.setCurrentText("disputed")
        dialog.note_edit.setPlainText("Alpha and Gamma say Monday")
        dialog.accept()

    QTimer.singleShot(100, fill_in)
    _press(qtbot, window, Qt.Key.Key_A)
    (annotation,) = window.ws.annotations
    assert (annotation.target_kind, annotation.source_key, annotation.label) == ("span", "b", "disputed")
    assert (annotation.selector.exact, annotation.selector.start, annotation.selector.end) == (
        "Tuesday",
        start,
        start + 7,
    )
    assert annotation.note == "Alpha and Gamma say Monday"


def test_typing_a_note_in_the_inspector_does_not_trigger_verdict_or_navigation_keys(window, qtbot, triage):
    ws = window.ws
    window.inspector_dock.show()
    _press(qtbot, window, Qt.Key.Key_J)
    key = ws.current_divergence_key
    note = window.inspector.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=2000)
    qtbot.keyClicks(note, "j1 n2 ak")
    assert note.toPlainText() == "j1 n2 ak"
    assert ws.current_divergence_key == key
    assert ws.verdicts == {}


def test_ctrl_l_links_the_current_passage_with_the_one_clicked_in_another_pane(window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    ws = window.ws

    def click(pane, offset):
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(offset)
        qtbot.mouseClick(
            pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.cursorRect(cursor).center() + QPoint(2, 0)
        )

    a, c = window.pane_area.panes[0], window.pane_area.panes[2]
    click(c, c.source().text.index("Police"))  # the unique passage of Gamma
    click(a, a.source().text.index("Crowds"))  # then a passage of Alpha: it becomes current
    assert ws.current_passage_id == "d0:p2"
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        _press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    ((edit_id, edit),) = ws.edits
    assert (edit.kind, edit.a.source, edit.b.source) == ("link", "a", "c")
    assert (edit.b.start, edit.b.end) == (c.source().text.index("Police"), c.source().text.index("nearby.") + 7)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.edits == []


def test_a_verdict_applied_to_a_whole_type_is_one_undo_step(window, qtbot, triage):
    from PySide6.QtCore import QTimer

    ws = window.ws
    ws.select_divergence(ws.alignment.claims[1].divergences[0].key)  # the number divergence
    keys = triage.keys_of_type(ws.alignment, "number")

    def choose():
        dialog = QApplication.activeModalWidget()
        dialog.setTextValue("Not significant")
        dialog.accept()
        QTimer.singleShot(100, keep_existing)

    def keep_existing():
        # The second question says what will change; its default keeps existing verdicts.
        dialog = QApplication.activeModalWidget()
        assert dialog.labelText().startswith(f"{len(keys)} number item")
        dialog.accept()

    QTimer.singleShot(100, choose)
    _press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert keys and {ws.verdicts[k].verdict for k in keys} == {"not_significant"}
    # The keyboard is back in the claim view after the dialog, so triage goes on without the mouse.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.claim_view, timeout=2000)
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.verdicts == {}


def test_j_follows_the_type_filter_of_the_triage_panel(window, qtbot, triage):
    ws = window.ws
    combo = window.triage_panel.type_filter
    combo.setCurrentIndex(combo.findData("number"))
    _press(qtbot, window, Qt.Key.Key_J)
    assert ws.current_divergence().type == "number"
    _press(qtbot, window, Qt.Key.Key_J)
    assert ws.current_divergence().type == "number"  # the only one: J stays, with a message


def test_showing_the_inspector_clears_the_notice_that_said_it_was_hidden(window, qtbot):
    window.inspector_dock.hide()
    window.statusBar().showMessage("Inspector hidden to give the panes room: Ctrl+I shows it.", 12000)
    window.views.toggle_inspector()
    assert window.inspector_dock.isVisible()
    assert window.statusBar().currentMessage() == ""
