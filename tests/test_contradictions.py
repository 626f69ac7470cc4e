"""Contradictions inside one source: one person, event or count described two ways."""

from core.compare.contradictions import find_contradictions
from core.compare.divergence import find_contradictions as reexported
from core.model import Document, Passage, Source


def document(doc_id, *sentences, outlet="Outlet A"):
    """Return a Document whose passages are the sentences joined by spaces."""
    text, passages = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        passages.append(
            Passage(f"{doc_id}:p{len(passages)}", doc_id, len(passages), start, start + len(sentence), sentence)
        )
    return Document(
        doc_id, Source(key=doc_id, text=text, sha256="0" * 64, kind="txt", outlet=outlet), tuple(passages), ()
    )


def spans(doc, contradiction):
    """Return the texts at each variant's offsets."""
    return [doc.source.text[v.start : v.end] for v in contradiction.variants]


def test_a_person_called_president_and_former_president_in_one_source_is_a_title_contradiction():
    doc = document(
        "d0",
        "Former President Ivo Maren urged a deal.",
        "The talks went on.",
        "President Maren is expected to attend the dinner.",
    )
    (found,) = find_contradictions([doc])
    assert (found.doc, found.type) == ("d0", "title")
    assert [(v.passage, v.start, v.end) for v in found.variants] == [("d0:p0", 0, 26), ("d0:p2", 60, 75)]
    assert spans(doc, found) == ["Former President Ivo Maren", "President Maren"]


def test_a_deputy_minister_later_called_minister_in_one_source_is_a_title_contradiction():
    doc = document(
        "d0",
        "Deputy Minister Ilse Varga opened the bridge.",
        "Crowds waited for hours.",
        "Minister Varga then left for the capital.",
    )
    (found,) = find_contradictions([doc])
    assert found.type == "title"
    assert spans(doc, found) == ["Deputy Minister Ilse Varga", "Minister Varga"]


def test_two_chambers_approving_the_same_thing_in_one_source_is_an_institution_contradiction():
    doc = document(
        "d0", "The deal will be put to the Senate for approval.", "Pell wants any guarantee endorsed by Congress."
    )
    (found,) = find_contradictions([doc])
    assert found.type == "institution"
    assert spans(doc, found) == ["Senate", "Congress"]


def test_a_chamber_that_approved_a_bill_and_one_still_to_vote_on_it_are_no_contradiction():
    doc = document(
        "d0",
        "The Senate approved the dam bill on Tuesday.",
        "The House of Representatives will now vote on the amended bill.",
    )
    assert find_contradictions([doc]) == ()


def test_a_chamber_that_already_approved_is_no_second_body_an_approval_still_needs():
    doc = document("d0", "The Orvan pact would need Congress to approve it, since the Senate approved it in May.")
    assert find_contradictions([doc]) == ()


def test_a_name_spelled_two_ways_in_one_source_is_a_spelling_contradiction():
    doc = document("d0", "President Ostrovskyy met the envoys.", "Ostrovsky told them he was ready.")
    (found,) = find_contradictions([doc])
    assert (found.type, spans(doc, found)) == ("spelling", ["Ostrovskyy", "Ostrovsky"])


def test_a_source_s_spellings_are_read_from_names_of_five_letters_or_more_each_at_its_first_place():
    doc = document(
        "d0",
        "Envoy Halvorssen met Liam and Judge Brenna Kolt; Halvorssen left.",
        "Lliam and Halvorsen stayed, Brena said.",  # "Liam" is too short to be read
    )
    found = find_contradictions([doc])
    assert sorted(spans(doc, c) for c in found if c.type == "spelling") == [
        ["Brenna", "Brena"],
        ["Halvorssen", "Halvorsen"],
    ]
    first = next(c for c in found if "Halvorssen" in c.summary)
    assert first.variants[0].start == doc.source.text.index("Halvorssen")


def test_one_dinner_on_two_days_in_one_source_is_a_time_contradiction():
    doc = document(
        "d0", "Moss will host a dinner for the envoys on Monday.", "The dinner, officials said, is set for Tuesday."
    )
    (found,) = find_contradictions([doc])
    assert (found.type, spans(doc, found)) == ("time", ["on Monday", "Tuesday"])


