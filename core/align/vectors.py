"""Weigh the passages of a corpus as sparse TF-IDF vectors and find candidate pairs between documents."""

from __future__ import annotations

import math
import sys
from operator import mul
from collections import Counter
from itertools import chain, compress, repeat
from dataclasses import dataclass
from typing import AbstractSet, Callable, Optional, Sequence

from core.errors import Cancelled
from core.model import Passage
from core.ingest.textnorm import NAME, WORD, fold_corpus_names, match_terms

Vector = dict[int, float]

NAME_WEIGHT = 0.6  # names say who, other words say what happened: a name alone is no match
IDF_OFFSET = 0.3  # added to log idf: low enough that topic words ("dam") barely count
PHRASE_TERMS = 3  # shared terms that can still be a single name ("the energy ministry")
CHUNK_CELLS = 2_000_000  # dense similarity cells computed at once (bounds memory)
DENSE_SHARE = 0.2  # share of a block's cells over the floor above which it is read dense
SMALL_CORPUS = 1500  # up to this many passages, a pure-Python index beats importing scipy
LOADED_CORPUS = 250  # once scipy is loaded anyway, the arrays are as fast from about this many up


@dataclass(frozen=True)
class Weights:
    """The vectors of a corpus: TF-IDF per passage (unit length) and the term facts matching needs."""

    unit: list[Vector]
    figures: list[frozenset[int]]  # anchor figures of each passage ("90%" once per document)
    rare: list[frozenset[int]]  # terms of each passage found in few passages of the corpus
    order: list[tuple[int, ...]]  # term ids of each passage in reading order
    idf: dict[int, float]  # inverse document frequency of each term
    terms: list[frozenset[int]]  # the terms of each passage as a set: pair features intersect them


def dot(a: Vector, b: Vector) -> float:
    """Return the dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    # each weight times the other's (0.0 when absent), summed in a's order: map does it in C
    return sum(map(mul, a.values(), map(b.get, a.keys(), repeat(0.0))))


def normalized(vector: Vector) -> Vector:
    """Return the vector scaled to unit length."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def check(should_cancel: Optional[Callable[[], bool]]) -> None:
    """Raise Cancelled when the caller asked to stop."""
    if should_cancel is not None and should_cancel():
        raise Cancelled("alignment cancelled")


def is_figure(key: str) -> bool:
    """Tell whether a number key can anchor a fact: not a small count like "two" sides or "five" hours."""
    body = key[:-1] if key.endswith("%") else key
    if not body.replace(".", "", 1).isdecimal():  # superscripts and circled digits are not figures
        return False
    return not (body.isdecimal() and int(body) <= 10 and body == key)


def one_phrase(a: tuple[int, ...], b: tuple[int, ...], shared: Optional[AbstractSet[int]] = None) -> bool:
    """Tell whether two passages share only one short phrase: a thing named twice, not a fact told twice.

    `shared`, when the caller has it, is the set of terms both hold (it is not computed again).
    """
    if shared is None:
        shared = set(a) & set(b)
    if not 2 <= len(shared) <= PHRASE_TERMS:
        return False
    for order in (a, b):
        places = list(compress(range(len(order)), map(shared.__contains__, order)))  # no Python step per term
        if places[-1] - places[0] + 1 != len(places):
            return False
    return True


