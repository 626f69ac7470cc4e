"""What every export format shows: columns, scope, source filter and numbered notes."""

from dataclasses import replace

from core.export import view
from core.export.data import ExportOptions
from core.model import TELLING_GAP
from fixtures.export.sample import build_alignment, build_data


def test_each_claim_gives_one_column_per_document_with_exact_offsets():
    data = build_data()
    first, second = view.claims(data)
    assert [(c.doc.id, c.start, c.end) for c in view.columns(data, first)] == [("d0", 17, 89), ("d1", 0, 78)]
    assert view.columns(data, second)[1].text == "Union leader Mara Olsen told CNN the vote was close."


def test_divergences_of_a_claim_come_highest_rank_first():
    data = build_data()
    assert [d.key for d in view.divergences(data, view.claims(data)[0])] == ["div-number", "div-time"]


def test_divergent_scope_keeps_a_claim_without_divergences_only_while_it_carries_a_note():
    alignment = build_alignment()
    bare = replace(alignment, claims=(alignment.claims[0], replace(alignment.claims[1], divergences=())))
    noted = build_data(bare, ExportOptions(scope="divergent"))
    assert [c.id for c in view.claims(noted)] == ["c0", "c1"]
    plain = replace(noted, annotations=())
    assert [c.id for c in view.claims(plain)] == ["c0"]
    assert [c.id for c in view.claims(replace(plain, options=ExportOptions()))] == ["c0", "c1"]


def test_source_filter_drops_the_other_documents_and_their_variants():
    data = build_data(options=ExportOptions(source_keys=("k-harbour",)))
    assert [d.id for d in view.documents(data)] == ["d0"]
    claim = view.claims(data)[0]
    assert [c.doc.id for c in view.columns(data, claim) if c] == ["d0"]
    assert [[v.text for v in d.variants] for d in view.divergences(data, claim)] == [["1,200"], ["on Monday"]]


def test_notes_are_numbered_in_claim_order_and_an_unplaceable_quote_is_orphaned():
    notes = view.placed_notes(build_data())
    assert [(n.number, n.annotation.id, n.claim_id, n.start, n.end, n.orphaned) for n in notes] == [
        (1, "a2", "c0", -1, -1, False),
        (2, "a1", "c1", 114, 126, False),
        (3, "a3", "", -1, -1, True),
    ]


def test_a_quote_whose_offsets_went_stale_is_placed_by_its_unique_context():
    data = build_data()
    a1 = data.annotations[0]
    moved = replace(a1, selector=replace(a1.selector, start=3, end=15))
    notes = view.placed_notes(replace(data, annotations=(moved,)))
    assert (notes[0].start, notes[0].end, notes[0].orphaned) == (114, 126, False)


def test_triage_count_covers_the_divergences_and_the_contradiction_inside_a_source():
    assert view.divergence_count(build_data()) == (1, 4)
    assert view.counts(build_data()) == {
        "items": 4,
        "triaged": 1,
        "divergences": 3,
        "contradictions": 1,
        "facts": 0,
        "set_aside": 0,
    }


def test_word_count_counts_numbers_and_hyphenated_words_once():
    assert view.word_count("1,200 workers, a well-known union's vote.") == 6


def test_a_source_that_tells_the_fact_twice_gives_one_column_with_both_tellings():
    alignment = build_alignment()
    twice = replace(alignment.claims[0], members=("d0:p0", "d0:p2", "d1:p0"))
    data = build_data(replace(alignment, claims=(twice,) + alignment.claims[1:]))
    column = view.columns(data, view.claims(data)[0])[0]
    text = column.doc.source.text
    first, second = alignment.documents[0].passages[0], alignment.documents[0].passages[2]
    assert column.spans == ((first.start, first.end), (second.start, second.end))
    assert column.text == first.text + TELLING_GAP + second.text
    assert (column.start, column.end) == (first.start, second.end)
    assert column.passages == ("d0:p0", "d0:p2")
    assert text[column.spans[1][0] : column.spans[1][1]] == "The port reopened at noon."
