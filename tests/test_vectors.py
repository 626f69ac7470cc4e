"""TF-IDF vectors, anchor figures, rare terms, candidate pairs and mutual best matches."""

import pytest

from core.model import Passage
from core.align.vectors import candidates_large, candidates_small, dot, is_figure, one_phrase, normalized, weights


def passages(*docs: tuple[str, ...]) -> list[Passage]:
    """Return passages d0:p0.. for documents given as tuples of sentences (offsets unused here)."""
    found = []
    for d, sentences in enumerate(docs):
        for n, text in enumerate(sentences):
            found.append(Passage(f"d{d}:p{n}", f"d{d}", n, 0, len(text), text))
    return found


STRIKE = (
    "The dock strike in Valmora ended after three days.",
    "Union leader Marta Quiroga said 1,200 workers walked out.",
    "Grain barges waited at the river mouth.",
)
WALKOUT = (
    "Some 1,200 workers joined the walkout, union leader Marta Quiroga said.",
    "The Valmora dock strike lasted three days.",
    "A ferry line cancelled its evening crossings.",
)
LEDGER = (
    "Losses reached 1,200 dollars per barge.",
    "Union leader Marta Quiroga repeated that 1,200 workers walked out.",
)


def test_vectors_are_unit_length_and_dot_is_symmetric():
    found = weights(passages(STRIKE, WALKOUT))
    assert [round(sum(w * w for w in v.values()), 6) for v in found.unit] == [1.0] * 6
    assert dot(found.unit[0], found.unit[4]) == pytest.approx(dot(found.unit[4], found.unit[0]))
    assert normalized({}) == {}


def test_each_passages_term_set_holds_exactly_the_terms_of_its_vector():
    found = weights(passages(STRIKE, WALKOUT, ("",)))
    assert found.terms == [frozenset(v) for v in found.unit]
    assert found.terms[-1] == frozenset()


def test_a_figure_once_in_each_of_two_documents_anchors_them():
    found = weights(passages(STRIKE, WALKOUT))
    assert found.figures[1] == found.figures[3] and len(found.figures[1]) == 1
    assert [len(f) for f in found.figures] == [0, 1, 0, 1, 0, 0]


def test_a_figure_twice_in_one_document_is_no_anchor():
    found = weights(passages(STRIKE, WALKOUT, LEDGER))
    assert all(f == frozenset() for f in found.figures)


def test_rare_terms_are_those_found_in_no_more_passages_than_there_are_documents():
    found = weights(passages(STRIKE, WALKOUT))
    assert len(found.rare[0] & found.rare[4]) == 5  # valmora, dock, strike, three, days
    everywhere = weights(passages(("Kelp grows.", "Kelp dies."), ("Kelp rots.", "Kelp floats.")))
    assert all(len(r) == 1 for r in everywhere.rare)  # kelp is in four passages of two documents


def test_small_counts_and_superscripts_are_not_figures():
    assert [is_figure(k) for k in ("1200", "90%", "2026", "7", "5²", "①", "")] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]


def test_small_and_large_candidate_paths_find_the_same_pairs():
    pytest.importorskip("scipy")
    found = weights(passages(STRIKE, WALKOUT, LEDGER))
    doc_of = [0, 0, 0, 1, 1, 1, 2, 2]
    small = candidates_small(found.unit, doc_of, 0.05, 4, None)
    large = candidates_large(found.unit, doc_of, 0.05, 4, None)
    assert sorted(small) == sorted(large) and len(small) == 7
    assert all(doc_of[i] != doc_of[j] and i < j for _, i, j in small)


