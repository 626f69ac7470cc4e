"""What the window and the exports say about a claim, worded so that it is true of what was found."""

from __future__ import annotations

from core.compare.summary import NO_DIVERGENCE, majority_summary  # noqa: F401 (NO_DIVERGENCE: the one wording)
from core.model import Alignment, Claim

NOT_FOUND_IN_SOURCE = "no matching passage found in this source"


def claim_summary(claim: Claim, alignment: Alignment) -> str:
    """Return who says what, or "No divergence found among N sources (link score 0.71)"."""
    return majority_summary(claim, alignment)


# The claims last numbered and claim id -> its place, replaced as one tuple and read into locals
# once: a reader on another thread (an export) never pairs one alignment's claims with another's
# numbers.
_numbered: tuple[tuple[Claim, ...] | None, dict[str, int]] = (None, {})


def claim_number(claim: Claim, alignment: Alignment) -> int:
    """Return a claim's place in the alignment, counting from 1 (what a reader calls it)."""
    global _numbered
    # Asked on every key press in the window: the claims are numbered once per alignment.
    claims, numbers = _numbered
    if claims is not alignment.claims:
        numbers = {}
        for i, c in enumerate(alignment.claims):
            numbers.setdefault(c.id, i)
        _numbered = (alignment.claims, numbers)
    return numbers.get(claim.id, 0) + 1


def claim_heading(claim: Claim, alignment: Alignment) -> str:
    """Return how the window names a claim everywhere: "Claim 23 of 27"."""
    return f"Claim {claim_number(claim, alignment)} of {len(alignment.claims)}"
