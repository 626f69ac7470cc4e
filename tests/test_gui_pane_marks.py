"""What a source pane marks: each divergence's words once, even when two claims carry it."""

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from gui.panes.pane_marks import divergence_variants, mark_descriptions  # noqa: E402
from gui_fakes import make_alignment  # noqa: E402


def _with_shared_claim():
    al = make_alignment()
    first = al.claims[0]
    # a second claim that shares two passages with the first, and so carries its divergence too
    twin = replace(first, id="c3", key="key-c3", members=first.members[:2])
    return replace(al, claims=al.claims + (twin,))


def test_a_divergence_carried_by_two_claims_is_marked_once_per_variant():
    al = _with_shared_claim()
    doc = al.documents[0]
    marked = [(d.key, v.start, v.end) for d, v in divergence_variants(al, doc)]
    assert len(marked) == len(set(marked))
    assert [key for key, _s, _e in marked].count("k-time") == 1


def test_the_tooltip_describes_a_shared_divergence_once():
    al = _with_shared_claim()
    doc = al.documents[0]
    (_div, variant), *_ = [(d, v) for d, v in divergence_variants(al, doc) if d.key == "k-time"]
    lines = mark_descriptions(al, doc, variant.start)
    assert sum("Monday vs Tuesday" in line for line in lines) == 1
