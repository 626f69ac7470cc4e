"""Inspector: pivot, word diffs against it, typed divergences with verdicts, notes, annotations."""

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QUrl  # noqa: E402

from gui.panels import inspector as inspector_module  # noqa: E402
from gui.panels.inspector import Inspector  # noqa: E402
from gui.panels import variant_diff  # noqa: E402
from gui.panels.variant_diff import diff_html, word_diff  # noqa: E402
from widget_base import on_fake_workspace  # noqa: E402


@pytest.fixture
def inspector(qtbot):
    return on_fake_workspace(qtbot, Inspector, 420, 700)


def test_without_a_claim_it_says_how_to_get_one(inspector):
    assert inspector.title.text() == "No claim selected. N/P move between claims, J/K between divergences."
    assert not inspector.buttons["confirmed"].isEnabled()


def test_a_unique_passage_is_named_as_such(inspector):
    inspector.ws.select_passage("d2:p1")
    assert inspector.title.text() == "<b>Unique passage</b>: only Gamma reports this."
    assert inspector.variants.toPlainText() == "Police closed two roads nearby."


def test_the_current_claim_shows_the_pivot_and_each_variant_diffed_against_it(inspector):
    inspector.ws.select_claim("c0")
    assert not inspector.divergences.isHidden()
    assert inspector.title.text().startswith("<b>Claim 1 of 3</b> · 3 sources · link score 0.92<br>2 of 3 say")
    assert [inspector.pivot_combo.itemText(i) for i in range(3)] == ["Alpha", "Beta", "Gamma"]
    assert inspector.pivot_combo.currentText() == "Alpha"
    assert inspector.variants.toPlainText().split("\n") == [
        "Alpha (pivot)",
        "The mayor opened the bridge on Monday.",
        "Beta",
        "The mayor opened the bridge on MondayTuesday.",
        "Gamma",
        "The mayor opened the bridge on Monday.",
    ]
    html = inspector.variants.toHtml()
    assert "text-decoration: line-through" in html and "text-decoration: underline" in html


def test_word_diff_marks_deletions_and_insertions():
    ops = word_diff("It cost 1,200 dollars.", "It cost 1,100 dollars.")
    assert "".join(t for op, t in ops if op <= 0) == "It cost 1,200 dollars."
    assert "".join(t for op, t in ops if op >= 0) == "It cost 1,100 dollars."
    assert diff_html([(0, "a "), (-1, "<b>"), (1, "c")]) == (
        "a <s style='color:#b71c1c; background-color:#fde4e4'>&lt;b&gt;</s>"
        "<u style='color:#1b5e20; background-color:#e3f4e3'>c</u>"
    )


def test_choosing_another_pivot_asks_the_workspace_and_rediffs(inspector):
    inspector.ws.select_claim("c0")
    inspector.pivot_combo.setCurrentIndex(1)
    assert inspector.ws.calls[-1] == ("set_pivot", "c0", "d1:p1")
    assert inspector.variants.toPlainText().split("\n")[:2] == [
        "Beta (pivot)",
        "The mayor opened the bridge on Tuesday.",
    ]


def test_divergences_show_type_summary_verdict_and_note(inspector):
    inspector.ws.set_verdict("k-number", "confirmed", note="Budget says 1,200")
    inspector.ws.select_claim("c1")
    assert inspector.divergences.toPlainText().split("\n") == [
        "number 1,200 vs 1,100 [confirmed]",
        "rank 0.90 · Alpha: “1,200”; Beta: “1,100”; Gamma: “1,200”",
        "Note: Budget says 1,200",
    ]
    assert inspector.buttons["confirmed"].isChecked()
    assert inspector.note.toPlainText() == "Budget says 1,200"


def test_verdict_buttons_and_the_source_error_menu_set_verdicts(inspector, qtbot):
    inspector.ws.select_divergence("k-time")
    qtbot.mouseClick(inspector.buttons["not_significant"], Qt.MouseButton.LeftButton)
    assert inspector.ws.calls[-1] == ("set_verdict", "k-time", "not_significant", None, "")
    actions = inspector.error_menu.actions()
    assert [a.text() for a in actions] == [
        "Error in Alpha (“Monday”)",
        "Error in Beta (“Tuesday”)",
        "Error in Gamma (“Monday”)",
    ]
    actions[1].trigger()
    assert inspector.ws.calls[-1] == ("set_verdict", "k-time", "source_error", None, "b")
    assert "error in Beta" in inspector.divergences.toPlainText()
    qtbot.mouseClick(inspector.clear_button, Qt.MouseButton.LeftButton)
    assert inspector.ws.calls[-1] == ("clear_verdict", "k-time")


