"""Legal statuses: the offence a named victim is listed under, the stage a case has reached."""

from core.compare.legal import find_legal
from test_divergence import diverge, where


def test_the_offence_against_a_named_victim_and_the_stage_for_an_offence_are_found():
    text = "Vell was convicted of attempted murder; the murder of Ian Dorr is still open."
    assert find_legal(text) == [
        (44, 62, "murder", "ian dorr", "offence"),
        (9, 38, "convicted", "attempted murder", "stage"),
    ]


def test_a_victim_named_only_through_someone_else_is_not_a_subject():
    assert find_legal("the attempted murder of Dorr's brother") == []


def test_murder_against_attempted_murder_of_one_victim_is_a_legal_divergence_ranked_as_a_fact():
    docs, (divergence,) = diverge(
        "Vell was jailed for the attempted murder of Ian Dorr in Kessel.",
        "Vell was jailed for the murder of Ian Dorr in Kessel.",
    )
    assert divergence.type == "other" and divergence.rank > 0.8
    assert [where(docs, v) for v in divergence.variants] == [
        ("d0", "attempted murder of Ian Dorr"),
        ("d1", "murder of Ian Dorr"),
    ]


def test_charged_against_convicted_for_one_offence_is_a_legal_divergence():
    _, (divergence,) = diverge(
        "Vell was charged with fraud over the Kessel dam contracts.",
        "Vell was convicted of fraud over the Kessel dam contracts.",
    )
    assert divergence.type == "other"
    assert [v.text for v in divergence.variants] == ["charged with fraud", "convicted of fraud"]


def test_offences_against_two_victims_of_one_family_are_not_compared():
    _, found = diverge(
        "Vell was jailed for the attempted murder of Ian Dorr in Kessel.",
        "Vell was jailed for the murder of Ada Dorr in Kessel.",
    )
    assert found == ()
