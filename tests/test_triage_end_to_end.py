"""A checker triages the demo case from the keyboard alone, closes it, and finds everything on reopening."""

import csv
import io
import json
from datetime import datetime

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.case import triage  # noqa: E402
from core.case.store import Case  # noqa: E402
from core.export.csv_out import render_csv  # noqa: E402
from core.export.data import ExportOptions, collect  # noqa: E402
from core.export.html import render_html  # noqa: E402
from core.export.json_out import export_to_dict  # noqa: E402
from core.export.markdown import render_markdown  # noqa: E402
from gui.style import colors  # noqa: E402
from gui_keyboard import (
    CTRL,
    NONE,
    SHIFT,
    answer_dialog,
    make_case,
    open_window,
    press,  # noqa: E402
    sample_paths,
    wait_aligned,
)

VERDICT_KEYS = {
    Qt.Key.Key_1: "confirmed",
    Qt.Key.Key_2: "not_significant",
    Qt.Key.Key_3: "follow_up",
    Qt.Key.Key_4: "source_error",
}
SAVE = (Qt.Key.Key_Return, CTRL)


@pytest.fixture
def case_path(tmp_path, samples_dir):
    return make_case(tmp_path / "story.parallax", sample_paths(samples_dir))


def _queue_keys(ws):
    return [d.key for d in triage.queue(ws.alignment, {})]


def _progress(win):
    return win.triage_panel.progress_label.text(), win.triage_label.text()


def _error_candidates(ws):
    """Return the source keys the "which source is wrong?" list offers, in its order."""
    keys = []
    for v in ws.current_divergence().variants:
        key = ws.alignment.document_of(v.passage).source.key
        if key not in keys:
            keys.append(key)
    return keys


def _annotate_claim(qtbot, win, label, note):
    """Press A on the current claim and fill the dialog: note, status resolved, label; Ctrl+Enter."""
    steps = [
        note,
        (Qt.Key.Key_Tab, SHIFT),
        (Qt.Key.Key_Down, NONE),
        (Qt.Key.Key_Tab, SHIFT),
        (Qt.Key.Key_A, CTRL),
        label,
        SAVE,
    ]
    seen = answer_dialog(qtbot, steps)
    press(qtbot, win, Qt.Key.Key_A)
    assert len(seen) == 1


