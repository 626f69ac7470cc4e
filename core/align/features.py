"""Describe a candidate pair of passages by the kinds of evidence that they report one fact."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from core.align.vectors import Vector, Weights, dot, normalized, one_phrase
from core.ingest.textnorm import PREFIX, Token, tokens

# The evidence kinds, in the order of the learned weights (core/align/linker.py).
FEATURES = (
    "cosine",        # TF-IDF cosine of the word keys (names damped)
    "best_ratio",    # cosine over the best cosine either passage has in the other's document
    "mutual_best",   # 1 when each passage is the other's best match in that document
    "names",         # cosine of the name terms alone (folded spellings)
    "figures",       # shared anchor figures (a number found once per document)
    "counts",        # shared numbers with what they count ("230 passengers")
    "bigrams",       # shared adjacent content-word pairs
    "quotes",        # shared words inside quotation marks
    "chars",         # overlap of character 4-grams (spellings, compounds, inflections)
    "position",      # 1 minus the gap between the relative positions in the two articles
    "lead",          # 1 when both passages open their articles (first two sentences)
    "short",         # 1 when either passage has fewer than MIN_TERMS content terms
    "phrase_only",   # 1 when all shared terms form one short phrase in both: a thing named twice
    "coverage",      # share of the shorter passage's terms found in the other
    "rare",          # shared terms found in no more passages than there are documents
)
MIN_TERMS = 4
NGRAM = 4
COUNT_REACH = 3     # a number counts the content word at most this many words after it
_QUOTED_RE = re.compile(r"[\"“”]([^\"“”\n]{2,400})[\"“”]|‘([^’\n]{2,400})’")


@dataclass(frozen=True)
class PassageFacts:
    """What each passage offers to pair evidence beyond its word vector."""
    counts: list[dict[str, str]]
    bigrams: list[frozenset[tuple[int, int]]]
    quoted: list[frozenset[str]]
    chars: list[frozenset[str]]
    names: list[Vector]
    position: list[float]
    lead: list[bool]


def _counts(every: Sequence[Token]) -> dict[str, str]:
    """Return {number key: key of the word it counts} for the numbers among tokens (230 -> passeng)."""
    found: dict[str, str] = {}
    for n, token in enumerate(every):
        if token.kind != "number":
            continue
        for follow in every[n + 1:n + 1 + COUNT_REACH]:
            if follow.kind == "word" and not follow.stop:
                found.setdefault(token.key, follow.key[:PREFIX])
                break
    return found


def _quoted(text: str, every: Sequence[Token]) -> frozenset[str]:
    """Return the content-word keys said inside quotation marks."""
    spans = [match.span() for match in _QUOTED_RE.finditer(text)]
    if not spans:
        return frozenset()
    return frozenset(t.key[:PREFIX] for t in every if not t.stop and t.kind == "word"
                     and any(start < t.start < end for start, end in spans))


def _grams(every: Sequence[Token]) -> frozenset[str]:
    """Return the character 4-grams of the content words, word edges marked."""
    grams: set[str] = set()
    for token in every:
        if not token.stop and token.kind == "word":
            word = f" {token.text.lower()} "
            grams.update(word[n:n + NGRAM] for n in range(max(1, len(word) - NGRAM + 1)))
    return frozenset(grams)


def passage_facts(passages: Sequence, found: Weights) -> PassageFacts:
    """Return the per-passage facts the pair features read."""
    every = [tokens(p.text) for p in passages]
    chars = [_grams(t) for t in every]
    names = [normalized({t: found.idf[t] for t in terms}) for terms in found.names]
    size: dict[str, int] = {}
    for p in passages:
        size[p.doc] = size.get(p.doc, 0) + 1
    position = [p.index / max(1, size[p.doc] - 1) for p in passages]
    bigrams = [frozenset(zip(order, order[1:])) for order in found.order]
    counts = [_counts(t) for t in every]
    return PassageFacts(counts, bigrams, [_quoted(p.text, t) for p, t in zip(passages, every)],
                        chars, names, position, [p.index < 2 for p in passages])


def _overlap(a: frozenset, b: frozenset) -> float:
    """Return the cosine of two sets seen as binary vectors."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def best_per_document(pairs: Sequence[tuple[float, int, int]], doc_of: Sequence[int]) -> dict:
    """Return {(passage, other document): best cosine} over the candidate pairs."""
    best: dict[tuple[int, int], float] = {}
    for score, i, j in pairs:
        for a, b in ((i, j), (j, i)):
            slot = (a, doc_of[b])
            if score > best.get(slot, 0.0):
                best[slot] = score
    return best


def pair_features(cosine: float, i: int, j: int, found: Weights, facts: PassageFacts,
                  best: dict, doc_of: Sequence[int]) -> list[float]:
    """Return the feature values of one candidate pair, in FEATURES order."""
    ratio = min(cosine / (best.get((i, doc_of[j])) or cosine or 1.0),
                cosine / (best.get((j, doc_of[i])) or cosine or 1.0))
    left, right = facts.counts[i], facts.counts[j]
    same = [n for n in left.keys() & right.keys() if left[n] == right[n]]
    shared_bigrams = len(facts.bigrams[i] & facts.bigrams[j])
    return [
        cosine,
        ratio,
        1.0 if ratio >= 0.999 else 0.0,
        dot(facts.names[i], facts.names[j]),
        min(2, len(found.figures[i] & found.figures[j])),
        min(2, len(same)),
        math.log1p(shared_bigrams),
        math.log1p(len(facts.quoted[i] & facts.quoted[j])),
        _overlap(facts.chars[i], facts.chars[j]),
        1.0 - abs(facts.position[i] - facts.position[j]),
        1.0 if facts.lead[i] and facts.lead[j] else 0.0,
        1.0 if min(len(found.unit[i]), len(found.unit[j])) < MIN_TERMS else 0.0,
        1.0 if one_phrase(found.order[i], found.order[j]) else 0.0,
        len(found.unit[i].keys() & found.unit[j].keys()) / max(1, min(len(found.unit[i]), len(found.unit[j]))),
        math.log1p(len(found.rare[i] & found.rare[j])),
    ]


def probability(values: Sequence[float], model: dict) -> float:
    """Return the logistic model's probability that a pair reports one fact."""
    z = model["bias"] + sum(w * x for w, x in zip(model["weights"], values))
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
