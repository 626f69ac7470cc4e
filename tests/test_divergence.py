"""Divergences inside one claim: typed, ranked, with every source's own wording at exact offsets."""

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from core.compare.divergence import find_divergences
from core.model import DIVERGENCE_TYPES, Claim, Document, Passage, Source, Variant


def document(doc_id, outlet, *sentences, lead="Filler sentence here. "):
    """Return a Document whose passages are the sentences, after a lead sentence (passage p0)."""
    text, passages = lead, [Passage(f"{doc_id}:p0", doc_id, 0, 0, len(lead) - 1, lead[:-1])]
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        passages.append(
            Passage(f"{doc_id}:p{len(passages)}", doc_id, len(passages), start, start + len(sentence), sentence)
        )
    source = Source(key=doc_id, text=text, sha256="0" * 64, kind="txt", outlet=outlet)
    return Document(doc_id, source, tuple(passages), ())


def claim(*members, pivot=None, score=0.8):
    """Return a claim over the given passage ids."""
    return Claim("c0", "k", score, tuple(members), (), pivot or members[0])


def diverge(*sentences, outlets=("Outlet A", "Outlet B", "Outlet C", "Outlet D")):
    """Return (documents, divergences) for one sentence per outlet, all in one claim."""
    docs = [document(f"d{n}", outlets[n], s) for n, s in enumerate(sentences)]
    return docs, find_divergences(claim(*[f"d{n}:p1" for n in range(len(docs))]), docs)


def where(docs, variant):
    """Return (doc, text at the variant's offsets) to check offsets are exact."""
    doc = docs[int(variant.passage[1:].split(":")[0])]
    return doc.id, doc.source.text[variant.start : variant.end]


def test_a_dinner_given_three_different_times_is_one_time_divergence_with_three_variants():
    docs, found = diverge(
        "Minister Ada Moss will host a dinner for the envoys later this week.",
        "Minister Ada Moss was expected to host a dinner for the envoys later on the same day.",
        "Minister Ada Moss is hosting a dinner for the envoys on Monday.",
    )
    (divergence,) = found
    assert divergence.type == "time"
    assert divergence.variants == (
        Variant("d0:p1", 74, 89, "later this week"),
        Variant("d1:p1", 85, 106, "later on the same day"),
        Variant("d2:p1", 75, 84, "on Monday"),
    )
    assert [where(docs, v)[1] for v in divergence.variants] == [v.text for v in divergence.variants]
    assert divergence.summary == (
        '"later this week" (Outlet A) vs "later on the same day" (Outlet B) vs "on Monday" (Outlet C)'
    )
    assert divergence.claim == "c0" and 0.8 <= divergence.rank <= 0.95


def test_the_day_a_source_spoke_is_not_compared_with_the_day_of_what_it_reports():
    _, found = diverge(
        "In its statement on Friday, the ferry line gave the toll as nine.",
        "The ferry line gave the toll as nine after the ferry sank on Thursday.",
    )
    assert found == ()
    _, spoke = diverge(
        "In a statement on Friday, the ferry line said the toll was final.",
        "In a statement on Saturday, the ferry line said the toll was final.",
    )
    assert [(d.type, [v.text for v in d.variants]) for d in spoke] == [("time", ["on Friday", "on Saturday"])]


def test_the_same_percentage_written_two_ways_is_not_a_divergence():
    _, found = diverge(
        "Officials said about 90% of the issues were settled.", "Officials said 90 per cent of issues were settled."
    )
    assert found == ()


def test_paraphrase_with_aliases_and_reordering_is_not_a_divergence():
    _, found = diverge(
        "The Nato summit in Brenholt, the U.S. envoy said, was productive.",
        "The envoy of the United States said the NATO summit in Brenholt was productive.",
    )
    assert found == ()


def test_a_title_with_former_against_one_without_is_a_title_divergence():
    docs, (divergence,) = diverge(
        "Last month, President Ivo Maren urged Orvan to accept the deal.",
        "Last month, former President Ivo Maren urged Orvan to accept the deal.",
    )
    assert divergence.type == "title"
    assert [v.text for v in divergence.variants] == ["President Ivo Maren", "former President Ivo Maren"]
    assert divergence.variants[1].start == docs[1].source.text.index("former")


def test_a_nationality_or_a_special_before_the_office_is_not_a_title_divergence():
    _, found = diverge("Orvani Special Envoy Ada Moss met the delegations.", "The envoy Ada Moss met the delegations.")
    assert found == ()


