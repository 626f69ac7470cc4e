"""Describe a candidate pair of passages by the kinds of evidence that they report one fact."""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from itertools import chain, count, repeat
from operator import add, mul
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from core.align.overlaps import IncidenceRows, shared_counts
from core.align.vectors import PHRASE_TERMS, Weights, is_figure, one_phrase
from core.ingest.textnorm import PREFIX, Token, tokens

# The evidence kinds, in the order of the learned weights (core/align/linker.py).
FEATURES = (
    "cosine",  # TF-IDF cosine of the word keys (names damped)
    "best_ratio",  # cosine over the best cosine either passage has in the other's document
    "mutual_best",  # 1 when each passage is the other's best match in that document
    "figures",  # shared anchor figures (a number found once per document)
    "bigrams",  # shared adjacent content-word pairs
    "quotes",  # shared words inside quotation marks
    "chars",  # overlap of character 4-grams (spellings, compounds, inflections)
    "position",  # 1 minus the gap between the relative positions in the two articles
    "lead",  # 1 when both passages open their articles (first two sentences)
    "short",  # 1 when either passage has fewer than MIN_TERMS content terms
    "phrase_only",  # 1 when all shared terms form one short phrase in both: a thing named twice
    "coverage",  # share of the shorter passage's terms found in the other
    "rare",  # shared terms found in no more passages than there are documents
    "numbers",  # shared figures of any kind, even ones a document repeats ("14,000" roles / positions)
    "closeness",  # how closely the two articles word the story: the median best cosine between them
)
# Left out since they were measured: the cosine of the name terms alone and numbers shared with
# the word they count. Fitted on any four corpus events, their weights changed sign with the
# event left out, and without them the held-out link F1 rose (bench/fit_linker.py).
COLUMN = {name: number for number, name in enumerate(FEATURES)}  # the pair matrix's columns
MIN_TERMS = 4
NGRAM = 4
_QUOTED_RE = re.compile(r"[\"“”]([^\"“”\n]{2,400})[\"“”]|‘([^’\n]{2,400})’")
_QUOTE_MARKS = ('"', "“", "”", "‘")


@dataclass(frozen=True)
class PassageFacts:
    """What each passage offers to pair evidence beyond its word vector."""

    bigrams: list[frozenset[int]]  # adjacent term pairs, each as one number (passage_facts)
    quoted: list[frozenset[str]]
    chars: Sequence[frozenset[int]] | IncidenceRows  # IncidenceRows on the array path
    position: list[float]
    lead: list[bool]
    numbers: list[frozenset[str]]


def _numbers(every: Sequence[Token]) -> frozenset[str]:
    """Return the keys of the figures among tokens (small whole counts such as "two" left out)."""
    return frozenset(t.key for t in every if t.kind == "number" and is_figure(t.key))


def _quoted(text: str, every: Sequence[Token]) -> frozenset[str]:
    """Return the content-word keys said inside quotation marks."""
    if not any(mark in text for mark in _QUOTE_MARKS):
        return frozenset()  # every match of the pattern begins with one of these
    spans = [match.span() for match in _QUOTED_RE.finditer(text)]
    if not spans:
        return frozenset()
    return frozenset(
        t.key[:PREFIX]
        for t in every
        if not t.stop and t.kind == "word" and any(start < t.start < end for start, end in spans)
    )


def _gram_numbering() -> dict[str, int]:
    """Return an empty numbering of grams: each new gram looked up gets the next number, from 0."""
    return defaultdict(count().__next__)  # numbers a new gram without a Python call


# Every character 4-gram met gets a number once, so that passages hold sets of integers, which
# intersect fast.
_GRAM_NUMBERS = _gram_numbering()


@lru_cache(maxsize=1 << 8)
def _cuts(length: int) -> tuple[slice, ...]:
    """Return the slices of the character NGRAMs of a word of this length (the word itself when shorter)."""
    return tuple(slice(n, n + NGRAM) for n in range(max(1, length - NGRAM + 1)))


@lru_cache(maxsize=1 << 16)  # news vocabularies repeat: each word is cut once
def _word_grams(surface: str) -> frozenset[int]:
    """Return the numbers of the character 4-grams of one word, its edges marked."""
    word = f" {surface.lower()} "
    # The grams cut by slices and numbered through the dict's __getitem__: no Python step per gram.
    return frozenset(map(_GRAM_NUMBERS.__getitem__, map(word.__getitem__, _cuts(len(word)))))


