"""The version-1 JSON contract of `parallax align --json`."""

import json

from core.export.contract import alignment_to_json
from core.model import Alignment, Claim, Contradiction, Divergence, Document, Link, Passage, Span, Variant
from core.export.report import alignment_to_text
from test_align import make_source, plain_document

TEXT_A = "Also Read: nothing here.\nThe port reopened on Tuesday. Losses hit $5m."
TEXT_B = "Losses reached 5 million dollars. The port reopened on Monday."


def _alignment():
    source_a, source_b = make_source(TEXT_A, "sa"), make_source(TEXT_B, "sb")
    doc_a = plain_document(source_a, "d0")
    boiler = Span(0, 24, TEXT_A[0:24])
    doc_a = Document(
        "d0",
        source_a,
        tuple(Passage(f"d0:p{n}", "d0", n, p.start, p.end, p.text) for n, p in enumerate(doc_a.passages[1:])),
        (boiler,),
    )
    doc_b = plain_document(source_b, "d1")
    a_day = TEXT_A.index("Tuesday")
    b_day = TEXT_B.index("Monday")
    divergence = Divergence(
        "dk1",
        "c0",
        "time",
        0.9,
        "Tuesday vs Monday",
        (Variant("d0:p0", a_day, a_day + 7, "Tuesday"), Variant("d1:p1", b_day, b_day + 6, "Monday")),
    )
    claim = Claim("c0", "ck", 0.71234, ("d0:p0", "d1:p1"), (Link("d0:p0", "d1:p1", 0.71234),), "d0:p0", (divergence,))
    contradiction = Contradiction("d1", "time", "Monday vs Tuesday", (Variant("d1:p1", b_day, b_day + 6, "Monday"),))
    return Alignment((doc_a, doc_b), (claim,), ("d0:p1", "d1:p0"), (contradiction,))


def test_contract_has_exactly_the_version_one_keys():
    data = alignment_to_json(_alignment())
    assert list(data) == ["version", "documents", "claims", "unique", "contradictions", "facts"]
    assert data["version"] == 1
    document = data["documents"][0]
    assert {"id", "path", "title", "outlet", "passages", "boilerplate"} <= set(document)
    assert set(document["passages"][0]) == {"id", "start", "end", "text"}
    assert set(document["boilerplate"][0]) == {"start", "end", "text"}
    claim = data["claims"][0]
    assert {"id", "score", "members", "divergences"} <= set(claim)
    assert {"links", "pivot", "key"} <= set(claim)
    divergence = claim["divergences"][0]
    assert {"type", "rank", "summary", "variants"} <= set(divergence) and divergence["key"] == "dk1"
    assert set(divergence["variants"][0]) == {"passage", "start", "end", "text"}
    assert data["contradictions"] == [
        {
            "doc": "d1",
            "type": "time",
            "summary": "Monday vs Tuesday",
            "variants": [{"passage": "d1:p1", "start": 55, "end": 61, "text": "Monday"}],
        }
    ]


def test_ids_scores_and_links_are_written_as_given():
    claim = alignment_to_json(_alignment())["claims"][0]
    assert claim["id"] == "c0" and claim["members"] == ["d0:p0", "d1:p1"]
    assert claim["score"] == 0.7123
    assert claim["links"] == [{"a": "d0:p0", "b": "d1:p1", "score": 0.7123, "manual": False}]
    assert claim["pivot"] == "d0:p0"
    assert alignment_to_json(_alignment())["unique"] == ["d0:p1", "d1:p0"]


def test_every_offset_slices_the_document_text_exactly():
    alignment = _alignment()
    data = alignment_to_json(alignment)
    texts = {d.id: d.source.text for d in alignment.documents}
    for document in data["documents"]:
        for item in document["passages"] + document["boilerplate"]:
            assert texts[document["id"]][item["start"] : item["end"]] == item["text"]
    variants = [v for c in data["claims"] for d in c["divergences"] for v in d["variants"]]
    variants += [v for c in data["contradictions"] for v in c["variants"]]
    assert len(variants) == 3
    for variant in variants:
        assert texts[variant["passage"].split(":")[0]][variant["start"] : variant["end"]] == variant["text"]


def test_contract_survives_a_json_round_trip_with_non_ascii_text():
    source = make_source("Zelenskyy’s “peace” plan — 90 per cent agreed.", "nz")
    document = plain_document(source, "d0")
    alignment = Alignment((document,), (), ("d0:p0",))
    data = json.loads(json.dumps(alignment_to_json(alignment), ensure_ascii=False))
    assert data["documents"][0]["passages"][0]["text"] == "Zelenskyy’s “peace” plan — 90 per cent agreed."


def test_text_report_lists_claims_divergences_unique_passages_and_contradictions():
    report = alignment_to_text(_alignment())
    assert "2 sources, 1 claims, 1 divergences, 2 unique passages, 1 contradictions" in report
    assert "Sa: The port reopened on Tuesday." in report
    assert "0.90  time         c0    Tuesday vs Monday" in report
    assert "d1:p0 Sb: Losses reached 5 million dollars." in report
    assert "Monday vs Tuesday" in report
