import hashlib
import os
import re
from pathlib import Path

import pytest

from core.errors import SourceError
from core.ingest.sources import MAX_BYTES, binary_kind, load_bytes, load_path, load_paths, load_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def test_txt_keeps_crlf_and_gets_headline_title_and_hash_key():
    path = FIXTURES / "crlf_article.txt"
    data = path.read_bytes()
    source = load_path(path)
    assert source.text == data.decode("utf-8")
    assert "\r\n" in source.text
    assert source.kind == "txt"
    assert source.title == "Harbour Bridge Reopens"
    assert source.author == "Mira Okafor"
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.key == source.sha256[:16]
    assert source.original == data
    assert source.path == str(path)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", source.imported_at)


def test_markdown_keeps_raw_markup_and_strips_only_the_bom():
    source = load_path(FIXTURES / "utf8_bom.md")
    assert source.kind == "md"
    assert source.encoding == "utf-8-sig"
    assert source.text == "# Tram line approved\n\nThe council voted *29 to 12* for the tram.\r\n"
    assert source.title == "Tram line approved"


def test_cp1252_file_decodes_with_accents_and_dash():
    source = load_path(FIXTURES / "cafe_cp1252.txt")
    assert source.text == "Café owners in São Bento said prices rose 4–6 percent.\n"
    assert source.encoding == "cp1252"
    assert source.title == "cafe_cp1252"


def test_utf16_file_with_bom_is_text():
    source = load_path(FIXTURES / "utf16_le.txt")
    assert source.text.startswith("Ferry timetable changes\n")
    assert source.encoding == "utf-16"
    assert source.title == "Ferry timetable changes"


def test_html_file_text_is_the_extracted_article_with_metadata():
    source = load_path(FIXTURES / "article.html")
    assert source.kind == "html"
    assert source.text.startswith("Harbour bridge reopens after repairs\nThe Eastgate harbour bridge")
    assert (source.title, source.outlet, source.author, source.published) == (
        "Harbour bridge reopens after repairs",
        "The Lakeside Courier",
        "Mira Okafor",
        "2024-04-02",
    )


def test_unknown_extension_is_sniffed_as_html_when_it_looks_like_html():
    source = load_path(FIXTURES / "notes.dat")
    assert source.kind == "html"
    assert source.text.startswith("Dock workers returned to work on Friday")
    assert source.title == "Dock strike ends"


def test_unknown_extension_with_prose_is_text():
    source = load_bytes(b"Plain words here.\n", "notes.log")
    assert (source.kind, source.title) == ("txt", "notes")


@pytest.mark.parametrize(
    "name, label",
    [("tiny.pdf", "PDF document"), ("tiny.png", "PNG image"), ("tiny.docx", "ZIP archive or Office document")],
)
def test_binary_fixtures_are_refused_naming_the_format(name, label):
    with pytest.raises(SourceError) as info:
        load_path(FIXTURES / name)
    assert info.value.reason == f"is a binary file ({label}), not text"
    assert str(info.value) == f"{FIXTURES / name}: is a binary file ({label}), not text"


@pytest.mark.parametrize(
    "data, label",
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
        (b"abc\x00def", "unknown format with NUL bytes"),
    ],
)
def test_binary_kind_recognises_magic_numbers_and_nul_bytes(data, label):
    assert binary_kind(data) == label


def test_empty_and_whitespace_files_are_refused(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \r\n\t\n")
    for name, reason in (("empty.txt", "is empty"), ("blank.txt", "contains only whitespace")):
        with pytest.raises(SourceError) as info:
            load_path(tmp_path / name)
        assert info.value.reason == reason


def test_oversized_file_is_refused_from_stat_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(int(52.4 * 1024 * 1024))
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("file was opened"))
    with pytest.raises(SourceError) as info:
        load_path(big)
    assert info.value.reason == "is 52.4 MB; the limit is 20 MB"


def test_oversized_bytes_are_refused():
    with pytest.raises(SourceError, match="the limit is 20 MB"):
        load_bytes(b"a" * (MAX_BYTES + 1), "x.txt")


