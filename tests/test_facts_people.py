"""People of the fact sheet: the runs of capitalised words read as names."""

from core.compare.facts.people import TOKEN, _name_tokens, _names, _tokens


def test_names_are_runs_of_two_or_more_adjacent_name_words_ending_at_a_possessive():
    text = "Harbour master Ilse Varga’s deputy, Jonas Feld, met Mayor Tomas  Brandt and Ana Lund Vik today."
    assert [(text[s:e], words, first) for s, e, words, first in _names(text)] == [
        ("Ilse Varga", ["Ilse", "Varga"], 2),
        ("Jonas Feld", ["Jonas", "Feld"], 5),
        ("Ana Lund Vik", ["Ana", "Lund", "Vik"], 12),
    ]


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
