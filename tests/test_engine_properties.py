"""analyze() under generated input: 1 to 50 sources, empty, identical, huge and random unicode texts."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from core.analysis import analyze  # noqa: E402
from core.errors import ParallaxError, SourceError  # noqa: E402
from core.model import DIVERGENCE_TYPES, Alignment  # noqa: E402
from core.ingest.sources import load_bytes, load_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BOUNDED = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SUBJECTS = ("The mayor", "Police", "The harbour authority", "Officials", "The ministry", "Witnesses")
VERBS = ("said", "confirmed", "denied", "reported", "announced", "estimated")
OBJECTS = (
    "that 1,200 people were evacuated",
    "that the bridge would reopen on Monday",
    "the fire started at 3 a.m.",
    "that two ferries were cancelled",
    "a budget of 40 million euros",
    "that the storm had weakened overnight",
    "the school would stay closed until Friday",
)
sentences = st.builds(
    lambda s, v, o: f"{s} {v} {o}.", st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(OBJECTS)
)
articles = st.lists(sentences, min_size=1, max_size=6).map(lambda ss: " ".join(ss) + "\n")


def check_invariants(alignment: Alignment, sources) -> None:
    """Assert what every alignment must satisfy: ids, exact offsets, every passage claimed or unique, no claim inside another."""
    assert [d.id for d in alignment.documents] == [f"d{n}" for n in range(len(sources))]
    all_ids = []
    for document, source in zip(alignment.documents, sources):
        assert document.source.text == source.text
        previous_end = 0
        for index, passage in enumerate(document.passages):
            assert passage.id == f"{document.id}:p{index}"
            assert passage.doc == document.id and passage.index == index
            assert previous_end <= passage.start < passage.end <= len(source.text)
            assert source.text[passage.start : passage.end] == passage.text
            previous_end = passage.end
            all_ids.append(passage.id)
        for span in document.boilerplate:
            assert source.text[span.start : span.end] == span.text
    claimed = {pid for claim in alignment.claims for pid in claim.members}
    assert claimed.isdisjoint(alignment.unique), "a passage is in a claim or unique, never both"
    assert sorted(claimed | set(alignment.unique)) == sorted(all_ids)
    member_sets = [frozenset(claim.members) for claim in alignment.claims]
    assert not any(a <= b for n, a in enumerate(member_sets) for b in member_sets[n + 1 :] + member_sets[:n])
    for claim in alignment.claims:
        assert len(claim.members) == len(set(claim.members))
        assert len({pid.split(":")[0] for pid in claim.members}) >= 2
        assert claim.pivot in claim.members
        for divergence in claim.divergences:
            assert divergence.claim == claim.id
            assert divergence.type in DIVERGENCE_TYPES
            assert 0.0 <= divergence.rank <= 1.0
            for variant in divergence.variants:
                passage = alignment.passage(variant.passage)
                text = alignment.document_of(variant.passage).source.text
                assert text[variant.start : variant.end] == variant.text
                assert passage.start <= variant.start <= variant.end <= passage.end
    for contradiction in alignment.contradictions:
        for variant in contradiction.variants:
            text = alignment.document_of(variant.passage).source.text
            assert text[variant.start : variant.end] == variant.text


@BOUNDED
@given(st.lists(articles, min_size=1, max_size=50))
@example(["The mayor said that 1,200 people were evacuated. Police denied the fire started at 3 a.m.\n"] * 50)
def test_one_to_fifty_generated_sources_align_with_exact_offsets_and_every_passage_placed(texts):
    sources = [load_text(text, title=f"Outlet {n}") for n, text in enumerate(texts)]
    alignment = analyze(sources)
    check_invariants(alignment, sources)
    if len(sources) == 1:
        assert alignment.claims == ()


@BOUNDED
@given(st.text(alphabet=" \t\r\n\u00a0\u2003\u3000\u200a\x0b\x0c", min_size=0, max_size=40))
def test_whitespace_only_text_is_refused_as_a_source(text):
    with pytest.raises(SourceError, match=r"is empty|contains only whitespace"):
        load_text(text)


def test_a_source_of_nothing_but_boilerplate_has_no_passages_and_aligns_without_error():
    boiler = load_text(
        "Also Read: Ferry fares to rise in spring\nQuick Reads\nView All\n"
        "With inputs from agencies\nMedia News Source\n",
        title="Furniture",
    )
    story = load_text(
        "The mayor said that 1,200 people were evacuated. Police confirmed the fire started at 3 a.m.\n", title="Story"
    )
    alignment = analyze([boiler, story])
    check_invariants(alignment, [boiler, story])
    assert alignment.documents[0].passages == ()
    covered = {i for span in alignment.documents[0].boilerplate for i in range(span.start, span.end)}
    assert {i for i, ch in enumerate(boiler.text) if not ch.isspace()} <= covered
    assert alignment.claims == ()
    assert alignment.unique == ("d1:p0", "d1:p1")


@BOUNDED
@given(articles, st.integers(min_value=2, max_value=5))
def test_identical_sources_put_every_passage_in_a_claim_with_no_divergence(text, copies):
    sources = [load_bytes(text.encode(), f"copy{n}.txt") for n in range(copies)]
    alignment = analyze(sources)
    check_invariants(alignment, sources)
    assert alignment.unique == ()
    assert all(claim.divergences == () for claim in alignment.claims)
    assert len(alignment.claims) >= 1
    assert sum(len(c.members) for c in alignment.claims) == copies * len(alignment.documents[0].passages)


@pytest.mark.parametrize("sentence", ["The figure was 5² times higher than in 2019.", "Route ① was closed."])
def test_superscript_and_circled_digits_do_not_crash_the_alignment(sentence):
    sources = [load_text(sentence + "\n", "A"), load_text("The figure was five times higher than in 2019.\n", "B")]
    check_invariants(analyze(sources), sources)


@BOUNDED
@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=4))
def test_random_unicode_texts_raise_only_the_projects_own_errors(texts):
    story = load_text("The mayor said that 1,200 people were evacuated on Monday.\n", title="Story")
    sources = [story]
    for text in texts:
        try:
            sources.append(load_text(text, title="Random"))
        except SourceError:
            continue
    try:
        alignment = analyze(sources)
    except ParallaxError:
        return
    check_invariants(alignment, sources)


@BOUNDED
@given(st.lists(st.binary(min_size=1, max_size=400), min_size=1, max_size=3))
def test_random_bytes_as_files_are_either_refused_clearly_or_aligned(blobs):
    sources = []
    for n, blob in enumerate(blobs):
        try:
            sources.append(load_bytes(blob, f"blob{n}.txt"))
        except SourceError as error:
            assert "\n" not in str(error) and str(error).startswith(f"blob{n}.txt: ")
    if sources:
        check_invariants(analyze(sources), sources)


def test_one_sentence_of_ten_thousand_words_finishes_in_bounded_time():
    script = textwrap.dedent("""
        import random, sys
        from core.analysis import analyze
        from core.ingest.sources import load_text
        rng = random.Random(3)
        words = ["ferry", "harbour", "mayor", "council", "ramp", "storm", "bridge", "tram", "budget",
                 "the", "of", "and", "1,200", "Monday", "evacuated", "Eastholm", "said", "that"]
        monster = " ".join(rng.choice(words) for _ in range(10_000)) + ".\\n"
        story = "The mayor said that 1,200 people were evacuated on Monday. The bridge reopened.\\n"
        alignment = analyze([load_text(monster, "Monster"), load_text(story, "Story"), load_text(story, "Copy")])
        doc = alignment.documents[0]
        assert all(monster[p.start:p.end] == p.text for p in doc.passages)
        print(len(doc.passages), sum(len(p.text.split()) for p in doc.passages))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    count, words = map(int, done.stdout.split())
    assert count >= 1
    assert words == 10_000


