"""The Workspace: background alignment, current item, verdicts through the undo stack, sources."""

import threading

import pytest

pytest.importorskip("PySide6")

from core.errors import SourceError  # noqa: E402
from core.case.records import Annotation  # noqa: E402
from gui.state.workspace import Workspace, refused_message  # noqa: E402
from gui_doubles import fake_analyze, story_sources  # noqa: E402


@pytest.fixture
def ws(qtbot):
    workspace = Workspace(analyze=fake_analyze, debounce_ms=10)
    with qtbot.waitSignal(workspace.alignmentChanged, timeout=3000):
        workspace.add_sources(story_sources())
    yield workspace
    workspace.close()


def test_adding_sources_aligns_them_in_the_background(ws):
    assert [d.source.key for d in ws.alignment.documents] == ["a", "b", "c"]
    assert [c.members for c in ws.alignment.claims] == [
        ("d0:p0", "d1:p1", "d2:p0"),
        ("d0:p1", "d1:p2", "d2:p2"),
        ("d0:p2", "d1:p0"),
    ]
    assert ws.alignment.unique == ("d2:p1",)
    assert ws.document_for("b").id == "d1"


def test_a_slow_alignment_that_finishes_after_a_newer_one_does_not_overwrite_it(qtbot):
    gate = threading.Event()
    calls = []

    def analyze(sources, edits=(), progress=None, should_cancel=None):
        calls.append(len(sources))
        if len(calls) == 1:
            gate.wait(5)  # the first job is slow: it ends after the second one
        return fake_analyze(sources, edits)

    ws = Workspace(analyze=analyze, debounce_ms=0)
    sources = story_sources()
    ws.add_sources(sources[:2])
    ws.realign_now()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    ws.add_sources(sources[2:])
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.realign_now()
    assert len(ws.alignment.documents) == 3
    gate.set()
    ws.tasks.wait(3000)
    qtbot.wait(100)
    assert len(ws.alignment.documents) == 3
    ws.close()


def test_sources_added_in_quick_succession_are_aligned_once(qtbot):
    calls = []

    def analyze(sources, edits=(), progress=None, should_cancel=None):
        calls.append([s.key for s in sources])
        return fake_analyze(sources, edits)

    ws = Workspace(analyze=analyze, debounce_ms=60)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        for source in story_sources():
            ws.add_sources([source])
    qtbot.wait(120)
    assert calls == [["a", "b", "c"]]
    ws.close()


def test_many_long_articles_opened_together_start_aligning_before_their_panes_are_built(qtbot):
    ws = Workspace(analyze=fake_analyze, debounce_ms=10_000)  # only a run started at once aligns in time
    ws.staged_chars = 0  # the test texts are short: treat them as a newsroom-sized case
    aligning_when_panes_built = []
    ws.sourcesChanged.connect(lambda: aligning_when_panes_built.append(ws.tasks.busy))
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    # The engine runs while Qt lays out the panes' texts, instead of after.
    assert aligning_when_panes_built == [True]
    assert len(ws.alignment.documents) == 3
    ws.close()


def test_selecting_a_passage_selects_its_claim_and_clears_a_foreign_divergence(ws):
    ws.select_divergence(ws.alignment.claims[1].divergences[0].key)
    ws.select_passage("d1:p1")
    assert ws.current_claim_id == "c0"
    assert ws.current_passage_id == "d1:p1"
    assert ws.current_divergence_key is None


def test_selecting_a_unique_passage_leaves_no_current_claim(ws):
    ws.select_passage("d2:p1")
    assert (ws.current_claim_id, ws.current_passage_id) == (None, "d2:p1")


def test_a_verdict_goes_on_the_undo_stack_and_undo_removes_it(ws, qtbot):
    key = ws.alignment.claims[1].divergences[0].key
    with qtbot.waitSignal(ws.verdictsChanged):
        ws.set_verdict(key, "confirmed", note="checked with the city")
    assert ws.verdicts[key].verdict == "confirmed"
    assert ws.verdicts[key].note == "checked with the city"
    ws.set_verdict(key, "follow_up")
    assert ws.verdicts[key].note == "checked with the city"
    ws.undo_stack.undo()
    assert ws.verdicts[key].verdict == "confirmed"
    ws.undo_stack.undo()
    assert key not in ws.verdicts
    ws.undo_stack.redo()
    assert ws.verdicts[key].verdict == "confirmed"


def test_a_note_without_a_verdict_leaves_the_divergence_untriaged(ws):
    key = ws.alignment.claims[0].divergences[0].key
    ws.set_note(key, "ask the mayor's office")
    assert (ws.verdicts[key].verdict, ws.verdicts[key].note) == ("", "ask the mayor's office")
    ws.undo_stack.undo()
    assert key not in ws.verdicts


