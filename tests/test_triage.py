"""The triage queue: order, filters, movement, progress, claims and unique passages."""

import pytest

from core.case import triage
from core.model import Alignment, Claim, Divergence, Document, Passage, Source, Variant
from core.case.records import VerdictRecord


def _doc(index: int, key: str, sentences: list[str]) -> Document:
    text = " ".join(sentences)
    passages, at = [], 0
    for i, sentence in enumerate(sentences):
        passages.append(Passage(f"d{index}:p{i}", f"d{index}", i, at, at + len(sentence), sentence))
        at += len(sentence) + 1
    source = Source(key=key, text=text, sha256=key * 4, kind="txt", outlet=key.upper())
    return Document(f"d{index}", source, tuple(passages), ())


def _div(key, claim, type_, rank, passages) -> Divergence:
    return Divergence(key, claim, type_, rank, f"{type_} differs", tuple(Variant(p, 0, 1, "x") for p in passages))


@pytest.fixture
def alignment() -> Alignment:
    d0 = _doc(0, "reu", ["Trump met Zelensky on Monday.", "About 1,200 people came.", "It rained."])
    d1 = _doc(
        1,
        "cnn",
        [
            "Trump met Zelenskyy later this week.",
            "About 1,100 people came.",
            "The talks lasted an hour.",
            "Police closed the road.",
        ],
    )
    d2 = _doc(2, "bbc", ["A crowd of 1,200 gathered.", "Former President Trump met Zelensky."])
    c0 = Claim(
        "c0",
        "k-c0",
        0.8,
        ("d0:p0", "d1:p0", "d2:p1"),
        (),
        "d0:p0",
        (
            _div("time-1", "c0", "time", 0.9, ["d0:p0", "d1:p0"]),
            _div("spell-1", "c0", "spelling", 0.1, ["d0:p0", "d1:p0"]),
            _div("title-1", "c0", "title", 0.8, ["d0:p0", "d2:p1"]),
        ),
    )
    c1 = Claim(
        "c1",
        "k-c1",
        0.7,
        ("d0:p1", "d1:p1", "d2:p0"),
        (),
        "d0:p1",
        (
            _div("num-1", "c1", "number", 0.85, ["d0:p1", "d1:p1"]),
            _div("spell-2", "c1", "spelling", 0.05, ["d1:p1", "d2:p0"]),
        ),
    )
    return Alignment((d0, d1, d2), (c0, c1), ("d1:p3", "d0:p2", "d1:p2"))


def _v(key, verdict="confirmed"):
    return VerdictRecord(key, verdict)


def test_queue_lists_every_divergence_highest_rank_first(alignment):
    assert [d.key for d in triage.queue(alignment, {})] == ["time-1", "num-1", "title-1", "spell-1", "spell-2"]


def test_queue_filters_by_type_verdict_and_source(alignment):
    verdicts = {"num-1": _v("num-1", "follow_up"), "time-1": _v("time-1")}
    assert [d.key for d in triage.queue(alignment, {}, types=["spelling"])] == ["spell-1", "spell-2"]
    assert [d.key for d in triage.queue(alignment, verdicts, verdict_filter="untriaged")] == [
        "title-1",
        "spell-1",
        "spell-2",
    ]
    assert [d.key for d in triage.queue(alignment, verdicts, verdict_filter="triaged")] == ["time-1", "num-1"]
    assert [d.key for d in triage.queue(alignment, verdicts, verdict_filter="follow_up")] == ["num-1"]
    assert [d.key for d in triage.queue(alignment, {}, source_keys={"bbc"})] == ["title-1", "spell-2"]
    assert [d.key for d in triage.queue(alignment, verdicts, types={"time", "title"}, verdict_filter="untriaged")] == [
        "title-1"
    ]


def test_an_unknown_verdict_filter_is_refused(alignment):
    with pytest.raises(ValueError):
        triage.queue(alignment, {}, verdict_filter="maybe")


def test_next_and_previous_walk_the_queue_and_stop_at_its_ends(alignment):
    q = triage.queue(alignment, {})
    assert triage.next_key(q, None) == "time-1"
    assert triage.next_key(q, "time-1") == "num-1"
    assert triage.next_key(q, "spell-2") is None
    assert triage.previous_key(q, "num-1") == "time-1"
    assert triage.previous_key(q, "time-1") is None
    assert triage.previous_key(q, None) == "spell-2"
    assert triage.next_key([], None) is None


def test_j_with_nothing_current_resumes_at_the_first_untriaged_item(alignment):
    verdicts = {"time-1": _v("time-1"), "num-1": _v("num-1")}
    assert triage.next_key(alignment, verdicts, None) == "title-1"  # a reopened, half-judged case
    note_only = {"time-1": VerdictRecord("time-1", "", note="ask the desk")}
    assert triage.next_key(alignment, note_only, None) == "time-1"  # a note alone judges nothing
    everything = {d.key: _v(d.key) for d in triage.queue(alignment, {})}
    assert triage.next_key(alignment, everything, None) == "time-1"  # all judged: the top again


def test_a_current_key_filtered_out_of_the_queue_restarts_at_the_top(alignment):
    q = triage.queue(alignment, {}, types=["spelling"])
    assert triage.next_key(q, "time-1") == "spell-1"


