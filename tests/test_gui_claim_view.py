"""The claim view: the current claim's variants stacked, driven by J/K, N/P and 1-4 as in the panes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import pytest

from core.case import triage
from gui.app.main_window import MainWindow
from gui.panels.row_text import marked_html
from gui.state.workspace import Workspace
from gui.style import theme
from gui_doubles import fake_analyze, make_source, story_sources
from gui_keyboard import story_window


@pytest.fixture
def window(qtbot):
    win = story_window(qtbot)
    yield win
    win.close()


def _window_on(qtbot, analyze):
    """Return a shown 1366-wide window on the story sources, aligned by this analyze."""
    ws = Workspace(analyze=analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    return win


def _press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)
    QApplication.processEvents()  # a user's next key comes after the event loop has turned


def _visible_rows(view):
    return [row for row in view.rows if row.isVisible()]


def test_the_claim_view_is_shown_above_the_panes_when_the_window_opens(window):
    assert window.stack.currentWidget() is window.reading
    assert window.claim_view.isVisible() and window.pane_area.isVisible()
    assert window.claim_view.geometry().bottom() < window.pane_area.geometry().top()


def test_j_shows_the_claim_of_the_first_divergence_one_row_per_source_with_its_words_marked(window, qtbot):
    ws, view = window.ws, window.claim_view
    _press(qtbot, Qt.Key.Key_J)
    div = ws.current_divergence()
    assert div.key == triage.queue(ws.alignment, ws.verdicts)[0].key
    assert view.shown_claim_id() == div.claim
    rows = _visible_rows(view)
    assert len(rows) == len(ws.alignment.documents)
    for variant in div.variants:
        doc = ws.alignment.document_of(variant.passage)
        row = rows[int(doc.id[1:])]
        # The differing words carry the strong mark and their type, not the whole sentence.
        assert f"font-weight:700'>&#8202;{variant.text}&#8202;</span>" in row.text.text()
        assert f"{div.type}</span>" in row.text.text()
    assert view.majority.text().startswith("<b>") and "“" in view.majority.text()


def _rows_hold_the_current_divergence(ws, rows):
    div = ws.current_divergence()
    for variant in div.variants:
        row = rows[int(ws.alignment.document_of(variant.passage).id[1:])]
        assert f"font-weight:700'>&#8202;{variant.text}&#8202;</span>" in row.text.text()


def test_rows_out_of_view_wait_and_take_the_latest_claims_sentence_when_scrolled_to(window, qtbot):
    ws, view = window.ws, window.claim_view
    view.setFixedHeight(30)  # the title fills the view: the last rows lie below it
    qtbot.waitUntil(lambda: view.height() == 30)
    _press(qtbot, Qt.Key.Key_J)
    first_claim = view.shown_claim_id()
    _press(qtbot, Qt.Key.Key_J)
    while view.shown_claim_id() == first_claim:
        _press(qtbot, Qt.Key.Key_J)
    rows = _visible_rows(view)
    assert rows[-1].pending is not None  # not set, not laid out: nobody sees it
    bar = view.verticalScrollBar()
    while bar.value() < bar.maximum():  # read down the view, a few lines at a time
        bar.setValue(bar.value() + 10)
        QApplication.processEvents()
    assert all(row.pending is None for row in rows)
    _rows_hold_the_current_divergence(ws, rows)  # the second claim's words, not the first's


def test_a_waiting_row_drawn_after_all_shows_its_own_sentence(window, qtbot):
    ws, view = window.ws, window.claim_view
    view.setFixedHeight(30)
    qtbot.waitUntil(lambda: view.height() == 30)
    _press(qtbot, Qt.Key.Key_J)
    rows = _visible_rows(view)
    waiting = [row for row in rows if row.pending is not None]
    assert waiting
    for row in waiting:
        row.grab()  # painted (as when the view guessed the layout wrong): filled first
    assert all(row.pending is None for row in rows)
    _rows_hold_the_current_divergence(ws, rows)


def test_a_source_without_the_claim_says_no_matching_passage_found(window, qtbot):
    ws, view = window.ws, window.claim_view
    claim = next(c for c in ws.alignment.claims if len({m.split(":")[0] for m in c.members}) < 3)
    ws.select_claim(claim.id)
    texts = [row.text.text() for row in _visible_rows(view)]
    assert sum("no matching passage found" in t for t in texts) == 3 - len({m.split(":")[0] for m in claim.members})


def test_n_and_p_move_between_claims_and_the_panes_follow(window, qtbot):
    ws, view = window.ws, window.claim_view
    _press(qtbot, Qt.Key.Key_N)
    first = view.shown_claim_id()
    _press(qtbot, Qt.Key.Key_N)
    second = view.shown_claim_id()
    assert first is not None and second is not None and first != second
    assert second == triage.next_claim(ws.alignment, first, 1)
    qtbot.wait(50)
    claim = ws.current_claim()
    for pane in window.pane_area.panes:
        members = pane.member_passages(claim)
        if members:
            assert pane.is_visible_y(pane.passage_y(members[0]))
    _press(qtbot, Qt.Key.Key_P)
    assert view.shown_claim_id() == first
    assert QApplication.focusWidget() is view


def test_verdict_keys_in_the_claim_view_record_the_verdict_and_move_on(window, qtbot):
    ws, view = window.ws, window.claim_view
    _press(qtbot, Qt.Key.Key_J)
    key = ws.current_divergence_key
    _press(qtbot, Qt.Key.Key_2)
    assert ws.verdicts[key].verdict == "not_significant"
    assert ws.current_divergence_key != key
    _press(qtbot, Qt.Key.Key_K)
    assert ws.current_divergence_key == key
    assert "[not significant]" in view.title.text()
    _press(qtbot, Qt.Key.Key_3)
    assert ws.verdicts[key].verdict == "follow_up"


def test_k_before_any_divergence_says_so_and_changes_nothing(window, qtbot):
    ws = window.ws
    _press(qtbot, Qt.Key.Key_J)
    first = ws.current_divergence_key
    _press(qtbot, Qt.Key.Key_K)
    assert ws.current_divergence_key == first


def test_the_word_diff_is_offered_only_for_near_verbatim_variants(qtbot):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    near = "The ferry left the harbour at nine with forty people aboard."
    close = "The ferry left the harbour at ten with forty people aboard."
    far = "The ferry sailed, crowded and late, from the town quay once morning came."
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources([make_source("a", near), make_source("b", close), make_source("c", far)])
    ws.select_claim(ws.alignment.claims[0].id)
    rows = _visible_rows(win.claim_view)
    assert not any(row.diff.isVisible() for row in rows)
    win.claim_view.setFocus()
    qtbot.keyClick(win.claim_view, Qt.Key.Key_W)
    assert not rows[0].diff.isVisible()  # the reference itself
    assert "<s " in rows[1].diff.text() and "<u " in rows[1].diff.text()
    assert "no word diff" in rows[2].diff.text() and "<s " not in rows[2].diff.text()
    win.close()


def test_marks_do_not_overlap_and_the_current_divergence_wins_a_tie():
    from PySide6.QtGui import QPalette

    text = "It cost 1,200 dollars on Monday."
    html_text = marked_html(
        text, 100, [(108, 113, "number", False), (108, 113, "number", True), (125, 131, "time", False)], QPalette()
    )
    assert html_text.count("1,200") == 1 and "font-weight:700" in html_text
    assert "<u style=" in html_text and "Monday" in html_text


def test_marks_take_the_colours_of_the_palette_they_are_drawn_with_light_then_dark_then_light():
    from PySide6.QtGui import QColor, QPalette

    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    marks = [(0, 5, "number", True), (10, 13, "time", False)]
    drawn = [marked_html("1,200 on Monday", 0, marks, pal) for pal in (light, dark, light)]
    for pal, text in zip((light, dark, light), drawn):
        assert f"background-color:{theme.current_divergence_band(pal).name()}" in text
        assert f"<u style='color:{theme.divergence_style('time', pal)[1].name()}'>" in text
    assert drawn[0] == drawn[2] != drawn[1]


def test_the_row_of_the_current_passages_source_is_marked_and_a_click_on_a_row_moves_there(window, qtbot):
    ws, view = window.ws, window.claim_view
    _press(qtbot, Qt.Key.Key_J)
    rows = _visible_rows(view)
    current_doc = int(ws.current_passage_id.split(":")[0][1:])
    assert [row.bar.lit for row in rows] == [i == current_doc for i in range(len(rows))]
    other = next(i for i, row in enumerate(rows) if row.passage_id and i != current_doc)
    qtbot.mouseClick(rows[other].header, Qt.MouseButton.LeftButton)
    assert ws.current_passage_id == rows[other].passage_id
    assert _visible_rows(view)[other].bar.lit


def test_after_hiding_a_source_each_row_keeps_the_colour_its_source_has_in_the_list_and_panes(window, qtbot):
    ws, view = window.ws, window.claim_view
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.set_hidden(ws.sources[0].key, True, realign=True)
    assert len(ws.alignment.documents) == 2
    _press(qtbot, Qt.Key.Key_N)
    rows = _visible_rows(view)
    assert len(rows) == 2
    for doc, row in zip(ws.alignment.documents, rows):
        index = next(i for i, s in enumerate(ws.sources) if s.key == doc.source.key)
        assert index > 0  # the first source is the hidden one
        assert f"color:{theme.source_colour(index, view.palette()).name()}'>&#9632;" in row.header.text()


def test_a_long_source_name_is_shortened_with_an_ellipsis_to_fit_the_bold_header(qtbot):
    import re
    from PySide6.QtGui import QFont, QFontMetrics
    from gui.panels.claim_view import HEADER_WIDTH

    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    long_name = "003_554afbe7b2e3713c_wide_export_name"
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(
            [
                make_source("a", "The mayor opened the bridge on Monday.", long_name),
                make_source("b", "The mayor opened the bridge on Tuesday.", "Beta"),
            ]
        )
    ws.select_claim(ws.alignment.claims[0].id)
    header = _visible_rows(win.claim_view)[0].header
    name = re.search(r"<b>(.*?)</b>", header.text()).group(1)
    bold = QFont(header.font())
    bold.setBold(True)
    assert name.endswith("…") and long_name.startswith(name[:-1])
    assert QFontMetrics(bold).horizontalAdvance(name) <= HEADER_WIDTH - 24
    win.close()


def test_j_onto_a_fact_row_says_in_the_claim_view_which_fact_is_current(qtbot):
    import hashlib

    from core.model import Source

    texts = {
        "Alpha": "Former Mayor Ilse Varga opened the Tarnow bridge today.",
        "Beta": "Mayor Ilse Varga said the new ferry timetable for the northern islands would be published in March.",
        "Gamma": "Crowds cheered at the river.",
    }
    ws = Workspace(debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=20000):
        ws.add_sources(
            [
                Source(key=o.lower(), text=t, sha256=hashlib.sha256(t.encode()).hexdigest(), kind="txt", outlet=o)
                for o, t in texts.items()
            ]
        )
    row = next(r for r in ws.alignment.facts if r.divergent)
    win.focus_reading()
    while ws.current_divergence_key != row.key:
        before = ws.current_divergence_key
        qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_J)
        QApplication.processEvents()  # a user's next key comes after the loop turns (keys in one turn coalesce)
        assert ws.current_divergence_key != before  # J reaches the fact row
    assert ws.current_claim() is None
    title = win.claim_view.title.text()
    assert title.startswith("<b>Fact-sheet row") and "Ilse Varga: title" in title
    win.close()


def test_the_claim_view_and_the_inspector_name_the_current_claim_the_same_human_way(window, qtbot):
    ws = window.ws
    window.inspector.show()
    _press(qtbot, Qt.Key.Key_N)
    _press(qtbot, Qt.Key.Key_N)
    claim = ws.current_claim()
    number = [c.id for c in ws.alignment.claims].index(claim.id) + 1
    heading = f"<b>Claim {number} of {len(ws.alignment.claims)}</b>"
    assert window.claim_view.title.text().startswith(heading)
    assert window.inspector.title.text().startswith(heading)
    assert f"Claim {claim.id}" not in window.inspector.title.text()


def _fake_view(qtbot, alignment):
    from gui.panels.claim_view import ClaimView
    from gui_fakes import FakeWorkspace
    from widget_base import on_fake_workspace

    return on_fake_workspace(qtbot, ClaimView, 1000, 500, FakeWorkspace(alignment))


def test_a_contradiction_lists_its_passages_one_row_each_with_the_source_and_its_words_marked(qtbot):
    from dataclasses import replace

    from core.case.queue_items import contradiction_items
    from core.model import Contradiction, Variant
    from gui_fakes import TEXTS, make_alignment

    text = TEXTS["a"]
    first, second = text.index("mayor"), text.index("council chair")
    variants = (Variant("d0:p0", first, first + 5, "mayor"), Variant("d0:p3", second, second + 13, "council chair"))
    al = replace(make_alignment(), contradictions=(Contradiction("d0", "title", "mayor vs chair", variants),))
    view = _fake_view(qtbot, al)
    view.ws.select_divergence(contradiction_items(al)[0].key)
    rows = _visible_rows(view)
    assert len(rows) == 2
    assert all("Alpha" in row.header.text() for row in rows)
    assert "opened the bridge on Monday." in rows[0].text.text()
    assert "font-weight:700'>&#8202;mayor&#8202;</span>" in rows[0].text.text()
    assert "praised the engineers." in rows[1].text.text()
    assert "font-weight:700'>&#8202;council chair&#8202;</span>" in rows[1].text.text()


def test_a_fact_row_lists_one_row_per_cell_from_each_source_with_its_words_marked(qtbot):
    from dataclasses import replace

    from core.model import FactCell, FactRow
    from gui_fakes import TEXTS, make_alignment

    def cell(doc, source, pid, word):
        at = TEXTS[source].index(word)
        return FactCell(doc, source, pid, at, at + len(word), word, word.lower())

    row = FactRow(
        "f0", "k-day", "event", "Bridge opening: day", "time", 0.9, True,
        (cell("d0", "a", "d0:p0", "Monday"), cell("d1", "b", "d1:p1", "Tuesday")),
    )  # fmt: skip
    fake = make_alignment()
    # No claim divergence says the same (a row that repeats one is judged in its claim instead).
    claims = tuple(replace(c, divergences=()) for c in fake.claims)
    view = _fake_view(qtbot, replace(fake, claims=claims, facts=(row,)))
    view.ws.select_divergence("k-day")
    rows = _visible_rows(view)
    assert [("Alpha" in r.header.text(), "Beta" in r.header.text()) for r in rows] == [(True, False), (False, True)]
    assert "font-weight:700'>&#8202;Monday&#8202;</span>" in rows[0].text.text()
    assert "font-weight:700'>&#8202;Tuesday&#8202;</span>" in rows[1].text.text()
    view.ws.select_claim("c0")
    assert len(_visible_rows(view)) == 3  # back on a claim: one row per source again


def test_a_verdict_that_stays_on_its_item_updates_the_title_and_keeps_the_rows(window, qtbot):
    ws, view = window.ws, window.claim_view
    window.triage.toggle_auto_advance()  # stay on the item: only its state changes
    _press(qtbot, Qt.Key.Key_J)
    rows_before = view.row_texts()
    drawn = []
    original = view._show_rows
    view._show_rows = lambda *args: (drawn.append(args), original(*args))
    _press(qtbot, Qt.Key.Key_2)
    assert ws.verdicts[ws.current_divergence_key].verdict == "not_significant"
    assert "[not significant]" in view.title.text()
    assert drawn == [] and view.row_texts() == rows_before
    _press(qtbot, Qt.Key.Key_J)
    assert len(drawn) == 1  # another item: the rows are drawn again, once


def test_a_verdict_that_moves_on_draws_the_title_once_for_the_next_item(window, qtbot):
    ws, view = window.ws, window.claim_view
    _press(qtbot, Qt.Key.Key_J)
    judged = ws.current_divergence_key
    titles = []
    original = view.title.setText
    view.title.setText = lambda text: (titles.append(text), original(text))
    _press(qtbot, Qt.Key.Key_2)
    assert ws.verdicts[judged].verdict == "not_significant" and ws.current_divergence_key != judged
    assert len(titles) == 1  # not first for the item just judged, then again for the next one
    assert titles[0] == view.title.text() and "[untriaged]" in titles[0]


def _paragraph_layouts(document):
    block, layouts = document.begin(), []
    while block.isValid():
        layouts.append(block.layout())
        block = block.next()
    return layouts


def test_after_j_the_panes_and_rows_keep_their_shaped_glyphs_so_a_repaint_does_not_shape_again(window, qtbot):
    _press(qtbot, Qt.Key.Key_J)
    rows = [row.text.doc for row in _visible_rows(window.claim_view)]
    panes = [pane.view.document() for pane in window.pane_area.panes]
    layouts = [layout for doc in rows + panes for layout in _paragraph_layouts(doc)]
    assert rows and panes and layouts and all(layout.cacheEnabled() for layout in layouts)


def test_before_the_first_j_the_view_lists_the_top_of_the_queue_j_walks_and_the_keys(window, qtbot):
    ws, view = window.ws, window.claim_view
    assert ws.current_claim() is None
    items = triage.queue(ws.alignment, ws.verdicts)
    shown = view.title.plain_text()
    assert shown.startswith(f"Nothing selected yet. Press J to start with the first of the {len(items)} items")
    assert f"1. {items[0].type} · {items[0].summary}" in shown
    _press(qtbot, Qt.Key.Key_J)
    assert ws.current_divergence().key == items[0].key == window.triage_panel.keys()[0]
    assert "Nothing selected yet" not in view.title.plain_text()


def test_the_preview_follows_the_triage_filters_and_shows_verdicts_given(window, qtbot):
    ws, view = window.ws, window.claim_view
    first = triage.queue(ws.alignment, ws.verdicts)[0]
    ws.set_verdict(first.key, "confirmed")  # nothing is selected yet
    view.refresh()
    assert "[" in view.title.plain_text().split("\n")[1]  # the first listed item says its verdict
    panel = window.triage_panel
    panel.verdict_filter.setCurrentIndex(panel.verdict_filter.findData("untriaged"))
    view.refresh()
    assert first.summary not in view.title.plain_text()
    _press(qtbot, Qt.Key.Key_J)
    assert ws.current_divergence().key == panel.keys()[0] != first.key


def test_a_source_that_tells_the_claim_twice_has_each_tellings_words_marked_in_place(qtbot):
    from dataclasses import replace

    from core.model import TELLING_GAP, Divergence, Variant

    def twice_analyze(sources, *args, **kwargs):
        alignment = fake_analyze(sources, *args, **kwargs)
        first = alignment.claims[0]  # "The mayor opened the bridge on …" in a and c (and b)
        doc = alignment.documents[0]
        last = doc.passages[-1]  # "Crowds cheered at the river.": a second, non-adjacent telling
        start = doc.source.text.index("river", last.start)
        extra = Divergence(
            "k-river", first.id, "place", 0.5, "river vs quay", (Variant(last.id, start, start + 5, "river"),)
        )
        twice = replace(first, members=first.members + (last.id,), divergences=first.divergences + (extra,))
        return replace(alignment, claims=(twice,) + alignment.claims[1:])

    win = _window_on(qtbot, twice_analyze)
    ws = win.ws
    ws.select_claim("c0")
    row = win.claim_view.rows[0]
    assert row.text.plain_text().startswith("The mayor opened the bridge on Monday")
    assert TELLING_GAP + "Crowds cheered at the river" in row.text.plain_text()
    html = row.text.text()
    assert ">river</u>" in html  # the second telling's mark sits on its own words
    assert html.count("<u ") == html.count("</u>") >= 1
    win.close()


def test_a_contradiction_in_a_passage_no_other_source_has_is_shown_as_inside_one_source(qtbot):
    from dataclasses import replace

    from core.case.queue_items import contradiction_items
    from core.model import Contradiction, Variant

    def contradicting_analyze(sources, *args, **kwargs):
        alignment = fake_analyze(sources, *args, **kwargs)
        unique = alignment.passage(alignment.unique[0])
        start = unique.start
        variants = (
            Variant(unique.id, start, start + 3, unique.text[:3]),
            Variant(unique.id, start + 4, start + 7, unique.text[4:7]),
        )
        found = Contradiction(unique.doc, "title", "one source, two titles", variants)
        return replace(alignment, contradictions=(found,))

    win = _window_on(qtbot, contradicting_analyze)
    ws = win.ws
    (item,) = contradiction_items(ws.alignment)
    ws.select_divergence(item.key)
    assert ws.is_unique(ws.current_passage_id)
    assert win.claim_view.title.plain_text().startswith("Inside one source · title")
    win.close()


def test_k_on_the_first_item_says_it_is_the_first_not_that_there_are_no_more(window, qtbot):
    ws = window.ws
    messages = []
    ws.message.connect(messages.append)
    _press(qtbot, Qt.Key.Key_J)
    _press(qtbot, Qt.Key.Key_K)
    assert messages[-1] == "This is the first divergence of the queue."
    assert ws.current_divergence().key == window.triage_panel.keys()[0]


def test_a_note_an_undo_and_a_redo_each_say_what_happened(window, qtbot):
    from gui.dialogs.note_dialog import NoteDialog

    ws = window.ws
    messages = []
    ws.message.connect(messages.append)
    _press(qtbot, Qt.Key.Key_J)
    original = NoteDialog.ask
    NoteDialog.ask = staticmethod(lambda *args, **kwargs: "checked with the desk")
    try:
        window.judgements.edit_note()
    finally:
        NoteDialog.ask = original
    assert messages[-1] == "Note saved. Ctrl+Z undoes it."
    window.edits.undo()
    assert messages[-1].startswith("Undone: ") and ws.verdicts.get(ws.current_divergence_key) is None
    window.edits.redo()
    assert messages[-1].startswith("Redone: ")
    assert ws.verdicts[ws.current_divergence_key].note == "checked with the desk"


def test_word_diff_of_a_source_that_tells_the_claim_twice_uses_its_telling_nearest_the_reference(qtbot):
    from dataclasses import replace

    def twice_analyze(sources, *args, **kwargs):
        alignment = fake_analyze(sources, *args, **kwargs)
        first = alignment.claims[0]
        doc = alignment.documents[2]  # Gamma: "The mayor opened …" and, apart, "It cost 1,200 dollars …"
        twice = replace(first, members=first.members + (doc.passages[-1].id,), pivot="d0:p0")
        return replace(alignment, claims=(twice,) + alignment.claims[1:])

    win = _window_on(qtbot, twice_analyze)
    ws = win.ws
    ws.select_claim("c0")
    win.claim_view.set_word_diff(True)
    win.claim_view.refresh()
    diff = win.claim_view.rows[2].diff.text()
    assert "word diff against the reference" in diff and "paraphrase" not in diff
    win.close()
