import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.ingest.boilerplate import find_boilerplate
from core.ingest.document import build_document
from core.errors import SourceError
from core.ingest.sentences import split_sentences
from core.ingest.sources import load_bytes, load_text

FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

words = st.sampled_from(
    [
        "Mr.",
        "U.S.",
        "said",
        "the",
        "talks",
        "3.5",
        "a.m.",
        "Monday",
        "“Yes,”",
        "he",
        "—",
        "...",
        "Berlin.",
        "Why?",
        "Go!",
        '"No."',
        ")",
        "View",
        "All",
        "Also",
        "Read:",
        "…",
        "é",
        "\t",
    ]
)
separators = st.sampled_from([" ", " ", " ", "\n", "\r\n", "\n\n", "\r", "  "])


@st.composite
def prose(draw):
    tokens = draw(st.lists(st.tuples(words, separators), max_size=80))
    return "".join(w + s for w, s in tokens)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.html", "a.bin", "noext"]))
def test_random_bytes_either_load_or_raise_source_error(data, name):
    try:
        source = load_bytes(data, name)
    except SourceError as exc:
        assert exc.reason
    else:
        assert source.text.strip()
        assert source.original == data


@FAST
@given(st.text(min_size=1, max_size=2000).filter(lambda t: t.strip() and "\x00" not in t))
def test_random_unicode_text_round_trips_through_utf8_bytes(text):
    try:
        source = load_bytes(text.encode("utf-8", "surrogatepass"), "t.txt")
    except SourceError as exc:
        # Control-heavy text is refused as binary, text of format characters alone as invisible.
        assert "binary" in exc.reason or "not valid text" in exc.reason or "no visible" in exc.reason
        return
    expected = text[1:] if text.startswith("\ufeff") else text
    assert source.text == expected


@FAST
@given(st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
def test_pasted_text_is_kept_verbatim_or_refused_when_nothing_in_it_is_visible(text):
    if not any(unicodedata.category(ch)[0] in "LMNPS" for ch in text):
        with pytest.raises(SourceError, match="no visible characters"):
            load_text(text)
        return
    source = load_text(text)
    assert source.text == text
    assert source.original == text.encode("utf-8", "surrogatepass")


@FAST
@given(prose())
def test_sentence_spans_match_text_in_order_without_overlap(text):
    spans = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert all(s.text == s.text.strip() and s.text for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@FAST
@given(st.text(max_size=1500))
def test_sentence_spans_hold_on_arbitrary_unicode(text):
    spans = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@FAST
@given(prose())
def test_passages_never_overlap_boilerplate(text):
    skip = find_boilerplate(text)
    assert all(text[b.start : b.end] == b.text for b in skip)
    assert all(a.end <= b.start for a, b in zip(skip, skip[1:]))
    for s in split_sentences(text, skip):
        assert not any(b.start < s.end and s.start < b.end for b in skip)


@settings(max_examples=5, deadline=5000)
@given(st.integers(min_value=200_000, max_value=400_000), st.sampled_from(["\n", "\r\n", "\r"]))
def test_enormous_lines_and_mixed_newlines_split_quickly(width, newline):
    text = ("word " * (width // 5)) + newline + "Short line. Another." + newline
    source = load_text(text)
    doc = build_document(source, "d0")
    assert doc.passages[-2].text == "Short line."
    assert doc.passages[-1].text == "Another."
    assert all(text[p.start : p.end] == p.text for p in doc.passages)


def test_big_generated_file_loads_within_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    line = "The council met again on Tuesday. It voted 12 to 3.\r\n"
    path.write_bytes(line.encode() * 35_000)  # about 1.9 MB, under the 2 million character limit
    from core.ingest.sources import load_path

    source = load_path(path)
    assert len(source.text) == len(line) * 35_000
    assert source.text.count("\r\n") == 35_000


def test_many_hard_wrapped_lines_split_in_linear_time():
    import time

    text = "the council said\n" * 20_000 + "and then it voted."
    start = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - start < 2.0
    assert len(spans) == 1 and spans[0].end == len(text)
