"""Word diff: diff-match-patch on word tokens, exact round trip, paraphrase keeps shared words."""

from hypothesis import given, settings
from hypothesis import strategies as st

from core.compare.worddiff import word_diff, word_diff_spans

PARAPHRASE_A = "Negotiators for Orvan and Belisk have resolved most of their differences over the canal."
PARAPHRASE_B = "Officials said Orvan and Belisk had settled most of the differences over the canal."


def rebuild(diffs, side):
    """Return the text of one side (-1: a, 1: b) of a diff."""
    return "".join(text for op, text in diffs if op in (0, side))


def test_a_paraphrased_pair_keeps_its_shared_words_as_equal_runs():
    assert word_diff(PARAPHRASE_A, PARAPHRASE_B) == [
        (-1, "Negotiators for"),
        (1, "Officials said"),
        (0, " Orvan and Belisk "),
        (-1, "have resolved"),
        (1, "had settled"),
        (0, " most of "),
        (-1, "their"),
        (1, "the"),
        (0, " differences over the canal."),
    ]


def test_words_are_never_cut_in_half():
    diffs = word_diff("the envoy resolved it", "the envoy resolves it")
    assert diffs == [(0, "the envoy "), (-1, "resolved"), (1, "resolves"), (0, " it")]


def test_a_changed_phrase_reads_as_one_delete_and_one_insert():
    diffs = word_diff("a dinner later this week.", "a dinner on the same day.")
    assert diffs == [(0, "a dinner "), (-1, "later this week"), (1, "on the same day"), (0, ".")]


def test_spans_give_the_changed_ranges_of_each_side():
    spans_a, spans_b = word_diff_spans(PARAPHRASE_A, PARAPHRASE_B)
    assert spans_a == [(0, 15), (33, 46), (55, 60)]
    assert spans_b == [(0, 14), (32, 43), (52, 55)]
    assert PARAPHRASE_A[33:46] == "have resolved" and PARAPHRASE_B[32:43] == "had settled"


def test_whitespace_differences_are_kept_exactly():
    assert word_diff("a b", "a  b") == [(0, "a"), (-1, " "), (1, "  "), (0, "b")]
    assert word_diff("same  text\n", "same  text\n") == [(0, "same  text\n")]


def test_empty_sides_give_a_pure_insert_or_delete():
    assert word_diff("", "abc") == [(1, "abc")]
    assert word_diff("abc", "") == [(-1, "abc")]
    assert word_diff("", "") == []


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab c,.\n\t’é9")), max_size=40),
    st.text(alphabet=st.sampled_from(list("ab c,.\n\t’é9")), max_size=40),
)
def test_both_texts_concatenate_back_exactly(a, b):
    diffs = word_diff(a, b)
    assert rebuild(diffs, -1) == a
    assert rebuild(diffs, 1) == b
    assert all(text for _, text in diffs)


def test_thousands_of_distinct_words_still_map_to_single_characters():
    a = " ".join(f"w{n}" for n in range(8000))
    b = a.replace("w4000 ", "changed ")
    diffs = word_diff(a, b)
    assert [d for d in diffs if d[0] != 0] == [(-1, "w4000"), (1, "changed")]


def test_the_shared_word_fraction_counts_words_kept_against_the_longer_text():
    from core.compare.worddiff import shared_word_fraction

    assert shared_word_fraction("The ferry left at nine.", "The ferry left at nine.") == 1.0
    assert shared_word_fraction("The ferry left at nine.", "The ferry left at ten.") == 0.8
    assert shared_word_fraction("The ferry left at nine.", "A boat sailed from the quay.") == 0.0
    assert shared_word_fraction("", "") == 1.0
