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
