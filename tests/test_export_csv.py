"""The CSV of divergences and annotations."""

import csv
import io

from core.export import view
from core.export.csv_out import COLUMNS, render_csv
from fixtures.export.sample import build_data, build_hostile_data


def read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_is_the_documented_column_list():
    assert next(csv.reader(io.StringIO(render_csv(build_data())))) == list(COLUMNS)


def test_one_row_per_divergence_variant_then_per_contradiction_statement_then_per_annotation():
    rows = read(render_csv(build_data()))
    contradiction = view.contradiction_items(build_data())[0].key
    assert [(r["row_type"], r["divergence_key"] or r["annotation_id"], r["variant_index"]) for r in rows] == [
        ("divergence", "div-number", "1"),
        ("divergence", "div-number", "2"),
        ("divergence", "div-time", "1"),
        ("divergence", "div-time", "2"),
        ("divergence", "div-attr", "1"),
        ("divergence", "div-attr", "2"),
        ("contradiction", contradiction, "1"),
        ("contradiction", contradiction, "2"),
        ("annotation", "a2", ""),
        ("annotation", "a1", ""),
        ("annotation", "a3", ""),
    ]


def test_divergence_rows_carry_offsets_verdict_and_note():
    first = read(render_csv(build_data()))[0]
    assert {
        k: first[k]
        for k in (
            "claim_id",
            "type",
            "rank",
            "source_outlet",
            "variant_text",
            "start",
            "end",
            "verdict",
            "verdict_note",
            "author",
        )
    } == {
        "claim_id": "c0",
        "type": "number",
        "rank": "0.9500",
        "source_outlet": "Harbour Courier",
        "variant_text": "1,200",
        "start": "56",
        "end": "61",
        "verdict": "confirmed",
        "verdict_note": "Union says 1,200.",
        "author": "ana",
    }


def test_annotation_rows_carry_label_status_quote_and_orphan_flag():
    rows = read(render_csv(build_data()))[8:]
    assert [
        (
            r["annotation_label"],
            r["annotation_status"],
            r["variant_text"],
            r["start"],
            r["end"],
            r["annotation_orphaned"],
            r["claim_id"],
        )
        for r in rows
    ] == [
        ("disputed", "open", "", "", "", "no", "c0"),
        ("verified", "resolved", "told Reuters", "114", "126", "no", "c1"),
        ("error", "open", "sank at dawn", "", "", "yes", ""),
    ]


def test_rows_end_with_crlf_as_rfc_4180_asks():
    assert render_csv(build_data()).count("\r\n") == 12


def test_no_cell_of_a_hostile_export_starts_like_a_formula():
    rows = list(csv.reader(io.StringIO(render_csv(build_hostile_data()), newline="")))
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    assert '\'=HYPERLINK("http://e.vil")' in cells
    assert any(c.startswith("'@SUM(A1) vs -2 <script>") for c in cells)
