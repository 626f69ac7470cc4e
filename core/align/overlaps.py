"""Count the items that many pairs of sets share, at once: the set evidence of the pair matrix."""

from __future__ import annotations

from collections import defaultdict
from itertools import chain, count
from typing import Iterator, Sequence

from core.align.vectors import check

BITSET_ITEMS = 4096  # the most frequent items of a set family are counted as bits, the rest sparse
BIT_BLOCK_BYTES = 2 << 20  # bit rows gathered at once for a block of pairs (cache-sized)


class IncidenceRows:
    """Sets of small integers kept as one sparse incidence matrix (a row per set), read as frozensets."""

    def __init__(self, matrix) -> None:
        self.matrix = matrix
        self.bounds = matrix.indptr.tolist()
        self.read: dict[int, frozenset[int]] = {}  # the members of growing claims are scored again and again

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def __getitem__(self, row: int) -> frozenset[int]:
        found = self.read.get(row)
        if found is None:
            found = self.read[row] = frozenset(self.matrix.indices[self.bounds[row] : self.bounds[row + 1]].tolist())
        return found


def _popcounts(words):
    """Return the number of set bits in each row of a uint64 array."""
    import numpy as np

    if hasattr(np, "bitwise_count"):  # numpy 2
        return np.bitwise_count(words).sum(axis=1, dtype=np.int64)
    table = np.array([bin(k).count("1") for k in range(256)], dtype=np.int64)
    return table[words.view(np.uint8)].reshape(len(words), -1).sum(axis=1)


def shared_counts(
    sets: Sequence | IncidenceRows,
    first,
    second,
    should_cancel=None,
    numbered: bool = False,
    integers: bool = False,
    within=None,
):
    """Return |sets[i] & sets[j]| for every pair (first[k], second[k]), and the size of each set.

    The BITSET_ITEMS most frequent items (character grams shared by most passages) are one bit
    each: a pair shares the set bits of the AND of its two rows. The other items are counted by
    sparse incidence products, which the frequent ones made long. `numbered` says the items are
    already small non-negative integers (they become the columns); `integers` that they are
    integers of any size (renumbered at once; other items get their columns one by one).
    `within`, a boolean array over numbered items, asks for a third result: how many of each
    pair's shared items it marks (a subfamily counted in the same pass).
    """
    import numpy as np

    if isinstance(sets, IncidenceRows):  # already arrays: the row of each item is its set
        sizes, items = np.diff(sets.matrix.indptr).astype(np.int64), sets.matrix.indices.astype(np.int64)
        return _shared_items(items, sizes, first, second, should_cancel, within)
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    flat: Iterator = chain.from_iterable(sets)
    if integers:
        items = np.unique(np.fromiter(flat, dtype=np.int64, count=int(sizes.sum())), return_inverse=True)[1]
    else:
        if not numbered:
            ids: dict = defaultdict(count().__next__)  # a new item gets the next column
            flat = map(ids.__getitem__, flat)
        items = np.fromiter(flat, dtype=np.int64, count=int(sizes.sum()))
    return _shared_items(items, sizes, first, second, should_cancel, within)


def _shared_items(items, sizes, first, second, should_cancel=None, within=None):
    """Return shared_counts of sets given flat: each set's items (small non-negative integers) in turn, and their sizes."""
    import numpy as np
    from scipy import sparse

    rows = np.repeat(np.arange(sizes.size), sizes)
    frequency = np.bincount(items, minlength=1)
    # An item of one set only is shared by no pair: it takes neither a bit nor a column (the
    # columns of a sparse family, numbered over a whole vocabulary, are mostly such items).
    frequent = np.argsort(-frequency, kind="stable")[: min(BITSET_ITEMS, int(np.count_nonzero(frequency > 1)))]
    rank = np.full(frequency.size, -1, dtype=np.int64)
    rank[frequent] = np.arange(frequent.size)
    bit = rank[items]
    as_bit = bit >= 0
    width = (frequent.size + 63) // 64
    bits = np.zeros((sizes.size, width), dtype=np.uint64)
    one = np.left_shift(np.uint64(1), (bit[as_bit] & 63).astype(np.uint64))
    np.bitwise_or.at(bits, (rows[as_bit], bit[as_bit] >> 6), one)
    as_column = ~as_bit & (frequency[items] > 1)
    rest_rows, rest = rows[as_column], items[as_column]
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rest_rows, minlength=sizes.size))))
    matrix = sparse.csr_matrix((np.ones(rest.size, dtype=np.int32), rest, indptr), shape=(sizes.size, frequency.size))
    if within is not None:
        marked_ranks = rank[np.flatnonzero(within[: frequency.size] & (rank >= 0))]
        marked = np.zeros(width, dtype=np.uint64)  # the bits of the marked frequent items
        np.bitwise_or.at(marked, marked_ranks >> 6, np.left_shift(np.uint64(1), (marked_ranks & 63).astype(np.uint64)))
        marked_columns = within[: frequency.size].astype(np.int64)
        inside = np.empty(len(first), dtype=np.int64)
    shared = np.empty(len(first), dtype=np.int64)
    step = 20_000  # pairs per product: bounds the memory of the gathered rows
    # The bit rows of a few thousand pairs at a time (some 2 MB gathered): the AND and the count
    # then read memory the gather has just written, over twice as fast as whole steps of pairs.
    bit_step = max(1, min(step, BIT_BLOCK_BYTES // (8 * max(1, width))))
    for start in range(0, len(first), step):
        check(should_cancel)
        a, b = first[start : start + step], second[start : start + step]
        for low in range(start, min(len(first), start + step), bit_step):
            high = min(len(first), low + bit_step, start + step)
            both = np.take(bits, first[low:high], axis=0)
            np.bitwise_and(both, np.take(bits, second[low:high], axis=0), out=both)
            shared[low:high] = _popcounts(both) if frequent.size else 0
            if within is not None:
                inside[low:high] = _popcounts(np.bitwise_and(both, marked, out=both)) if frequent.size else 0
        if rest.size:
            common = matrix[a].multiply(matrix[b])  # the pairs' shared sparse items, one row a pair
            shared[start : start + step] += np.asarray(common.sum(axis=1)).ravel()
            if within is not None:
                inside[start : start + step] += common @ marked_columns
    return (shared, sizes) if within is None else (shared, sizes, inside)
