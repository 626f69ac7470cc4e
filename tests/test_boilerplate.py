import pytest

from core.ingest.boilerplate import find_boilerplate


def texts(text):
    return [(s.start, s.end, s.text) for s in find_boilerplate(text)]


def test_also_read_line_is_boilerplate_with_exact_offsets():
    text = "The dam held.\nAlso Read: Rivers rise across the valley\nWater fell by noon."
    assert texts(text) == [(14, 54, "Also Read: Rivers rise across the valley")]


def test_uppercase_also_read_with_pipe_is_boilerplate():
    text = "ALSO READ | Ferry fares to double\nNext."
    assert texts(text) == [(0, 33, "ALSO READ | Ferry fares to double")]


def test_view_all_glued_to_next_sentence_flags_only_the_label():
    text = "Quick Reads\nView AllAfter the talks, the envoy flew home."
    assert texts(text) == [(0, 11, "Quick Reads"), (12, 20, "View All")]


def test_view_all_glued_to_an_opening_quote_flags_only_the_label():
    text = "View All“We are close,” he said."
    assert texts(text) == [(0, 8, "View All")]


def test_lone_parentheses_and_punctuation_lines_are_boilerplate():
    text = "Real sentence.\n)\n\n  )  \n***\n"
    assert texts(text) == [(15, 16, ")"), (20, 21, ")"), (24, 27, "***")]


@pytest.mark.parametrize(
    "line",
    [
        "With inputs from agencies",
        "(With inputs from Reuters)",
        "Media News Source",
        "Click here to read the full report",
        "Subscribe to our morning briefing",
        "Follow us on Instagram for more updates",
        "Advertisement",
        "Share this article",
        "Trending",
        "Published on: 12 March 2025, 10:42 AM IST",
        "Updated: March 12, 2025 14:05 IST",
        "Image caption, Fishermen unload the catch at dawn",
        "Fishermen unload the catch at dawn. Getty Images",
        "Copyright 2025 The Harbour Gazette",
        "© Harbour Gazette Ltd",
        "All rights reserved.",
        "Sign up for our daily newsletter",
        "Story continues below advertisement",
        "Read more:",
        "Read more",
        "By Anna Berg and Tomas Lind",
    ],
)
def test_furniture_lines_are_flagged_whole(line):
    text = f"The port reopened.\n{line}\nShips docked."
    assert texts(text) == [(19, 19 + len(line), line)]


@pytest.mark.parametrize(
    "line",
    [
        "He read the statement aloud before the vote.",
        "Readers wrote in to complain about the fares.",
        "Officials said they would follow up on the claims.",
        "The union will subscribe to the agreement only if pay rises.",
        "Trending prices suggest the deal will hold, analysts said.",
        "The view all along was that the talks would fail.",
        "by the end of the week, prices had fallen.",
        "He told Reuters the copyright dispute was settled last year in court after long talks.",
    ],
)
def test_real_sentences_mentioning_similar_words_are_not_flagged(line):
    assert find_boilerplate(f"Intro.\n{line}\nOutro.") == []


def test_ap_photo_credit_inside_a_caption_line_is_flagged_alone():
    text = "Crowds gather at the gate. (AP Photo/Jane Roe) More text follows here."
    assert texts(text) == [(27, 46, "(AP Photo/Jane Roe)")]


def test_crlf_lines_give_spans_without_the_carriage_return():
    text = "Lead.\r\nAdvertisement\r\nBody."
    assert texts(text) == [(7, 20, "Advertisement")]


def test_spans_are_sorted_and_never_overlap():
    text = "Trending\nAdvertisement\nStory.\nShare this article\n)\n"
    spans = find_boilerplate(text)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert len(spans) == 4


def test_seed_articles_have_their_promos_flagged(seeds_dir):
    counts = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = find_boilerplate(text)
        assert all(text[s.start : s.end] == s.text for s in spans)
        counts[path.name[:3]] = len(spans)
    assert counts == {"000": 1, "001": 1, "002": 12, "003": 4, "004": 0}


@pytest.mark.parametrize("line", ["By Monday, the bridge had reopened.", "By The Sea Hotel closes"])
def test_sentences_opening_with_by_and_a_capital_are_not_bylines(line):
    assert find_boilerplate(f"Intro.\n{line}\nOutro.") == []


def test_byline_with_outlet_after_a_pipe_is_flagged():
    assert texts("By Anna Berg | Harbour Gazette\nBody.") == [(0, 30, "By Anna Berg | Harbour Gazette")]


def _spans_of(text, *lines):
    """Return the expected (start, end, text) of lines that occur once in text."""
    found = []
    for line in lines:
        assert text.count(line) == 1
        start = text.index(line)
        found.append((start, start + len(line), line))
    return sorted(found)


def test_a_caption_line_that_ends_with_its_credit_is_furniture_whole():
    text = (
        "Ferry sails again\nThe ferry leaves Tarnholm harbour on its first crossing. (Coast Images: Lena Fisk)\n"
        "The ferry resumed service on Friday after a month of repairs.\n"
    )
    assert texts(text) == _spans_of(
        text, "The ferry leaves Tarnholm harbour on its first crossing. (Coast Images: Lena Fisk)"
    )


