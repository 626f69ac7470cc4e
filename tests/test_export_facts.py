"""Every export carries the fact sheet with the checker's verdicts and notes on divergent rows."""

import csv
import hashlib
import io
import json

from core.analysis import analyze
from core.case.records import VerdictRecord
from core.export.csv_out import render_csv
from core.export.data import ExportData, ExportOptions
from core.export.html import render_html
from core.export.json_out import render_json
from core.export import view
from core.export.markdown import render_markdown
from core.export.report import alignment_to_text
from core.model import Source

TEXTS = {
    "Alpha": "Former Mayor Ilse Varga opened the Tarnow bridge <b>today</b>.",
    "Beta": "Mayor Ilse Varga said the new ferry timetable for the northern islands would be published in March.",
    "Gamma": "Crowds cheered at the river.",
}


def _data(scope="all"):
    sources = [
        Source(key=o.lower(), text=t, sha256=hashlib.sha256(t.encode()).hexdigest(), kind="txt", outlet=o)
        for o, t in TEXTS.items()
    ]
    alignment = analyze(sources)
    row = next(r for r in alignment.facts if r.divergent)
    verdict = VerdictRecord(row.key, "source_error", "Alpha confuses her with her predecessor", "alpha", "ana", "t")
    return ExportData(alignment, {row.key: verdict}, options=ExportOptions(scope=scope)), row


def test_the_html_fact_sheet_shows_each_sources_words_not_stated_and_the_verdict_with_its_note():
    data, row = _data()
    html = render_html(data)
    section = html[html.index('<section id="facts">') :]
    section = section[: section.index("</section>")]
    assert "Ilse Varga: title" in section and "“Former Mayor”" in section and "“Mayor”" in section
    assert "not stated" in section  # Gamma is silent: not a disagreement
    assert "Error in a source: Alpha" in section and "Alpha confuses her with her predecessor" in section


def test_the_markdown_fact_sheet_has_a_column_per_source_and_the_verdict():
    data, row = _data()
    md = render_markdown(data)
    table = md[md.index("## Fact sheet") :]
    assert "| # | Fact | Type | Rank | Alpha | Beta | Gamma | Verdict | Note |" in table
    line = next(x for x in table.splitlines() if "Ilse Varga: title" in x)
    assert "“Former Mayor”" in line and "_not stated_" in line and "Error in a source: Alpha" in line


def test_the_csv_has_one_fact_line_per_cell_with_offsets_verdict_and_note():
    data, row = _data()
    rows = [r for r in csv.DictReader(io.StringIO(render_csv(data))) if r["divergence_key"] == row.key]
    assert [(r["row_type"], r["source_key"], r["variant_text"], r["start"], r["end"]) for r in rows] == [
        ("fact", c.source, c.text, str(c.start), str(c.end)) for c in row.cells
    ]
    assert {(r["verdict"], r["verdict_note"], r["verdict_source"]) for r in rows} == {
        ("source_error", "Alpha confuses her with her predecessor", "Alpha")
    }


def test_the_json_export_lists_the_rows_and_the_divergent_scope_keeps_only_divergent_ones():
    data, row = _data("divergent")
    facts = json.loads(render_json(data))["facts"]
    assert [f["key"] for f in facts] == [row.key]
    assert facts[0]["verdict"]["note"] == "Alpha confuses her with her predecessor"


def test_the_readable_report_prints_the_sheet_with_not_stated_for_a_silent_source():
    data, _row = _data()
    report = alignment_to_text(data.alignment)
    sheet = report[report.index("FACT SHEET") :]
    assert "DIVERGENT title        Ilse Varga: title" in sheet
    assert "Gamma: not stated" in sheet


def test_a_divergent_fact_row_is_one_queue_item_in_the_count_line_of_every_export():
    data, row = _data()
    found = view.counts(data)
    facts = [r for r in data.alignment.facts if r.divergent]
    assert found["facts"] == len(facts) and found["items"] == found["divergences"] + found["contradictions"] + len(
        facts
    )
    assert found["triaged"] == 1  # the verdict on the fact row counts like any other
    assert json.loads(render_json(data))["counts"] == found
    assert view.progress_line(data) in render_html(data)


def test_a_fact_verdict_set_aside_without_its_source_is_exported_and_the_json_stays_valid():
    from core.case.queue_items import queue_items
    from core.case.reattach import describe
    from core.export.data import collect
    from fixtures.export.schema_check import errors, load_schema

    data, row = _data()
    item = next(d for d in queue_items(data.alignment) if d.key == row.key)
    record = describe(data.verdicts[row.key], data.alignment, item)  # as the window stores it
    without_beta = analyze([d.source for d in data.alignment.documents if d.source.outlet != "Beta"])
    out = collect(None, without_beta, verdicts={row.key: record})
    assert [(s.record.divergence_key, s.record.kind) for s in out.set_aside] == [(row.key, "fact")]
    payload = json.loads(render_json(out))
    assert [(e["key"], e["kind"]) for e in payload["set_aside"]] == [(row.key, "fact")]
    assert errors(payload, load_schema()) == []


def test_a_fact_row_that_repeats_a_claims_divergence_shows_the_verdict_judged_on_the_divergence():
    texts = dict(TEXTS, Beta="Mayor Ilse Varga opened the Tarnow bridge.")
    sources = [
        Source(key=o.lower(), text=t, sha256=hashlib.sha256(t.encode()).hexdigest(), kind="txt", outlet=o)
        for o, t in texts.items()
    ]
    alignment = analyze(sources)
    twin = next(d for c in alignment.claims for d in c.divergences if d.type == "title")
    verdict = VerdictRecord(twin.key, "source_error", "Alpha confuses her with her predecessor", "alpha", "ana", "t")
    data = ExportData(alignment, {twin.key: verdict})
    md = render_markdown(data)
    line = next(x for x in md[md.index("## Fact sheet") :].splitlines() if "Ilse Varga: title" in x)
    assert "Error in a source: Alpha" in line  # judged once, shown in the claim and in the sheet
    assert view.counts(data)["facts"] == 0 and view.counts(data)["triaged"] == 1


def test_the_readable_report_lists_a_finding_once_when_a_fact_row_repeats_a_claims_divergence():
    texts = dict(TEXTS, Beta="Mayor Ilse Varga opened the Tarnow bridge.")
    sources = [
        Source(key=o.lower(), text=t, sha256=hashlib.sha256(t.encode()).hexdigest(), kind="txt", outlet=o)
        for o, t in texts.items()
    ]
    report = alignment_to_text(analyze(sources))
    listed = report[report.index("DIVERGENCES") : report.index("FACT SHEET")]
    ranked = [line for line in listed.splitlines() if line[2:3].isdigit()]
    assert len(ranked) == 1 and " c0 " in ranked[0]  # the claim's divergence, not the row again
    assert "DIVERGENT title        Ilse Varga: title" in report[report.index("FACT SHEET") :]  # the sheet keeps it