def test_annotations_are_added_updated_and_deleted_undoably(ws):
    ws.add_annotation(
        Annotation(
            id="", target_kind="claim", claim_key=ws.alignment.claims[0].key, label="disputed", note="two days given"
        )
    )
    assert len(ws.annotations) == 1
    added = ws.annotations[0]
    assert added.id and added.created_at
    from dataclasses import replace

    ws.update_annotation(replace(added, status="resolved"))
    assert ws.annotations[0].status == "resolved"
    ws.delete_annotation(added.id)
    assert ws.annotations == []
    ws.undo_stack.undo()
    assert ws.annotations[0].status == "resolved"
    ws.undo_stack.undo()
    assert ws.annotations[0].status == "open"


def test_hiding_a_source_only_hides_it_unless_a_re_alignment_is_asked_for(ws, qtbot):
    before = ws.alignment
    ws.set_hidden("b", True)
    assert "b" in ws.hidden and ws.alignment is before and not ws._debounce.isActive()
    ws.set_hidden("b", False)
    assert ws.alignment is before and not ws._debounce.isActive()  # it is still aligned: nothing to run


def test_hiding_a_source_and_realigning_aligns_without_it_and_keeps_the_current_claim(ws, qtbot):
    ws.select_passage("d0:p1")
    claim_key = ws.current_claim().key
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.set_hidden("b", True, realign=True)
    assert [d.source.key for d in ws.alignment.documents] == ["a", "c"]
    assert ws.visible_sources()[1].key == "c"
    assert ws.current_passage_id == "d0:p1"
    assert ws.current_claim() is not None and ws.current_claim().members == ("d0:p1", "d1:p2")
    assert ws.current_claim().key != claim_key  # members changed, so the claim is a new one


def test_moving_a_source_changes_the_pane_order_and_document_ids(ws, qtbot):
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.move_source("c", 0)
    assert [s.key for s in ws.sources] == ["c", "a", "b"]
    assert [d.source.key for d in ws.alignment.documents] == ["c", "a", "b"]


def test_refused_files_are_reported_in_one_line():
    errors = [SourceError("inbox/photo.png", "binary file"), SourceError("inbox/empty.txt", "empty file")]
    assert refused_message(errors) == "Refused 2 files: photo.png (binary file); empty.txt (empty file)"


def test_adding_the_same_article_twice_keeps_one_copy(ws):
    messages = []
    ws.message.connect(messages.append)
    ws.add_sources([story_sources()[0]])
    assert len(ws.sources) == 3
    assert messages == ["Already in the case: Alpha."]


def test_a_failed_alignment_is_reported_as_a_message(qtbot):
    def analyze(sources, edits=(), progress=None, should_cancel=None):
        raise ValueError("engine broke")

    ws = Workspace(analyze=analyze, debounce_ms=0)
    with qtbot.waitSignal(
        ws.message, timeout=3000, check_params_cb=lambda text: text.startswith("Alignment failed")
    ) as blocker:
        ws.add_sources(story_sources())
    assert blocker.args == ["Alignment failed: engine broke"]
    ws.close()


@pytest.fixture
def case_path(tmp_path):
    return tmp_path / "story.parallax"


def test_verdicts_and_undo_are_written_to_the_case_at_once(qtbot, case_path):
    from core.case.store import Case

    ws = Workspace(Case.open(case_path), analyze=fake_analyze, debounce_ms=0)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    key = ws.alignment.claims[1].divergences[0].key
    ws.set_verdict(key, "source_error", note="Beta has 1,100", source_key=ws.sources[1].key)
    stored = ws.case.verdicts()[key]
    assert (stored.verdict, stored.note, stored.source_key) == ("source_error", "Beta has 1,100", ws.sources[1].key)
    ws.undo_stack.undo()
    assert key not in ws.case.verdicts()
    ws.undo_stack.redo()
    ws.close()
    reopened = Case.open(case_path)
    assert reopened.verdicts()[key].verdict == "source_error"
    assert [s.title for s in reopened.sources()] == ["Story a", "Story b", "Story c"]
    reopened.close()


def test_a_case_open_elsewhere_is_read_only_and_edits_are_refused_with_the_reason(qtbot, case_path):
    from core.case.store import Case

    first = Workspace(Case.open(case_path), analyze=fake_analyze, debounce_ms=0)
    with qtbot.waitSignal(first.alignmentChanged, timeout=3000):
        first.add_sources(story_sources())
    second = Workspace(Case.open(case_path), analyze=fake_analyze, debounce_ms=0)
    assert second.read_only is True
    with qtbot.waitSignal(second.alignmentChanged, timeout=3000):
        pass
    messages = []
    second.message.connect(messages.append)
    key = second.alignment.claims[0].divergences[0].key
    second.set_verdict(key, "confirmed")
    assert second.verdicts == {}
    assert second.undo_stack.count() == 0
    assert messages and messages[0].startswith("Read-only case (This case is open in another Parallax window")
    second.close()
    first.close()


