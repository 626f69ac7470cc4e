"""One count everywhere: the window's queue, the status line and every export count the same items."""

import csv
import io
import json

from core.case import triage
from core.export.csv_out import render_csv
from core.export.data import collect
from core.export.html import render_html
from core.export.json_out import render_json
from core.export.markdown import render_markdown
from core.ingest.textnorm import word_count
from core.export.view import counts
from fixtures.export.sample import build_data


def test_the_window_line_and_every_export_state_the_same_count():
    data = build_data()
    data = collect(None, data.alignment, data.options, verdicts=data.verdicts, annotations=data.annotations)
    window = triage.progress_line(data.alignment, data.verdicts, len(data.set_aside))
    found = json.loads(render_json(data))["counts"]
    assert (found["triaged"], found["items"]) == triage.progress(data.alignment, data.verdicts)
    assert found == counts(data)
    assert window in render_html(data) and window.replace(".", "\\.") in render_markdown(data)
    rows = list(csv.DictReader(io.StringIO(render_csv(data), newline="")))
    csv_items = {r["divergence_key"] for r in rows if r["row_type"] in ("divergence", "contradiction")}
    assert len(csv_items) == found["items"]


def test_the_word_count_is_one_function_for_window_and_exports():
    data = build_data()
    payload = json.loads(render_json(data))
    for source, doc in zip(payload["sources"], data.alignment.documents):
        assert source["words"] == word_count(doc.source.text)
    assert word_count("1,200 workers, a well-known union's vote.") == 6
