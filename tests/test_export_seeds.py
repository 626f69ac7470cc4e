"""Every format exported from the seed articles through the real engine."""

import csv
import io
import json

import pytest

from fixtures.export.html_scan import Scan
from fixtures.export.schema_check import errors, load_schema


@pytest.fixture
def seed_data(seeds_dir):
    from core.analysis import analyze
    from core.export.data import ExportOptions, collect
    from core.ingest.sources import load_path

    sources = [load_path(p) for p in sorted(seeds_dir.glob("*.txt"))]
    assert len(sources) >= 2, "../shared/seeds holds fewer than two articles"
    return collect(None, analyze(sources), ExportOptions(include_full_texts=True))


def test_seed_html_is_safe_and_shows_every_claim(seed_data):
    from core.export.html import render_html

    scan = Scan(render_html(seed_data))
    assert scan.dangers() == []
    assert scan.classes.get("claim", 0) == len(seed_data.alignment.claims)
    assert scan.classes.get("fulltext", 0) == len(seed_data.alignment.documents)


def test_seed_json_validates_and_counts_match(seed_data):
    from core.export.json_out import render_json

    out = json.loads(render_json(seed_data))
    assert errors(out, load_schema()) == []
    assert len(out["sources"]) == len(seed_data.alignment.documents)
    assert len(out["divergences"]) == sum(len(c.divergences) for c in seed_data.alignment.claims)
    assert len(out["facts"]) == len(seed_data.alignment.facts)
    assert len(out["unique"]) == len(seed_data.alignment.unique)
    for d in out["divergences"]:
        for v in d["variants"]:
            source = next(s for s in out["sources"] if s["key"] == v["source_key"])
            assert source["text"][v["start"] : v["end"]] == v["text"]


def test_seed_csv_has_one_row_per_divergence_or_contradiction_variant_and_per_fact_cell(seed_data):
    from core.export.csv_out import COLUMNS, render_csv

    rows = list(csv.reader(io.StringIO(render_csv(seed_data), newline="")))
    assert rows[0] == list(COLUMNS)
    from core.export import view

    claim_divergences = [d for c in seed_data.alignment.claims for d in c.divergences]
    assert sum(r[0] == "divergence" for r in rows) == sum(len(d.variants) for d in claim_divergences)
    inside_sources = sum(len(d.variants) for d in view.contradiction_items(seed_data))
    assert sum(r[0] == "contradiction" for r in rows) == inside_sources
    assert sum(r[0] == "fact" for r in rows) == sum(len(f.cells) for f in seed_data.alignment.facts)
    assert len(rows) - 1 == sum(
        r[0] in ("divergence", "contradiction", "fact", "set_aside", "annotation") for r in rows[1:]
    )


def test_seed_markdown_has_a_section_per_claim(seed_data):
    from core.export.markdown import render_markdown

    md = render_markdown(seed_data)
    assert md.count("\n### Claim ") == len(seed_data.alignment.claims)


def test_seed_pdf_prints(qapp, seed_data, tmp_path):
    pytest.importorskip("PySide6")
    from core.export.html import render_html
    from gui.dialogs.pdf_writer import write_pdf

    out = tmp_path / "seeds.pdf"
    write_pdf(render_html(seed_data), out)
    assert out.read_bytes().startswith(b"%PDF-")
