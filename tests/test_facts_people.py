"""People of the fact sheet: the runs of capitalised words read as names."""

from core.compare.facts import build_fact_sheet
from core.compare.facts.people import (
    TOKEN,
    _capitalised_tokens,
    _name_tokens,
    _names,
    _tokens,
    known_people,
    name_counts,
)
from core.compare.facts.titles import may_hold_role
from fact_sheet_texts import at, cells, row, sources


def test_names_are_runs_of_two_or_more_adjacent_name_words_ending_at_a_possessive():
    text = "Harbour master Ilse Varga’s deputy, Jonas Feld, met Mayor Tomas  Brandt and Ana Lund Vik today."
    assert [(text[s:e], words) for s, e, words in _names(text)] == [
        ("Ilse Varga", ["Ilse", "Varga"]),
        ("Jonas Feld", ["Jonas", "Feld"]),
        ("Ana Lund Vik", ["Ana", "Lund", "Vik"]),
    ]


def test_names_read_from_the_capitals_are_those_read_from_all_the_tokens_where_letters_are_ascii():
    # A letter outside ASCII, set apart, sends the same words down the reading of every token.
    for text in (
        "Harbour master Ilse Varga’s deputy, “Jonas Feld”, met Mayor Tomas Brandt — and O’Neill Roe.",
        "Harbour master Ilse Varga's deputy, Jonas Feld, met Mayor Tomas  Brandt and Ana Lund Vik today.",
        "At 3M Ostra Vell the iPhone Kit and x-Ray Orla Penn met U.S. Envoy Dara Quill. 'Tis Nell Arro.",
        "_Eve Kant and .Net Bo Lind spoke; Jo-Ann Mara-Vitt, O'Neill Roe and McAdam Fisk agreed.",
    ):
        assert _names(text) == _names(text + " é") and _names(text)


def test_a_lone_name_word_a_title_or_two_spaces_make_no_name():
    assert _names("Mayor Brandt spoke.") == ()
    assert _names("Tomas  Brandt spoke.") == ()
    assert _names("the quay was closed") == () and _name_tokens("the quay was closed") == ()


def test_tokens_from_one_split_are_the_token_pattern_matches_with_their_offsets():
    plain = "Ex-Mayor Ilse Varga's U.S. aide, 3rd-term co-pilot J. R. Feld_2 -- sir x.y 42."
    for text in (
        "",
        "  ",
        "Ex-Mayor Ilse Varga’s U.S. aide, 3rd-term co-pilot J. R. Feld—ſir İzmir naïve_x 42.",
        "A",
        plain,
    ):
        words, starts, ends = _tokens(text)
        assert list(zip(words, starts, ends)) == [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def test_capitals_start_tokens_unless_a_letter_comes_first_in_their_run_of_token_characters():
    text = "iPhone 3M x-Ray U.S. 'Tis _Eve .Net Ana-Lund O'Neill go."
    assert _capitalised_tokens(text) == [
        (m.start(), m.end(), m.group()) for m in TOKEN.finditer(text) if m.group()[0].isupper()
    ]
    words = ["M", "U.S.", "Tis", "Eve", "Net", "Ana-Lund", "O'Neill"]
    assert [word for _s, _e, word in _capitalised_tokens(text)] == words
    curly = "“Ana’s” ’Tis x’Ray O’Neill"
    assert _capitalised_tokens(curly) == [
        (m.start(), m.end(), m.group()) for m in TOKEN.finditer(curly) if m.group()[0].isupper()
    ]


def test_a_passage_may_hold_a_role_only_with_the_first_letters_of_one_of_its_words():
    assert may_hold_role("The ex-husband spoke.") and may_hold_role("Sen. Arlo Penn spoke.")
    assert may_hold_role("her son-in-law left") and may_hold_role("the Mayor's office")
    assert not may_hold_role("Ilse Varga opened the quay in law and in order.")
    assert may_hold_role("Ilse Varga opened the quay \u0131n Tarnow.")  # letters that fold to ASCII: not ruled out


def test_a_name_met_where_no_role_is_said_still_resolves_a_title_given_to_its_surname_elsewhere():
    docs = sources(
        "Ilse Varga opened the quay on the river.",
        "Mayor Varga cut the ribbon.",
    )
    assert cells(row(build_fact_sheet(docs), "Ilse Varga: title"), docs) == [at(docs, 1, "Mayor") + ("mayor",)]


def test_names_are_counted_in_the_order_first_met_and_the_first_of_the_most_written_is_the_one_known():
    docs = sources(
        "Ilse Várga met Bo Lund. Ilse Varga left; Ana Lund stayed.",
        "Ilse Várga and Ana Lund spoke, then Ana Lund left.",
    )
    names = name_counts(docs)
    assert list(names.items()) == [
        (("varga", "ilse", "Ilse Várga", "d0"), 1),
        (("lund", "bo", "Bo Lund", "d0"), 1),
        (("varga", "ilse", "Ilse Varga", "d0"), 1),
        (("lund", "ana", "Ana Lund", "d0"), 1),
        (("varga", "ilse", "Ilse Várga", "d1"), 1),
        (("lund", "ana", "Ana Lund", "d1"), 2),
    ]
    assert known_people(names) == {"varga": "Ilse Várga", "lund": "Ana Lund"}
    assert known_people(name_counts(sources("Bo Lund met Ana Lund."))) == {"lund": "Bo Lund"}  # a tie: the first


def test_the_ascii_readers_of_tokens_and_capitals_agree_with_the_token_pattern_on_generated_text():
    import random

    from core.compare.facts.people import _ASCII_TOKEN_SPLIT, _TOKEN_SPLIT

    pieces = ["Ann", "ann", "O'Neil", "U.S.", "iPhone", "3M", "x-Ray", "_Lee", "9", "-", ".", "'", "’", " ", "  ", ","]
    generator = random.Random(7)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 9)))
        if text.isascii():
            assert _ASCII_TOKEN_SPLIT.split(text) == _TOKEN_SPLIT.split(text), text
        assert _capitalised_tokens(text) == [
            (m.start(), m.end(), m.group()) for m in TOKEN.finditer(text) if m.group()[0].isupper()
        ], text
