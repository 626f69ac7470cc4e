"""The engine on the demo case finds exactly what was planted (resources/samples/planted.json)."""

import json
from pathlib import Path

import pytest

from core.analysis import analyze  # noqa: E402
from core.ingest.sources import load_path  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
PLANTED = json.loads((SAMPLES / "planted.json").read_text(encoding="utf-8"))
FILES = [s["file"] for s in PLANTED["sources"]]


@pytest.fixture(scope="module")
def alignment():
    return analyze([load_path(str(SAMPLES / name)) for name in FILES])


def doc_id(file):
    """Return the document id the engine gives a sample file (d0.. in planted order)."""
    return f"d{FILES.index(file)}"


def span_of(alignment, file, text):
    """Return the (start, end) of the one occurrence of a planted text in the engine's text."""
    full = alignment.documents[FILES.index(file)].source.text
    start = full.index(text)
    return start, start + len(text)


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def passages_over(alignment, file, text):
    """Return the passages that hold most of each sentence of a planted text."""
    start, end = span_of(alignment, file, text)
    document = alignment.documents[FILES.index(file)]
    return [
        p for p in document.passages if min(p.end, end) - max(p.start, start) > 0.5 * min(p.end - p.start, end - start)
    ]


def claim_of(alignment, passage_id):
    """Return the id of the claim holding a passage, or None."""
    return next((c.id for c in alignment.claims if passage_id in c.members), None)


def covers(divergence_variants, alignment, planted_variants):
    """Tell whether every distinct planted wording is overlapped by a reported variant."""
    wordings = {}
    for variant in planted_variants:
        wordings.setdefault(variant["text"].lower(), []).append(variant)
    for group in wordings.values():
        hit = False
        for variant in group:
            start, end = span_of(alignment, variant["file"], variant["text"])
            hit = hit or any(
                v.passage.split(":")[0] == doc_id(variant["file"]) and overlaps(v.start, v.end, start, end)
                for v in divergence_variants
            )
        if not hit:
            return False
    return True


@pytest.mark.parametrize("planted", PLANTED["divergences"], ids=lambda d: f"{d['id']}-{d['type']}")
def test_every_planted_divergence_is_found_with_its_type_and_variants_over_the_planted_words(alignment, planted):
    found = [
        d
        for d in alignment.divergences()
        if d.type == planted["type"] and covers(d.variants, alignment, planted["variants"])
    ]
    assert found, f"{planted['id']} {planted['type']}: {planted['note']}"


@pytest.mark.parametrize("planted", PLANTED["non_divergences"], ids=lambda n: f"{n['claim']}-{n['why']}")
def test_no_divergence_is_reported_on_the_planted_non_divergences(alignment, planted):
    spans = [(doc_id(t["file"]), *span_of(alignment, t["file"], t["text"])) for t in planted["texts"]]
    false = [
        (d.type, v.text)
        for d in alignment.divergences()
        for v in d.variants
        for doc, start, end in spans
        if v.passage.split(":")[0] == doc and overlaps(v.start, v.end, start, end)
    ]
    assert false == []


# Known false links, kept visible. The old thresholds were tuned on this demo; the linker is now
# fitted on the development corpus (bench/fit_linker.py), where a topical sentence that is each
# other's best match in two articles usually does report one fact. Here these planted one-outlet
# sentences are each other's best match (or share a figure that counts something else). The
# fishermen's catch sentence shares the dam-and-summer-flow wording of a claim its own outlet
# already tells, and joins it as a second telling at the fitted further-claim threshold.
KNOWN_LINKED_UNIQUE = (
    "Mediators hope to have a draft text read",
    "About 300 fishermen rallied in the delta",
    "They say the low summer flow has halved ",
    "Shipping companies on the lower Ossa, wh",
    "The dispute has dragged on since 2022, w",
    "Eastgate Wire could not reach the Veldra",
    "Oleh Marchuk, Kaldria's chief negotiator",
)