def _grams(every: Sequence[Token]) -> frozenset[int]:
    """Return the (numbered) character 4-grams of the content words, word edges marked."""
    words = [_word_grams(token.text) for token in every if not token.stop and token.kind == "word"]
    return frozenset().union(*words)


def _gram_columns(words: list[str]):
    """Return the character NGRAMs of each word, edges marked as _word_grams cuts them, as column
    numbers (one number per distinct gram), and how many grams each word has.

    A gram is read as one integer from the code points of its characters, every word's
    characters encoded at once, so equal grams are found by one sort instead of a Python step
    (a slice and a dict look-up) per gram. A word shorter than a gram is its one gram, padded
    with code 0, which no word holds.
    """
    import numpy as np

    edged = [f" {word.lower()} " for word in words]
    lengths = np.fromiter(map(len, edged), dtype=np.int64, count=len(edged))
    codes = np.frombuffer("".join(edged).encode("utf-32-le"), dtype=np.uint32)
    spans = np.maximum(1, lengths - (NGRAM - 1))
    ends = np.cumsum(lengths)
    # where each gram starts in the joined text, and where its word ends
    start = np.repeat(ends - lengths, spans) + np.arange(int(spans.sum())) - np.repeat(np.cumsum(spans) - spans, spans)
    end = np.repeat(ends, spans)
    grams = np.zeros((start.size, NGRAM), dtype=np.uint32)
    for offset in range(NGRAM):
        at = start + offset
        grams[:, offset] = np.where(at < end, codes[np.minimum(at, max(0, codes.size - 1))], 0)
    packed: Any
    if NGRAM <= 4 and codes.size and int(codes.max()) < 1 << 16:  # the usual case: 16-bit codes make one uint64
        key = grams.astype(np.uint64)
        packed = key[:, 0]
        for offset in range(1, NGRAM):
            packed = (packed << np.uint64(16)) | key[:, offset]
    else:  # a character beyond 16 bits: the codes compared as bytes
        packed = grams.view(np.dtype((np.void, 4 * NGRAM))).ravel()
    return np.unique(packed, return_inverse=True)[1].reshape(-1), spans


def _gram_incidence(every: Sequence[Sequence[Token]]) -> IncidenceRows:
    """Return _grams of every passage as one incidence matrix: passages x words times words x grams.

    Each distinct word is cut once, and the union per passage is the sparse product's (no set
    per passage is built: the pair matrix reads the rows as arrays). The grams are numbered
    for this corpus alone (_gram_columns): the rows hold the sets _grams gives, under other
    numbers.
    """
    import numpy as np
    from scipy import sparse

    surfaces = [[t.text for t in one if not t.stop and t.kind == "word"] for one in every]
    word_of: dict = defaultdict(count().__next__)  # a new surface gets the next number
    sizes = np.fromiter(map(len, surfaces), dtype=np.int64, count=len(surfaces))
    words = np.fromiter(map(word_of.__getitem__, chain.from_iterable(surfaces)), dtype=np.int64, count=int(sizes.sum()))
    # (a repeated gram of a word is counted by the product, and a count is all the same to a set)
    grams, spans = _gram_columns(list(word_of))
    cut = sparse.csr_matrix(
        (np.ones(grams.size, dtype=np.int32), grams, np.concatenate(([0], np.cumsum(spans)))),
        shape=(len(word_of), int(grams.max(initial=0)) + 1),
    )
    said = sparse.csr_matrix(
        (np.ones(words.size, dtype=np.int32), words, np.concatenate(([0], np.cumsum(sizes)))),
        shape=(len(every), len(word_of)),
    )
    return IncidenceRows((said @ cut).tocsr())


def passage_facts(passages: Sequence, found: Weights, arrays: bool = False) -> PassageFacts:
    """Return the per-passage facts the pair features read (`arrays`: the grams as IncidenceRows)."""
    every = [tokens(p.text) for p in passages]
    chars = _gram_incidence(every) if arrays else [_grams(t) for t in every]
    size: dict[str, int] = {}
    for p in passages:
        size[p.doc] = size.get(p.doc, 0) + 1
    position = [p.index / max(1, size[p.doc] - 1) for p in passages]
    # A pair of adjacent terms (a, b) is the one number a * width + b: ints hash and count
    # faster than tuples, and the pair matrix renumbers them at once.
    width = len(found.idf)  # every term number is below it
    bigrams = [frozenset(map(add, map(mul, order, repeat(width)), order[1:])) for order in found.order]
    return PassageFacts(
        bigrams,
        [_quoted(p.text, t) for p, t in zip(passages, every)],
        chars,
        position,
        [p.index < 2 for p in passages],
        [_numbers(t) for t in every],
    )


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