def test_every_divergence_is_triaged_by_keyboard_and_everything_is_there_after_reopening(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    keys = _queue_keys(ws)
    total = len(keys)
    assert total >= 8 and len(set(keys)) == total
    # J walks every kind of queue item: divergences, a contradiction inside one source, fact rows.
    assert {ws.divergence(k).kind for k in keys} == {"divergence", "contradiction", "fact"}
    assert _progress(win) == (f"0 of {total} triaged", f"0 of {total} triaged")

    # J goes to the first divergence, J again to the second, K back to the first.
    press(qtbot, win, Qt.Key.Key_J)
    assert ws.current_divergence_key == keys[0]
    press(qtbot, win, Qt.Key.Key_J)
    assert ws.current_divergence_key == keys[1]
    press(qtbot, win, Qt.Key.Key_K)
    assert ws.current_divergence_key == keys[0]

    expected = {}  # divergence key -> (verdict, note, source_key)
    annotations = []  # (target kind, label, status, note)
    order = list(VERDICT_KEYS)
    for n in range(total):
        key = ws.current_divergence_key
        assert key == keys[n]  # each verdict moved on to the next untriaged one, in rank order
        note = ""
        if n % 3 == 0:
            note = f"Call the desk about item {n}\nsecond line"
            seen = answer_dialog(qtbot, [note.split("\n")[0], (Qt.Key.Key_Return, NONE), "second line", SAVE])
            press(qtbot, win, Qt.Key.Key_E)
            assert len(seen) == 1
            # A note alone does not triage the divergence.
            assert ws.verdicts[key].verdict == "" and ws.verdicts[key].note == note
            assert _progress(win)[0] == f"{n} of {total} triaged"
        if n % 4 == 1:
            # A fact-sheet row or a contradiction inside one source belongs to no claim: A then
            # annotates the passage of its first cell or statement.
            target = "claim" if ws.current_claim() is not None else "passage"
            _annotate_claim(qtbot, win, f"disputed {n}", f"claim note {n}")
            annotations.append((target, f"disputed {n}", "resolved", f"claim note {n}"))
        verdict_key = order[n % 4]
        source_key = ""
        if VERDICT_KEYS[verdict_key] == "source_error":
            candidates = _error_candidates(ws)
            choice = 1 if len(candidates) > 1 else 0
            source_key = candidates[choice]
            seen = answer_dialog(qtbot, [(Qt.Key.Key_Down, NONE)] * choice + [(Qt.Key.Key_Return, NONE)])
            press(qtbot, win, verdict_key)
            assert seen[0][0] == "QInputDialog" and "QComboBox" in seen[0][1]
        else:
            press(qtbot, win, verdict_key)
        expected[key] = (VERDICT_KEYS[verdict_key], note, source_key)
        assert (ws.verdicts[key].verdict, ws.verdicts[key].note, ws.verdicts[key].source_key) == expected[key]
        assert _progress(win) == (f"{n + 1} of {total} triaged",) * 2

    # One span annotation on a keyboard selection in the second pane.
    pane = win.pane_area.panes[1]
    pane.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.view)
    press(qtbot, win, Qt.Key.Key_Home, CTRL)
    for _ in range(12):
        press(qtbot, win, Qt.Key.Key_Right, SHIFT)
    selection = pane.selected_range()
    assert selection == (0, 12)
    seen = answer_dialog(qtbot, ["headline wording", SAVE])
    press(qtbot, win, Qt.Key.Key_A)
    assert len(seen) == 1
    span = ws.annotations[-1]
    assert (span.target_kind, span.source_key, span.selector.start, span.selector.end, span.note) == (
        "span",
        pane.source_key,
        0,
        12,
        "headline wording",
    )
    assert span.selector.exact == pane.source().text[:12]
    annotations.append(("span", "note", "open", "headline wording"))

    assert _progress(win) == (f"{total} of {total} triaged",) * 2
    press(qtbot, win, Qt.Key.Key_J)
    win.close()

    again = open_window(qtbot, case_path)
    ws2 = again.ws
    assert {k: (r.verdict, r.note, r.source_key) for k, r in ws2.verdicts.items()} == expected
    assert all(r.author == "ana" for r in ws2.verdicts.values())
    assert _progress(again) == (f"{total} of {total} triaged",) * 2
    panel = again.triage_panel
    assert panel.keys() == keys
    for row, key in enumerate(keys):
        verdict, note, _source = expected[key]
        assert panel.row_texts()[row][2] == colors.verdict_text(verdict) + (" ✎" if note else "")
    assert [(a.target_kind, a.label, a.status, a.note) for a in ws2.annotations] == annotations
    rows = again.annotations_panel.list
    assert rows.topLevelItemCount() == len(annotations)
    assert [
        (rows.topLevelItem(i).text(0), rows.topLevelItem(i).text(1), rows.topLevelItem(i).text(3))
        for i in range(rows.topLevelItemCount())
    ] == [(a[1], a[2], a[3].splitlines()[0]) for a in annotations]
    assert again.annotations_panel.count_label.text() == f"{len(annotations)} of {len(annotations)} annotations"
    again.close()


