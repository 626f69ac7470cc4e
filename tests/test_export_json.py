"""The JSON export and its committed schema."""

import json

from core.export.data import ExportOptions
from core.case.records import Annotation, TextSelector
from core.export.json_out import render_json, to_w3c
from core.model import Source
from fixtures.export.sample import HOSTILE, build_data, build_hostile_data
from fixtures.export.schema_check import errors, load_schema


def test_the_export_validates_against_the_committed_schema():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for options in (ExportOptions(), ExportOptions(scope="divergent", include_full_texts=True)):
        assert errors(json.loads(render_json(build_data(options=options))), schema) == []


def test_the_schema_checker_rejects_a_broken_export():
    broken = json.loads(render_json(build_data()))
    del broken["sources"][0]["sha256"]
    broken["divergences"][0]["type"] = "rumour"
    broken["annotations"][0]["target"]["selector"] = [{"type": "TextQuoteSelector"}]
    broken["extra"] = 1
    assert sorted(errors(broken, load_schema())) == sorted(
        [
            "$: unexpected 'extra'",
            "$.sources[0]: missing 'sha256'",
            "$.divergences[0].type: 'rumour' not in ['title', 'time', 'number', 'place', 'actor', 'attribution', "
            "'modality', 'negation', 'quote', 'institution', 'spelling', 'other']",
            "$.annotations[0].target.selector: fewer than 2 items",
            "$.annotations[0].target.selector[0]: missing 'exact'",
            "$.annotations[0].target.selector[0]: missing 'prefix'",
            "$.annotations[0].target.selector[0]: missing 'suffix'",
        ]
    )


def test_top_level_metadata_and_sources_with_hashes():
    out = json.loads(render_json(build_data()))
    assert (out["parallax_version"], out["generated_at"], out["case"]) == (
        "0.1.0",
        "2026-11-22T08:30:00Z",
        "ferry-strike",
    )
    assert [(s["id"], s["outlet"], s["words"]) for s in out["sources"]] == [
        ("d0", "Harbour Courier", 29),
        ("d1", "Valley Ledger", 29),
    ]
    assert out["sources"][0]["sha256"] == "8721aacffdd3a755c0f49b07f1bf5045bc9f8e1101095540657ee8adeb3d2dd1"
    assert "text" not in out["sources"][0]


def test_divergences_carry_a_null_or_full_verdict():
    out = json.loads(render_json(build_data()))
    assert [(d["key"], d["claim"]) for d in out["divergences"]] == [
        ("div-number", "c0"),
        ("div-time", "c0"),
        ("div-attr", "c1"),
    ]
    assert out["divergences"][0]["verdict"] == {
        "verdict": "confirmed",
        "label": "Discrepancy confirmed",
        "note": "Union says 1,200.",
        "source_key": "",
        "author": "ana",
        "updated_at": "2026-11-21T10:00:00Z",
    }
    assert out["divergences"][1]["verdict"] is None
    assert out["claims"][0]["members"][0] == {
        "source": "d0",
        "source_key": "k-harbour",
        "passages": ["d0:p0"],
        "start": 17,
        "end": 89,
        "text": out["claims"][0]["members"][0]["text"],
    }


def test_annotations_are_w3c_web_annotations_with_quote_and_position_selectors():
    out = json.loads(render_json(build_data()))
    span = out["annotations"][1]
    assert span["@context"] == "http://www.w3.org/ns/anno.jsonld" and span["type"] == "Annotation"
    assert span["target"] == {
        "source": "https://harbour.example/strike",
        "selector": [
            {"type": "TextQuoteSelector", "exact": "told Reuters", "prefix": "a Olsen ", "suffix": " the vot"},
            {"type": "TextPositionSelector", "start": 114, "end": 126},
        ],
    }
    assert span["body"] == [
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "format": "text/plain",
            "value": "Checked the union's own statement.",
        },
        {"type": "TextualBody", "purpose": "tagging", "value": "verified"},
        {"type": "TextualBody", "purpose": "assessing", "value": "status: resolved"},
    ]
    assert span["motivation"] == "assessing"
    assert span["creator"] == {"type": "Person", "name": "ana"} and span["modified"] == "2026-11-21T10:06:00Z"
    assert out["annotations"][0]["target"] == {"source": "urn:parallax:claim:claim-strike"}
    assert out["annotations"][2]["parallax"]["orphaned"] is True


