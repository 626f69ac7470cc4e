"""Pair evidence for the linker: counts, quotes, character n-grams, positions, and the learned model."""

import math

import pytest

from core.align.features import (
    FEATURES,
    _closeness_of,
    _gram_columns,
    _grams,
    _word_grams,
    _quoted,
    best_per_document,
    closeness,
    pair_features,
    pair_matrix,
    passage_facts,
    probabilities,
    probability,
)
from core.align.linker import LINKER
from core.align.vectors import candidates_small, weights
from core.ingest.textnorm import PREFIX, tokens
from test_align import documents


def _arrays(pairs):
    """Return (score, i, j) tuples as the three arrays pair_matrix reads."""
    import numpy as np

    return tuple(np.array(column) for column in zip(*pairs))


def test_words_inside_curly_or_straight_quotes_are_quoted_words():
    text = "The operator called it \u201ca miracle of patience\u201d and 'a long night'."
    assert _quoted(text, tokens(text)) == frozenset({"miracl", "patienc"})


def test_character_grams_join_spellings_of_one_name():
    a, b = _grams(tokens("Vishwaskumar")), _grams(tokens("Vishwashkumar"))
    assert len(a & b) / math.sqrt(len(a) * len(b)) > 0.6


def test_a_figure_shared_under_different_nouns_counts_even_when_a_document_repeats_it():
    docs = documents(
        "The mill will cut some 4,300 posts. The 4,300 cuts start in May. Two lines close.",
        "Around 4,300 jobs go at the mill. Two shifts end.",
    )
    passages = [p for d in docs for p in d.passages]
    found = weights(passages)
    facts = passage_facts(passages, found)
    doc_of = [0, 0, 0, 1, 1]
    values = dict(zip(FEATURES, pair_features(0.1, 0, 3, found, facts, {}, doc_of, {})))
    assert values["numbers"] == 1  # "4,300" posts / jobs
    assert values["figures"] == 0  # the first article says 4,300 twice: no anchor
    small = dict(zip(FEATURES, pair_features(0.1, 2, 4, found, facts, {}, doc_of, {})))
    assert small["numbers"] == 0  # "two" lines / shifts is a small count, no figure


def test_the_model_has_one_weight_per_feature():
    assert LINKER["features"] == list(FEATURES)
    assert len(LINKER["weights"]) == len(FEATURES)


def test_a_shared_figure_raises_the_probability_of_a_pair():
    docs = documents(
        "Rescuers brought 37 miners up from the Kellan shaft. Rain fell all week.",
        "All 37 miners are safe, the Kellan operator confirmed. Roads were closed.",
    )
    passages = [p for d in docs for p in d.passages]
    found = weights(passages)
    facts = passage_facts(passages, found)
    values = dict(zip(FEATURES, pair_features(0.2, 0, 2, found, facts, {}, [0, 0, 1, 1], {})))
    assert values["figures"] == 1 and values["numbers"] == 1 and values["lead"] == 1.0
    without = dict(values, figures=0, numbers=0)

    def odds(row):
        p = probability(list(row.values()), LINKER)
        return math.log(p / (1 - p))

    assert odds(values) > odds(without) + 1.0  # the figure, as an anchor and as any number, adds learned evidence


def test_the_batched_feature_matrix_holds_exactly_the_one_pair_values():
    pytest.importorskip("scipy")
    docs = documents(
        'Rescuers brought 37 miners up from the Kellan shaft. Rain fell all week. "We never gave up," '
        "said Ines Marlow. The shaft flooded in 2031.",
        'All 37 miners are safe, the Kellan operator confirmed. "We never gave up hope," Marlow said. '
        "Roads were closed. The Kellan shaft had flooded in 2031.",
        "Ines Marlow led the 37 rescuers at Kellan. Roads reopened on Friday.",
    )
    passages = [p for d in docs for p in d.passages]
    doc_of = [int(p.doc[1:]) for p in passages]
    found = weights(passages)
    facts = passage_facts(passages, found)
    pairs = candidates_small(found.unit, doc_of, 0.01, 12, None)
    first, second, matrix, best_table = pair_matrix(_arrays(pairs), found, facts, doc_of)
    best = best_per_document(pairs, doc_of)
    close = closeness(best, doc_of)
    expected = [pair_features(c, min(i, j), max(i, j), found, facts, best, doc_of, close) for c, i, j in pairs]
    assert len(pairs) >= 10 and matrix.tolist() == [[float(v) for v in row] for row in expected]
    assert all(best_table.get(slot) == value for slot, value in best.items())
    assert best_table.close == close and len(close) == 6  # three articles: each ordered pair
    assert probabilities(matrix, LINKER) == [probability(row, LINKER) for row in expected]


