"""The `facts` key of the align --json contract: rows and cells exactly as PRODUCT.md shows them."""

import hashlib

from core.analysis import analyze
from core.export.contract import alignment_to_json
from core.model import DIVERGENCE_TYPES, Source

TEXTS = (
    "Former Mayor Ilse Varga said at least 40 homes were flooded on Monday.",
    "Mayor Ilse Varga said more than 40 homes were flooded.",
    "The river flooded 31 homes, the fire service said.",
)


def _sources():
    return [
        Source(key=f"k{n}", text=t, sha256=hashlib.sha256(t.encode()).hexdigest(), kind="txt", path=f"s{n}.txt")
        for n, t in enumerate(TEXTS)
    ]


def test_every_fact_row_has_the_contract_keys_and_cells_quote_the_document_text():
    data = alignment_to_json(analyze(_sources()))
    assert [r["id"] for r in data["facts"]] == [f"f{n}" for n in range(len(data["facts"]))]
    texts = {d["id"]: TEXTS[n] for n, d in enumerate(data["documents"])}
    for row in data["facts"]:
        assert {"id", "kind", "label", "type", "rank", "divergent", "cells"} <= set(row)
        assert row["type"] in DIVERGENCE_TYPES and 0 <= row["rank"] <= 1 and isinstance(row["divergent"], bool)
        for cell in row["cells"]:
            assert set(cell) == {"document", "start", "end", "text", "value"}
            assert texts[cell["document"]][cell["start"] : cell["end"]] == cell["text"]


def test_the_divergent_rows_come_first_with_their_values():
    facts = alignment_to_json(analyze(_sources()))["facts"]
    divergent = [
        (r["label"], [(c["document"], c["text"], c["value"]) for c in r["cells"]]) for r in facts if r["divergent"]
    ]
    assert divergent == [
        ("Ilse Varga: title", [("d0", "Former Mayor", "former mayor"), ("d1", "Mayor", "mayor")]),
        (
            "homes",
            [
                ("d0", "at least 40 homes", "at least 40"),
                ("d1", "more than 40 homes", "more than 40"),
                ("d2", "31 homes", "31"),
            ],
        ),
    ]
    assert all(r["divergent"] for r in facts[: len(divergent)])