def test_the_small_path_pairs_passages_of_interleaved_documents_as_it_pairs_grouped_ones():
    # Grouped passages enter the index a document at a time; interleaved ones are tested one by one.
    found = weights(passages(STRIKE, WALKOUT, LEDGER))
    grouped = candidates_small(found.unit, [0, 0, 0, 1, 1, 1, 2, 2], 0.05, 4, None)
    relabelled = candidates_small(found.unit, [2, 2, 2, 0, 0, 0, 1, 1], 0.05, 4, None)
    assert grouped == relabelled and len(grouped) == 7
    interleaved = candidates_small(found.unit, [0, 1, 0, 1, 0, 1, 2, 2], 0.05, 4, None)
    assert all((i % 2 != j % 2) or max(i, j) >= 6 for _, i, j in interleaved)
    assert (0, 2) not in {(i, j) for _, i, j in interleaved}  # one document: never a pair


def test_one_phrase_reads_the_shared_terms_it_is_given_as_it_reads_its_own():
    assert one_phrase((1, 2, 3, 4), (9, 2, 3, 8), {2, 3}) is one_phrase((1, 2, 3, 4), (9, 2, 3, 8)) is True
    assert one_phrase((1, 2, 3, 4), (2, 9, 3, 8), {2, 3}) is False


def test_one_phrase_tells_a_thing_named_twice_from_a_fact_told_twice():
    assert one_phrase((1, 2, 3, 4), (9, 2, 3, 8)) is True  # "the harbour authority"
    assert one_phrase((1, 2, 3, 4), (2, 9, 3, 8)) is False  # the shared words are apart
    assert one_phrase((1, 2, 3, 4, 5), (1, 2, 3, 4, 8)) is False  # four shared terms: a fact
    assert one_phrase((1, 2), (2, 7)) is False  # one shared term is no phrase


def test_the_large_path_keeps_the_best_per_passage_and_breaks_ties_to_the_earlier_passage():
    pytest.importorskip("scipy")
    twice = ("Marta Quiroga said 1,200 workers walked out.", "Marta Quiroga said 1,200 workers walked out.")
    found = weights(passages(twice, ("Marta Quiroga said 1,200 workers walked out of the docks.",)))
    large = candidates_large(found.unit, [0, 0, 1], 0.05, 1, None)
    small = candidates_small(found.unit, [0, 0, 1], 0.05, 1, None)
    assert [(j, i) for _, j, i in large] == [(0, 2)] == [(j, i) for _, j, i in small]


def test_the_large_path_never_pairs_two_passages_of_one_long_document():
    pytest.importorskip("scipy")
    long_one = STRIKE * 30 + WALKOUT * 30
    found = weights(passages(long_one, LEDGER))
    doc_of = [0] * len(long_one) + [1] * len(LEDGER)
    large = candidates_large(found.unit, doc_of, 0.05, 4, None)
    assert large and all(doc_of[j] == 0 and doc_of[i] == 1 for _, j, i in large)
    assert sorted(large) == sorted(candidates_small(found.unit, doc_of, 0.05, 4, None))


def test_the_large_path_refuses_passages_out_of_document_order():
    pytest.importorskip("scipy")
    found = weights(passages(STRIKE, WALKOUT))
    with pytest.raises(ValueError):
        candidates_large(found.unit, [0, 1, 0, 1, 0, 1], 0.05, 4, None)


def _cells(arrays) -> list[tuple[float, int, int]]:
    """Return the (score, j, i) arrays of _top_per_row as one tuple per cell."""
    return list(zip(*(column.tolist() for column in arrays)))


def test_a_dense_block_keeps_the_same_best_cells_as_a_sparse_one():
    pytest.importorskip("scipy")
    from scipy import sparse

    from core.align.vectors import DENSE_SHARE, _top_per_row

    # every cell over the floor (near-duplicate sentences), ties among them broken by the earlier column
    cells = [[0.5, 0.9, 0.5, 0.7, 0.5, 0.05], [0.2, 0.2, 0.2, 0.2, 0.3, 0.2]]
    block = sparse.csr_matrix(cells)
    assert 9 / 12 > DENSE_SHARE  # the block is read dense
    assert _cells(_top_per_row(block, 10, 0.1, 3)) == [
        (0.9, 1, 10),
        (0.7, 3, 10),
        (0.5, 0, 10),
        (0.3, 4, 11),
        (0.2, 0, 11),
        (0.2, 1, 11),
    ]
    sparse_cells = sparse.csr_matrix([[0.0, 0.9, 0.0, 0.0, 0.0, 0.05], [0.0] * 5 + [0.2]])
    assert _cells(_top_per_row(sparse_cells, 0, 0.1, 3)) == [(0.9, 1, 0), (0.2, 5, 1)]