def test_a_note_without_a_verdict_leaves_the_divergence_untriaged_everywhere(qtbot, case_path, tmp_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    total = len(_queue_keys(ws))
    press(qtbot, win, Qt.Key.Key_J)
    key = ws.current_divergence_key
    answer_dialog(qtbot, ["ask the agency", SAVE])
    press(qtbot, win, Qt.Key.Key_E)
    assert ws.verdicts[key].verdict == "" and ws.verdicts[key].note == "ask the agency"
    assert ws.current_divergence_key == key  # a note does not move on
    assert _progress(win) == (f"0 of {total} triaged",) * 2
    assert win.triage_panel.row_texts()[0][2] == "untriaged ✎"
    assert win.current_label.text().endswith("[untriaged]")
    assert [d.key for d in triage.queue(ws.alignment, ws.verdicts, verdict_filter="untriaged")][0] == key
    # Pressing 2 then keeps the note; 0 clears the verdict but not the note.
    press(qtbot, win, Qt.Key.Key_2)
    assert (ws.verdicts[key].verdict, ws.verdicts[key].note) == ("not_significant", "ask the agency")
    ws.select_divergence(key)
    press(qtbot, win, Qt.Key.Key_0)
    assert (ws.verdicts[key].verdict, ws.verdicts[key].note) == ("", "ask the agency")
    assert _progress(win)[0] == f"0 of {total} triaged"
    # Emptying the note removes the record altogether.
    answer_dialog(qtbot, [(Qt.Key.Key_A, CTRL), (Qt.Key.Key_Delete, NONE), SAVE])
    press(qtbot, win, Qt.Key.Key_E)
    assert key not in ws.verdicts and key not in ws.case.verdicts()
    press(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert ws.case.verdicts()[key].note == "ask the agency"
    assert [e.action for e in ws.case.audit() if e.target == key] == [
        "note.set",
        "verdict.set",
        "note.set",
        "verdict.clear",
        "note.set",
    ]

    # Exports show the divergence as untriaged, with its note.
    data = collect(ws.case, ws.alignment, ExportOptions())
    rows = [r for r in csv.DictReader(io.StringIO(render_csv(data))) if r["divergence_key"] == key]
    assert rows and {(r["verdict"], r["verdict_note"]) for r in rows} == {("untriaged", "ask the agency")}
    item = next(d for d in export_to_dict(data)["divergences"] if d["key"] == key)
    assert (item["verdict"]["verdict"], item["verdict"]["label"], item["verdict"]["note"]) == (
        "untriaged",
        "Untriaged",
        "ask the agency",
    )
    markdown = render_markdown(data)
    assert f"0 of {total} triaged" in markdown
    assert any("not triaged | ask the agency |" in line for line in markdown.splitlines())
    html = render_html(data)
    assert "ask the agency" in html and '<span class="verdict v-">' not in html
    win.close()


def test_apply_verdict_to_all_of_this_type_by_keyboard_is_one_undo_step(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    by_type = {}
    for d in triage.queue(ws.alignment, {}):
        by_type.setdefault(d.type, []).append(d.key)
    kind = max(by_type, key=lambda t: len(by_type[t]))
    ws.select_divergence(by_type[kind][0])
    seen = answer_dialog(qtbot, [(Qt.Key.Key_Down, NONE), (Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_Return, NONE)])
    press(qtbot, win, Qt.Key.Key_A, CTRL | SHIFT)
    assert seen[0][0] == "QInputDialog" and "QComboBox" in seen[0][1] and len(seen) == 2
    assert {k: r.verdict for k, r in ws.verdicts.items()} == {k: "not_significant" for k in by_type[kind]}
    assert set(ws.case.verdicts()) == set(by_type[kind])
    total = len(_queue_keys(ws))
    assert win.triage_label.text() == f"{len(by_type[kind])} of {total} triaged"
    press(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert ws.verdicts == {} and ws.case.verdicts() == {}
    press(qtbot, win, Qt.Key.Key_Z, CTRL | SHIFT)
    assert set(ws.case.verdicts()) == set(by_type[kind])
    win.close()


def test_undo_and_redo_cover_a_verdict_a_note_an_annotation_and_an_alignment_edit(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws, case = win.ws, win.ws.case
    undo, redo = (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)
    press(qtbot, win, Qt.Key.Key_J)
    key = ws.current_divergence_key
    # verdict
    press(qtbot, win, Qt.Key.Key_3)
    press(qtbot, win, *undo)
    assert key not in ws.verdicts and key not in case.verdicts()
    press(qtbot, win, *redo)
    assert case.verdicts()[key].verdict == "follow_up"
    # note
    ws.select_divergence(key)
    answer_dialog(qtbot, ["numbers differ", SAVE])
    press(qtbot, win, Qt.Key.Key_E)
    assert case.verdicts()[key].note == "numbers differ"
    press(qtbot, win, *undo)
    assert (case.verdicts()[key].verdict, case.verdicts()[key].note) == ("follow_up", "")
    press(qtbot, win, *redo)
    assert case.verdicts()[key].note == "numbers differ"
    # annotation
    _annotate_claim(qtbot, win, "needs source", "who said it first?")
    assert [a.note for a in case.annotations()] == ["who said it first?"]
    press(qtbot, win, *undo)
    assert case.annotations() == [] and win.annotations_panel.list.topLevelItemCount() == 0
    press(qtbot, win, *redo)
    assert [(a.label, a.status) for a in case.annotations()] == [("needs source", "resolved")]
    assert win.annotations_panel.list.topLevelItemCount() == 1
    # alignment edit: merge the current passage with the next one
    pid = ws.current_passage_id
    doc = ws.alignment.document_of(pid)
    passages = len(doc.passages)
    press(qtbot, win, Qt.Key.Key_M, CTRL)
    wait_aligned(qtbot, ws)
    assert [e.kind for _i, e in case.edits()] == ["merge"]
    assert len(ws.document_for(doc.source.key).passages) == passages - 1
    press(qtbot, win, *undo)
    wait_aligned(qtbot, ws)
    assert case.edits() == [] and len(ws.document_for(doc.source.key).passages) == passages
    press(qtbot, win, *redo)
    wait_aligned(qtbot, ws)
    assert [e.kind for _i, e in case.edits()] == ["merge"]
    assert len(ws.document_for(doc.source.key).passages) == passages - 1
    # The verdict survives the re-alignment the edits caused.
    assert case.verdicts()[key].verdict == "follow_up" and ws.verdicts[key].note == "numbers differ"

    log = [e for e in case.audit() if not e.action.startswith("source.")]
    actions = [e.action for e in log]
    assert actions == [
        "verdict.set",
        "verdict.clear",
        "verdict.set",
        "verdict.set",
        "verdict.set",
        "verdict.set",
        "annotation.add",
        "annotation.delete",
        "annotation.add",
        "edit.merge",
        "edit.remove",
        "edit.merge",
    ]
    assert all(e.author == "ana" for e in log)
    stamps = [datetime.fromisoformat(e.at.replace("Z", "+00:00")) for e in log]
    assert stamps == sorted(stamps) and all(s.tzinfo is not None for s in stamps)
    assert json.loads(log[1].detail)["previous"] == {"verdict": "follow_up", "note": "", "source_key": ""}
    assert {e.target for e in log[:6]} == {key}
    win.close()


def _shown_verdicts(win):
    panel = win.triage_panel
    return {key: texts[2] for key, texts in zip(panel.keys(), panel.row_texts())}


def test_verdicts_and_annotations_survive_realigning_and_adding_or_removing_a_source(
    qtbot, case_path, tmp_path, samples_dir
):
    win = open_window(qtbot, case_path)
    ws = win.ws
    keys = _queue_keys(ws)
    total = len(keys)
    press(qtbot, win, Qt.Key.Key_J)
    for _ in keys:
        press(qtbot, win, Qt.Key.Key_2)
    assert _progress(win)[0] == f"{total} of {total} triaged"
    _annotate_claim(qtbot, win, "verified", "checked with the court")
    claim_key = ws.annotations[0].claim_key

    press(qtbot, win, Qt.Key.Key_F5)
    wait_aligned(qtbot, ws)
    assert _queue_keys(ws) == keys and set(_shown_verdicts(win).values()) == {"not significant"}

    # A sixth outlet that rewrites one of the five: the other claims' divergences keep their verdicts.
    base = sample_paths(samples_dir)[-1]
    sixth = tmp_path / "sixth_outlet.txt"
    sixth.write_text(base.read_text(encoding="utf-8").replace("Valley Ledger", "Sixth Outlet"), encoding="utf-8")
    ws.add_files([str(sixth)])
    qtbot.waitUntil(lambda: len(ws.sources) == 6, timeout=20000)
    wait_aligned(qtbot, ws)
    assert len(ws.alignment.documents) == 6
    shown = _shown_verdicts(win)
    kept = set(keys) & set(shown)
    assert kept and all(shown[k] == "not significant" for k in kept)
    # A fact row the sixth source also states has a new key (the key names the row's sources and
    # words): its verdict moves onto it, since the same words of the same sources are still in it.
    # (On the demo the rows the sixth source states repeat a claim's divergence, judged there.)
    moved = {k for k in set(shown) - set(keys) if ws.stored_key_of(k) in keys}
    assert {ws.divergence(k).kind for k in moved} <= {"fact"}
    assert all(shown[k] == "not significant" for k in moved)
    assert all(shown[k] == "untriaged" for k in set(shown) - set(keys) - moved)
    assert _progress(win)[0] == f"{len(kept) + len(moved)} of {len(shown)} triaged"
    print(f"adding a sixth source kept {len(kept)} of {total} items with their verdicts, {len(moved)} moved")

    ws.remove_source(ws.sources[-1].key)
    wait_aligned(qtbot, ws)
    assert _queue_keys(ws) == keys
    assert _progress(win) == (f"{total} of {total} triaged",) * 2
    # Removing one of the five: verdicts stay in the case, and show again on the divergences that remain.
    removed = ws.sources[0]
    ws.remove_source(removed.key)
    wait_aligned(qtbot, ws)
    shown = _shown_verdicts(win)
    assert set(ws.case.verdicts()) == set(keys)
    assert all(shown[k] == "not significant" for k in set(keys) & set(shown))
    rows = win.annotations_panel.list
    still_there = any(c.key == claim_key for c in ws.alignment.claims)
    assert rows.topLevelItemCount() == 1
    assert rows.topLevelItem(0).text(2).startswith("orphaned") != still_there
    win.close()


def test_the_engine_counts_a_note_only_record_as_untriaged_and_the_case_stores_it(tmp_path):
    from core.case.records import VerdictRecord

    records = {"k1": VerdictRecord("k1", "", note="ask"), "k2": VerdictRecord("k2", "confirmed")}
    assert triage.decided(records) == {"k2": records["k2"]}
    assert triage.next_untriaged(["k1", "k2", "k3"], None, records) == "k1"
    assert triage.progress(["k1", "k2", "k3"], records) == (1, 3)
    assert triage.progress_text(["k1", "k2", "k3"], records) == "1 of 3 triaged"
    with Case.open(tmp_path / "notes.parallax", author="ana") as case:
        case.set_verdict(records["k1"])
        assert case.verdicts()["k1"].verdict == "" and case.verdicts()["k1"].note == "ask"
        assert [e.action for e in case.audit()] == ["note.set"]
        with pytest.raises(ValueError):
            case.set_verdict(VerdictRecord("k3", ""))  # neither a verdict nor a note
        assert set(case.verdicts()) == {"k1"}


def test_apply_to_type_says_what_it_will_change_and_keeps_existing_verdicts_by_default(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    by_type = {}
    for d in triage.queue(ws.alignment, {}):
        by_type.setdefault(d.type, []).append(d.key)
    kind = max(by_type, key=lambda t: len(by_type[t]))
    keys = by_type[kind]
    assert len(keys) >= 2
    ws.set_verdict(keys[1], "follow_up", note="asked the desk")
    ws.select_divergence(keys[0])
    messages = []
    ws.message.connect(messages.append)
    seen = answer_dialog(qtbot, [(Qt.Key.Key_Return, NONE)], [(Qt.Key.Key_Return, NONE)])
    press(qtbot, win, Qt.Key.Key_A, CTRL | SHIFT)
    assert len(seen) == 2
    texts = [labels for _name, _children, labels in seen]  # read as each dialog opened, never raced
    # the result uses the question's words: the one other verdict was kept
    assert f"{len(keys) - 1} {kind} items changed; 1 existing verdict kept." in messages[-1]
    assert any(
        f"{len(keys)} {kind} item" in t
        and f"{len(keys) - 1} untriaged will become Discrepancy confirmed" in t
        and "1 already triaged otherwise will be kept or overwritten" in t
        for t in texts
    )
    # The default keeps the verdict and note already given.
    assert (ws.verdicts[keys[1]].verdict, ws.verdicts[keys[1]].note) == ("follow_up", "asked the desk")
    assert all(ws.verdicts[k].verdict == "confirmed" for k in keys if k != keys[1])
    press(qtbot, win, Qt.Key.Key_Z, CTRL)
    assert set(ws.verdicts) == {keys[1]}
    win.close()


def test_a_contradiction_inside_one_source_is_reached_by_j_gets_a_verdict_and_is_exported(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    press(qtbot, win, Qt.Key.Key_J, CTRL | SHIFT)  # auto-advance off: the verdict stays on this item
    assert ws.auto_advance is False
    for _ in range(len(_queue_keys(ws))):
        press(qtbot, win, Qt.Key.Key_J)
        if ws.current_divergence().kind == "contradiction":
            break
    item = ws.current_divergence()
    assert item.kind == "contradiction" and item.claim == ""
    assert item.key in win.triage_panel.keys()
    press(qtbot, win, Qt.Key.Key_3)
    stored = ws.case.verdicts()[item.key]
    assert (stored.verdict, stored.kind, stored.divergence_type) == ("follow_up", "contradiction", item.type)
    exported = export_to_dict(collect(ws.case, ws.alignment))
    [row] = [c for c in exported["contradictions"] if c["key"] == item.key]
    assert row["verdict"]["verdict"] == "follow_up" and row["type"] == item.type
    win.close()