def test_missing_path_and_directory_are_refused(tmp_path):
    with pytest.raises(SourceError) as missing:
        load_path(tmp_path / "nope.txt")
    with pytest.raises(SourceError) as folder:
        load_path(tmp_path)
    assert (missing.value.reason, folder.value.reason) == ("does not exist", "is a directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_refused(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    with pytest.raises(SourceError) as info:
        load_path(locked)
    assert info.value.reason == "cannot be read: permission denied"


def test_invalid_text_is_refused():
    with pytest.raises(SourceError) as info:
        load_bytes(b"Hello \x81 world \x8d and \x9d more text here.\n" * 3, "junk.txt")
    assert info.value.reason == "is not valid text in any supported encoding"


def test_one_bad_file_never_stops_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Harbour news\nShips docked.\n")
    sources, errors = load_paths([FIXTURES / "tiny.pdf", good, tmp_path / "gone.txt", FIXTURES / "article.html"])
    assert [s.kind for s in sources] == ["txt", "html"]
    assert [e.reason for e in errors] == ["is a binary file (PDF document), not text", "does not exist"]


def test_title_falls_back_to_stem_when_first_line_is_a_sentence():
    source = load_bytes(b"The bridge opened on Tuesday after repairs.\nMore.", "bridge-story.txt")
    assert source.title == "bridge-story"


def test_source_line_gives_the_outlet():
    source = load_bytes(b"Ferry strike ends\nSource: Harbour Gazette\nShips sail.", "f.txt")
    assert source.outlet == "Harbour Gazette"


def test_pasted_text_is_a_paste_source_keyed_by_its_utf8_bytes():
    source = load_text("Ferry strike ends.\r\nShips sail.", title="From the wire")
    data = "Ferry strike ends.\r\nShips sail.".encode()
    assert (source.kind, source.title, source.text) == ("paste", "From the wire", "Ferry strike ends.\r\nShips sail.")
    assert source.key == hashlib.sha256(data).hexdigest()[:16]
    assert source.original == data


def test_a_lone_half_of_a_surrogate_pair_in_pasted_text_becomes_a_replacement_character():
    from core.analysis import analyze

    pasted = "The Brell council met on Monday \ud800 and 40 people came to the hall."
    source = load_text(pasted, title="a")
    assert source.text == pasted.replace("\ud800", "\ufffd") and len(source.text) == len(pasted)
    assert source.original == source.text.encode("utf-8")
    other = load_text("The Brell council met on Tuesday and 45 people came to the hall.", title="b")
    result = analyze([source, other])  # a lone surrogate crashed the claim's key before
    assert [len(claim.members) for claim in result.claims] == [2]


@pytest.mark.parametrize("text, reason", [("", "is empty"), (" \n ", "contains only whitespace")])
def test_blank_pasted_text_is_refused(text, reason):
    with pytest.raises(SourceError) as info:
        load_text(text)
    assert info.value.reason == reason


def test_seed_files_load_as_utf8_text(seeds_dir):
    sources, errors = load_paths(sorted(seeds_dir.glob("*.txt")))
    assert errors == []
    assert len(sources) == 5
    assert all(s.kind == "txt" and s.encoding == "utf-8" for s in sources)


def test_a_published_line_and_an_address_line_at_the_top_become_the_date_and_the_url():
    text = (
        "Quarry Road to Close for the Summer\nPublished: 4 March 2031\n"
        "URL: https://valley-post.example/quarry-road\nBy Lena Ortiz\n\nThe road closes on Friday.\n"
    )
    source = load_text(text, title="")
    assert (source.title, source.published, source.url, source.author) == (
        "Quarry Road to Close for the Summer",
        "2031-03-04",
        "https://valley-post.example/quarry-road",
        "Lena Ortiz",
    )


def test_a_line_that_is_only_a_date_under_the_headline_is_the_date():
    source = load_text("Quarry Road Reopens\n2031-09-15\nThe road reopened at dawn.\n", title="")
    assert source.published == "2031-09-15"


def test_weekdays_counts_sections_and_clock_times_are_not_taken_for_the_date():
    source = load_text(
        "The road closed on Sunday after 2 hours of rain.\nPublished in Valley News\n"
        "Updated at 20.19 local time\nCrews said 12 trucks came.\n",
        title="",
    )
    assert (source.published, source.url) == ("", "")


def test_a_byline_a_section_label_or_a_photo_credit_above_the_headline_is_no_title():
    text = (
        b"By Ana Roe, Ben Ito and Cai Lund, Harbour Daily\nPorts\n"
        b"Dock strike ends after nine days\nDock workers returned on Friday.\n"
    )
    source = load_bytes(text, "harbour.txt")
    assert (source.title, source.outlet, source.author) == (
        "Dock strike ends after nine days",
        "Harbour Daily",
        "Ana Roe",
    )
    lede_only = load_bytes(
        b"By Ana Roe and Ben Ito\nContributing Writers\nDock workers returned on Friday.\n", "dock.txt"
    )
    assert (lede_only.title, lede_only.outlet, lede_only.label) == ("dock", "", "dock")


def test_a_date_after_a_byline_is_no_outlet():
    source = load_bytes(
        b"By Ana Roe | June 4, 2025\nDock strike ends after nine days\nDock workers returned.\n", "d.txt"
    )
    assert (source.outlet, source.author, source.label) == ("", "Ana Roe", "d")
