"""The pieces a claim's comparison works on: the stems of a telling's words."""

from core.compare.tellings import stems_of


def test_the_stems_of_a_text_are_its_plain_words_lowered_and_stripped_of_inflections():
    assert stems_of("The Council approved the plans; it agrees.") == frozenset(
        {"the", "council", "approv", "plan", "it", "agre"}
    )


def test_a_text_without_plain_letters_has_no_stems():
    assert stems_of("1,200 — 3:45") == frozenset()