def _distinct_sources(texts):
    """Return sources for texts that all differ (a source is named by its text: twins are one source to an edit)."""
    assume(len(set(texts)) == len(texts))
    return [load_text(text, title=f"source {n}") for n, text in enumerate(texts)]


def _ref(alignment, pid):
    """Return the edit reference of a passage: its source key and range."""
    from core.model import PassageRef

    passage = alignment.passage(pid)
    return PassageRef(alignment.document_of(pid).source.key, passage.start, passage.end)


@given(st.lists(articles, min_size=2, max_size=6), st.data())
@BOUNDED
def test_an_unlinked_pair_never_shares_a_claim_whatever_the_further_claims(texts, data):
    from core.model import AlignmentEdit

    sources = _distinct_sources(texts)
    alignment = analyze(sources)
    pairs = [
        (a, b)
        for claim in alignment.claims
        for a in claim.members
        for b in claim.members
        if a.split(":")[0] < b.split(":")[0]
    ]
    if not pairs:
        return
    a, b = data.draw(st.sampled_from(pairs))

    again = analyze(sources, [AlignmentEdit("unlink", _ref(alignment, a), _ref(alignment, b))])
    check_invariants(again, sources)
    assert not any(a in claim.members and b in claim.members for claim in again.claims)


@given(st.lists(articles, min_size=2, max_size=6), st.data())
@BOUNDED
def test_a_linked_unique_passage_shares_a_claim_with_its_partner_after_re_alignment(texts, data):
    from core.model import AlignmentEdit

    sources = _distinct_sources(texts)
    alignment = analyze(sources)
    pairs = [
        (u, m)
        for u in alignment.unique
        for claim in alignment.claims
        if u.split(":")[0] not in {x.split(":")[0] for x in claim.members}
        for m in claim.members
    ]
    if not pairs:
        return
    u, m = data.draw(st.sampled_from(pairs))

    again = analyze(sources, [AlignmentEdit("link", _ref(alignment, u), _ref(alignment, m))])
    check_invariants(again, sources)
    assert any(u in claim.members and m in claim.members for claim in again.claims)


@given(st.lists(articles, min_size=2, max_size=5), st.data())
@BOUNDED
def test_splitting_any_sentence_keeps_every_invariant_and_both_halves(texts, data):
    from core.model import AlignmentEdit, PassageRef

    sources = _distinct_sources(texts)
    alignment = analyze(sources)
    passages = [p for d in alignment.documents for p in d.passages if " " in p.text.strip()]
    if not passages:
        return
    passage = data.draw(st.sampled_from(passages))
    cut = passage.start + passage.text.index(" ") + 1
    source = alignment.document_of(passage.id).source
    again = analyze(sources, [AlignmentEdit("split", PassageRef(source.key, passage.start, passage.end), at=cut)])
    check_invariants(again, sources)
    spans = {(p.start, p.end) for p in again.document_of(passage.id).passages}
    assert (passage.start, cut - 1) in spans and (cut, passage.end) in spans