def test_audit_unique_and_contradictions_are_exported():
    out = json.loads(render_json(build_data()))
    assert out["audit"] == [
        {
            "id": 1,
            "at": "2026-11-21T10:00:00Z",
            "author": "ana",
            "action": "verdict.set",
            "target": "div-number",
            "detail": '{"verdict": "confirmed"}',
        }
    ]
    assert out["unique"] == [
        {"passage": "d0:p2", "source_key": "k-harbour", "start": 147, "end": 173, "text": "The port reopened at noon."}
    ]
    assert [v["text"] for v in out["contradictions"][0]["variants"]] == ["on Monday", "at noon"]


def test_hostile_text_is_kept_verbatim_as_data():
    out = json.loads(render_json(build_hostile_data()))
    assert out["sources"][0]["text"].endswith(HOSTILE)
    assert out["sources"][0]["url"] == "javascript:alert(4)"
    assert errors(out, load_schema()) == []


def test_a_source_without_a_web_address_is_named_by_the_hash_of_its_text():
    source = Source(key="s1", text="Ferry halted.", sha256="ab" * 32, kind="txt")
    note = Annotation("a1", "span", source_key="s1", selector=TextSelector("Ferry", "", " halted", 0, 5))
    assert to_w3c(note, source)["target"]["source"] == "urn:sha256:" + "ab" * 32
    assert to_w3c(note)["target"]["source"] == "urn:parallax:source:s1"


def test_a_script_address_is_never_used_as_the_annotation_target():
    source = Source(key="s1", text="Ferry halted.", sha256="cd" * 32, kind="html", url="javascript:alert(1)")
    note = Annotation("a1", "span", source_key="s1", selector=TextSelector("Ferry", "", " halted", 0, 5))
    assert to_w3c(note, source)["target"]["source"] == "urn:sha256:" + "cd" * 32


def test_a_re_anchored_annotation_reports_where_its_quote_is_now():
    note = Annotation("a1", "span", source_key="s1", selector=TextSelector("Ferry", "", " halted", 0, 5))
    assert to_w3c(note, position=(12, 17))["target"]["selector"][1] == {
        "type": "TextPositionSelector",
        "start": 12,
        "end": 17,
    }


def test_a_bare_claim_annotation_is_a_comment_carrying_only_its_status():
    item = to_w3c(Annotation("a3", "claim", claim_key="ck9", status="resolved"))
    assert item["target"] == {"source": "urn:parallax:claim:ck9"}
    assert item["motivation"] == "commenting"
    assert item["body"] == [{"type": "TextualBody", "purpose": "assessing", "value": "status: resolved"}]
    assert "creator" not in item and "created" not in item


def test_a_source_that_tells_the_fact_twice_has_one_member_entry_per_telling():
    from dataclasses import replace

    from fixtures.export.sample import build_alignment

    alignment = build_alignment()
    twice = replace(alignment.claims[0], members=("d0:p0", "d0:p2", "d1:p0"))
    data = build_data(replace(alignment, claims=(twice,) + alignment.claims[1:]))
    exported = json.loads(render_json(data))
    members = exported["claims"][0]["members"]
    text = alignment.documents[0].source.text
    assert [(m["source"], m["passages"]) for m in members] == [("d0", ["d0:p0"]), ("d0", ["d0:p2"]), ("d1", ["d1:p0"])]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in members if m["source"] == "d0")
    assert errors(exported, load_schema()) == []
