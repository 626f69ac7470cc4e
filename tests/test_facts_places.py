"""Places of the fact sheet: where each source says an event happened."""

from core.compare.facts import build_fact_sheet
from core.compare.facts.places import mentioned_anywhere
from fact_sheet_texts import row, sources


def test_a_document_text_is_made_plain_only_when_asked_for():
    docs = sources("Talks in Tarnów ended.", "Talks in Orvik ended.")
    texts = mentioned_anywhere(docs)
    assert dict(texts) == {}
    assert texts["d1"] == "talks in orvik ended." and texts["d0"] == "talks in tarnow ended."
    assert dict(texts) == {"d1": "talks in orvik ended.", "d0": "talks in tarnow ended."}


def test_two_places_diverge_unless_a_source_names_the_other_place_anywhere():
    apart = sources("The ministers met in Orvik on Monday.", "The ministers met in Tarnow on Monday.")
    nested = sources(
        "The ministers met in Orvik on Monday.", "The ministers met in Tarnow on Monday, near Orvik harbour."
    )
    assert row(build_fact_sheet(apart), "talks: place").divergent
    assert not row(build_fact_sheet(nested), "talks: place").divergent