def test_next_untriaged_skips_decided_divergences_and_wraps_around(alignment):
    q = triage.queue(alignment, {})
    verdicts = {"num-1": _v("num-1"), "title-1": _v("title-1"), "spell-2": _v("spell-2")}
    assert triage.next_untriaged(q, "time-1", verdicts) == "spell-1"
    assert triage.next_untriaged(q, "spell-1", verdicts) == "time-1"
    everything = {d.key: _v(d.key) for d in q}
    assert triage.next_untriaged(q, "time-1", everything) is None


def test_the_window_form_alignment_verdicts_current_gives_the_same_answers(alignment):
    verdicts = {"num-1": _v("num-1")}
    assert triage.next_key(alignment, verdicts, "time-1") == "num-1"
    assert triage.next_key(alignment, verdicts, "time-1", untriaged_only=True) == "title-1"
    assert triage.previous_key(alignment, verdicts, "title-1") == "num-1"


def test_progress_counts_triaged_divergences_of_the_whole_queue(alignment):
    verdicts = {"num-1": _v("num-1"), "spell-1": _v("spell-1", "not_significant"), "gone-key": _v("gone-key")}
    assert triage.progress(triage.queue(alignment, {}), verdicts) == (2, 5)
    assert triage.progress(alignment, verdicts) == (2, 5)
    # The window's form: the queue's keys kept as a set, counted per verdict.
    assert triage.progress(frozenset(d.key for d in triage.queue(alignment, {})), verdicts) == (2, 5)
    assert triage.progress_text(alignment, verdicts) == "2 of 5 triaged"
    assert triage.progress_text(alignment, {}) == "0 of 5 triaged"


def test_keys_of_type_lists_every_divergence_of_that_kind_by_rank(alignment):
    assert triage.keys_of_type(alignment, "spelling") == ["spell-1", "spell-2"]
    assert triage.keys_of_type(alignment, "negation") == []


def test_claims_are_walked_in_order_without_wrapping(alignment):
    assert triage.next_claim(alignment, None) == "c0"
    assert triage.next_claim(alignment, "c0") == "c1"
    assert triage.next_claim(alignment, "c1") is None
    assert triage.previous_claim(alignment, "c1") == "c0"
    assert triage.previous_claim(alignment, "c0") is None
    assert triage.previous_claim(alignment, None) == "c1"
    assert triage.next_claim(alignment, "c1", -1) == "c0"


def test_next_unique_follows_reading_order_from_any_passage_and_wraps(alignment):
    assert triage.next_unique(alignment, None) == "d0:p2"
    assert triage.next_unique(alignment, "d0:p2") == "d1:p2"
    assert triage.next_unique(alignment, "d1:p0") == "d1:p2"
    assert triage.next_unique(alignment, "d1:p2") == "d1:p3"
    assert triage.next_unique(alignment, "d1:p3") == "d0:p2"
    assert triage.next_unique(alignment, "d1:p2", -1) == "d0:p2"
    assert triage.next_unique(alignment, "d0:p0", -1) == "d1:p3"


def test_next_unique_is_none_when_every_passage_is_shared(alignment):
    shared = Alignment(alignment.documents, alignment.claims, ())
    assert triage.next_unique(shared, "d0:p0") is None


def test_a_key_reported_by_two_claims_is_queued_once(alignment):
    c2 = Claim(
        "c2", "k-c2", 0.5, ("d0:p2", "d1:p2"), (), "d0:p2", (_div("time-1", "c2", "time", 0.9, ["d0:p2", "d1:p2"]),)
    )
    doubled = Alignment(alignment.documents, alignment.claims + (c2,), ())
    assert [d.key for d in triage.queue(doubled, {})].count("time-1") == 1
    assert triage.progress(doubled, {}) == (0, 5)


def test_a_bulk_plan_says_what_changes_and_keeps_other_verdicts_unless_told():
    verdicts = {"b": VerdictRecord("b", "follow_up", "asked"), "c": VerdictRecord("c", "", "note only")}
    plan = triage.bulk_plan(["a", "b", "c"], verdicts, "confirmed")
    assert plan.summary("Discrepancy confirmed", "time") == (
        "3 time items: 2 untriaged will become Discrepancy confirmed, 1 already triaged otherwise will be "
        "kept or overwritten, as you choose."
    )
    assert plan.question("Discrepancy confirmed") == (
        "Keep the 1 existing verdict; change the 2 untriaged",
        "Overwrite: all 3 become Discrepancy confirmed",
    )
    assert plan.targets() == ["a", "c"] and plan.targets(overwrite=True) == ["a", "c", "b"]


def test_the_progress_line_of_a_queue_of_thousands_groups_its_digits_as_the_landing_message_does():
    keys = frozenset(f"k{i}" for i in range(10_111))
    verdicts = {f"k{i}": _v(f"k{i}") for i in range(1_200)}
    assert triage.progress_text(keys, verdicts) == "1,200 of 10,111 triaged"


def test_decided_records_are_sifted_once_per_question_however_many_steps_ask():
    records = {"k1": VerdictRecord("k1", "", note="ask"), "k2": VerdictRecord("k2", "confirmed")}
    sifted = triage.decided(records)
    assert sifted == {"k2": records["k2"]}
    # The steps of one key press pass the sifted records on: sifting them again returns them as they are.
    assert triage.decided(sifted) is sifted
    assert triage.decided(dict(sifted)) is not sifted
    assert triage.next_key(["k1", "k2", "k3"], "k1", sifted, untriaged_only=True) == "k3"
    assert triage.next_key(["k1", "k2", "k3"], None, sifted) == "k1"
