"""Number expressions: canonical keys, exact offsets, and the digit-led shortcut checked against the whole pattern."""

from core.ingest.gates import letters_plain
from core.ingest.numbers import find_numbers, normalize_number


def _key(text: str) -> str | None:
    """Return the key of the one number expression that makes up the whole text, or None."""
    found = find_numbers(text)
    return found[0][2] if len(found) == 1 and found[0][:2] == (0, len(text)) else None


def test_percent_spellings_share_one_key():
    assert {_key(s) for s in ("90%", "90 per cent", "90 percent", "ninety per cent")} == {"90%"}


def test_thousands_separators_and_magnitudes_are_normalised():
    assert _key("1,200") == "1200"
    assert _key("$5m") == _key("5 million") == "5000000"
    assert _key("3.5bn") == "3500000000"
    assert _key("twenty-four") == "24"
    assert find_numbers("talks") == ()


def test_different_numbers_keep_different_keys():
    assert _key("1,200") != _key("1,100")


def test_find_numbers_reports_exact_offsets():
    text = "About ninety per cent of 1,200 homes, worth $5m, were hit."
    found = find_numbers(text)
    assert found == ((6, 21, "90%"), (25, 30, "1200"), (44, 47, "5000000"))
    assert [text[s:e] for s, e, _ in found] == ["ninety per cent", "1,200", "$5m"]


def test_normalize_number_gives_one_key_for_a_whole_number_expression_and_none_for_words():
    assert normalize_number("90 per cent") == normalize_number("90%")
    assert normalize_number("1,200") == normalize_number("1200")
    assert normalize_number("dam") is None


def test_numbers_of_plain_text_are_found_from_their_digits_and_dollar_signs():
    text = "The ferry line lost $5 million, 1,200 cars and 3.5 per cent of its trips."
    assert find_numbers(text) == ((20, 30, "5000000"), (32, 37, "1200"), (47, 59, "3.5%"))


def test_number_words_and_other_scripts_are_read_by_the_whole_pattern():
    from core.ingest import numbers

    texts = (
        "Twenty-four boats and 3 barges sailed.",
        "Rescuers in Zürich counted six boats and 12 barges.",
        "The levy rose €4bn, some 10 pc, in one year.",
        "Version 3.5.2 of the plan ran 1,234,5678 words.",
    )
    for text in texts:
        assert [m.span() for m in numbers._number_matches(text)] == [
            m.span() for m in numbers._NUMBER_RE.finditer(text)
        ]
    assert [key for _, _, key in find_numbers(texts[0])] == ["24", "3"]
    assert [key for _, _, key in find_numbers(texts[1])] == ["6", "12"]


def test_number_words_are_read_from_where_they_begin_exactly_as_the_whole_pattern_reads_them():
    from core.ingest import numbers

    texts = (
        "Twenty-four boats, then FORTY more, and none of the seven often ran one hundred tonight.",
        "Someone saw twoâ€”no, two hundred and fifty-one eels at $ five each, 3,000 in all.",
        "Stone, tenfold, offer: oneself tens of ten-year-olds, nineteen eighty, zero % and 5% more.",
        "“One,” said the café’s owner of the ninety-nine quays, “or eleven.”",
    )
    for text in texts:
        assert [m.span() for m in numbers._number_matches(text)] == [
            m.span() for m in numbers._NUMBER_RE.finditer(text)
        ]
    assert [key for _, _, key in find_numbers(texts[0])] == ["24", "40", "7", "100"]


def test_numbers_of_text_with_curly_quotes_and_accents_are_found_from_their_digits_alone():
    from core.ingest import numbers

    texts = (
        "“The quay cost €4bn,” said the café’s owner, and £300 more in 2024.",
        "Naïve estimates put it at 3.5% — or 12 per cent — of the ſeven quays.",
        "İzmir’s ferry carried 40 cars.",
        "The Kelvin sign K and the dotless ı read as ASCII letters: 7 boats.",
    )
    assert [letters_plain(t) for t in texts] == [True, False, False, False]
    for text in texts:
        assert [m.span() for m in numbers._number_matches(text)] == [
            m.span() for m in numbers._NUMBER_RE.finditer(text)
        ]
    assert [key for _, _, key in find_numbers(texts[0])] == ["4000000000", "300", "2024"]