def test_a_count_that_one_source_gives_differently_ranks_above_a_two_way_split():
    _, (three_way,) = diverge(
        "The reservoir displaced 1,200 families in the valley.",
        "Some 1,200 families in the valley lost their land to the reservoir.",
        "The reservoir displaced 1,100 families in the valley.",
    )
    _, (two_way,) = diverge(
        "The reservoir displaced 1,200 families in the valley.", "The reservoir displaced 1,100 families in the valley."
    )
    assert three_way.type == two_way.type == "number"
    assert [v.text for v in three_way.variants] == ["1,200", "1,200", "1,100"]
    assert three_way.summary == '"1,200" (Outlet A, Outlet B) vs "1,100" (Outlet C)'
    assert three_way.rank > two_way.rank


def test_told_one_outlet_against_told_another_is_an_attribution_divergence():
    _, (divergence,) = diverge(
        "The offer will lapse, an official told Radio Harrow.",
        "The offer will lapse, an official told the Orvan Herald.",
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == (
        "attribution",
        ["told Radio Harrow", "told the Orvan Herald"],
    )


def test_told_reporters_does_not_clash_with_a_named_outlet():
    _, found = diverge(
        "The offer will lapse, an official told reporters.", "The offer will lapse, an official told Radio Harrow."
    )
    assert found == ()


def test_a_negation_present_in_one_source_only_is_found_on_the_negated_verb():
    docs, (divergence,) = diverge(
        "Maren will attend the dinner, his office said.",
        "President Ivo Maren will not attend the dinner, his office said.",
    )
    assert divergence.type == "negation"
    assert [(v.passage, v.text) for v in divergence.variants] == [
        ("d1:p1", "will not attend"),
        ("d0:p1", "will attend"),
    ]
    assert divergence.rank >= 0.85


def test_a_quote_of_one_speaker_worded_differently_is_narrowed_to_the_changed_words():
    _, (divergence,) = diverge(
        '"The river is ours to share, not to sell," Pell told reporters.',
        '"The river is ours to share, not to bargain away," Pell said.',
    )
    assert divergence.type == "quote"
    assert [v.text for v in divergence.variants] == ["sell", "bargain away"]


def test_identical_quotes_in_different_quotation_marks_are_not_a_divergence():
    _, found = diverge(
        '"We hope we are on the road to a deal," Moss said.',
        "\u201cWe hope we are on the road to a deal,\u201d Moss said.",
    )
    assert found == ()


def test_one_chamber_against_another_is_an_institution_divergence():
    _, (divergence,) = diverge(
        "Any guarantee would need approval by the Orvan parliament.",
        "Any guarantee would need Senate approval in Orvan.",
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == ("institution", ["parliament", "Senate"])


def test_two_venues_for_the_same_talks_are_a_place_divergence_but_venues_of_different_events_are_not():
    _, (divergence,) = diverge(
        "Further talks could follow at the weekend in Saltmere.",
        "Further talks could be held at the weekend in Greywick.",
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == ("place", ["Saltmere", "Greywick"])
    _, found = diverge(
        "Further talks could follow in Saltmere, officials said.",
        "The dinner in Greywick followed, and further talks were planned, officials said.",
    )
    assert [d.type for d in found if d.type == "place"] == []


def test_agreed_to_against_signaled_a_willingness_on_the_same_claim_is_a_modality_divergence():
    _, (divergence,) = diverge(
        "Pell has agreed to forsake his claim to joint control of the canal.",
        "Pell signaled a willingness to give up his claim to joint control of the canal.",
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == (
        "modality",
        ["has agreed to forsake", "signaled a willingness to give"],
    )


def test_modal_phrases_are_compared_across_sources_only_and_on_the_same_action():
    _, alone = diverge(
        "Pell has agreed to forsake his claim to the canal, and he is expected to resign from the canal board.",
        "Pell kept his claim to the canal and stayed on its board.",
    )
    assert alone == ()
    _, (divergence,) = diverge(
        "Pell has agreed to forsake his claim to joint control of the canal, and he is expected to resign "
        "from the canal board.",
        "Pell signaled a willingness to give up his claim to joint control of the canal.",
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == (
        "modality",
        ["has agreed to forsake", "signaled a willingness to give"],
    )


def test_will_and_is_expected_to_say_the_same_thing():
    _, found = diverge("Moss will host the envoys in Brenholt.", "Moss is expected to host the envoys in Brenholt.")
    assert found == ()


def test_two_countries_doing_the_same_thing_are_an_actor_divergence():
    _, (divergence,) = diverge(
        "The talks follow a 14-point plan that Orvan submitted last week.",
        "The talks follow a 14-point plan that Belisk submitted last week.",
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == (
        "actor",
        ["Orvan submitted", "Belisk submitted"],
    )


def test_a_name_spelled_two_ways_is_a_low_ranked_spelling_divergence():
    _, (divergence,) = diverge(
        "President Ostrovskyy met the envoys in Brenholt.", "President Ostrovsky met the envoys in Brenholt."
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == ("spelling", ["Ostrovskyy", "Ostrovsky"])
    assert divergence.rank < 0.2


def test_a_demonym_is_not_a_spelling_variant_of_its_country():
    _, found = diverge("Kaldria officials met in Brenholt.", "Kaldrian officials met in Brenholt.")
    assert [d.type for d in found] == []


def test_opposite_characterisations_are_a_low_ranked_other_divergence():
    _, (divergence,) = diverge(
        "Negotiator Ada Moss called the talks constructive.", "Negotiator Ada Moss described the talks as tense."
    )
    assert (divergence.type, [v.text for v in divergence.variants]) == ("other", ["constructive", "tense"])
    assert divergence.rank < 0.4


def test_adjacent_passages_of_one_source_form_one_variant_and_keep_their_own_passage_ids():
    one = document(
        "d0",
        "Outlet A",
        "The package guarantees a flow of 300 cubic metres per second, to be signed at talks in Brenholt.",
    )
    two = document(
        "d1",
        "Outlet B",
        "The package guarantees a flow of 300 cubic metres per second.",
        "It will be signed at talks in Greywick.",
    )
    (divergence,) = find_divergences(claim("d0:p1", "d1:p1", "d1:p2"), [one, two])
    assert divergence.type == "place"
    assert [(v.passage, v.text) for v in divergence.variants] == [("d0:p1", "Brenholt"), ("d1:p2", "Greywick")]
    assert two.source.text[divergence.variants[1].start : divergence.variants[1].end] == "Greywick"


def test_the_key_is_stable_across_reruns_and_pivot_changes_and_hashes_type_and_wordings():
    docs, (first,) = diverge("The reservoir displaced 1,200 families.", "The reservoir displaced 1,100 families.")
    (again,) = find_divergences(claim("d0:p1", "d1:p1", pivot="d1:p1"), docs)
    assert again.key == first.key
    expected = hashlib.sha1("number|1,100\u241f1,200".encode()).hexdigest()[:16]
    assert first.key == expected


def test_a_claim_from_one_source_or_with_unknown_passages_has_no_divergences():
    docs = [document("d0", "Outlet A", "It displaced 1,200 families.", "It displaced 1,100 families.")]
    assert find_divergences(claim("d0:p1", "d0:p2"), docs) == ()
    assert find_divergences(claim("d0:p1", "d7:p3"), docs) == ()


def test_divergences_come_highest_rank_first():
    _, found = diverge(
        "On Monday, Ivo Maren said 1,200 families left, officials told Radio Harrow.",
        "On Monday, Ivo Maren said 1,100 families left, officials told the Orvan Herald.",
    )
    assert [d.type for d in found] == ["number", "attribution"]
    assert [d.rank for d in found] == sorted((d.rank for d in found), reverse=True)


def test_a_contrast_between_things_is_not_a_denied_action():
    _, found = diverge(
        "Officials say rainfall, not the dam, explains the drop.",
        "Officials say the dam explains the drop in rainfall.",
    )
    assert [d.type for d in found] == []


def test_a_verb_denied_in_one_source_and_stated_of_something_else_in_another_is_not_a_negation():
    _, found = diverge(
        "The offer would not remain open indefinitely, officials said.",
        "Officials said differences remained on the border question.",
    )
    assert [d.type for d in found] == []


def test_quotation_marks_that_only_moved_are_not_a_quote_divergence():
    _, found = diverge(
        "Two officials said the guarantees would be \u201cArticle 5-like\u201d.",
        "Officials said a package of \u201cArticle 5\u201d-like guarantees was refined.",
    )
    assert [d.type for d in found] == []


def test_two_different_kinds_of_body_or_of_attribution_do_not_clash():
    _, found = diverge(
        "Orvan may join the EU, according to officials in Brenholt.",
        "Orvan may join Nato, an official told Radio Harrow.",
    )
    assert [d.type for d in found] == []


def test_places_not_tied_to_one_event_do_not_clash():
    _, found = diverge(
        "Officials met to discuss the war in Orvan on Monday.",
        "Officials met in Brenholt on Monday to discuss the war.",
    )
    assert [d.type for d in found] == []


def test_a_dropped_former_ranks_below_a_changed_count():
    _, found = diverge(
        "Former President Ivo Maren said 1,200 families left.", "President Ivo Maren said 1,100 families left."
    )
    assert [d.type for d in found] == ["number", "title"]


def test_the_pivot_telling_comes_first_in_the_variants():
    docs = [
        document("d0", "Outlet A", "The reservoir displaced 1,200 families."),
        document("d1", "Outlet B", "The reservoir displaced 1,100 families."),
    ]
    (divergence,) = find_divergences(claim("d0:p1", "d1:p1", pivot="d1:p1"), docs)
    assert [v.passage for v in divergence.variants] == ["d1:p1", "d0:p1"]
    assert divergence.summary == '"1,100" (Outlet B) vs "1,200" (Outlet A)'


PIECES = [
    "President ",
    "former ",
    "told ",
    "Reuters ",
    "CNN ",
    " not ",
    "Monday ",
    "Sunday ",
    "dinner ",
    "talks ",
    " in ",
    "Orvan ",
    "Belisk ",
    "said ",
    "will ",
    "could ",
    "1,200 ",
    "1,100 ",
    "families ",
    "90 per cent ",
    "Senate ",
    "Congress ",
    '"we sell" ',
    '"we buy" ',
    "has agreed to give up the claim ",
    "signaled a willingness to give up the claim ",
    "Ostrovsky ",
    "Ostrovskyy ",
    "tense ",
    "constructive ",
    ", ",
    ". ",
    "attend ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), min_size=2, max_size=4))
def test_any_claim_gives_divergences_whose_variants_lie_at_their_exact_offsets(sentences):
    docs = [document(f"d{n}", f"Outlet {n}", "".join(words).strip() or "x") for n, words in enumerate(sentences)]
    found = find_divergences(claim(*[f"d{n}:p1" for n in range(len(docs))]), docs)
    for divergence in found:
        assert divergence.type in DIVERGENCE_TYPES and 0.0 <= divergence.rank <= 1.0
        assert len({v.passage.split(":")[0] for v in divergence.variants}) >= 2
        for variant in divergence.variants:
            doc_id, text = where(docs, variant)
            assert text == variant.text and variant.passage == f"{doc_id}:p1"


def test_a_weekday_and_a_week_of_no_known_event_do_not_clash():
    _, found = diverge(
        "Officials confirmed on Monday that the plan was ready.",
        "The plan was submitted by Orvan last week, officials confirmed.",
    )
    assert [d.type for d in found] == []


def test_an_action_a_thing_is_too_much_for_is_a_negation_of_it():
    _, (divergence,) = diverge(
        "Boats will be able to reach the Kessel pier after the storm.",
        "The swell will stay too high to safely reach the Kessel pier after the storm.",
    )
    assert divergence.type == "negation"
    assert [v.text for v in divergence.variants] == ["too high to safely reach", "to reach"]


def test_a_source_that_states_both_the_denial_and_the_fact_is_no_negation_gap():
    _, found = diverge(
        "Vell said she was not responsible; the inquiry held her responsible for the spill.",
        "The inquiry held Vell responsible for the spill.",
    )
    assert "negation" not in [d.type for d in found]


def test_names_differing_only_by_diacritics_are_not_a_spelling_divergence():
    _, found = diverge("Mayor Jürgens opened the Kessel dam.", "Mayor Jurgens opened the Kessel dam.")
    assert found == ()


def test_a_thing_one_source_denies_and_another_states_is_a_negation_divergence():
    docs, (divergence,) = diverge(
        "Unlike last year, the orchard does not show leaf blight or root rot.",
        "Inspectors found that leaf blight and some root rot had spread.",
    )
    assert divergence.type == "negation"
    assert [where(docs, v) for v in divergence.variants] == [
        ("d0", "does not show"),
        ("d1", "leaf blight and some root"),
    ]


def test_an_absence_worded_as_a_noun_agrees_with_the_denial_and_a_plain_statement_does_not():
    denied = "The ferry did not have working radar on board, the inspectors said."
    assert diverge(denied, "The inspectors blamed a lack of working radar on board the ferry.")[1] == ()
    assert diverge(denied, "The inspectors said the ferry, without working radar on board, drifted.")[1] == ()
    _, (divergence,) = diverge(denied, "The inspectors said the ferry had working radar on board.")
    assert divergence.type == "negation"


def test_a_reason_one_source_gives_and_another_denies_is_a_negation_divergence():
    _, (divergence,) = diverge(
        "Rising rents were named as the main reason for the shop closures.",
        "Rising rents were not the reason for the shop closures, the guild insisted.",
    )
    assert divergence.type == "negation"
    assert [v.text for v in divergence.variants] == ["were not the reason", "reason"]


def test_two_values_of_one_fact_rank_above_a_reworded_quote():
    _, found = diverge(
        'The flood displaced 1,200 families. "We will rebuild every home," Vell said.',
        'The flood displaced 1,100 families. "We will rebuild each home," Vell said.',
    )
    assert [d.type for d in found] == ["number", "quote"]
    assert found[0].rank > found[1].rank + 0.3


def test_not_only_adds_and_denies_nothing():
    _, found = diverge(
        "The flood hit not only the port but also the old town of Kessel.",
        "The flood hit the port and the old town of Kessel.",
    )
    assert found == ()


def test_a_denied_effect_is_not_stated_by_naming_its_object_elsewhere():
    _, found = diverge(
        "The guarantees might not deter further Orvan aggression, analysts said.",
        "The guarantees answer years of further Orvan aggression, analysts said.",
    )
    assert "negation" not in [d.type for d in found]


def test_the_whole_text_values_of_a_source_are_read_once_for_all_its_claims_and_only_when_needed():
    from core.compare import divergence
    from core.compare.matching import value_index
    from core.compare.slots import cached_slots

    docs = [
        document(
            "d0",
            "Outlet A",
            "The ferry carried 40 passengers.",
            "The pier reopened on Monday.",
            "Harbour staff counted 44 cars.",
        ),
        document("d1", "Outlet B", "The ferry carried 44 passengers.", "The pier reopened on Monday."),
    ]
    divergence._DOCUMENT_VALUES.clear()
    find_divergences(claim("d0:p2", "d1:p2"), docs)  # same day in both: no whole-text look-up
    assert divergence._DOCUMENT_VALUES == {}
    find_divergences(claim("d0:p1", "d1:p1"), docs)  # 40 against 44: is 44 said elsewhere in d0?
    assert {alive().id for alive, _ in divergence._DOCUMENT_VALUES.values()} == {"d0", "d1"}
    read = divergence._source_values(docs, {"d0", "d1"})
    assert read["d0"] == value_index(s for p in docs[0].passages for s in cached_slots(p.text))
    assert [(kind, key, [s.value for s in slots]) for (kind, key), slots in read["d0"].by_key.items()] == [
        ("number", "passenger", ["40"]),
        ("time", "day", ["monday"]),
        ("number", "car", ["44"]),
    ]
    assert read["d0"] is divergence._source_values(docs, {"d0"})["d0"]
    assert sorted(read) == ["d0", "d1"] and len(read) == 2
    del docs, read
    assert divergence._DOCUMENT_VALUES == {}  # nothing is kept once the documents are gone


def test_people_counted_on_board_and_people_counted_on_the_ground_are_not_compared():
    _, found = diverge(
        "The ferry sank off Brisk Point, killing 41 people on board and several on the quay.",
        "The sinking killed 41 passengers and crew and caused the loss of 6 lives on the ground near the quay.",
    )
    assert not [d for d in found if d.type == "number"]
    _, (divergence,) = diverge(
        "The ferry sank off Brisk Point, killing 41 people on board.",
        "The ferry sank off Brisk Point, killing 38 people on board.",
    )
    assert divergence.type == "number" and [v.text for v in divergence.variants] == ["41", "38"]


def test_a_wording_shared_by_more_than_four_sources_is_counted_in_the_summary_not_listed():
    outlets = tuple(f"Outlet {letter}" for letter in "ABCDEF")
    agreeing = "The reservoir displaced 1,200 families in the valley."
    _, (many,) = diverge(*[agreeing] * 5, "The reservoir displaced 1,100 families in the valley.", outlets=outlets)
    assert many.summary == '"1,200" (5 sources) vs "1,100" (Outlet F)'
    _, (four,) = diverge(*[agreeing] * 4, "The reservoir displaced 1,100 families in the valley.", outlets=outlets)
    assert four.summary == '"1,200" (Outlet A, Outlet B, Outlet C, Outlet D) vs "1,100" (Outlet E)'


def test_spellings_are_found_among_names_of_one_initial_in_every_pair_of_tellings():
    _, found = diverge(
        "Mayor Halvorssen and Judge Ostrovskyy met Brenna Kolt in Tarnholm.",
        "Mayor Halvorsen and Judge Ostrovsky met Brena Kolt in Tarnholm.",
    )
    spelled = sorted(tuple(v.text for v in d.variants) for d in found if d.type == "spelling")
    assert spelled == [("Brenna", "Brena"), ("Halvorssen", "Halvorsen"), ("Ostrovskyy", "Ostrovsky")]