def test_the_batched_matrix_matches_the_one_pair_values_when_names_and_figures_recur():
    pytest.importorskip("scipy")
    docs = documents(
        "Ines Marlow and Tove Adler met the Kellan crews on Friday. 40 miners were rescued and 12 pumps arrived.",
        "Tove Adler said Ines Marlow had visited Kellan twice. 40 pumps arrived and 12 pumps failed.",
        "At Kellan, Ines Marlow thanked Tove Adler. Only 12 pumps worked and 40 miners waited.",
    )
    passages = [p for d in docs for p in d.passages]
    doc_of = [int(p.doc[1:]) for p in passages]
    found = weights(passages)
    facts = passage_facts(passages, found)
    pairs = candidates_small(found.unit, doc_of, 0.01, 12, None)
    first, second, matrix, _ = pair_matrix(_arrays(pairs), found, facts, doc_of)
    best = best_per_document(pairs, doc_of)
    close = closeness(best, doc_of)
    expected = [pair_features(c, min(i, j), max(i, j), found, facts, best, doc_of, close) for c, i, j in pairs]
    assert matrix.tolist() == [[float(v) for v in row] for row in expected]


def test_describing_all_pairs_at_once_stops_when_cancelled():
    pytest.importorskip("scipy")
    from core.errors import Cancelled

    docs = documents("Rescuers brought 37 miners up from the Kellan shaft.", "All 37 miners left the Kellan shaft.")
    passages = [p for d in docs for p in d.passages]
    found = weights(passages)
    pairs = candidates_small(found.unit, [0, 1], 0.01, 12, None)
    with pytest.raises(Cancelled):
        pair_matrix(_arrays(pairs), found, passage_facts(passages, found), [0, 1], should_cancel=lambda: True)


def test_a_word_s_character_grams_get_the_same_numbers_each_time_it_is_met():
    first, again = _grams(tokens("Harbour cranes")), _grams(tokens("cranes at the harbour"))
    assert first == again and all(isinstance(gram, int) for gram in first)


def test_quoted_words_are_read_by_the_pattern_only_in_a_passage_holding_a_quotation_mark():
    from core.align.features import _QUOTED_RE

    def by_pattern(text):
        spans = [match.span() for match in _QUOTED_RE.finditer(text)]
        return frozenset(
            t.key[:PREFIX]
            for t in tokens(text)
            if not t.stop and t.kind == "word" and any(start < t.start < end for start, end in spans)
        )

    texts = [
        'The pilot said "we lost both engines" before the landing.',
        "The ferry captain called it “a long night” at the pier.",
        "Marlow’s crew spoke of ‘a quiet miracle of patience’ afterwards.",
        "The crew’s log names no one and quotes nothing.",
        "Plain words, with no marks at all.",
    ]
    for text in texts:
        assert _quoted(text, tokens(text)) == by_pattern(text)
    assert [bool(_quoted(t, tokens(t))) for t in texts] == [True, True, True, False, False]


