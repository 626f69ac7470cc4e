import pytest

from core.model import Span
from core.ingest.sentences import split_sentences


def spans(text, skip=()):
    return [(s.start, s.end, s.text) for s in split_sentences(text, skip)]


def test_two_plain_sentences_get_exact_offsets():
    assert spans("The dam held. Water fell by noon.") == [(0, 13, "The dam held."), (14, 33, "Water fell by noon.")]


def test_titles_and_month_abbreviations_do_not_end_sentences():
    text = "Mr. Lind met Gen. Okoro and Dr. Vance on Jan. 4 in the city. They agreed."
    assert spans(text) == [
        (0, 60, "Mr. Lind met Gen. Okoro and Dr. Vance on Jan. 4 in the city."),
        (61, 73, "They agreed."),
    ]


def test_plural_titles_before_a_list_of_names_do_not_end_sentences():
    text = "Two councillors, Sens. Ann Roe and Bo Li, and Drs. Kay Amis and Lu Tan voted no. It passed."
    assert spans(text) == [
        (0, 80, "Two councillors, Sens. Ann Roe and Bo Li, and Drs. Kay Amis and Lu Tan voted no."),
        (81, 91, "It passed."),
    ]
    # "reps" is an ordinary word as well: its full stop ends a sentence
    assert [t for _, _, t in spans("The firm cut 40 sales reps. Managers said little.")] == [
        "The firm cut 40 sales reps.",
        "Managers said little.",
    ]


def test_us_before_a_proper_noun_is_an_abbreviation_but_before_he_ends_the_sentence():
    text = "U.S. Special Envoy Ruiz arrived. He lives in the U.S. He works in the U.K. office."
    assert spans(text) == [
        (0, 32, "U.S. Special Envoy Ruiz arrived."),
        (33, 53, "He lives in the U.S."),
        (54, 82, "He works in the U.K. office."),
    ]


def test_am_before_a_weekday_continues_but_before_the_ends_the_sentence():
    text = "Talks began at 9 a.m. Monday. They ended at 5 p.m. The guards left."
    assert spans(text) == [
        (0, 29, "Talks began at 9 a.m. Monday."),
        (30, 50, "They ended at 5 p.m."),
        (51, 67, "The guards left."),
    ]


def test_decimals_do_not_split():
    assert spans("Prices rose 3.5 percent to 1,204.75 crowns. Then fell.") == [
        (0, 43, "Prices rose 3.5 percent to 1,204.75 crowns."),
        (44, 54, "Then fell."),
    ]


def test_quotation_ending_with_said_after_comma_stays_one_sentence():
    text = '"We will not yield," she said. He left.'
    assert spans(text) == [(0, 30, '"We will not yield," she said.'), (31, 39, "He left.")]


def test_full_stop_inside_closing_quote_followed_by_lowercase_attribution_stays_one_sentence():
    text = '"It is done." he said. Next.'
    assert spans(text) == [(0, 22, '"It is done." he said.'), (23, 28, "Next.")]


def test_question_in_quotes_followed_by_name_and_speech_verb_stays_one_sentence():
    text = '"Is it safe?" Holt asked. Nobody answered.'
    assert spans(text) == [(0, 25, '"Is it safe?" Holt asked.'), (26, 42, "Nobody answered.")]


def test_curly_quoted_sentence_then_new_sentence_splits_after_the_quote():
    text = "“It is over.” The crowd cheered."
    assert spans(text) == [(0, 13, "“It is over.”"), (14, 32, "The crowd cheered.")]


def test_ellipsis_before_capital_ends_a_sentence_but_not_before_lowercase():
    text = "He paused... then spoke. Nothing… Later it rained."
    assert spans(text) == [(0, 24, "He paused... then spoke."), (25, 33, "Nothing…"), (34, 50, "Later it rained.")]


def test_a_spaced_ellipsis_ends_a_sentence_only_at_its_last_stop_before_a_capital():
    text = "The ferry left . . . Nobody waved. It sank."
    assert spans(text) == [(0, 20, "The ferry left . . ."), (21, 34, "Nobody waved."), (35, 43, "It sank.")]


def test_old_mac_line_breaks_and_blank_lines_end_sentences_like_newlines():
    text = "Old Mac line one\rLine two.\r\rPara three.\n\nPara four."
    assert spans(text) == [
        (0, 16, "Old Mac line one"),
        (17, 26, "Line two."),
        (28, 39, "Para three."),
        (41, 51, "Para four."),
    ]


def test_em_dashes_do_not_split():
    text = "The deal — signed at dawn — holds. It may last."
    assert spans(text) == [(0, 34, "The deal — signed at dawn — holds."), (35, 47, "It may last.")]


def test_headline_line_without_full_stop_is_its_own_sentence():
    text = "Bridge Reopens After Repairs\nThe bridge opened on Tuesday."
    assert spans(text) == [(0, 28, "Bridge Reopens After Repairs"), (29, 58, "The bridge opened on Tuesday.")]


def test_paragraph_break_always_ends_a_sentence():
    text = "A line that trails off\n\nand a new paragraph."
    assert spans(text) == [(0, 22, "A line that trails off"), (24, 44, "and a new paragraph.")]


def test_hard_wrapped_line_continuing_in_lowercase_stays_one_sentence():
    text = "The minister said\nthat the bridge would open. It did."
    assert spans(text) == [(0, 45, "The minister said\nthat the bridge would open."), (46, 53, "It did.")]


def test_crlf_text_keeps_offsets_into_the_raw_string():
    text = "Line one\r\nLine two.\r\n\r\nPara two."
    assert spans(text) == [(0, 8, "Line one"), (10, 19, "Line two."), (23, 32, "Para two.")]


def test_middle_initial_and_numbered_item_do_not_split():
    text = "John F. Kennedy spoke. See No. 5 on the list."
    assert spans(text) == [(0, 22, "John F. Kennedy spoke."), (23, 45, "See No. 5 on the list.")]


def test_leading_and_trailing_whitespace_is_excluded():
    assert spans("   Hello there.   \n\n  ") == [(3, 15, "Hello there.")]


def test_skip_span_produces_no_sentence():
    text = "Lead here.\nAlso Read: Other story\nBody here."
    skip = [Span(11, 33, "Also Read: Other story")]
    assert spans(text, skip) == [(0, 10, "Lead here."), (34, 44, "Body here.")]


def test_sentence_overlapping_a_skip_span_is_trimmed_to_the_rest():
    text = "View AllAfter the talks, the envoy flew home."
    assert spans(text, [Span(0, 8, "View All")]) == [(8, 45, "After the talks, the envoy flew home.")]


def test_punctuation_only_pieces_are_not_sentences():
    assert spans(")\n\n)\nReal one.") == [(5, 14, "Real one.")]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n"])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_seed_articles_split_into_exact_spans(seeds_dir):
    from core.ingest.boilerplate import find_boilerplate

    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = split_sentences(text, find_boilerplate(text))
        assert all(text[s.start : s.end] == s.text for s in found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
        assert 10 <= len(found) <= 40
