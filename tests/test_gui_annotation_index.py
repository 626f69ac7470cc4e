"""AnnotationIndex: the annotations of a claim without walking every annotation on each move."""

import pytest

pytest.importorskip("PySide6")

from core.case.anchoring import make_selector  # noqa: E402
from core.case.records import Annotation, TextSelector  # noqa: E402
from gui.state.annotation_index import AnnotationIndex, scan_claim_annotations  # noqa: E402
from gui_fakes import FakeWorkspace, make_annotations  # noqa: E402


def _many_annotations(ws) -> list:
    """Return spans at every passage start, middle and edge, plus claim, divergence and stale ones."""
    made = list(make_annotations())
    for doc in ws.alignment.documents:
        text = doc.source.text
        for p in doc.passages:
            for start, end in ((p.start, p.start + 3), (p.start + 4, p.end), (p.end - 2, min(len(text), p.end + 3))):
                made.append(
                    Annotation(
                        f"s{len(made)}",
                        "span",
                        source_key=doc.source.key,
                        selector=make_selector(text, start, end),
                        label="span",
                    )
                )
            # a quote that no longer matches the text at its position: not shown on the claim
            made.append(
                Annotation(
                    f"x{len(made)}",
                    "span",
                    source_key=doc.source.key,
                    selector=TextSelector("zzz", "", "", p.start, p.start + 3),
                )
            )
    for claim in ws.alignment.claims:
        made.append(Annotation(f"c{len(made)}", "claim", claim_key=claim.key))
        for div in claim.divergences:
            made.append(Annotation(f"d{len(made)}", "divergence", divergence_key=div.key))
    return made


def test_the_index_returns_the_same_annotations_as_the_full_scan_for_every_claim():
    ws = FakeWorkspace()
    ws.annotations = _many_annotations(ws)
    index = AnnotationIndex(ws)
    for claim in ws.alignment.claims:
        expected = scan_claim_annotations(ws, claim)
        assert expected, claim.id
        assert [a.id for a in index.for_claim(claim)] == [a.id for a in expected]


def test_the_index_is_built_once_per_change_and_follows_each_change():
    ws = FakeWorkspace()
    ws.annotations = _many_annotations(ws)
    index = AnnotationIndex(ws)
    claim = ws.alignment.claims[0]
    for _ in range(5):
        index.for_claim(claim)
    assert index.builds == 1
    ws.add_annotation(Annotation("new", "claim", claim_key=claim.key, label="late"))
    assert "new" in [a.id for a in index.for_claim(claim)]
    assert index.builds == 2
    ws.delete_annotation("new")
    assert [a.id for a in index.for_claim(claim)] == [a.id for a in scan_claim_annotations(ws, claim)]
    assert index.builds == 3
