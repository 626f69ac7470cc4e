"""Split, merge, link and unlink by keyboard: stored in the case, kept by F5 and reopening, undoable."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from core.model import PassageRef  # noqa: E402
from gui_keyboard import (
    CTRL,
    SHIFT,
    focus_pane,
    make_case,
    open_window,
    press,
    sample_paths,  # noqa: E402
    wait_aligned,
)

UNDO, REDO, F5 = (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_F5,)


@pytest.fixture
def case_path(tmp_path, samples_dir):
    return make_case(tmp_path / "edits.parallax", sample_paths(samples_dir))


def _spans(ws, source_key):
    return [(p.start, p.end) for p in ws.document_for(source_key).passages]


def _claim_sources(ws, source_key, start):
    """Return the source keys in the claim of the passage of this source that starts at start."""
    pid = next(p.id for p in ws.document_for(source_key).passages if p.start == start)
    claim = ws.claim_of_passage(pid)
    if claim is None:
        return set()
    return {ws.alignment.document_of(m).source.key for m in claim.members}


def _same_claim(ws, ref_a, ref_b):
    """Tell whether one claim holds the passages at these references (a passage may be in several)."""
    a = next(p.id for p in ws.document_for(ref_a.source).passages if p.start == ref_a.start)
    b = next(p.id for p in ws.document_for(ref_b.source).passages if p.start == ref_b.start)
    return any(a in claim.members and b in claim.members for claim in ws.alignment.claims)


def _press_and_align(qtbot, win, *key):
    press(qtbot, win, *key)
    wait_aligned(qtbot, win.ws)


def test_ctrl_shift_s_splits_the_sentence_at_the_text_cursor_and_the_split_lasts(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws, pane = win.ws, win.pane_area.panes[0]
    key = pane.source_key
    before = _spans(ws, key)
    start, end = next((s, e) for s, e in before if e - s > 60)
    cut = pane.source().text.index(" ", start + 20) + 1
    cursor = pane.view.textCursor()
    cursor.setPosition(cut)
    pane.view.setTextCursor(cursor)
    _press_and_align(qtbot, win, Qt.Key.Key_S, CTRL | SHIFT)
    text = pane.source().text
    # Each half is trimmed of the blank space at the cut.
    split = [s for s in before if s != (start, end)] + [(start, cut - 1), (cut, end)]
    assert text[cut - 1] == " " and text[start : cut - 1].strip() == text[start : cut - 1]
    assert sorted(_spans(ws, key)) == sorted(split)
    assert [(e.kind, e.a, e.at) for _i, e in ws.case.edits()] == [("split", PassageRef(key, start, end), cut)]
    _press_and_align(qtbot, win, *F5)
    assert sorted(_spans(ws, key)) == sorted(split)
    _press_and_align(qtbot, win, *UNDO)
    assert _spans(ws, key) == before and ws.case.edits() == []
    _press_and_align(qtbot, win, *REDO)
    assert sorted(_spans(ws, key)) == sorted(split)
    win.close()
    again = open_window(qtbot, case_path)
    assert sorted(_spans(again.ws, key)) == sorted(split)
    again.close()


def test_ctrl_m_merges_the_current_passage_with_the_next_and_the_merge_lasts(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws, pane = win.ws, win.pane_area.panes[1]
    key = pane.source_key
    before = _spans(ws, key)
    ws.select_passage(ws.document_for(key).passages[1].id)
    focus_pane(qtbot, win, 1)
    _press_and_align(qtbot, win, Qt.Key.Key_M, CTRL)
    merged = [before[0], (before[1][0], before[2][1])] + before[3:]
    assert _spans(ws, key) == merged
    assert [(e.kind, e.a, e.b) for _i, e in ws.case.edits()] == [
        ("merge", PassageRef(key, *before[1]), PassageRef(key, *before[2]))
    ]
    _press_and_align(qtbot, win, *F5)
    assert _spans(ws, key) == merged
    _press_and_align(qtbot, win, *UNDO)
    assert _spans(ws, key) == before
    _press_and_align(qtbot, win, *REDO)
    assert _spans(ws, key) == merged
    win.close()
    again = open_window(qtbot, case_path)
    assert _spans(again.ws, key) == merged
    assert len(again.ws.case.edits()) == 1
    again.close()


def test_ctrl_shift_l_unlinks_a_passage_and_ctrl_l_links_it_back(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    claim = max(ws.alignment.claims, key=lambda c: len(c.members))
    member = claim.members[0]
    ref = ws.passage_ref(member)
    other_ref = ws.passage_ref(next(m for m in claim.members if ws.passage_ref(m).source != ref.source))
    together = _claim_sources(ws, ref.source, ref.start)
    assert len(together) >= 3
    others = [ws.passage_ref(m) for m in claim.members if ws.passage_ref(m).source != ref.source]
    ws.select_passage(member)
    _press_and_align(qtbot, win, Qt.Key.Key_L, CTRL | SHIFT)
    assert not any(_same_claim(ws, ref, o) for o in others)
    assert {e.kind for _i, e in ws.case.edits()} == {"unlink"}
    assert [(e.a, e.b) for _i, e in ws.case.edits()] == [(ref, o) for o in others]
    _press_and_align(qtbot, win, *F5)
    assert not any(_same_claim(ws, ref, o) for o in others)
    # One Ctrl+Z undoes the whole unlink, whatever number of pairs it stored.
    _press_and_align(qtbot, win, *UNDO)
    assert _claim_sources(ws, ref.source, ref.start) == together and ws.case.edits() == []
    _press_and_align(qtbot, win, *REDO)
    assert not any(_same_claim(ws, ref, o) for o in others)
    # Link it back by hand: click the passage in the other pane, then this one, then Ctrl+L.
    other_pane = win.pane_area.pane(other_ref.source)
    other_pane._on_click(other_ref.start + 1)
    win.pane_area.pane(ref.source)._on_click(ref.start + 1)
    _press_and_align(qtbot, win, Qt.Key.Key_L, CTRL)
    assert _same_claim(ws, ref, other_ref)
    assert [e.kind for _i, e in ws.case.edits()][-1] == "link"
    win.close()
    again = open_window(qtbot, case_path)
    assert _same_claim(again.ws, ref, other_ref)
    _press_and_align(qtbot, again, *F5)
    assert _same_claim(again.ws, ref, other_ref)
    again.close()


def test_ctrl_shift_l_on_a_passage_in_two_claims_unlinks_it_from_the_claim_on_screen(qtbot, case_path):
    win = open_window(qtbot, case_path)
    ws = win.ws
    owners = {}
    for claim in ws.alignment.claims:
        for pid in claim.members:
            owners.setdefault(pid, []).append(claim)
    pid, (first, second) = next((p, cs[:2]) for p, cs in owners.items() if len(cs) >= 2)
    ws.select_claim(second.id)
    ws.select_passage(pid)
    assert ws.current_claim().id == second.id
    _press_and_align(qtbot, win, Qt.Key.Key_L, CTRL | SHIFT)
    doc = pid.split(":")[0]
    # members the passage also shares another claim with stay linked to it
    elsewhere = {m for c in owners[pid] if c is not second for m in c.members}
    expected = [
        (ws.passage_ref(pid), ws.passage_ref(m))
        for m in second.members
        if m.split(":")[0] != doc and m not in elsewhere
    ]
    assert expected
    assert [(e.a, e.b) for _i, e in ws.case.edits()] == expected  # the claim on screen, not the first
    assert not any(_same_claim(ws, a, b) for a, b in expected)
    kept = [ws.passage_ref(m) for m in first.members if m.split(":")[0] != doc]
    assert any(_same_claim(ws, ws.passage_ref(pid), ref) for ref in kept)  # its first claim is not broken
    win.close()
