"""The demo case: every planted text is really in its article, and the ground truth is complete."""

import json
import re
from pathlib import Path

import pytest

from core.model import DIVERGENCE_TYPES

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
PLANTED = json.loads((SAMPLES / "planted.json").read_text(encoding="utf-8"))
TOP_KEYS = {
    "event",
    "sources",
    "claims",
    "divergences",
    "non_divergences",
    "unique",
    "contradictions",
    "boilerplate",
    "one_to_many",
}


def document_text(name: str) -> str:
    """Return the text the engine sees for a sample file (extracted text for HTML)."""
    path = SAMPLES / name
    try:
        from core.ingest.sources import load_path
    except ImportError:
        load_path = None
    if load_path is not None:
        return load_path(str(path)).text
    raw = path.read_text(encoding="utf-8")
    if not name.endswith(".html"):
        return raw
    try:
        from core.ingest.html import extract_html
    except ImportError:
        import trafilatura

        return trafilatura.extract(raw)
    return extract_html(raw)[0]


TEXTS = {s["file"]: document_text(s["file"]) for s in PLANTED["sources"]}


def entries():
    """Yield (where, file, text) for every planted text that must occur once in its file."""
    for claim in PLANTED["claims"]:
        for member in claim["members"]:
            yield claim["id"], member["file"], member["text"]
    for item in PLANTED["divergences"]:
        for variant in item["variants"]:
            yield item["id"], variant["file"], variant["text"]
    for item in PLANTED["non_divergences"]:
        for entry in item["texts"]:
            yield "non-divergence " + item["claim"], entry["file"], entry["text"]
    for entry in PLANTED["unique"]:
        yield "unique", entry["file"], entry["text"]
    for entry in PLANTED["boilerplate"]:
        yield "boilerplate", entry["file"], entry["text"]
    for item in PLANTED["contradictions"]:
        for text in item["texts"]:
            yield "contradiction", item["file"], text


def members_of(claim_id, file):
    """Return the member texts a gold claim has in one file."""
    claim = next(c for c in PLANTED["claims"] if c["id"] == claim_id)
    return [m["text"] for m in claim["members"] if m["file"] == file]


def test_planted_json_has_every_schema_key():
    assert set(PLANTED) == TOP_KEYS
    assert all(set(s) == {"file", "outlet"} for s in PLANTED["sources"])
    assert all({"id", "type", "claim", "variants", "note"} <= set(d) for d in PLANTED["divergences"])
    assert all({"claim", "texts", "why"} <= set(n) for n in PLANTED["non_divergences"])
    assert all({"claim", "one", "many"} <= set(o) for o in PLANTED["one_to_many"])
    assert all({"file", "type", "texts"} <= set(c) for c in PLANTED["contradictions"])


def test_the_demo_has_five_sources_one_of_them_html():
    files = [s["file"] for s in PLANTED["sources"]]
    assert len(files) == 5 and all((SAMPLES / f).is_file() for f in files)
    assert [f for f in files if f.endswith(".html")] == ["meridian_daily.html"]
    assert len({s["outlet"] for s in PLANTED["sources"]}) == 5


@pytest.mark.parametrize("where,file,text", list(entries()))
def test_every_planted_text_occurs_exactly_once_in_its_file(where, file, text):
    assert TEXTS[file].count(text) == 1, f"{where}: {text!r} in {file}"


@pytest.mark.parametrize("file", sorted(TEXTS))
def test_every_article_is_between_350_and_650_words(file):
    assert 350 <= len(TEXTS[file].split()) <= 650


def test_every_txt_article_starts_with_a_title_line_and_a_byline_naming_the_outlet():
    outlets = {s["file"]: s["outlet"] for s in PLANTED["sources"]}
    for file, text in TEXTS.items():
        if file.endswith(".txt"):
            first, byline, blank = text.split("\n")[:3]
            assert 20 < len(first) < 90 and not first.endswith(".") and blank == ""
            assert byline.startswith("By ") and byline.endswith(", " + outlets[file])


def test_every_divergence_type_of_the_product_is_planted():
    assert {d["type"] for d in PLANTED["divergences"]} == set(DIVERGENCE_TYPES)


def test_every_divergence_variant_lies_inside_its_claim_member_of_that_file():
    for item in PLANTED["divergences"]:
        assert len({v["file"] for v in item["variants"]}) == len(item["variants"])
        for variant in item["variants"]:
            hits = [m for m in members_of(item["claim"], variant["file"]) if variant["text"] in m]
            assert len(hits) == 1, (item["id"], variant)


def test_every_non_divergence_text_lies_inside_its_claim():
    for item in PLANTED["non_divergences"]:
        for entry in item["texts"]:
            assert any(entry["text"] in m for m in members_of(item["claim"], entry["file"]))


def test_every_gold_claim_spans_at_least_two_sources_and_ids_are_unique():
    ids = [c["id"] for c in PLANTED["claims"]]
    assert len(ids) == len(set(ids)) == 21
    for claim in PLANTED["claims"]:
        assert len({m["file"] for m in claim["members"]}) >= 2, claim["id"]


def test_unique_sentences_belong_to_no_gold_claim():
    members = {(m["file"], m["text"]) for c in PLANTED["claims"] for m in c["members"]}
    for entry in PLANTED["unique"]:
        assert all(not (f == entry["file"] and (t in entry["text"] or entry["text"] in t)) for f, t in members)


def test_one_to_many_says_in_one_sentence_what_the_other_says_in_two_adjacent_ones():
    (item,) = PLANTED["one_to_many"]
    assert item["one"] in next(c for c in PLANTED["claims"] if c["id"] == item["claim"])["members"]
    first, second = item["many"]
    text = TEXTS[first["file"]]
    gap = text[text.index(first["text"]) + len(first["text"]) : text.index(second["text"])]
    assert first["file"] == second["file"] and gap == " "
    assert item["one"]["text"].count(".") == 1


def test_the_contradiction_names_the_same_person_with_and_without_former():
    (item,) = PLANTED["contradictions"]
    text = TEXTS[item["file"]]
    assert item["type"] == "title"
    assert len(re.findall(r"(?<!former )President Ivo Brandt", text)) == 1
    assert text.count("former President Ivo Brandt") == 1


def test_boilerplate_lines_stand_alone_except_view_all_which_is_glued_to_a_sentence():
    for entry in PLANTED["boilerplate"]:
        text = TEXTS[entry["file"]]
        start = text.index(entry["text"])
        end = start + len(entry["text"])
        assert start == 0 or text[start - 1] == "\n"
        if entry["text"] == "View All":
            assert text[end].isupper()
        else:
            assert text[end : end + 1] in ("\n", "")


def test_the_html_page_carries_the_metadata_and_page_furniture_a_real_site_has():
    html = (SAMPLES / "meridian_daily.html").read_text(encoding="utf-8")
    for needle in (
        'property="og:site_name" content="Meridian Daily"',
        'name="author"',
        'property="article:published_time"',
        "<nav",
        "<footer",
        "cookie",
        "Also Read",
    ):
        assert needle in html
    assert "cookie" not in TEXTS["meridian_daily.html"].lower()
    assert "Also Read" not in TEXTS["meridian_daily.html"]