def test_reopening_a_case_restores_hidden_sources_and_order(qtbot, case_path):
    from core.case.store import Case

    ws = Workspace(Case.open(case_path), analyze=fake_analyze, debounce_ms=0)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    keys = [s.key for s in ws.sources]
    ws.move_source(keys[2], 0)
    ws.set_hidden(keys[1], True)
    ws.close()
    again = Workspace(Case.open(case_path), analyze=fake_analyze, debounce_ms=0)
    assert [s.key for s in again.sources] == [keys[2], keys[0], keys[1]]
    assert again.hidden == {keys[1]}
    again.close()


def test_a_passage_in_two_claims_keeps_the_current_claim_and_otherwise_opens_the_first(qtbot):
    from dataclasses import replace

    def shared_analyze(sources, *args, **kwargs):
        alignment = fake_analyze(sources, *args, **kwargs)
        first, second, *rest = alignment.claims
        second = replace(second, members=second.members + ("d1:p1",))  # d1:p1 also tells c1's fact
        return replace(alignment, claims=(first, second, *rest))

    workspace = Workspace(analyze=shared_analyze, debounce_ms=10)
    with qtbot.waitSignal(workspace.alignmentChanged, timeout=3000):
        workspace.add_sources(story_sources())
    workspace.select_claim("c1")
    workspace.select_passage("d1:p1")
    assert (workspace.current_claim_id, workspace.current_passage_id) == ("c1", "d1:p1")
    workspace.select_passage("d2:p1")  # unique: no claim
    workspace.select_passage("d1:p1")
    assert workspace.current_claim_id == "c0"
    workspace.close()


def test_a_landed_alignment_is_kept_out_of_the_collectors_passes_until_the_next_one_starts(ws, qtbot):
    import gc

    try:
        # Landed (the fixture waited for it): what is alive is frozen, later full passes skip it.
        assert gc.get_freeze_count() > 0
        ws.set_hidden("c", True)
        ws.realign_now()
        # A new alignment started: the old one is handed back, so its cycles can be collected.
        assert gc.get_freeze_count() == 0
        qtbot.waitUntil(lambda: len(ws.alignment.documents) == 2 and gc.get_freeze_count() > 0, timeout=3000)
    finally:
        gc.unfreeze()


def test_a_divergence_two_claims_carry_opens_in_the_claim_on_screen(qtbot):
    from dataclasses import replace

    def shared_analyze(sources, *args, **kwargs):
        alignment = fake_analyze(sources, *args, **kwargs)
        first, second, *rest = alignment.claims
        twin = replace(second, id="c9", key="key-twin")  # carries the same divergences as c1
        return replace(alignment, claims=(first, second, *rest, twin))

    workspace = Workspace(analyze=shared_analyze, debounce_ms=10)
    with qtbot.waitSignal(workspace.alignmentChanged, timeout=3000):
        workspace.add_sources(story_sources())
    key = workspace.alignment.claims[1].divergences[0].key
    workspace.select_divergence(key)
    assert workspace.current_claim_id == "c1"
    workspace.select_claim("c9")  # the twin carries the current divergence: it stays current
    assert (workspace.current_claim_id, workspace.current_divergence_key) == ("c9", key)
    workspace.select_divergence(key)
    assert (workspace.current_claim_id, workspace.current_divergence_key) == ("c9", key)
    workspace.close()


def test_after_a_re_alignment_the_current_claim_is_one_that_carries_the_current_item(qtbot):
    from dataclasses import replace

    calls = []

    def shifting_analyze(sources, *args, **kwargs):
        alignment = fake_analyze(sources, *args, **kwargs)
        first, second, *rest = alignment.claims
        # the second claim's divergence is also told by the first claim's passage of source a
        shared = first.members[0]
        twin = replace(second, members=second.members + (shared,), key=f"key-twin-{len(calls)}")
        calls.append(1)
        return replace(alignment, claims=(first, twin, *rest))

    workspace = Workspace(analyze=shifting_analyze, debounce_ms=10)
    with qtbot.waitSignal(workspace.alignmentChanged, timeout=3000):
        workspace.add_sources(story_sources())
    key = workspace.alignment.claims[1].divergences[0].key
    workspace.select_divergence(key)
    workspace.select_passage(workspace.alignment.claims[0].members[0])  # a passage of both claims
    assert workspace.current_claim_id == "c1"
    with qtbot.waitSignal(workspace.alignmentChanged, timeout=3000):
        workspace.realign()  # the twin's key changes: the passage's first claim would be c0
    claim = workspace.current_claim()
    assert workspace.current_divergence_key == key
    assert claim is not None and key in {d.key for d in claim.divergences}
    workspace.close()