def closeness(best: dict, doc_of: Sequence[int]) -> dict[tuple[int, int], float]:
    """Return {(document, other document): how closely they word the story}.

    That is the median, over the passages of both, of each passage's best candidate cosine in the
    other article. Two articles rewritten from one wire copy match sentence for sentence at a
    high cosine, two outlets telling the story in their own words at a low one: the same cosine
    says more between the second two (the linker learns how much). A median, so that a few
    copied quotes or a shared lead do not set the level of a whole article.
    """
    values: dict[tuple[int, int], list[float]] = {}
    for (passage, document), value in best.items():
        values.setdefault((doc_of[passage], document), []).append(value)
    return _symmetric({key: statistics.median(found) for key, found in values.items()})


def _symmetric(median: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Return the mean of the two directions of each document pair's median."""
    return {(a, b): (value + median.get((b, a), value)) / 2 for (a, b), value in median.items()}


def pair_features(
    cosine: float,
    i: int,
    j: int,
    found: Weights,
    facts: PassageFacts,
    best: dict,
    doc_of: Sequence[int],
    close: dict[tuple[int, int], float],
) -> list[float]:
    """Return the feature values of one candidate pair, in FEATURES order (close: closeness())."""
    ratio = min(
        cosine / (best.get((i, doc_of[j])) or cosine or 1.0), cosine / (best.get((j, doc_of[i])) or cosine or 1.0)
    )
    shared_bigrams = len(facts.bigrams[i] & facts.bigrams[j])
    terms_i, terms_j = found.terms[i], found.terms[j]
    shared = terms_i & terms_j  # frozensets intersect faster than dict key views
    terms = len(shared)
    shorter = min(len(terms_i), len(terms_j))
    return [
        cosine,
        ratio,
        1.0 if ratio >= 0.999 else 0.0,
        min(2, len(found.figures[i] & found.figures[j])),
        math.log1p(shared_bigrams),
        math.log1p(len(facts.quoted[i] & facts.quoted[j])),
        _overlap(facts.chars[i], facts.chars[j]),
        1.0 - abs(facts.position[i] - facts.position[j]),
        1.0 if facts.lead[i] and facts.lead[j] else 0.0,
        1.0 if shorter < MIN_TERMS else 0.0,
        1.0 if 2 <= terms <= PHRASE_TERMS and one_phrase(found.order[i], found.order[j], shared) else 0.0,
        terms / max(1, shorter),
        math.log1p(len(found.rare[i] & found.rare[j])),
        min(2, len(facts.numbers[i] & facts.numbers[j])),
        close.get((doc_of[i], doc_of[j]), 0.0),
    ]


class BestTable:
    """The best candidate cosine of each (passage, other document), read like best_per_document's dict."""

    def __init__(self, best, documents: int, close: dict[tuple[int, int], float]):
        self.best, self.documents, self.close = best, documents, close
        # A pair scored on demand reads two cells: item() gives each as a Python float, where
        # converting the whole table (passages x documents) cost more than all the reads.
        self.item = best.item

    def get(self, slot: tuple[int, int]) -> float | None:
        """Return the best cosine of (passage, document), or None when it has no candidate there."""
        value = self.item(slot[0] * self.documents + slot[1])
        return value or None


def _log1p_of_counts(counts):
    """Return math.log1p of small integer counts, exactly as the one-pair path computes it."""
    import numpy as np

    table = np.array([math.log1p(k) for k in range(int(counts.max(initial=0)) + 1)])
    return table[counts]


def _closeness_of(best, docs, documents: int) -> dict[tuple[int, int], float]:
    """Return closeness() from the flat best table of pair_matrix (0: no candidate there).

    Each document's rows are sorted once; a column's median is read from its first `count`
    cells as statistics.median reads them (the middle one, or the mean of the two middle ones).
    """
    import numpy as np

    grid = best.reshape(-1, documents)
    median: dict[tuple[int, int], float] = {}
    for a in range(documents):
        rows = grid[docs == a]  # a mask, not a slice: nothing assumes the passages come grouped
        ordered = np.sort(np.where(rows > 0, rows, np.inf), axis=0)  # the cells with no candidate last
        counts = np.count_nonzero(rows > 0, axis=0)
        for b in np.flatnonzero(counts).tolist():
            count = int(counts[b])
            low, high = float(ordered[(count - 1) // 2, b]), float(ordered[count // 2, b])
            median[(a, b)] = low if count % 2 else (low + high) / 2
    return _symmetric(median)


def pair_matrix(pairs, found: Weights, facts: PassageFacts, doc_of: Sequence[int], should_cancel=None):
    """Return (first, second, feature matrix, best table) of many candidate pairs at once.

    `pairs` is three arrays, (scores, i, j), as vectors.candidate_arrays gives them.
    Each row holds exactly the values pair_features gives for that pair: set overlaps become
    sparse incidence products, and the few features that need word order stay per pair.
    """
    import numpy as np

    score, one, other = pairs
    size = len(score)
    first, second = np.minimum(one, other), np.maximum(one, other)
    docs = np.asarray(doc_of, dtype=np.int64)
    documents = int(docs.max(initial=0)) + 1
    best = np.zeros(len(doc_of) * documents)
    np.maximum.at(best, first * documents + docs[second], score)
    np.maximum.at(best, second * documents + docs[first], score)
    close = _closeness_of(best, docs, documents)
    best_table = BestTable(best, documents, close)
    out = np.zeros((size, len(FEATURES)))
    if not size:
        return first, second, out, best_table
    grid = np.zeros((documents, documents))
    for (a, b), value in close.items():
        grid[a, b] = value
    out[:, COLUMN["closeness"]] = grid[docs[first], docs[second]]
    ratio = np.minimum(score / best[first * documents + docs[second]], score / best[second * documents + docs[first]])
    out[:, COLUMN["cosine"]], out[:, COLUMN["best_ratio"]] = score, ratio
    out[:, COLUMN["mutual_best"]] = ratio >= 0.999
    figures, _ = shared_counts(found.figures, first, second, should_cancel, numbered=True)
    out[:, COLUMN["figures"]] = np.minimum(2, figures)
    bigrams, _ = shared_counts(facts.bigrams, first, second, should_cancel, integers=True)
    out[:, COLUMN["bigrams"]] = _log1p_of_counts(bigrams)
    chars, length = shared_counts(facts.chars, first, second, should_cancel, numbered=True)
    with np.errstate(invalid="ignore", divide="ignore"):  # a passage without grams shares none
        out[:, COLUMN["chars"]] = np.where(
            chars > 0, chars / np.sqrt((length[first] * length[second]).astype(np.float64)), 0.0
        )
    position = np.asarray(facts.position)
    out[:, COLUMN["position"]] = 1.0 - np.abs(position[first] - position[second])
    lead = np.asarray(facts.lead, dtype=bool)
    out[:, COLUMN["lead"]] = lead[first] & lead[second]
    # a passage's rare terms are its terms that are rare: both counts come from one pass
    is_rare = np.zeros(len(found.idf), dtype=bool)
    is_rare[list(set().union(*found.rare))] = True
    terms, length, rare = shared_counts(
        [unit.keys() for unit in found.unit], first, second, should_cancel, numbered=True, within=is_rare
    )
    out[:, COLUMN["short"]] = np.minimum(length[first], length[second]) < MIN_TERMS
    out[:, COLUMN["coverage"]] = terms / np.maximum(1, np.minimum(length[first], length[second]))
    out[:, COLUMN["rare"]] = _log1p_of_counts(rare)
    # the rest reads per-pair structure; only pairs sharing a phrase's number of terms are visited,
    # their passage numbers read as Python ints at once and the values written back at once
    few = np.flatnonzero((terms >= 2) & (terms <= PHRASE_TERMS))
    order = found.order
    out[few, COLUMN["phrase_only"]] = [
        1.0 if one_phrase(order[a], order[b]) else 0.0 for a, b in zip(first[few].tolist(), second[few].tolist())
    ]
    quoted, _ = shared_counts(facts.quoted, first, second, should_cancel)
    out[:, COLUMN["quotes"]] = _log1p_of_counts(quoted)
    any_figures, _ = shared_counts(facts.numbers, first, second, should_cancel)
    out[:, COLUMN["numbers"]] = np.minimum(2, any_figures)
    return first, second, out, best_table


def probabilities(rows, model: dict) -> list[float]:
    """Return probability() of every row of a feature matrix, with the same arithmetic order."""
    total = 0
    for column, weight in enumerate(model["weights"]):
        total = total + weight * rows[:, column]
    return [1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0 for z in (model["bias"] + total).tolist()]


def probability(values: Sequence[float], model: dict) -> float:
    """Return the logistic model's probability that a pair reports one fact."""
    z = model["bias"] + sum(map(mul, model["weights"], values))  # the products summed in order, without a generator
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
