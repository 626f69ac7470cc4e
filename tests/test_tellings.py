"""The pieces a claim's comparison works on: the stems of a telling's words."""

from core.compare.slots import Slot
from core.compare.tellings import Located, components, stems_of


def test_the_stems_of_a_text_are_its_plain_words_lowered_and_stripped_of_inflections():
    assert stems_of("The Council approved the plans; it agrees.") == frozenset(
        {"the", "council", "approv", "plan", "it", "agre"}
    )


def test_a_text_without_plain_letters_has_no_stems():
    assert stems_of("1,200 — 3:45") == frozenset()


def test_values_joined_by_pairs_form_one_group_however_long_the_chain_of_pairs():
    values = [(n, Located(Slot("number", n, n + 2, "41", "41"), f"d{n}:p1")) for n in range(6)]
    chain = [(values[n], values[n + 1]) for n in range(4)]  # 0-1-2-3-4, and 5 alone with itself
    groups = components(chain + [(values[5], values[5])])
    assert [[n for n, _ in group] for group in groups] == [[0, 1, 2, 3, 4], [5]]
    # the same groups whichever way the pairs run
    reversed_groups = components([(b, a) for a, b in reversed(chain)])
    assert sorted(sorted(n for n, _ in group) for group in reversed_groups) == [[0, 1, 2, 3, 4]]
