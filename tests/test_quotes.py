"""Quotes: one quote given to two speakers, or worded two ways; marks, case and cuts are not wording."""

from test_divergence import diverge, where


def test_curly_and_straight_apostrophes_in_one_quote_are_not_a_divergence():
    _, found = diverge(
        "\u201cWe\u2019ve never seen a flood like it, and it\u2019s not over,\u201d Vell said.",
        "\"We've never seen a flood like it, and it's not over,\" Vell said.",
    )
    assert found == ()


def test_a_quote_cut_short_or_split_by_the_said_clause_is_the_same_quote():
    _, found = diverge(
        '"We have never seen a flood like it in Kessel, and it is not over yet," Vell said.',
        '"We have never seen a flood like it in Kessel," Vell said, "and it is not over."',
    )
    assert found == ()


def test_case_and_diacritics_inside_a_quote_are_not_wording():
    _, found = diverge(
        '"The worst flood the Kessel Valley has known hit Bærum and Zürich," Vell said.',
        '"The worst flood the Kessel valley has known hit Baerum and Zurich," Vell said.',
    )
    assert found == ()


def test_one_quote_given_to_two_speakers_is_an_attribution_divergence_over_the_said_clauses():
    docs, (divergence,) = diverge(
        '"This flood is the worst our valley has seen in a century," Vell wrote in a note to staff.',
        'Mayor Arn described the flood as "the worst our valley has seen in a century".',
    )
    assert divergence.type == "attribution"
    assert [where(docs, v) for v in divergence.variants] == [
        ("d0", "Vell wrote"),
        ("d1", "Mayor Arn described the flood as"),
    ]


def test_words_of_no_named_speaker_are_not_compared_as_a_misquote():
    _, found = diverge(
        'Officials promised "a rapid and complete rebuilding of the Kessel bridge".',
        'The plan calls for "a rapid rebuilding of every bridge in Kessel".',
    )
    assert found == ()