def weights(passages: Sequence[Passage], should_cancel: Optional[Callable[[], bool]] = None) -> Weights:
    """Return the TF-IDF vectors of the passages and the figures that anchor them to other documents.

    A figure ("90%", "1,200") anchors when it occurs in at most one passage of each document
    that has it: then sharing it is strong evidence of one fact, and differing is no penalty.
    """
    vocabulary: dict[str, int] = {}
    counts: list[dict[int, int]] = []
    order: list[tuple[int, ...]] = []
    factors: list[dict[int, float]] = []
    found = []
    for number, passage in enumerate(passages):
        if number % 500 == 499:
            check(should_cancel)
        found.append(match_terms(passage.text))
    lowercase: set[str] = set()
    capitalised: set[str] = set()  # written as a name somewhere
    initial: set[str] = set()  # capitalised only as a sentence's first word
    for terms in found:
        for key, _, kind in terms:
            (lowercase if kind == WORD else capitalised if kind == NAME else initial).add(key)
    names = capitalised | (initial - lowercase)
    variants = fold_corpus_names(names, lowercase | capitalised | initial)
    term_of: dict[str, int] = {}  # each key's term, its name variant folded in
    for terms in found:
        scale: dict[int, float] = {}
        sequence: list[int] = []
        for word, damping, kind in terms:
            term = term_of.get(word)
            if term is None:
                term = term_of[word] = vocabulary.setdefault(variants.get(word, word), len(vocabulary))
            sequence.append(term)
            if kind != WORD and word in names:
                scale[term] = min(scale.get(term, 1.0), damping * NAME_WEIGHT)
            elif term not in scale:
                scale[term] = 1.0  # factors never exceed 1: a plain word leaves a name's damping alone
        counts.append(dict(Counter(sequence)))
        order.append(tuple(sequence))
        factors.append(scale)
    df: Counter[int] = Counter(chain.from_iterable(counts))  # one count over every passage's terms
    n = len(passages)
    idf = {t: math.log((1 + n) / (1 + d)) + IDF_OFFSET for t, d in df.items()}
    figures = {t for word, t in vocabulary.items() if is_figure(word)}
    docs_with: dict[int, set[str]] = {}
    for bag, passage in zip(counts, passages):
        for term in figures.intersection(bag):
            docs_with.setdefault(term, set()).add(passage.doc)
    anchors = {t for t, docs in docs_with.items() if len(docs) == df[t] >= 2}
    # 1 + log(count) of every count met, computed once (the same floats as per term)
    tf = [1.0 + math.log(c) for c in range(1, 1 + max((max(bag.values()) for bag in counts if bag), default=0))]
    # a term in no more passages than there are documents can single out one fact in each
    rare_df = max(2, len({p.doc for p in passages}))
    rare = {t for t, d in df.items() if d <= rare_df}
    return Weights(
        [normalized({t: tf[c - 1] * idf[t] * scale[t] for t, c in bag.items()}) for bag, scale in zip(counts, factors)],
        [frozenset(anchors.intersection(bag)) for bag in counts],
        [frozenset(rare.intersection(bag)) for bag in counts],
        order,
        idf,
        [frozenset(bag) for bag in counts],
    )


def use_arrays(passages: int) -> bool:
    """Tell whether to find and describe the candidate pairs on numpy arrays rather than in pure Python.

    Both paths give the same pairs and the same values. The arrays cost an import of scipy first
    (about 0.3 s, what a newsroom case of 1,500 passages saves), so below SMALL_CORPUS they are
    taken only when an earlier case has loaded it.
    """
    return passages > SMALL_CORPUS or (passages > LOADED_CORPUS and "scipy.sparse" in sys.modules)


def candidates_small(
    vectors: list[Vector], doc_of: list[int], floor: float, per_row: int, should_cancel
) -> list[tuple[float, int, int]]:
    """Return the candidate pairs through an inverted index (fast to start: no numpy import)."""
    postings: dict[int, list[tuple[int, float]]] = {}
    found: list[tuple[float, int, int]] = []
    # A document's passages enter the index once the next document begins: every posting met
    # then belongs to another document, with no test per posting (passages come grouped by
    # document; otherwise each posting is tested).
    grouped = all(a <= b for a, b in zip(doc_of, doc_of[1:]))
    waiting: list[int] = []  # passages of the current document, not yet in the index
    for i, vector in enumerate(vectors):
        if i % 500 == 499:
            check(should_cancel)
        if grouped and waiting and doc_of[waiting[0]] != doc_of[i]:
            for k in waiting:
                for term, weight in vectors[k].items():
                    postings.setdefault(term, []).append((k, weight))
            waiting = []
        row: dict[int, float] = {}
        for term, weight in vector.items():
            if grouped:
                for j, other in postings.get(term, ()):
                    row[j] = row.get(j, 0.0) + weight * other
            else:
                for j, other in postings.get(term, ()):
                    if doc_of[j] != doc_of[i]:
                        row[j] = row.get(j, 0.0) + weight * other
        hits = sorted((-score, j) for j, score in row.items() if score >= floor)[:per_row]
        found.extend((round(-score, 6), j, i) for score, j in hits)
        if grouped:
            waiting.append(i)
        else:
            for term, weight in vector.items():
                postings.setdefault(term, []).append((i, weight))
    return found


def candidates_large(
    vectors: list[Vector], doc_of: list[int], floor: float, per_row: int, should_cancel
) -> list[tuple[float, int, int]]:
    """Return the pairs of candidate_arrays as (score, j, i) tuples, as candidates_small gives them (the two are compared so)."""
    scores, earlier, later = candidate_arrays(vectors, doc_of, floor, per_row, should_cancel)
    return list(zip(scores.tolist(), earlier.tolist(), later.tolist()))


