"""Institutions carry the act they are named in: bodies clash only when named in one kind of act."""

from core.compare.institutions import act_is_pending, find_institutions
from test_divergence import diverge


def test_a_body_is_found_with_the_act_nearest_its_name():
    assert find_institutions("The deal needs to be approved by Parliament.") == [
        (33, 43, "Parliament", "parliament", "approve", "legislature")
    ]
    assert find_institutions("The Senate passed the bill.") == [(4, 10, "Senate", "senate", "pass", "legislature")]


def test_two_chambers_named_for_one_approval_are_an_institution_divergence():
    _, (divergence,) = diverge(
        "Any guarantee would need to be approved by the Orvan Congress.",
        "Any guarantee would go to the Orvan Senate for approval.",
    )
    assert divergence.type == "institution"
    assert [v.text for v in divergence.variants] == ["Congress", "Senate"]


def test_a_chamber_that_passed_a_bill_does_not_clash_with_the_one_that_approves_it_next():
    _, found = diverge(
        "The Orvan Senate passed the dam bill on Monday.",
        "The dam bill now goes to the Orvan Congress for final approval.",
    )
    assert "institution" not in [d.type for d in found]


def test_an_act_after_a_modal_a_need_or_a_submission_is_pending_and_one_already_done_is_not():
    needed = "The water pact would need to be approved by the Orvan Congress."
    assert act_is_pending(needed, needed.index("Congress"))
    submitted = "Ministers will submit the pact for Senate approval. It is long."
    assert act_is_pending(submitted, submitted.index("Senate"))
    done = "The Senate's approval came after a night of debate."
    assert not act_is_pending(done, done.index("Senate"))
    # A pending word in the sentence before does not reach across its full stop.
    after = "Ministers must hurry. The Senate approved the pact."
    assert not act_is_pending(after, after.index("Senate"))


def test_a_body_followed_by_its_own_finished_act_has_acted_whatever_a_modal_earlier_in_the_sentence_says():
    after = "The House will vote on the pact next week, after the Senate approved it on Tuesday."
    assert not act_is_pending(after, after.index("Senate"))
    which = "Lawmakers plan to debate the pact, which the Senate approved on Tuesday."
    assert not act_is_pending(which, which.index("Senate"))
    # Still ahead: the body's own act is a modal or a request, or comes before it.
    must = "The pact will be sent to the Senate, which must approve it."
    assert act_is_pending(must, must.index("Senate"))
    go = "The bill will go to Congress after the Senate passed it."
    assert act_is_pending(go, go.index("Congress"))


def test_a_text_is_searched_for_bodies_only_when_every_word_of_one_name_is_in_it():
    from core.compare.institutions import may_name_institution
    from core.ingest.gates import lower_words

    texts = [
        "The House of Commons voted after the White House spoke.",
        "The house of cards fell in the paint shop.",  # words of names, but every word of none
        "Members of the Verkhovna Rada met the IMF and the UN.",
        "A show of hands, of course, of no body at all.",
        "The ſenate and the House voted.",  # the long s passes for an "s" when case is ignored
    ]
    gates = [may_name_institution(text, lower_words(text)) for text in texts]
    assert gates == [True, False, True, False, True]  # the last: not plain, so any word of a name lets it run
    for text, gate in zip(texts, gates):
        assert gate or find_institutions(text) == []


def test_a_name_matched_only_by_folding_an_unusual_letter_is_no_body_and_no_failure():
    assert find_institutions("The ſenate and the House voted.") == []


def test_bodies_are_read_where_their_names_begin_as_the_whole_pattern_would_read_them():
    from core.compare.institutions import _INSTITUTION_RE, _matches

    texts = [
        "The House of Representatives and the House voted; the Security Council met the council.",
        "Verkhovna Rada deputies and the State Duma's envoy met at the White House.",
        "The councillors' courtyard, the EUROPEAN UNION and the un-named UN panel.",
        "A court-ordered review reached the Supreme Court, then the supreme court of appeal.",
        "“The Senate,” she said, “will not wait for the Kremlin’s reply.”",  # curly marks stay plain
        "The ſenate and the Kelvin \u212a cabinet: letters that fold are read by the whole pattern.",
        "No body is named in this sentence about a housing council-estate.",
    ]
    for text in texts:
        expected = [(m.start(), m.end(), m.group()) for m in _INSTITUTION_RE.finditer(text)]
        assert [(m.start(), m.end(), m.group()) for m in _matches(text)] == expected
    assert [m.group() for m in _matches(texts[0])] == ["House of Representatives", "Security Council", "council"]
