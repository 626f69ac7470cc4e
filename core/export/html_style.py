"""The report's look: the inline CSS, with each divergence type drawn as core.export.type_styles says."""

from __future__ import annotations

from core.export.type_styles import TYPE_STYLES, type_hex

VERDICT_STYLES = {
    "confirmed": ("#B00020", "Discrepancy confirmed"),
    "not_significant": ("#4D4D4D", "Not significant"),
    "follow_up": ("#8A5A00", "Needs follow-up"),
    "source_error": ("#5B2A86", "Error in a source"),
}


def tint(colour: str, amount: float = 0.82) -> str:
    """Return the colour mixed with white (a light background that keeps text readable)."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _type_rules() -> str:
    rules = []
    for name, style in TYPE_STYLES.items():
        colour = type_hex(name)
        rules.append(
            f".d-{name}{{background-color:{tint(colour)};text-decoration:underline;"
            f"text-decoration-color:{colour};text-decoration-style:{style.line};"
            f"text-decoration-thickness:2px;text-underline-offset:3px}}"
            f" sup.n-{name}{{color:{colour};border-color:{colour}}}"
        )
    for name, (colour, _) in VERDICT_STYLES.items():
        rules.append(f".v-{name}{{color:{colour};border-color:{colour}}}")
    return "\n".join(rules)


BASE_CSS = """
body{font-family:Georgia,'DejaVu Serif',serif;color:#1a1a1a;background:#fff;margin:2em auto;
max-width:1300px;padding:0 1.5em;line-height:1.45}
h1,h2,h3,th,.meta,.verdict,sup,table.list{font-family:'Helvetica Neue',Arial,'DejaVu Sans',sans-serif}
h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:2px solid #333;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.05em;margin:0 0 .5em}
.meta{color:#444;font-size:.9em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
th,td{border:1px solid #bbb;padding:.35em .5em;vertical-align:top;text-align:left}
th{background-color:#eee;font-size:.85em}
table.list td{font-size:.88em}
td.hash{font-family:'DejaVu Sans Mono',monospace;font-size:.75em;word-break:break-all}
td.absent{color:#777;font-style:italic}
.claim{border:1px solid #999;padding:.8em 1em;margin:1.2em 0;border-radius:4px}
.claim table.variants{table-layout:fixed} .claim table.variants td{font-size:.95em}
sup{font-size:.7em;font-weight:bold;border:1px solid #444;border-radius:3px;padding:0 2px;margin-left:1px}
sup.note{border:none;color:#333}
.noted{border-bottom:2px dotted #333}
.bp{color:#888}
.verdict{display:inline-block;white-space:nowrap;font-size:.8em;font-weight:bold;border:1px solid;border-radius:3px;padding:0 4px}
.v-none{color:#666;border-color:#aaa}
ul.notes{font-size:.9em;list-style-type:none;padding-left:0} ul.notes li{margin:.2em 0}
.orphan{color:#8a0000;font-weight:bold}
.fulltext{border:1px solid #bbb;padding:.8em 1em;margin:1em 0}
.fulltext p{margin:.4em 0}
footer{margin-top:3em;font-size:.8em;color:#555}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;max-width:none;font-size:10pt}
.claim,tr,.fulltext p{break-inside:avoid;page-break-inside:avoid}
h2,h3{break-after:avoid;page-break-after:avoid}
a{color:#1a1a1a}
}
"""


def stylesheet() -> str:
    """Return the whole inline stylesheet of the report."""
    return BASE_CSS + _type_rules() + "\n"
