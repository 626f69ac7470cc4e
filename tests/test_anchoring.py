"""W3C anchors: selectors, re-anchoring after re-import, orphans, and the JSON-LD form."""
import json

import pytest

from core.case.anchoring import anchor, anchor_status, make_selector, to_w3c
from core.model import Source
from core.case.records import Annotation, TextSelector

ARTICLE = ("Officials met in Geneva on Monday to discuss the ceasefire. "
           "The minister said 1,200 people had been evacuated from the border towns. "
           "Aid agencies warned that supplies would run out within days. "
           "The talks will resume later this week, according to a spokesperson.")


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
    assert moved[sel.start + 10 - 9:sel.start + 10] == "governor "


def test_a_sentence_edited_slightly_reanchors_to_its_new_wording():
    sel = _select(ARTICLE, "The minister said 1,200 people had been evacuated from the border towns.")
    edited = ARTICLE.replace("had been evacuated", "were evacuated")
    start, end = anchor(sel, "Correction appended. " + edited)
    assert ("Correction appended. " + edited)[start:end] == \
        "The minister said 1,200 people were evacuated from the border towns."
    assert anchor_status(sel, edited)[0] == "changed"


def test_a_quote_longer_than_32_characters_moved_and_edited_is_found_by_head_and_tail():
    quote = "The talks will resume later this week, according to a spokesperson."
    sel = _select(ARTICLE, quote)
    edited = ARTICLE.replace("later this week", "later this month")
    shifted = "Live updates. " * 5 + edited
    start, end = anchor(sel, shifted)
    assert shifted[start:end] == quote.replace("week", "month")


def test_a_deleted_sentence_is_orphaned_even_when_a_similar_sentence_remains():
    sel = _select(ARTICLE, "Aid agencies warned that supplies would run out within days.")
    reimported = ARTICLE.replace("Aid agencies warned that supplies would run out within days. ", "") + \
        " Later, aid agencies warned that supplies could run out within weeks."
    assert anchor(sel, reimported) is None
    assert anchor_status(sel, reimported) == ("orphaned", None)


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


def test_to_w3c_writes_a_web_annotation_with_quote_and_position_selectors():
    sel = _select(ARTICLE, "1,200 people")
    source = Source(key="s1", text=ARTICLE, sha256="f" * 64, kind="html", url="https://example.org/a",
                    title="Evacuations")
    note = Annotation(id="a1", target_kind="span", source_key="s1", selector=sel, label="disputed",
                      status="open", note="Other outlets say 1,100.", author="ana",
                      created_at="2026-01-01T10:00:00.000Z", updated_at="2026-01-01T10:05:00.000Z")
    doc = to_w3c(note, source)
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "Annotation" and doc["id"] == "urn:parallax:annotation:a1"
    assert doc["target"]["source"] == "https://example.org/a"
    assert doc["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "1,200 people", "prefix": sel.prefix, "suffix": sel.suffix},
        {"type": "TextPositionSelector", "start": sel.start, "end": sel.end},
    ]
    assert {"type": "TextualBody", "purpose": "tagging", "value": "disputed"} in doc["body"]
    assert doc["body"][0]["value"] == "Other outlets say 1,100."
    assert doc["creator"] == {"type": "Person", "name": "ana"}
    assert doc["created"] == "2026-01-01T10:00:00.000Z" and doc["modified"] == "2026-01-01T10:05:00.000Z"
    json.dumps(doc)  # must serialise as plain JSON


def test_to_w3c_names_a_source_without_url_by_its_hash_and_a_claim_by_its_key():
    sel = _select(ARTICLE, "Geneva")
    source = Source(key="s1", text=ARTICLE, sha256="ab" * 32, kind="txt")
    span = to_w3c(Annotation(id="a2", target_kind="span", source_key="s1", selector=sel), source)
    assert span["target"]["source"] == "urn:sha256:" + "ab" * 32
    claim = to_w3c(Annotation(id="a3", target_kind="claim", claim_key="ck9", note="check"))
    assert claim["target"] == {"source": "urn:parallax:claim:ck9"}


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

WORDS = st.lists(st.sampled_from(["the", "minister", "said", "1,200", "on", "Monday", "talks", "Kyiv",
                                  "resume", "police", "crowd", "."]), min_size=3, max_size=60)


@hsettings(max_examples=150, deadline=None)
@given(WORDS, st.data())
def test_any_selection_anchors_where_it_was_in_the_unchanged_text_or_after_an_insertion(words, data):
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sel = make_selector(text, start, end)
    assert anchor(sel, text) == (start, end)
    found = anchor(sel, "Update: " + text)
    assert found is not None and ("Update: " + text)[found[0]:found[1]] == sel.exact
