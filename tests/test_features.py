"""Pair evidence for the linker: counts, quotes, character n-grams, positions, and the learned model."""
import math

from core.align.features import FEATURES, _counts, _grams, _quoted, pair_features, passage_facts, probability
from core.align.linker import LINKER
from core.align.vectors import weights
from core.ingest.textnorm import tokens
from test_align import documents


def test_a_number_is_keyed_with_the_word_it_counts():
    assert _counts(tokens("Rescuers brought 37 miners and two dogs up from the shaft.")) == {"37": "miner", "2": "dog"}


def test_a_number_without_a_counted_word_nearby_counts_nothing():
    assert _counts(tokens("The shaft flooded in 2031.")) == {}


def test_words_inside_curly_or_straight_quotes_are_quoted_words():
    text = "The operator called it \u201ca miracle of patience\u201d and 'a long night'."
    assert _quoted(text, tokens(text)) == frozenset({"miracl", "patienc"})


def test_character_grams_join_spellings_of_one_name():
    a, b = _grams(tokens("Vishwaskumar")), _grams(tokens("Vishwashkumar"))
    assert len(a & b) / math.sqrt(len(a) * len(b)) > 0.6


def test_the_model_has_one_weight_per_feature():
    assert LINKER["features"] == list(FEATURES)
    assert len(LINKER["weights"]) == len(FEATURES)


def test_a_shared_count_and_name_raise_the_probability_of_a_pair():
    docs = documents("Rescuers brought 37 miners up from the Kellan shaft. Rain fell all week.",
                     "All 37 miners are safe, the Kellan operator confirmed. Roads were closed.")
    passages = [p for d in docs for p in d.passages]
    found = weights(passages)
    facts = passage_facts(passages, found)
    values = dict(zip(FEATURES, pair_features(0.2, 0, 2, found, facts, {}, [0, 0, 1, 1])))
    assert values["counts"] == 1 and values["figures"] == 1 and values["lead"] == 1.0
    without = dict(values, counts=0, figures=0)

    def odds(row):
        p = probability(list(row.values()), LINKER)
        return math.log(p / (1 - p))
    assert odds(values) > odds(without) + 1.0   # the count and the figure each add learned evidence
