"""Shared-item counts of many set pairs at once: bits for frequent items, sparse columns for the rest."""

import pytest


def test_shared_counts_add_the_frequent_items_counted_as_bits_to_the_rest(monkeypatch):
    np = pytest.importorskip("numpy")
    pytest.importorskip("scipy")
    from core.align import overlaps

    sets = [frozenset({1, 2, 3, 70}), frozenset({2, 3, 70, 71}), frozenset({3, 9}), frozenset()]
    first, second = np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3])
    for frequent in (2, 4096):  # a few items as bits and the rest sparse, then every item as a bit
        monkeypatch.setattr(overlaps, "BITSET_ITEMS", frequent)
        shared, sizes = overlaps.shared_counts(sets, first, second, numbered=True)
        assert shared.tolist() == [3, 1, 1, 0] and sizes.tolist() == [4, 4, 2, 0]
    words = [frozenset({"quay", "crane"}), frozenset({"crane", "barge"})]
    shared, _ = overlaps.shared_counts(words, np.array([0]), np.array([1]))
    assert shared.tolist() == [1]


def test_items_of_one_set_only_are_left_out_of_the_counts_without_changing_them(monkeypatch):
    np = pytest.importorskip("numpy")
    pytest.importorskip("scipy")
    from core.align import overlaps

    # Numbered over a wide vocabulary (ids in the thousands), most items in one set only.
    sets = [
        frozenset({9000, 12, 4711, 5}),
        frozenset({9000, 12, 8001}),
        frozenset({12, 5, 6002, 6003}),
        frozenset({7777}),
        frozenset(),
    ]
    first, second = np.array([0, 0, 1, 2, 3, 0]), np.array([1, 2, 2, 3, 4, 3])
    expected = [len(sets[a] & sets[b]) for a, b in zip(first.tolist(), second.tolist())]
    for frequent in (1, 4096):  # the one shared item as a bit and the rest as columns, then all as bits
        monkeypatch.setattr(overlaps, "BITSET_ITEMS", frequent)
        shared, sizes = overlaps.shared_counts(sets, first, second, numbered=True)
        assert shared.tolist() == expected == [2, 2, 1, 0, 0, 0]
        assert sizes.tolist() == [4, 3, 4, 1, 0]
    lonely = [frozenset({"quay"}), frozenset({"barge"}), frozenset()]
    shared, _ = overlaps.shared_counts(lonely, np.array([0, 1]), np.array([1, 2]))
    assert shared.tolist() == [0, 0]


def test_a_marked_subfamily_is_counted_in_the_same_pass_as_every_shared_item(monkeypatch):
    np = pytest.importorskip("numpy")
    pytest.importorskip("scipy")
    from core.align import overlaps

    sets = [frozenset({1, 2, 3, 70}), frozenset({2, 3, 70, 71}), frozenset({3, 9, 70}), frozenset({9})]
    first, second = np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3])
    marked = np.zeros(80, dtype=bool)
    marked[[3, 9, 71]] = True
    for frequent in (1, 2, 4096):  # marked items among the bits, among the columns, and on both sides
        monkeypatch.setattr(overlaps, "BITSET_ITEMS", frequent)
        shared, sizes, inside = overlaps.shared_counts(sets, first, second, numbered=True, within=marked)
        assert shared.tolist() == [3, 2, 2, 1] and sizes.tolist() == [4, 4, 3, 1]
        assert inside.tolist() == [len(sets[a] & sets[b] & {3, 9, 71}) for a, b in zip([0, 0, 1, 2], [1, 2, 2, 3])]
        assert inside.tolist() == [1, 1, 1, 1]


def test_incidence_rows_count_and_read_as_the_sets_they_hold():
    np = pytest.importorskip("numpy")
    sparse = pytest.importorskip("scipy.sparse")
    from core.align.overlaps import IncidenceRows, shared_counts

    sets = [frozenset({4, 7}), frozenset(), frozenset({7, 2, 9})]
    rows = IncidenceRows(sparse.csr_matrix(([1] * 5, [4, 7, 7, 2, 9], [0, 2, 2, 5]), shape=(3, 10)))
    assert len(rows) == 3 and [rows[n] for n in range(3)] == sets
    pairs = np.array([0, 0, 1]), np.array([1, 2, 2])
    assert [c.tolist() for c in shared_counts(rows, *pairs)] == [c.tolist() for c in shared_counts(sets, *pairs)]


def test_pairs_counted_in_blocks_of_bit_rows_get_the_counts_of_one_block(monkeypatch):
    np = pytest.importorskip("numpy")
    pytest.importorskip("scipy")
    from core.align import overlaps

    # Seven sets over 70 items (two 64-bit words a row), nine pairs, a marked subfamily.
    sets = [frozenset(range(k, 70, k + 1)) | {k} for k in range(7)]
    first, second = np.array([0, 0, 0, 1, 1, 2, 3, 4, 5]), np.array([1, 2, 6, 2, 5, 3, 6, 6, 6])
    marked = np.zeros(70, dtype=bool)
    marked[::3] = True
    expected = [len(sets[a] & sets[b]) for a, b in zip(first.tolist(), second.tolist())]
    expected_marked = [
        len({i for i in sets[a] & sets[b] if i % 3 == 0}) for a, b in zip(first.tolist(), second.tolist())
    ]
    for block in (16, 32, 48, 1 << 21):  # one pair, two, three (the last block short), all at once
        monkeypatch.setattr(overlaps, "BIT_BLOCK_BYTES", block)
        shared, sizes, inside = overlaps.shared_counts(sets, first, second, numbered=True, within=marked)
        assert shared.tolist() == expected
        assert inside.tolist() == expected_marked
        assert sizes.tolist() == [len(s) for s in sets]
