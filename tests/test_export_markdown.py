"""The Markdown export for a CMS or a ticket."""

import re

from core.export.data import ExportOptions
from core.export.markdown import render_markdown
from fixtures.export.sample import build_data, build_hostile_data


def test_markdown_has_the_heading_sources_table_and_claims():
    md = render_markdown(build_data())
    lines = md.splitlines()
    assert lines[0] == "# Parallax comparison: ferry-strike"
    assert "## Sources" in lines and "## Claims" in lines and "## Unique passages" in lines
    assert (
        "| d0 | Harbour Courier | Strike story from Harbour Courier | 2026-11-20 | "
        "<https://harbour.example/strike> | "
        "`8721aacffdd3a755c0f49b07f1bf5045bc9f8e1101095540657ee8adeb3d2dd1` | 29 |"
    ) in lines


def test_each_claim_quotes_its_variants_and_tabulates_its_divergences():
    md = render_markdown(build_data())
    claim = md[md.index("### Claim 1 of 2") : md.index("### Claim 2 of 2")]
    assert "> The ferry strike ended on Monday after 1,200 workers accepted the offer." in claim
    assert "> The ferry strike ended later this week after 1,100 workers accepted the offer." in claim
    rows = [line for line in claim.splitlines() if re.match(r"\| \d \|", line)]
    assert rows == [
        "| 1 | 0.95 | number | 1,200 vs 1,100 workers | Harbour Courier: “1,200”; Valley Ledger: “1,100” "
        "| Discrepancy confirmed | Union says 1,200. |",
        "| 2 | 0.90 | time | on Monday vs later this week | Harbour Courier: “on Monday”; "
        "Valley Ledger: “later this week” | not triaged |   |",
    ]
    assert "- 1\\. **disputed** \\(open\\): Two counts in circulation. _ben, 2026-11-21T09:00:00Z_" in claim


def test_orphaned_notes_are_flagged_under_other_notes():
    md = render_markdown(build_data())
    assert (
        md.split("## Other notes")[1]
        .strip()
        .startswith("- 3\\. **error** \\(open\\) on “sank at dawn” **orphaned: its text was not found**")
    )


def test_full_texts_are_quoted_paragraph_by_paragraph_when_asked():
    md = render_markdown(build_data(options=ExportOptions(include_full_texts=True)))
    assert "> Harbour Courier\n>" in md and "> The port reopened at noon.\n>" not in md
    assert "> The ferry strike ended on Monday after 1,200 workers accepted the offer. Union leader" in md


def test_hostile_text_never_becomes_markup_links_or_html():
    md = render_markdown(build_hostile_data())
    for markup in ("<script>", "<img", "](javascript", "<b ", "</b>"):
        assert re.search(r"(?<!\\)" + re.escape(markup), md) is None, markup
    assert r"\<script\>alert(1)\</script\>" in md
    assert r"\[click\](javascript:alert(3)) \| table \|" in md
    # The only unescaped "<" left open autolinks made from plain https source URLs.
    assert re.findall(r"(?<!\\)<(?!https?://)", md) == []
    # Every table row keeps its column count: no article "|" split a cell.
    for line in md.splitlines():
        if line.startswith("| d0 |"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 8