def test_ctrl_enter_in_the_note_saves_it(inspector, qtbot):
    inspector.ws.select_divergence("k-time")
    inspector.edit_note()
    qtbot.keyClicks(inspector.note, "Ask the mayor's office")
    qtbot.keyClick(inspector.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert inspector.ws.calls[-1] == ("set_note", "k-time", "Ask the mayor's office")


def test_clicking_a_divergence_link_selects_it(inspector):
    inspector.ws.select_claim("c1")
    inspector.divergences.anchorClicked.emit(QUrl("div:k-number"))
    assert inspector.ws.calls[-1] == ("select_divergence", "k-number")
    assert inspector.divergences.toPlainText().startswith("▶ number")


def test_annotations_of_the_claim_and_its_passages_are_listed(inspector):
    inspector.ws.select_claim("c1")
    assert inspector.annotations.text().endswith("<b>verified</b> (resolved) Budget document confirms 1,200.")
    inspector.ws.select_claim("c0")
    assert inspector.annotations.text().endswith("<b>disputed</b> (open) City hall says Monday.")
    inspector.ws.select_claim("c2")
    assert inspector.annotations.text() == "<small>No annotations on this claim (A to add).</small>"


def _lines(inspector):
    return inspector.variants.toPlainText().split("\n")


def test_a_long_claim_shows_its_texts_at_once_and_its_marks_when_the_background_diff_lands(
    inspector, qtbot, monkeypatch
):
    monkeypatch.setattr(inspector_module, "SYNC_DIFF_CHARS", 0)  # every claim counts as long
    inspector.ws.select_claim("c0")
    assert inspector.diffs_pending()
    assert _lines(inspector)[2:4] == ["Beta", "The mayor opened the bridge on Tuesday."]  # plain, unmarked
    assert "line-through" not in inspector.variants.toHtml()
    qtbot.waitUntil(lambda: not inspector.diffs_pending(), timeout=3000)
    assert _lines(inspector)[2:4] == ["Beta", "The mayor opened the bridge on MondayTuesday."]
    assert "line-through" in inspector.variants.toHtml()


def test_a_claim_seen_before_is_shown_diffed_without_computing_again(inspector, qtbot, monkeypatch):
    monkeypatch.setattr(inspector_module, "SYNC_DIFF_CHARS", 0)
    inspector.ws.select_claim("c0")
    qtbot.waitUntil(lambda: not inspector.diffs_pending(), timeout=3000)
    inspector.ws.select_claim("c1")
    qtbot.waitUntil(lambda: not inspector.diffs_pending(), timeout=3000)
    calls = []
    monkeypatch.setattr(variant_diff, "core_word_diff", lambda a, b: calls.append((a, b)) or [])
    inspector.ws.select_claim("c0")
    assert not inspector.diffs_pending() and calls == []
    assert _lines(inspector)[3] == "The mayor opened the bridge on MondayTuesday."


def test_moving_on_before_the_diff_starts_diffs_only_the_claim_the_user_stops_on(inspector, qtbot, monkeypatch):
    monkeypatch.setattr(inspector_module, "SYNC_DIFF_CHARS", 0)
    diffed = []
    real = variant_diff.core_word_diff
    monkeypatch.setattr(variant_diff, "core_word_diff", lambda a, b: diffed.append(a) or real(a, b))
    for claim_id in ("c0", "c1", "c2"):
        inspector.ws.select_claim(claim_id)  # faster than the debounce: only c2 is diffed
    qtbot.waitUntil(lambda: not inspector.diffs_pending(), timeout=3000)
    assert diffed == [inspector.ws.alignment.passage("d0:p2").text]


def test_changed_texts_of_the_same_claim_are_diffed_again(inspector, qtbot):
    inspector.ws.select_claim("c0")
    assert _lines(inspector)[3] == "The mayor opened the bridge on MondayTuesday."
    old = inspector.ws.alignment
    doc = old.documents[1]
    text = doc.source.text.replace("Tuesday", "January")  # same length: offsets stay
    source = replace(doc.source, text=text)
    docs = (
        old.documents[0],
        replace(doc, source=source, passages=tuple(replace(p, text=text[p.start : p.end]) for p in doc.passages)),
        old.documents[2],
    )
    inspector.ws.set_alignment(replace(old, documents=docs))
    inspector.ws.select_claim("c0")
    assert _lines(inspector)[3] == "The mayor opened the bridge on MondayJanuary."


def test_a_verdict_on_another_claim_leaves_the_inspector_as_it_is(inspector, monkeypatch):
    inspector.ws.select_claim("c0")
    redraws = []
    original = inspector._refresh
    monkeypatch.setattr(inspector, "_refresh", lambda: (redraws.append(True), original()))
    inspector.ws.set_verdict("k-number", "confirmed")  # a divergence of claim c1
    assert redraws == []
    inspector.ws.set_verdict("k-time", "follow_up")  # the shown claim's own divergence
    assert len(redraws) == 1
    assert "[follow-up]" in inspector.divergences.toPlainText()


def test_a_hidden_inspector_skips_moves_and_catches_up_when_shown(inspector, monkeypatch):
    inspector.hide()
    redraws = []
    original = inspector._refresh
    monkeypatch.setattr(inspector, "_refresh", lambda: (redraws.append(True), original()))
    inspector.ws.select_claim("c0")
    inspector.ws.select_claim("c1")
    assert redraws == []
    inspector.show()
    assert len(redraws) == 1
    assert inspector.title.text().startswith("<b>Claim 2 of 3</b>")


def test_a_paraphrase_is_shown_as_its_words_and_only_a_near_verbatim_variant_gets_a_word_diff(qtbot):
    from gui.state.workspace import Workspace
    from gui_doubles import fake_analyze, make_source

    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    widget = Inspector(ws)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(
            [
                make_source("a", "The ferry left the harbour at nine with forty people aboard."),
                make_source("b", "The ferry left the harbour at ten with forty people aboard."),
                make_source("c", "The ferry sailed, crowded and late, from the town quay once morning came."),
            ]
        )
    ws.select_claim(ws.alignment.claims[0].id)
    qtbot.waitUntil(lambda: not widget.diffs_pending(), timeout=3000)
    shown = widget.variants.toHtml()
    near, far = shown.split(">B<")[1], shown.split(">C<")[1]
    assert "line-through" in near.split(">C<")[0]
    assert "line-through" not in far and "underline" not in far
    assert "The ferry sailed, crowded and late, from the town quay once morning came." in widget.variants.toPlainText()


def test_a_verdict_button_on_a_fact_sheet_row_shows_its_verdict_at_once(qtbot):
    from core.model import Source
    from gui.state.workspace import Workspace

    texts = {
        "north": "Former Senator Oda Lenk opened the Varro library. Children read aloud in the hall.",
        "south": "Children read aloud in the hall. Senator Oda Lenk said the reading prize for coastal schools comes in June.",
    }
    ws = Workspace(debounce_ms=0)
    widget = Inspector(ws)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=10000):
        ws.add_sources(
            [
                Source(key=k, text=t, sha256=k * 8, kind="txt", path=f"{k}.txt", outlet=k.title())
                for k, t in texts.items()
            ]
        )
    row = next(r for r in ws.alignment.facts if r.divergent)
    ws.select_divergence(row.key)
    assert ws.current_claim() is None and widget.title.text().startswith("<b>Fact sheet</b>")
    assert (
        widget.divergences.isHidden() and widget.divergences_label.isHidden()
    )  # no empty box: the wordings get the room
    widget.buttons["follow_up"].click()  # the row stays current: no move redraws the inspector
    assert ws.verdicts[row.key].verdict == "follow_up"
    assert widget.buttons["follow_up"].isChecked() and not widget.buttons["confirmed"].isChecked()


def test_a_contradiction_inside_one_source_is_named_so_and_its_wordings_are_readable(qtbot):
    from core.case import triage
    from core.model import Source
    from gui.state.workspace import Workspace

    texts = {
        "north": "Senator Oda Lenk opened the Varro library. Children read aloud in the hall. "
        "Later, former Senator Oda Lenk cut the ribbon.",
        "south": "Children read aloud in the hall. Senator Oda Lenk said the reading prize for coastal schools comes in June.",
    }
    ws = Workspace(debounce_ms=0)
    widget = Inspector(ws)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=10000):
        ws.add_sources(
            [
                Source(key=k, text=t, sha256=k * 8, kind="txt", path=f"{k}.txt", outlet=k.title())
                for k, t in texts.items()
            ]
        )
    item = next(d for d in triage.queue(ws.alignment, ws.verdicts) if d.kind == "contradiction")
    ws.select_divergence(item.key)
    assert ws.current_claim() is None
    assert widget.title.text().startswith("<b>Inside one source</b> · title")
    assert "former Senator Oda Lenk" in widget.variants.toPlainText()
    assert widget.variants.isEnabled()  # readable, not greyed out like an empty panel
