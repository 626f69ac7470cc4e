"""W3C anchors: selectors, re-anchoring after re-import, and orphans."""

import pytest

from core.case.anchoring import anchor, make_selector
from core.case.records import TextSelector

ARTICLE = (
    "Officials met in Geneva on Monday to discuss the ceasefire. "
    "The minister said 1,200 people had been evacuated from the border towns. "
    "Aid agencies warned that supplies would run out within days. "
    "The talks will resume later this week, according to a spokesperson."
)


def _select(text, quote):
    start = text.index(quote)
    return make_selector(text, start, start + len(quote))


def test_make_selector_keeps_the_quote_its_context_and_its_offsets():
    sel = make_selector("abcdefghij", 3, 5, context=2)
    assert sel == TextSelector(exact="de", prefix="bc", suffix="fg", start=3, end=5)
    assert make_selector("abc", 0, 3) == TextSelector("abc", "", "", 0, 3)


def test_make_selector_refuses_a_range_outside_the_text():
    with pytest.raises(ValueError):
        make_selector("abc", 2, 5)


def test_an_unchanged_text_anchors_at_the_stored_position():
    sel = _select(ARTICLE, "1,200 people")
    assert anchor(sel, ARTICLE) == (sel.start, sel.end)


def test_text_inserted_before_moves_the_anchor_with_its_quote():
    sel = _select(ARTICLE, "supplies would run out within days")
    changed = "UPDATED 14:05. " + ARTICLE
    assert anchor(sel, changed) == (sel.start + 15, sel.end + 15)


def test_the_right_occurrence_of_a_repeated_quote_is_chosen_by_its_context():
    text = "The mayor said yes. Later the governor said yes. Then the mayor left."
    sel = make_selector(text, text.index("said yes", 25), text.index("said yes", 25) + 8)
    moved = "Breaking: " + text
    assert anchor(sel, moved) == (sel.start + 10, sel.end + 10)
    assert moved[sel.start + 10 - 9 : sel.start + 10] == "governor "


def test_a_sentence_edited_slightly_reanchors_to_its_new_wording():
    sel = _select(ARTICLE, "The minister said 1,200 people had been evacuated from the border towns.")
    edited = ARTICLE.replace("had been evacuated", "were evacuated")
    start, end = anchor(sel, "Correction appended. " + edited)
    assert ("Correction appended. " + edited)[
        start:end
    ] == "The minister said 1,200 people were evacuated from the border towns."
    start, end = anchor(sel, edited)
    assert edited[start:end] != sel.exact  # found again, and the quote now reads differently


def test_a_quote_longer_than_32_characters_moved_and_edited_is_found_by_head_and_tail():
    quote = "The talks will resume later this week, according to a spokesperson."
    sel = _select(ARTICLE, quote)
    edited = ARTICLE.replace("later this week", "later this month")
    shifted = "Live updates. " * 5 + edited
    start, end = anchor(sel, shifted)
    assert shifted[start:end] == quote.replace("week", "month")


def test_a_deleted_sentence_is_orphaned_even_when_a_similar_sentence_remains():
    sel = _select(ARTICLE, "Aid agencies warned that supplies would run out within days.")
    reimported = (
        ARTICLE.replace("Aid agencies warned that supplies would run out within days. ", "")
        + " Later, aid agencies warned that supplies could run out within weeks."
    )
    assert anchor(sel, reimported) is None


def test_a_short_quote_whose_sentence_was_deleted_does_not_jump_to_another_occurrence():
    text = "Police said 40 people were hurt. The fire started at 9 pm. Police said it was arson."
    sel = _select(text, "Police said 40")
    sel_short = make_selector(text, 0, len("Police said"))
    reimported = text.replace("Police said 40 people were hurt. ", "")
    assert anchor(sel, reimported) is None
    assert anchor(sel_short, reimported) is None


def test_a_changed_number_is_an_orphan_not_a_silent_move():
    sel = _select(ARTICLE, "1,200")
    assert anchor(sel, ARTICLE.replace("1,200", "1,100")) is None


def test_an_empty_quote_never_anchors():
    assert anchor(TextSelector("", "a", "b", 0, 0), "ab") is None


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

WORDS = st.lists(
    st.sampled_from(
        ["the", "minister", "said", "1,200", "on", "Monday", "talks", "Kyiv", "resume", "police", "crowd", "."]
    ),
    min_size=3,
    max_size=60,
)


@hsettings(max_examples=150, deadline=None)
@given(WORDS, st.data())
def test_any_selection_anchors_where_it_was_in_the_unchanged_text_or_after_an_insertion(words, data):
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sel = make_selector(text, start, end)
    assert anchor(sel, text) == (start, end)
    found = anchor(sel, "Update: " + text)
    assert found is not None and ("Update: " + text)[found[0] : found[1]] == sel.exact
