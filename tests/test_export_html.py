"""The self-contained HTML report."""

import re

from core.export.data import ExportOptions
from core.export.html import render_html
from fixtures.export.html_scan import Scan
from fixtures.export.sample import HOSTILE, build_data, build_hostile_data


def test_the_report_is_one_file_that_loads_and_runs_nothing():
    html = render_html(build_data(options=ExportOptions(include_full_texts=True)))
    scan = Scan(html)
    assert scan.dangers() == []
    assert "url(" not in html and "@import" not in html
    assert scan.tags.count("style") == 1
    assert ("meta", "http-equiv", "Content-Security-Policy") in scan.attributes


def test_header_names_the_case_the_time_the_version_and_the_triage_progress():
    text = " ".join(Scan(render_html(build_data())).text)
    assert "Parallax comparison: ferry-strike" in text
    assert (
        "Generated 2026-11-22T08:30:00Z by Parallax 0.1.0 · 2 sources · 2 claims (all claims) · 1 of 4 triaged" in text
    )


def test_sources_table_lists_hash_word_count_and_an_https_link():
    html = render_html(build_data())
    assert '<a href="https://harbour.example/strike" rel="noopener noreferrer">' in html
    row = re.search(r"<tr><td>d0</td>.*?</tr>", html).group(0)
    assert "8721aacffdd3a755c0f49b07f1bf5045bc9f8e1101095540657ee8adeb3d2dd1" in row
    assert row.endswith("<td>29</td></tr>")  # "1,200" is one word


def test_divergent_words_are_highlighted_by_type_in_their_own_column_only():
    html = render_html(build_data())
    assert '<span class="d-time" title="time">on Monday</span><sup class="n-time">2</sup>' in html
    assert '<span class="d-number" title="number">1,100</span><sup class="n-number">1</sup>' in html
    # Valley's "later this week" (offsets 23-38) must not paint Harbour's text at the same offsets.
    assert "The ferry strike ended <span" in html
    assert Scan(html).classes["d-time"] == 1 + 2 + 1 + 1  # legend, 2 variants, list row, contradiction


def test_each_claim_lists_its_divergences_by_rank_with_verdict_and_note():
    html = render_html(build_data())
    claim = re.search(r'<section class="claim" id="c0">.*?</section>', html).group(0)
    rows = re.findall(r"<tr><td><sup[^>]*>(\d)</sup></td><td>([\d.]+)</td>.*?</tr>", claim)
    assert rows == [("1", "0.95"), ("2", "0.90")]
    assert '<span class="verdict v-confirmed">Discrepancy confirmed</span></td><td>Union says 1,200.</td>' in claim
    assert '<span class="verdict v-none">Not triaged</span>' in claim


def test_annotations_become_numbered_notes_next_to_their_words():
    html = render_html(build_data())
    assert 'told Reuters</span></span><sup class="n-attribution">1</sup><sup class="note">[2]</sup>' in html
    assert "<li>[2] <b>verified</b> (resolved) on “told Reuters”: Checked the union&#x27;s own statement." in html
    other = re.search(r"<h2>Other notes</h2>.*?</section>", html).group(0)
    assert '[3] <b>error</b> (open) on “sank at dawn” <span class="orphan">(orphaned' in other


def test_unique_passages_and_contradictions_have_their_own_sections():
    html = render_html(build_data())
    assert "<tr><td>Harbour Courier</td><td>The port reopened at noon.</td></tr>" in html
    assert (
        "<td>&quot;on Monday&quot; vs &quot;at noon&quot; (Harbour Courier)</td><td>“on Monday”<br>“at noon”</td>"
        '<td><span class="verdict v-none">Not triaged</span></td>'
    ) in html


def test_full_texts_appear_only_when_asked_with_boilerplate_dimmed():
    assert "Full texts" not in render_html(build_data())
    html = render_html(build_data(options=ExportOptions(include_full_texts=True)))
    assert '<span class="bp" title="boilerplate">Also Read: Ten ferries to watch</span>' in html
    assert '<span class="d-number" title="number">1,200</span><sup class="n-number">1.1</sup>' in html


def test_print_stylesheet_keeps_colours_and_does_not_split_a_claim():
    html = render_html(build_data())
    media = html[html.index("@media print") :]
    assert "print-color-adjust:exact" in media and ".claim,tr" in media and "break-inside:avoid" in media


def test_hostile_article_text_and_metadata_stay_text():
    html = render_html(build_hostile_data())
    scan = Scan(html)
    assert scan.dangers() == []
    text = "".join(scan.text)
    assert HOSTILE in text
    assert '<b onmouseover="x()">Evil</b> | Co' in text
    assert "javascript:alert(4)" in text


def test_an_alignment_without_claims_still_gives_a_complete_report():
    from dataclasses import replace

    data = build_data()
    empty = replace(data, alignment=replace(data.alignment, claims=(), unique=(), contradictions=()))
    html = render_html(empty)
    assert "<p>No claim in scope.</p>" in html and "0 of 0 triaged" in html
    assert "Every passage is reported by at least two sources." in html
    assert html.rstrip().endswith("</html>")


def test_a_source_that_tells_the_fact_twice_shows_both_tellings_and_not_the_text_between():
    from dataclasses import replace

    from core.model import TELLING_GAP
    from fixtures.export.sample import build_alignment

    alignment = build_alignment()
    twice = replace(alignment.claims[0], members=("d0:p0", "d0:p2", "d1:p0"))
    page = render_html(build_data(replace(alignment, claims=(twice,) + alignment.claims[1:])))
    claim = page[page.index('id="c0"') : page.index('id="c1"')]
    assert "The port reopened at noon." in claim and TELLING_GAP in claim
    assert "told Reuters" not in claim  # the sentence between the two tellings is left out


def test_claims_are_named_as_the_window_names_them():
    html = render_html(build_data())
    assert "<h3>Claim 1 of 2 · alignment score" in html and "<h3>Claim 2 of 2 · alignment score" in html
    assert "Claim c0" not in html
