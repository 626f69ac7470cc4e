"""One-line majority summaries of a claim: "2 of 3 say “Monday”; Beta says “Tuesday”"."""

from __future__ import annotations

import re

from core.model import Alignment, Claim, Divergence

_PUNCT = re.compile(r"[^\w%$€£]+", re.UNICODE)
NO_DIVERGENCE = "No divergence found"


def _fold(text: str) -> str:
    """Return the variant text reduced to what decides whether two sources say the same."""
    return _PUNCT.sub(" ", text.casefold()).strip()


def _names(labels: list[str]) -> str:
    if len(labels) <= 2:
        return " and ".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def top_divergence(claim: Claim) -> Divergence | None:
    """Return the claim's highest-ranked divergence (ties broken by key), or None."""
    if not claim.divergences:
        return None
    return min(claim.divergences, key=lambda d: (-d.rank, d.key))


def majority_summary(claim: Claim, alignment: Alignment, divergence: Divergence | None = None) -> str:
    """Return who says what for the claim's top divergence (or the one given), majority first."""
    docs = sorted({m.split(":")[0] for m in claim.members}, key=lambda d: int(d[1:]))
    labels = {d: alignment.documents[int(d[1:])].source.label for d in docs}
    n = len(docs)
    div = divergence or top_divergence(claim)
    if div is None:
        # "agree" would claim more than the engine knows: the link itself may be wrong, so say its score.
        return f"{NO_DIVERGENCE} among {n} sources (link score {claim.score:.2f})."
    # One wording per document: the first variant of that document in the divergence.
    wording: dict[str, str] = {}
    for v in div.variants:
        wording.setdefault(v.passage.split(":")[0], v.text)
    groups: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for d in docs:
        if d not in wording:
            continue
        folded = _fold(wording[d])
        groups.setdefault(folded, []).append(d)
        shown.setdefault(folded, wording[d].strip())
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), int(kv[1][0][1:])))
    parts = []
    top_size = len(ordered[0][1]) if ordered else 0
    clear_majority = top_size > 1 and (len(ordered) == 1 or len(ordered[1][1]) < top_size)
    for i, (folded, members) in enumerate(ordered):
        quote = f"“{shown[folded]}”"
        if i == 0 and clear_majority:
            parts.append(f"{len(members)} of {n} say {quote}")
        else:
            verb = "says" if len(members) == 1 else "say"
            parts.append(f"{_names([labels[d] for d in members])} {verb} {quote}")
    # A source with no variant may state the value all the same (its figure was not paired with
    # these): "does not say" would tell the checker something the engine does not know.
    apart = [labels[d] for d in docs if d not in wording]
    if apart:
        parts.append(f"{_names(apart)} not compared")
    return "; ".join(parts) + "."
