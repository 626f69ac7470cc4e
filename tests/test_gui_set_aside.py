"""The checker's work survives every change of the alignment: placed again, or listed as set aside."""

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt

from core.export import view
from core.export.csv_out import render_csv
from core.export.data import collect
from core.export.html import render_html
from core.export.json_out import render_json
from core.export.markdown import render_markdown
from gui_keyboard import CTRL, SHIFT, answer_dialog, make_case, open_window, press, sample_paths, wait_aligned


def _articles(folder):
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


def _accounted(ws):
    """Assert every stored verdict and note is on an item or set aside, and return the counts."""
    stored = ws.case.verdicts()
    placed = {ws.stored_key_of(k) for k in ws.verdicts}
    aside = {s.record.divergence_key for s in ws.set_aside}
    assert placed | aside == set(stored) and not placed & aside
    assert len(ws.verdicts) + len(ws.set_aside) == len(stored)
    notes = sorted(r.note for r in stored.values() if r.note)
    shown = sorted(
        [r.note for r in ws.verdicts.values() if r.note] + [s.record.note for s in ws.set_aside if s.record.note]
    )
    assert notes == shown
    return len(ws.verdicts), len(ws.set_aside)


def _act(qtbot, win, *key):
    press(qtbot, win, *key)
    wait_aligned(qtbot, win.ws)
    _accounted(win.ws)