def test_a_sparse_block_read_from_each_rows_kth_best_keeps_what_sorting_every_cell_keeps():
    np = pytest.importorskip("numpy")
    from scipy import sparse

    from core.align.vectors import DENSE_SHARE, _at_or_above_kth, _top_per_row

    # rows with more cells than are kept, ties at the cut, a row of fewer cells and an empty row;
    # columns stored out of order, as a sparse product leaves them
    data = [0.5, 0.9, 0.5, 0.7, 0.5, 0.3, 0.2, 0.4, 0.2, 0.2, 0.2]
    indices = [4, 1, 0, 3, 2, 0, 7, 9, 8, 6, 5]
    indptr = [0, 5, 7, 7, 11]
    block = sparse.csr_matrix((np.array(data), np.array(indices), np.array(indptr)), shape=(4, 20))
    assert 11 / 80 < DENSE_SHARE  # read sparse
    rows = np.repeat(np.arange(4), np.diff(block.indptr))
    # the reference: every cell sorted by row, strongest first, then the earlier column; three per row
    ordered = sorted(zip(rows.tolist(), (-block.data).tolist(), block.indices.tolist()))
    kept = [(round(-v, 6), j, 5 + i) for n, (i, v, j) in enumerate(ordered) if [c[0] for c in ordered[:n]].count(i) < 3]
    assert (
        _cells(_top_per_row(block, 5, 0.1, 3))
        == kept
        == [
            (0.9, 1, 5),
            (0.7, 3, 5),
            (0.5, 0, 5),
            (0.3, 0, 6),
            (0.2, 7, 6),
            (0.4, 9, 8),
            (0.2, 5, 8),
            (0.2, 6, 8),
        ]
    )
    chosen_rows, _, chosen_values = _at_or_above_kth(rows, block.indices, block.data, 4, 3)
    assert sorted(zip(chosen_rows.tolist(), chosen_values.tolist())) == [
        (0, 0.5),
        (0, 0.5),
        (0, 0.5),
        (0, 0.7),
        (0, 0.9),
        (1, 0.2),
        (1, 0.3),
        (3, 0.2),
        (3, 0.2),
        (3, 0.2),
        (3, 0.4),
    ]


def test_dot_sums_the_products_in_the_shorter_vectors_order_as_the_plain_loop_does():
    from core.align.vectors import dot

    a, b = {3: 0.1, 1: 0.7, 2: 0.2}, {1: 0.3, 2: 0.6, 4: 0.9, 5: 0.1}
    assert dot(a, b) == dot(b, a) == 0.1 * 0.0 + 0.7 * 0.3 + 0.2 * 0.6
    assert dot({1: 0.5}, {2: 0.5}) == 0.0 and dot({}, b) == 0


def test_a_mid_sized_case_takes_the_arrays_only_once_scipy_is_loaded(monkeypatch):
    import sys

    from core.align.vectors import LOADED_CORPUS, SMALL_CORPUS, use_arrays

    monkeypatch.delitem(sys.modules, "scipy.sparse", raising=False)
    assert use_arrays(SMALL_CORPUS + 1) and not use_arrays(SMALL_CORPUS) and not use_arrays(LOADED_CORPUS + 1)
    monkeypatch.setitem(sys.modules, "scipy.sparse", sys)  # loaded by an earlier case (any module object)
    assert use_arrays(LOADED_CORPUS + 1) and not use_arrays(LOADED_CORPUS)
