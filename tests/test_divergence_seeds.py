"""On the seed articles (read from ../shared at run time): once a claim holds the passages that
report one fact, the divergence a checker raises about it is found, across sources."""

import re

import pytest

from core.analysis import analyze
from core.compare.divergence import find_divergences
from core.model import Claim


@pytest.fixture
def seed_documents(seeds_dir):
    from core.ingest.sources import load_path

    return analyze([load_path(str(p)) for p in sorted(seeds_dir.glob("*.txt"))]).documents


def claim_of(documents, pattern):
    """Return a claim over every passage matching a pattern of keywords."""
    members = tuple(p.id for d in documents for p in d.passages if re.search(pattern, p.text))
    return Claim("c0", "k", 0.6, members, (), members[0])


def found(documents, pattern, kind):
    claim = claim_of(documents, pattern)
    return [d for d in find_divergences(claim, documents) if d.type == kind], claim


def test_the_dinner_timing_is_one_time_divergence_over_three_sources(seed_documents):
    (divergence,), claim = found(seed_documents, r"\bdinner\b", "time")
    assert len({v.passage.split(":")[0] for v in divergence.variants}) == 3
    assert len({v.text.lower() for v in divergence.variants}) == 3


def test_congress_against_senate_approval_is_an_institution_divergence_across_sources(seed_documents):
    (divergence,), _ = found(
        seed_documents,
        r"(?:approv|endors)\w*.{0,40}\b(?:Congress|Senate)\b|"
        r"\b(?:Congress|Senate)\b.{0,40}(?:approv|endors)",
        "institution",
    )
    assert {v.text for v in divergence.variants} == {"Congress", "Senate"}
    assert len({v.passage.split(":")[0] for v in divergence.variants}) >= 2


def test_told_one_outlet_against_told_another_is_an_attribution_divergence(seed_documents):
    (divergence,), _ = found(seed_documents, r"\btold (?:Reuters|CNN)\b", "attribution")
    assert {v.text for v in divergence.variants} == {"told CNN", "told Reuters"}


def test_the_day_of_the_berlin_meetings_is_a_time_divergence(seed_documents):
    divergences, _ = found(seed_documents, r"^On Sunday\b|\bBerlin\b.{0,120}\bon Monday\b", "time")
    assert any({v.text.lower() for v in d.variants} >= {"on sunday", "on monday"} for d in divergences)