@pytest.mark.parametrize("corpus", ["demo", "seeds"])
def test_verdicts_and_notes_survive_link_unlink_split_merge_hide_add_remove_and_reopening(
    qtbot, tmp_path, corpus, samples_dir, seeds_dir
):
    paths = sample_paths(samples_dir) if corpus == "demo" else _articles(seeds_dir)[:4]
    case_path = make_case(tmp_path / "work.parallax", paths[:-1])
    win = open_window(qtbot, case_path)
    ws = win.ws
    press(qtbot, win, Qt.Key.Key_J)
    for n, key in enumerate([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1]):
        if ws.current_divergence_key is None:
            break
        if n % 2 == 0:
            answer_dialog(qtbot, [f"checked item {n}", (Qt.Key.Key_Return, CTRL)])
            press(qtbot, win, Qt.Key.Key_E)
        press(qtbot, win, key)
    given = len(ws.case.verdicts())
    assert given >= 2
    assert _accounted(ws) == (given, 0)

    claim = max(ws.alignment.claims, key=lambda c: len(c.members))
    member = claim.members[0]
    ref = ws.passage_ref(member)
    other = ws.passage_ref(next(m for m in claim.members if ws.passage_ref(m).source != ref.source))
    ws.select_passage(member)
    _act(qtbot, win, Qt.Key.Key_L, CTRL | SHIFT)  # unlink
    win.pane_area.pane(other.source)._on_click(other.start + 1)
    win.pane_area.pane(ref.source)._on_click(ref.start + 1)
    _act(qtbot, win, Qt.Key.Key_L, CTRL)  # link back by hand
    pane = win.pane_area.pane(ref.source)
    cursor = pane.view.textCursor()
    cursor.setPosition(pane.source().text.index(" ", ref.start + (ref.end - ref.start) // 2) + 1)
    pane.view.setTextCursor(cursor)
    _act(qtbot, win, Qt.Key.Key_S, CTRL | SHIFT)  # split
    ws.select_passage(ws.passage_at(ref.source, ref.start))
    _act(qtbot, win, Qt.Key.Key_M, CTRL)  # merge it back
    hidden = ws.visible_sources()[-1].key
    ws.select_passage(ws.document_for(hidden).passages[0].id)
    ws.set_hidden(hidden, True, realign=True)  # hide and re-align (Ctrl+Shift+H)
    wait_aligned(qtbot, ws)
    _accounted(ws)
    ws.set_hidden(hidden, False)  # showing it again needs it aligned
    wait_aligned(qtbot, ws)
    assert _accounted(ws)[0] >= 1
    ws.add_files([paths[-1]])
    qtbot.waitUntil(lambda: len(ws.sources) == len(paths), timeout=20000)
    wait_aligned(qtbot, ws)
    _accounted(ws)
    ws.remove_source(ws.sources[0].key)
    wait_aligned(qtbot, ws)
    placed, aside = _accounted(ws)
    assert placed + aside == given
    print(f"{corpus}: {given} verdicts and notes given; after the edits {placed} placed, {aside} set aside")
    win.close()

    again = open_window(qtbot, case_path)
    assert sum(_accounted(again.ws)) == given
    data = collect(again.ws.case, again.ws.alignment)
    exported = json.loads(render_json(data))
    assert exported["counts"]["set_aside"] == len(again.ws.set_aside)
    decided = sum(1 for r in again.ws.verdicts.values() if r.verdict)
    assert exported["counts"]["triaged"] == decided
    on_items = {d["key"] for d in exported["divergences"] + exported["contradictions"] if d["verdict"]}
    assert on_items == set(again.ws.verdicts)
    assert len(exported["set_aside"]) + len(again.ws.verdicts) == given
    # The window's line and every export's line are the same words and numbers.
    line = again.triage_label.text()
    assert line == view.progress_line(data)
    assert line in render_html(data) and line.replace(".", "\\.") in render_markdown(data)
    rows = list(csv.DictReader(io.StringIO(render_csv(data), newline="")))
    assert len({r["divergence_key"] for r in rows if r["row_type"] == "set_aside"}) == len(again.ws.set_aside)
    again.close()


def test_the_set_aside_panel_lists_a_verdict_that_lost_its_source_and_reattaches_it_by_keyboard(
    qtbot, tmp_path, samples_dir
):
    paths = sample_paths(samples_dir)
    case_path = make_case(tmp_path / "aside.parallax", paths)
    win = open_window(qtbot, case_path)
    ws = win.ws
    press(qtbot, win, Qt.Key.Key_J)
    div = ws.current_divergence()
    answer_dialog(qtbot, ["who said this?", (Qt.Key.Key_Return, CTRL)])
    press(qtbot, win, Qt.Key.Key_E)
    press(qtbot, win, Qt.Key.Key_1)
    source = ws.alignment.document_of(div.variants[-1].passage).source.key
    ws.set_hidden(source, True, realign=True)
    wait_aligned(qtbot, ws)
    assert div.key not in ws.verdicts
    assert [s.record.note for s in ws.set_aside] == ["who said this?"]
    assert "set aside" in win.triage_label.text()
    press(qtbot, win, Qt.Key.Key_B, CTRL | SHIFT)
    panel = win.set_aside_panel
    assert win.set_aside_dock.isVisible() and panel.list.hasFocus()
    row = panel.list.topLevelItem(0)
    assert "who said this?" in row.text(3) and "Discrepancy confirmed" == row.text(2)
    target = next(d for d in ws.alignment.divergences() if d.key not in ws.verdicts)
    ws.select_divergence(target.key)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert ws.verdicts[target.key].note == "who said this?" and ws.set_aside == ()
    press(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert [s.record.note for s in ws.set_aside] == ["who said this?"]
    ws.set_hidden(source, False)
    wait_aligned(qtbot, ws)
    assert ws.verdicts[div.key].verdict == "confirmed" and ws.set_aside == ()
    win.close()


def test_hiding_a_source_hides_its_pane_without_re_aligning(qtbot, tmp_path, samples_dir):
    case_path = make_case(tmp_path / "hide.parallax", sample_paths(samples_dir))
    win = open_window(qtbot, case_path)
    ws = win.ws
    before = ws.alignment
    key = win.pane_area.panes[0].source_key
    press(qtbot, win, Qt.Key.Key_H, CTRL)
    assert key in ws.hidden and ws.alignment is before and not ws.busy
    assert "not re-run" in win.statusBar().currentMessage()
    win.close()


def test_a_verdict_key_says_where_it_moved_and_auto_advance_can_be_turned_off(qtbot, tmp_path, samples_dir):
    case_path = make_case(tmp_path / "advance.parallax", sample_paths(samples_dir))
    win = open_window(qtbot, case_path)
    ws = win.ws
    press(qtbot, win, Qt.Key.Key_J)
    first = ws.current_divergence_key
    press(qtbot, win, Qt.Key.Key_2)
    assert ws.current_divergence_key != first and "Moved on" in win.statusBar().currentMessage()
    press(qtbot, win, Qt.Key.Key_J, CTRL | SHIFT)
    assert ws.auto_advance is False and ws.case.get_setting("auto_advance") is False
    here = ws.current_divergence_key
    press(qtbot, win, Qt.Key.Key_3)
    assert ws.current_divergence_key == here and "Staying here" in win.statusBar().currentMessage()
    win.close()


def test_the_help_and_readme_say_that_a_verdict_moves_on():
    from pathlib import Path

    from gui.state.actions import action_by_id

    assert "move on to the next untriaged" in action_by_id("triage.confirmed").help
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "next untriaged" in readme and "Ctrl+Shift+J" in readme


def test_undo_after_a_verdict_moved_to_a_re_found_divergence_restores_every_step(qtbot, tmp_path):
    from dataclasses import replace as copy

    from core.case.store import Case
    from gui.state.workspace import Workspace
    from gui_fakes import make_alignment

    first = make_alignment()
    claim = first.claims[0]
    # The same time disagreement found again under another key (a link added a wording, say).
    again = copy(
        first, claims=(copy(claim, divergences=(copy(claim.divergences[0], key="k-time-again"),)),) + first.claims[1:]
    )
    runs = [first, again, first]
    ws = Workspace(
        Case.open(tmp_path / "undo.parallax", author="ana"), analyze=lambda *a, **k: runs.pop(0), debounce_ms=0
    )
    for source in first.documents:
        ws.case.add_source(source.source)
    ws.load_case(ws.case)
    qtbot.waitUntil(lambda: ws.alignment is first)
    ws.set_verdict("k-time", "confirmed", note="first")
    ws.realign_now()
    qtbot.waitUntil(lambda: ws.alignment is again)
    assert ws.verdicts["k-time-again"].note == "first" and ws.stored_key_of("k-time-again") == "k-time"
    ws.set_verdict("k-time-again", "follow_up")
    assert set(ws.case.verdicts()) == {"k-time-again"}
    ws.undo_stack.undo()
    assert set(ws.case.verdicts()) == {"k-time"} and ws.verdicts["k-time-again"].verdict == "confirmed"
    ws.undo_stack.undo()
    assert ws.case.verdicts() == {} and ws.verdicts == {}
    ws.close()


def test_hiding_a_source_says_how_many_verdicts_were_set_aside_and_showing_it_says_they_came_back(
    qtbot, tmp_path, samples_dir
):
    case_path = make_case(tmp_path / "say.parallax", sample_paths(samples_dir))
    win = open_window(qtbot, case_path)
    ws = win.ws
    messages = []
    ws.message.connect(messages.append)
    press(qtbot, win, Qt.Key.Key_J)
    div = ws.current_divergence()
    press(qtbot, win, Qt.Key.Key_1)
    source = ws.alignment.document_of(div.variants[-1].passage).source.key
    ws.set_hidden(source, True, realign=True)
    wait_aligned(qtbot, ws)
    assert any(m.startswith("1 verdict or note set aside") for m in messages)
    ws.set_hidden(source, False)
    wait_aligned(qtbot, ws)
    assert any(m.startswith("1 set-aside verdict placed back") for m in messages)
    win.close()
    again = open_window(qtbot, case_path)
    assert not any("placed back" in m for m in [again.statusBar().currentMessage()])
    again.close()


def test_the_window_export_lists_the_set_aside_verdicts_too(qtbot, tmp_path, samples_dir):
    from core.export.data import ExportOptions
    from gui.dialogs.export_dialog import start_export

    case_path = make_case(tmp_path / "export.parallax", sample_paths(samples_dir))
    win = open_window(qtbot, case_path)
    ws = win.ws
    press(qtbot, win, Qt.Key.Key_J)
    div = ws.current_divergence()
    answer_dialog(qtbot, ["kept through the export", (Qt.Key.Key_Return, CTRL)])
    press(qtbot, win, Qt.Key.Key_E)
    ws.set_hidden(ws.alignment.document_of(div.variants[-1].passage).source.key, True, realign=True)
    wait_aligned(qtbot, ws)
    assert len(ws.set_aside) == 1
    out = tmp_path / "report.json"
    with qtbot.waitSignal(ws.message, timeout=10000, check_params_cb=lambda text: text.startswith("Exported")):
        start_export(win, "json", ExportOptions(), str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [s["note"] for s in exported["set_aside"]] == ["kept through the export"]
    assert exported["counts"]["set_aside"] == 1
    win.close()


def test_verdict_keys_beside_a_set_aside_verdict_leave_it_listed_and_place_as_a_full_placement_would(
    qtbot, tmp_path, samples_dir
):
    from core.case.reattach import place

    case_path = make_case(tmp_path / "quick.parallax", sample_paths(samples_dir))
    win = open_window(qtbot, case_path)
    ws = win.ws
    press(qtbot, win, Qt.Key.Key_J)
    div = ws.current_divergence()
    press(qtbot, win, Qt.Key.Key_1)
    source = ws.alignment.document_of(div.variants[-1].passage).source.key
    ws.set_hidden(source, True, realign=True)
    wait_aligned(qtbot, ws)
    assert [s.record.divergence_key for s in ws.set_aside] == [div.key]
    rebuilt = []
    ws.setAsideChanged.connect(lambda: rebuilt.append(True))
    ws.select_divergence(ws.alignment.divergences()[0].key)
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1):
        press(qtbot, win, key)
    assert len(ws.case.verdicts()) == 4
    assert rebuilt == []  # the set-aside list (and its check of every annotation) was not rebuilt
    assert [s.record.divergence_key for s in ws.set_aside] == [div.key]
    assert set(ws.stored_verdicts) == set(ws.case.verdicts())
    full = place(ws.stored_verdicts, ws.alignment)
    assert ws.placement == full and ws.verdicts == full.verdicts
    win.close()
