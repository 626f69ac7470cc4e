"""Where the fact sheet's number pattern is tried: number starts and the hedge or currency before them."""

from core.compare.facts.quantity_matches import LEAD, NUMBER_START, lead_length, number_starts, quantity_matches


def _searched(window: str) -> int:
    """Return the length of the lead the whole pattern finds (the reference for lead_length)."""
    found = LEAD.search(window)
    return len(found.group()) if found else 0


def test_lead_length_agrees_with_the_whole_pattern_before_every_position_of_invented_texts():
    texts = (
        "The ferry carried at least 230 people and about 40 cars, up to 12 more than planned.",
        "Tolls rose by Rs. 40 and US$5, then by £3 and €7; as many as 90 trucks waited.",
        "“Nearly 900” pages, said the café’s owner, over 3 days; roughly\n12 cranes.",
        "The levy was some 4% — almost all 300 boats paid RS 2 or rs 3.",
        "The ſome 5 and the Kelvin sign K before 7 and dotless ı before 9.",
    )
    for text in texts:
        for at in range(len(text) + 1):
            window = text[max(0, at - 30) : at]
            assert lead_length(window) == _searched(window), window


def test_lead_length_reads_hedges_and_currencies_and_skips_other_words():
    assert lead_length("the ferry carried at least ") == len("at least ")
    assert lead_length("tolls rose by US$") == len("US$")
    assert lead_length("fares rose by Rs. ") == len("Rs. ")
    assert lead_length("the ferry carried ") == 0
    assert lead_length("the boats ") == 0


def test_number_starts_in_text_with_curly_quotes_and_accents_are_the_first_digits_of_runs():
    for text in ("“Piers” of 3.5 km held 1,200 boats at the café, 7 cranes", "Über 4 piers, .5 km", "ſix 4 piers, K 5"):
        assert list(number_starts(text)) == [m.start() for m in NUMBER_START.finditer(text)]


def test_a_hedged_amount_is_matched_from_its_hedge_and_a_plain_count_from_its_number():
    matches = list(quantity_matches("Tolls rose by at least $40 for 230 trucks."))
    assert [(m.start(), m.group("hedge"), m.group("cur"), m.group("num")) for m in matches] == [
        (14, "at least ", "$", "40"),
        (31, None, None, "230"),
    ]


def test_a_number_with_separators_starts_once_and_digits_after_a_point_or_comma_start_none():
    text = "Fares of 86,921.50 and .5 or 1,,2 and 3.,4 rose to 12"
    assert number_starts(text) == [m.start() for m in NUMBER_START.finditer(text)] == [9, 29, 38, 51]


def test_number_words_start_numbers_as_whole_words_whatever_their_case():
    for text in (
        "Two ferries and TWO tugs, twofold 2two two2 one-off both. Dozen boats, seventeen or seven’s crew _one",
        "Nine of the twenty-one piers, six sheds (ſix) and 40 cranes",
    ):
        assert number_starts(text) == [m.start() for m in NUMBER_START.finditer(text)]
    assert number_starts("Two tugs and 3 boats, two2 and one-off") == [0, 13, 25, 31]  # "two2": only its digit