def test_a_caption_ending_with_photo_by_and_its_printed_copy_are_furniture():
    caption = "Crews repair the hull in the dry dock at Tarnholm on May 2, 2031. Photo by Lena Fisk."
    text = f"Ferry sails again\n{caption}\n{caption}\nThe ferry resumed service on Friday.\n"
    start = text.index(caption)
    second = text.index(caption, start + 1)
    assert texts(text) == [(start, start + len(caption), caption), (second, second + len(caption), caption)]


def test_caption_shortcodes_left_by_a_cms_mark_their_lines():
    text = (
        "The ferry resumed service on Friday.\nReutersThe ferry at the quay[/caption]\nPassengers queued from dawn.\n"
    )
    assert texts(text) == _spans_of(text, "ReutersThe ferry at the quay[/caption]")


def test_a_live_blog_stamp_and_the_widget_lines_after_it_are_furniture():
    text = (
        "Ferry strike ends\nThe ferry resumed service on Friday.\nUpdated at 14.05 CET\nKey moments\n"
        "Show key moments only\nPlease enable scripts to use this feature\nJonas Vik\n"
        "Reactions from the harbour\nDock workers cheered as the first ferry left.\n"
    )
    assert texts(text) == _spans_of(
        text,
        "Updated at 14.05 CET",
        "Key moments",
        "Show key moments only",
        "Please enable scripts to use this feature",
        "Jonas Vik",
    )


def test_share_buttons_and_the_byline_block_under_them_are_furniture():
    text = (
        "Ferry strike ends\nShare\nPost\nEmail\n\nMira Holt, Jonas Vik and Ada Berg\nStaff Writers\n"
        "The ferry resumed service on Friday after a month of repairs.\n"
    )
    assert texts(text) == _spans_of(
        text, "Share", "Post", "Email", "Mira Holt, Jonas Vik and Ada Berg", "Staff Writers"
    )


def test_a_font_size_widget_its_value_a_section_label_and_a_source_tag_are_furniture():
    text = (
        "Ferry strike ends\nFiled under Regional News\nThe ferry resumed service on Friday.\n"
        "Change Text Size\n18\nPassengers queued from dawn.\nrtn\n"
    )
    assert texts(text) == _spans_of(text, "Filed under Regional News", "Change Text Size", "18", "rtn")


def test_a_bulleted_list_keeps_its_items_and_only_the_bullets_are_furniture():
    text = "The deal includes:\n-\nNew ferries for the northern route\n-\nLower fares for islanders\nIt was signed.\n"
    assert [t for _, _, t in texts(text)] == ["-", "-"]


def test_a_watch_label_a_social_post_signature_and_a_photographers_agency_credit_are_furniture():
    text = (
        "Ferry sails again after repairs\nThe ferry rests at the quay on Friday morning. (Ana Roe/Getty Images)\n"
        "The ferry resumed service on Friday.\nWATCH:\nThe ferry leaves the quay to cheers and horns.\n"
        "— Harbour Alerts (@harbouralerts) March 3, 2025\nWatch the tide, the captain said.\n"
    )
    assert texts(text) == _spans_of(
        text,
        "The ferry rests at the quay on Friday morning. (Ana Roe/Getty Images)",
        "WATCH:",
        "— Harbour Alerts (@harbouralerts) March 3, 2025",
    )


def test_the_headline_stays_text_even_above_a_caption():
    text = (
        "Ferry sails again after repairs\nThe ferry at the quay. Photo by Lena Fisk.\n"
        "The ferry resumed service on Friday.\n"
    )
    assert texts(text) == _spans_of(text, "The ferry at the quay. Photo by Lena Fisk.")


def test_lines_whose_telling_words_come_anywhere_are_flagged_as_the_whole_patterns_flag_them():
    from core.ingest import boilerplate

    lines = (
        "© 2031 Orvan Harbour Daily. All Rights Reserved.",
        "The quay at dawn (via Getty)",
        "Get the Harbour newsletter: sign up today",
        "The ferry reached the quay at dawn, all hands on deck.",
        "ſhutterstock",
    )
    whole = [bool(boilerplate._LINE_RE.fullmatch(line) or boilerplate._ANYWHERE_RE.fullmatch(line)) for line in lines]
    assert whole == [True, True, True, False, True]
    for line, flagged in zip(lines, whole):
        assert boilerplate.is_furniture_line(line) is flagged


def test_a_line_can_end_with_a_photo_credit_only_when_it_has_a_bracket_or_a_credit_word():
    from core.ingest.boilerplate import _CREDIT_END_RE, _may_end_with_credit

    lines = [
        "Crews repair the hull at Tarnholm. (Coast Images: Lena Fisk)",
        "Crews repair the hull at Tarnholm. Photo by Lena Fisk.",
        "Crews repair the hull at Tarnholm. Pictures: Lena Fisk",
        "Crews repair the hull at Tarnholm (Lena Fisk/Getty Images)",
        "Crews repair the hull at Tarnholm. Credit: Harbour Board",
        "Crews repair the hull at Tarnholm on Friday.",
        "The photo by the harbour shows the crew.",
    ]
    matched = [bool(_CREDIT_END_RE.search(line)) for line in lines]
    assert matched == [True, True, True, True, True, False, False]
    assert all(_may_end_with_credit(line) for line, found in zip(lines, matched) if found)
    assert not _may_end_with_credit("Crews repair the hull at Tarnholm on Friday.")
