"""The variants of a claim as the claim view and the inspector list them."""

from dataclasses import replace

import pytest

pytest.importorskip("PySide6")

from core.model import TELLING_GAP  # noqa: E402
from gui.panels.variant_diff import member_runs  # noqa: E402
from gui_fakes import make_alignment  # noqa: E402


def test_each_source_gives_one_variant_starting_at_its_first_passage():
    al = make_alignment()
    assert member_runs(al, al.claims[0]) == [
        ("d0", "d0:p0", "The mayor opened the bridge on Monday."),
        ("d1", "d1:p1", "The mayor opened the bridge on Tuesday."),
        ("d2", "d2:p0", "The mayor opened the bridge on Monday."),
    ]


def test_a_source_that_tells_the_fact_twice_gives_one_variant_with_both_tellings():
    al = make_alignment()
    twice = replace(al.claims[0], members=("d0:p0", "d0:p2", "d1:p1"))
    assert member_runs(al, twice)[0] == (
        "d0",
        "d0:p0",
        "The mayor opened the bridge on Monday." + TELLING_GAP + "Crowds cheered at the river.",
    )
