"""Ages the sources give a named person: one row per person, divergent when two sources differ."""

from core.compare.facts import build_fact_sheet
from fact_sheet_texts import at, cells, row, sources


def test_an_age_set_off_after_a_name_is_a_row_of_that_person_whatever_title_comes_before():
    docs = sources(
        "Forward Ida Lund, 28, scored twice for Kessel on Sunday.",
        "Lund, 29, left the pitch injured.",
        "Kessel striker Ida Lund (28) scored twice.",
    )
    found = row(build_fact_sheet(docs), "Lund: age")
    assert found.divergent
    assert cells(found, docs) == [at(docs, 0, "28") + ("28",), at(docs, 1, "29") + ("29",), at(docs, 2, "28") + ("28",)]


def test_a_place_before_a_number_and_a_particle_name_are_read_as_they_are():
    docs = sources("In Tarvik, 40, people gathered. Mayor Ana de la Roche said so.", "Mira Le Fevre, 61, spoke.")
    labels = [r.label for r in build_fact_sheet(docs) if r.label.endswith(": age")]
    assert labels == ["Le Fevre: age"]


def test_a_year_old_age_belongs_to_the_subject_named_before_it_or_to_a_name_set_off_after_it():
    docs = sources(
        "Ida Lund scored after Ana Berg's long pass, and the 28-year-old added a second.",
        "The 27-year-old forward, Ida Lund, was named player of the match.",
        "Kessel striker Ida Lund, now 28 years old, was cheered off.",
    )
    found = row(build_fact_sheet(docs), "Lund: age")
    assert found.divergent
    assert cells(found, docs) == [at(docs, 0, "28") + ("28",), at(docs, 1, "27") + ("27",), at(docs, 2, "28") + ("28",)]
    assert not [r for r in build_fact_sheet(docs) if r.label == "Berg: age"]  # a possessive is no subject


def test_a_year_old_age_with_no_person_beside_it_is_no_row_and_never_a_span_of_years():
    docs = sources(
        "Ida Lund scored, and a 41-year-old steward was hurt. The club last won the cup 40 years ago.",
        "A 39-year-old steward was hurt as Ida Lund scored. It was the first cup in 40 years.",
        "The 61-year-old coach thanked the fans on Vale Road.",
    )
    sheet = build_fact_sheet(docs)
    assert not [r for r in sheet if r.label.endswith(": age")]
    assert [c.value for c in row(sheet, "years").cells] == ["40", "40"]


def test_a_year_old_age_right_before_a_name_is_that_persons_age():
    docs = sources("Police held the 24-year-old Ivo Marsh overnight.", "Ivo Marsh, 25, was held overnight.")
    found = row(build_fact_sheet(docs), "Marsh: age")
    assert [c.value for c in found.cells] == ["24", "25"] and found.divergent
