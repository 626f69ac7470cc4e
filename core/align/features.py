"""Describe a candidate pair of passages by the kinds of evidence that they report one fact."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from core.align.vectors import Vector, Weights, dot, normalized, one_phrase
from core.ingest.textnorm import PREFIX, tokens

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
    "chars",         # cosine of character 4-grams (spellings, compounds, inflections)
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
    counts: list[frozenset[str]]
    bigrams: list[frozenset[tuple[int, int]]]
    quoted: list[frozenset[str]]
    chars: list[Vector]
    names: list[Vector]
    position: list[float]
    lead: list[bool]


def _counts(text: str) -> frozenset[str]:
    """Return "number|counted word" keys of the numbers in a text ("230|passeng")."""
    found = set()
    every = tokens(text)
    for n, token in enumerate(every):
        if token.kind != "number":
            continue
        for follow in every[n + 1:n + 1 + COUNT_REACH]:
            if follow.kind == "word" and not follow.stop:
                found.add(f"{token.key}|{follow.key[:PREFIX]}")
                break
    return frozenset(found)


def _quoted(text: str) -> frozenset[str]:
    """Return the content-word keys said inside quotation marks."""
    keys = set()
    for match in _QUOTED_RE.finditer(text):
        inner = match.group(1) or match.group(2) or ""
        keys.update(t.key[:PREFIX] for t in tokens(inner) if not t.stop)
    return frozenset(keys)


def _grams(text: str) -> dict[str, int]:
    """Return the character 4-grams of the content words of a text, word edges marked."""
    bag: dict[str, int] = {}
    for token in tokens(text):
        if token.stop or token.kind != "word":
            continue
        word = f" {token.text.lower()} "
        for n in range(max(1, len(word) - NGRAM + 1)):
            gram = word[n:n + NGRAM]
            bag[gram] = bag.get(gram, 0) + 1
    return bag


def passage_facts(passages: Sequence, found: Weights) -> PassageFacts:
    """Return the per-passage facts the pair features read."""
    bags = [_grams(p.text) for p in passages]
    df: dict[str, int] = {}
    for bag in bags:
        for gram in bag:
            df[gram] = df.get(gram, 0) + 1
    n = len(passages)
    ids: dict[str, int] = {}
    chars = [normalized({ids.setdefault(g, len(ids)): (1 + math.log(c)) * math.log((1 + n) / (1 + df[g]))
                         for g, c in bag.items()}) for bag in bags]
    names = [normalized({t: found.idf[t] for t in terms}) for terms in found.names]
    size: dict[str, int] = {}
    for p in passages:
        size[p.doc] = size.get(p.doc, 0) + 1
    position = [p.index / max(1, size[p.doc] - 1) for p in passages]
    bigrams = [frozenset(zip(order, order[1:])) for order in found.order]
    return PassageFacts([_counts(p.text) for p in passages], bigrams, [_quoted(p.text) for p in passages],
                        chars, names, position, [p.index < 2 for p in passages])


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
    top_i = best.get((i, doc_of[j]), cosine) or 1.0
    top_j = best.get((j, doc_of[i]), cosine) or 1.0
    ratio = min(cosine / top_i, cosine / top_j)
    shared_bigrams = len(facts.bigrams[i] & facts.bigrams[j])
    return [
        cosine,
        ratio,
        1.0 if ratio >= 0.999 else 0.0,
        dot(facts.names[i], facts.names[j]),
        min(2, len(found.figures[i] & found.figures[j])),
        min(2, len(facts.counts[i] & facts.counts[j])),
        math.log1p(shared_bigrams),
        math.log1p(len(facts.quoted[i] & facts.quoted[j])),
        dot(facts.chars[i], facts.chars[j]),
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