def candidate_arrays(vectors: list[Vector], doc_of: list[int], floor: float, per_row: int, should_cancel):
    """Return the candidate pairs as three arrays (score, j, i), j < i, by chunked sparse products.

    The pairs stay in arrays from the products to the pair features: no Python object per pair
    (memory stays bounded on big corpora: CHUNK_CELLS cells at once).
    """
    import numpy as np
    from scipy import sparse

    n = len(vectors)
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for vector in vectors:
        indices.extend(vector)
        data.extend(vector.values())
        indptr.append(len(indices))
    width = (max(indices) + 1) if indices else 1
    matrix = sparse.csr_matrix((np.asarray(data, dtype=np.float64), indices, indptr), shape=(n, width))
    transposed = matrix.T.tocsc()
    docs = np.asarray(doc_of)
    if np.any(np.diff(docs) < 0):
        raise ValueError("passages must come grouped by document, in document order")
    found = [(np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))]  # one document: no pairs
    # A passage meets only the passages of earlier documents (each pair once, never within one
    # document): the product covers those columns alone, so one huge document costs linear time.
    for document in np.unique(docs).tolist():
        low, high = np.searchsorted(docs, document), np.searchsorted(docs, document, side="right")
        if low == 0:
            continue
        earlier = transposed[:, :low]
        rows = max(1, CHUNK_CELLS // low)
        for start in range(low, high, rows):
            check(should_cancel)
            stop = min(high, start + rows)
            found.append(_top_per_row(matrix[start:stop] @ earlier, start, floor, per_row))
    scores, earlier_ones, later_ones = zip(*found)
    return np.concatenate(scores), np.concatenate(earlier_ones), np.concatenate(later_ones)


def _at_or_above_kth(rows, cols, values, count: int, per_row: int):
    """Return the cells (row-grouped, rows ascending) whose value reaches their row's per_row-th best.

    The cells of each row are laid side by side in a padded array (at most a block's cells), where
    a partition finds that value in linear time: the sort that follows reads a few cells per row
    instead of all of them. Every cell of a row's per_row best is kept, ties included.
    """
    import numpy as np

    sizes = np.bincount(rows, minlength=count)
    width = int(sizes.max(initial=0))
    if width <= per_row:
        return rows, cols, values
    place = np.arange(rows.size) - (np.cumsum(sizes) - sizes)[rows]  # each cell's place in its row
    padded = np.full((count, width), -np.inf)
    padded[rows, place] = values
    kth = np.partition(padded, width - per_row, axis=1)[:, width - per_row]  # -inf: a row of fewer cells
    chosen = values >= kth[rows]
    return rows[chosen], cols[chosen], values[chosen]


def _top_per_row(block, start: int, floor: float, per_row: int):
    """Return (scores, j, i) arrays of the per_row best cells >= floor of each row i, ties to the smaller j.

    Sparse blocks are read by their stored cells alone. In a dense block (near-duplicate
    sentences: a large share of all pairs pass the floor) each row's per_row-th best value is
    found first by a partition, so that only the few cells at or above it are sorted.
    """
    import numpy as np

    keep = block.data >= floor
    if np.count_nonzero(keep) > DENSE_SHARE * block.shape[0] * block.shape[1] and block.shape[1] > per_row:
        cells = block.toarray()
        width = block.shape[1]  # each row's per_row-th largest value, without negating copies of the block
        best = np.partition(cells, width - per_row, axis=1)[:, width - per_row]
        rows, cols = np.nonzero(cells >= np.maximum(best, floor)[:, None])
        values = cells[rows, cols]
    else:
        rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr))[keep]
        cols, values = block.indices[keep], block.data[keep]
        rows, cols, values = _at_or_above_kth(rows, cols, values, block.shape[0], per_row)
    order = np.lexsort((cols, -values, rows))  # by row, strongest first, then the earlier passage
    rows, cols, values = rows[order], cols[order], values[order]
    first = np.searchsorted(rows, rows)  # where each row's cells begin
    keep = (np.arange(rows.size) - first) < per_row
    # Python's round (correctly rounded, unlike numpy's scaled rint): the scores of the small path
    rounded = np.fromiter(map(round, values[keep].tolist(), repeat(6)), dtype=np.float64, count=int(keep.sum()))
    return rounded, cols[keep].astype(np.int64), rows[keep].astype(np.int64) + start