def test_closeness_is_the_median_best_cosine_of_two_articles_averaged_over_both_directions():
    # passages 0-2 in article 0, 3-4 in article 1, 5 in article 2; best cosine of each passage per other article
    best = {(0, 1): 0.9, (1, 1): 0.2, (2, 1): 0.3, (3, 0): 0.9, (4, 0): 0.4, (0, 2): 0.5, (5, 0): 0.7}
    close = closeness(best, [0, 0, 0, 1, 1, 2])
    # 0 -> 1: median of 0.9, 0.2, 0.3 = 0.3; 1 -> 0: median of 0.9, 0.4 = 0.65
    assert close[(0, 1)] == close[(1, 0)] == pytest.approx((0.3 + 0.65) / 2)
    assert close[(0, 2)] == close[(2, 0)] == pytest.approx(0.6)
    assert (1, 2) not in close  # no candidate between them


def test_the_array_path_reads_closeness_as_the_list_path_does_whatever_the_order_of_the_passages():
    np = pytest.importorskip("numpy")
    # passages of articles 0 and 1 interleaved; article 2 has no candidate with article 1
    doc_of = [0, 1, 0, 1, 2, 0]
    best = {(0, 1): 0.4, (1, 0): 0.4, (2, 1): 0.9, (3, 0): 0.9, (2, 2): 0.3, (4, 0): 0.3, (5, 1): 0.2}
    flat = np.zeros(len(doc_of) * 3)
    for (passage, document), value in best.items():
        flat[passage * 3 + document] = value
    close = closeness(best, doc_of)
    assert _closeness_of(flat, np.asarray(doc_of), 3) == close
    # 0 -> 1: median of 0.4, 0.9, 0.2 = 0.4; 1 -> 0: median of 0.4, 0.9 = 0.65
    assert close[(0, 1)] == pytest.approx((0.4 + 0.65) / 2) and (1, 2) not in close


def test_the_array_path_reads_each_passage_s_character_grams_as_the_set_path_does():
    pytest.importorskip("scipy")
    docs = documents(
        "Rescuers brought 37 miners up from the Kellan shaft. A crane failed.",
        "All 37 miners left the Kellan shaft, the operator said. Nothing else.",
    )
    passages = [p for d in docs for p in d.passages]
    found = weights(passages)
    sets, arrays = passage_facts(passages, found), passage_facts(passages, found, arrays=True)
    # the same grams under this corpus's own numbers: each passage as many, each pair as many shared
    assert len(arrays.chars) == len(passages) >= 4
    rows = [arrays.chars[n] for n in range(len(passages))]
    assert [len(row) for row in rows] == [len(grams) for grams in sets.chars]
    assert [[len(a & b) for b in rows] for a in rows] == [[len(a & b) for b in sets.chars] for a in sets.chars]


def _cut_by_hand(word):
    edged = f" {word.lower()} "
    return [edged[n : n + 4] for n in range(max(1, len(edged) - 3))]


@pytest.mark.parametrize(
    "words",
    [
        ["Quay", "A", "ox", "QUAY", "café", "Ünïcode", "x", "aaaaaa"],  # case, accents, a repeated gram
        ["Quay", "\U0001d400bc", "ox"],  # a letter beyond 16 bits (mathematical bold A)
        [],
    ],
)
def test_the_grams_of_many_words_get_one_column_per_distinct_gram(words):
    pytest.importorskip("numpy")
    columns, spans = _gram_columns(words)
    cuts = [gram for word in words for gram in _cut_by_hand(word)]
    assert spans.tolist() == [len(_cut_by_hand(word)) for word in words]
    # equal grams share a column and different ones never do; the columns are 0.. without a gap
    column_of = dict(zip(cuts, columns.tolist()))
    assert columns.tolist() == [column_of[gram] for gram in cuts]
    assert sorted(column_of.values()) == list(range(len(set(cuts))))


def test_a_word_is_cut_into_its_character_grams_with_its_edges_marked_and_each_gram_numbered_once():
    quay, short, ox, again = _word_grams("Quay"), _word_grams("A"), _word_grams("ox"), _word_grams("QUAY")
    from core.align import features

    gram_of = {number: gram for gram, number in features._GRAM_NUMBERS.items()}
    assert {gram_of[n] for n in quay} == {" qua", "quay", "uay "}
    assert {gram_of[n] for n in short} == {" a "}  # shorter than a gram: the marked word itself
    assert {gram_of[n] for n in ox} == {" ox "}
    assert again == quay