def _unique_param(unique):
    marks = (
        [pytest.mark.xfail(strict=True, reason="known false link of the corpus-fitted linker")]
        if unique["text"].startswith(KNOWN_LINKED_UNIQUE)
        else []
    )
    return pytest.param(unique, id=unique["text"][:40], marks=marks)


@pytest.mark.parametrize("planted", [_unique_param(u) for u in PLANTED["unique"]])
def test_each_planted_unique_sentence_is_reported_unique(alignment, planted):
    (passage,) = passages_over(alignment, planted["file"], planted["text"])
    assert passage.id in alignment.unique
    assert claim_of(alignment, passage.id) is None


# Known misses, kept visible: the four "next round" sentences (g12) share little vocabulary beyond
# "round"/"talks", and the engine splits them into two claims (the Saltmere/Greywick place
# divergence is still found). The envoy sentence of g20 also names the envoy's title, so it sits
# in the envoy claim; the third outlet's mediators sentence does not support it as a further
# member. strict=True makes the suite say so the day the engine gets them right.
KNOWN_SPLIT_CLAIMS = {"g12", "g20"}


def _gold_param(gold):
    marks = (
        [pytest.mark.xfail(strict=True, reason="known miss: engine splits this claim")]
        if gold["id"] in KNOWN_SPLIT_CLAIMS
        else []
    )
    return pytest.param(gold, id=gold["id"], marks=marks)


@pytest.mark.parametrize("gold", [_gold_param(g) for g in PLANTED["claims"]])
def test_one_engine_claim_holds_every_passage_of_each_gold_claim(alignment, gold):
    passages = [p for m in gold["members"] for p in passages_over(alignment, m["file"], m["text"])]
    assert len(passages) >= len({m["file"] for m in gold["members"]})
    holding = [c.id for c in alignment.claims if {p.id for p in passages} <= set(c.members)]
    assert holding, "the gold claim's passages are split over several claims or left unique"


def test_the_one_to_many_claim_holds_both_sentences_of_the_longer_telling(alignment):
    (item,) = PLANTED["one_to_many"]
    one = passages_over(alignment, item["one"]["file"], item["one"]["text"])
    many = [p for m in item["many"] for p in passages_over(alignment, m["file"], m["text"])]
    assert len(one) == 1 and len(many) in (1, 2)
    assert {claim_of(alignment, p.id) for p in one + many} == {claim_of(alignment, one[0].id)}


@pytest.mark.parametrize("planted", PLANTED["boilerplate"], ids=lambda b: f"{b['file']}:{b['text'][:20]}")
def test_boilerplate_spans_cover_the_planted_lines_and_no_passage_holds_them(alignment, planted):
    start, end = span_of(alignment, planted["file"], planted["text"])
    document = alignment.documents[FILES.index(planted["file"])]
    assert any(s.start <= start and s.end >= end for s in document.boilerplate)
    assert not [p.text for p in document.passages if overlaps(p.start, p.end, start, end)]


def test_the_president_and_former_president_contradiction_inside_eastgate_is_found(alignment):
    (planted,) = PLANTED["contradictions"]
    spans = [span_of(alignment, planted["file"], text) for text in planted["texts"]]
    found = [
        c
        for c in alignment.contradictions
        if c.doc == doc_id(planted["file"])
        and c.type == planted["type"]
        and all(any(overlaps(v.start, v.end, s, e) for v in c.variants) for s, e in spans)
    ]
    assert len(found) == 1


def test_no_other_source_is_reported_as_contradicting_itself(alignment):
    assert {c.doc for c in alignment.contradictions} == {doc_id(PLANTED["contradictions"][0]["file"])}


def test_the_html_source_carries_the_page_metadata(alignment):
    source = alignment.documents[FILES.index("meridian_daily.html")].source
    assert (source.outlet, source.author, source.kind) == ("Meridian Daily", "Clara Vosk", "html")
    assert source.title == "Envoy says Veldra-Kaldria dam talks are nearing a deal"
    assert source.published.startswith("2026-03-10")