def test_the_same_count_given_two_values_in_near_identical_sentences_is_a_number_contradiction():
    doc = document(
        "d0",
        "The reservoir flooded land farmed by 1,200 families.",
        "Elsewhere, the reservoir flooded land farmed by 1,100 families, officials said.",
    )
    (found,) = find_contradictions([doc])
    assert (found.type, spans(doc, found)) == ("number", ["1,200", "1,100"])


def test_two_parties_counts_of_one_kind_are_no_contradiction():
    doc = document(
        "d0",
        "The Harbour Party, led by Mark Lund, won 61 seats, falling short of a majority.",
        "The Valley League won 48 seats, marking its best count, and fell short of a majority.",  # no Mark
    )
    assert find_contradictions([doc]) == ()
    one_party = document(
        "d0",
        "The Harbour Party, led by Mark Lund, won 61 seats, falling short of a majority.",
        "The Harbour Party won 58 seats, falling short of a majority.",
    )
    assert [c.type for c in find_contradictions([one_party])] == ["number"]


def test_a_part_told_beside_its_whole_in_one_sentence_is_no_contradiction_with_the_part_alone():
    doc = document(
        "d0",
        "The flood killed 31 people in the valley, the county said.",
        "The flood killed 64 people in the county, including 31 people in the valley, the county said.",
    )
    assert find_contradictions([doc]) == ()
    apart = document(
        "d0",
        "The flood killed 31 people in the valley, the county said.",
        "The flood killed 35 people in the valley, the county said.",
    )
    assert [c.type for c in find_contradictions([apart])] == ["number"]


def test_a_count_updated_at_two_stated_times_is_no_contradiction():
    doc = document(
        "d0",
        "By Monday morning, the flood had killed 40 people in the valley, officials said.",
        "By Monday afternoon, the flood had killed 65 people in the valley, officials said.",
    )
    assert find_contradictions([doc]) == ()


def test_a_year_named_beside_a_count_or_two_outlets_told_make_no_update_and_no_two_parties():
    doc = document(
        "d0",
        "The flood on Monday killed 12 people in the valley, officials said.",
        "Officials said the flood on Monday, the worst since 2019, killed 15 people in the valley.",
    )
    assert [c.type for c in find_contradictions([doc])] == ["number"]
    told = document(
        "d0",
        "Officials told Reuters that 12 people died in the valley flood.",
        "Hospital staff told AP that 19 people died in the valley flood.",
    )
    assert [c.type for c in find_contradictions([told])] == ["number"]


def test_a_consistent_source_has_no_contradictions():
    doc = document(
        "d0",
        "President Ivo Maren met Special Envoy Ada Moss on Sunday.",
        "Maren said talks on Monday would follow, and the Senate must approve any deal.",
        "About 300 fishermen rallied; 20 boats stayed in port.",
        "Orvan and Orvani officials, and President Maren, spoke later.",
    )
    assert find_contradictions([doc]) == ()


def test_titles_of_different_people_do_not_contradict_each_other():
    doc = document("d0", "Former President Ivo Maren spoke.", "President Ada Moss replied.")
    assert find_contradictions([doc]) == ()


def test_each_source_is_checked_on_its_own():
    one = document("d0", "Former President Ivo Maren spoke.")
    two = document("d1", "President Ivo Maren replied.")
    assert find_contradictions([one, two]) == ()


def test_divergence_re_exports_the_same_function():
    assert reexported is find_contradictions


def test_a_headline_toll_and_a_different_toll_in_the_body_are_a_number_contradiction():
    doc = document(
        "d0",
        "Storm Orla kills 9 in coastal Vellmark",
        "Storm Orla swept across Vellmark on Tuesday, killing 4 people and flooding the harbour, officials said.",
        "Power was cut to 30,000 homes.",
    )
    (found,) = find_contradictions([doc])
    assert (found.type, spans(doc, found)) == ("number", ["9", "4"])
