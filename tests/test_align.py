"""Alignment of passages into claims: matching, no chaining, runs, manual edits, scale paths.

The invented articles and the plain sentence splitter below are also used by the analysis and
JSON tests, so that the engine can be tested without the document-building modules.
"""

import hashlib
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.align import claims as align
from core.align.claims import align_documents, link_probabilities, resolve_ref
from core.errors import Cancelled
from core.model import AlignmentEdit, Document, Passage, PassageRef, Source
from core.ingest.textnorm import normalize_text
from core.align.vectors import dot, weights

HARBOUR = (
    "The Port of Valmora reopened on Tuesday after a three-day strike by dock workers. "
    "Union leader Marta Quiroga said 1,200 workers had walked out over unpaid overtime. "
    "The harbour authority estimated losses at $5m. "
    "Shipping lines diverted eleven container vessels to the rival terminal at Ostrava Bay. "
    "Mayor Ilse Dornbach welcomed the deal and promised an inquiry into the overtime records."
)
COAST = (
    "Mayor Ilse Dornbach promised an inquiry into overtime records and welcomed the agreement. "
    "Dock workers ended a three-day strike and the Port of Valmora reopened on Monday. "
    "About 1,100 workers took part in the walkout, according to union leader Marta Quiroga. "
    "Fishermen in the old quarter complained about noise from the night shifts."
)
LEDGER = (
    "Losses at the harbour were estimated at 5 million dollars. "
    "Eleven container ships were sent to the Ostrava Bay terminal during the stoppage. "
    "Their cargo was mostly grain and fertiliser. "
    "The strike in Valmora lasted three days before the port reopened on Tuesday."
)


def make_source(text: str, key: str) -> Source:
    """Return a source for a test text."""
    return Source(
        key=key,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        kind="txt",
        path=f"{key}.txt",
        title=key,
        outlet=key.capitalize(),
    )


def plain_document(source: Source, doc_id: str) -> Document:
    """Return a document whose passages are the sentences ended by . ! or ? (exact offsets)."""
    passages = []
    for match in re.finditer(r"[^.!?\s][^.!?]*[.!?]+", source.text):
        passages.append(
            Passage(f"{doc_id}:p{len(passages)}", doc_id, len(passages), match.start(), match.end(), match.group())
        )
    return Document(doc_id, source, tuple(passages), ())


def documents(*texts: str) -> tuple[Document, ...]:
    """Return documents d0.. built from texts with the plain sentence splitter."""
    return tuple(plain_document(make_source(t, f"s{n}"), f"d{n}") for n, t in enumerate(texts))


SPLIT = (
    "Valmora's mayor, Ilse Dornbach, welcomed the deal. "
    "She promised an inquiry into the overtime records. "
    "Grain prices in the region rose sharply last month."
)


def _texts(docs, claim):
    by_id = {p.id: p.text for d in docs for p in d.passages}
    return [by_id[m] for m in claim.members]


def test_paraphrased_and_reordered_sentences_form_claims():
    docs = documents(HARBOUR, COAST, LEDGER)
    claims, unique = align_documents(docs)
    assert [c.members for c in claims] == [
        ("d0:p0", "d1:p1", "d2:p3"),
        ("d0:p1", "d1:p2"),
        ("d0:p2", "d2:p0"),
        ("d0:p3", "d2:p1"),
        ("d0:p4", "d1:p0"),
    ]
    assert [c.id for c in claims] == ["c0", "c1", "c2", "c3", "c4"]
    assert unique == ("d1:p3", "d2:p2")


def test_runs_of_one_document_in_a_claim_are_the_runs_the_builder_made_or_single_passages():
    docs = documents(HARBOUR, COAST, LEDGER, SPLIT)
    claims, _ = align_documents(docs)
    for claim in claims:
        per_doc = {}
        for pid in claim.members:
            per_doc.setdefault(pid.split(":")[0], []).append(int(pid.split(":p")[1]))
        for indexes in per_doc.values():
            assert indexes == sorted(set(indexes))
            assert len(indexes) <= align.MAX_RUN + 1


REPEATS = (
    "The Port of Valmora reopened on Tuesday after a three-day strike by dock workers. "
    "Fishermen in the old quarter complained about noise from the night shifts. "
    "Grain prices in the region rose sharply last month. "
    "Tuesday saw the Port of Valmora reopen, the three-day strike of its dock workers over."
)


def test_a_source_that_tells_a_fact_twice_has_both_tellings_in_its_claim():
    claims, unique = align_documents(documents(COAST, REPEATS))
    assert [c.members for c in claims] == [("d0:p1", "d1:p0", "d1:p3"), ("d0:p3", "d1:p1")]
    assert unique == ("d0:p0", "d0:p2", "d1:p2")


def test_one_sentence_matches_a_run_of_two_adjacent_sentences():
    docs = documents(HARBOUR, SPLIT)
    claims, unique = align_documents(docs)
    assert [c.members for c in claims] == [("d0:p4", "d1:p0", "d1:p1")]
    assert {(link.a, link.b) for link in claims[0].links} == {("d0:p4", "d1:p0"), ("d0:p4", "d1:p1")}
    assert "d1:p2" in unique


def test_claim_key_is_sha1_of_sorted_normalized_member_texts():
    docs = documents(HARBOUR, COAST)
    claims, _ = align_documents(docs)
    claim = claims[0]
    expected = hashlib.sha1("\n".join(sorted(normalize_text(t) for t in _texts(docs, claim))).encode()).hexdigest()[:16]
    assert claim.key == expected and len(claim.key) == 16


def test_pivot_is_the_member_with_the_largest_sum_of_link_scores():
    docs = documents(HARBOUR, COAST, LEDGER)
    claims, _ = align_documents(docs)
    claim = claims[0]
    sums = {m: sum(link.score for link in claim.links if m in (link.a, link.b)) for m in claim.members}
    assert claim.pivot == max(sums, key=sums.get) == "d0:p0"
    assert claim.score == pytest.approx(sum(link.score for link in claim.links) / 3, abs=1e-3)
    assert claim.divergences == ()


def test_unrelated_articles_produce_no_claims():
    docs = documents(HARBOUR, "Grain prices in the region rose sharply last month. Fishing quotas were cut.")
    claims, unique = align_documents(docs)
    assert claims == ()
    assert len(unique) == 7


def test_sentence_order_does_not_change_the_claims():
    docs = documents(HARBOUR, COAST, LEDGER)
    sentences = [p.text for p in docs[1].passages]
    random.Random(4).shuffle(sentences)
    shuffled = documents(HARBOUR, " ".join(sentences), LEDGER)

    def keys(ds):
        return sorted(c.key for c in align_documents(ds)[0])

    assert keys(docs) == keys(shuffled)


def _ref(docs, pid):
    passage = {p.id: p for d in docs for p in d.passages}[pid]
    return PassageRef(docs[int(pid[1])].source.key, passage.start, passage.end)


def test_manual_link_joins_passages_the_engine_left_apart():
    docs = documents(HARBOUR, COAST)
    edit = AlignmentEdit("link", _ref(docs, "d0:p2"), _ref(docs, "d1:p3"))
    claims, unique = align_documents(docs, [edit])
    linked = [c for c in claims if "d0:p2" in c.members]
    assert linked[0].members == ("d0:p2", "d1:p3")
    assert linked[0].links[0].manual is True
    assert "d1:p3" not in unique


def test_manual_unlink_keeps_two_passages_apart_on_every_run():
    docs = documents(HARBOUR, COAST, LEDGER)
    edit = AlignmentEdit("unlink", _ref(docs, "d0:p0"), _ref(docs, "d1:p1"))
    for _ in range(2):
        claims, _ = align_documents(docs, [edit])
        for claim in claims:
            assert not {"d0:p0", "d1:p1"} <= set(claim.members)
    assert any(c.members == ("d0:p0", "d2:p3") for c in claims)


def test_the_later_of_link_and_unlink_wins():
    docs = documents(HARBOUR, COAST)
    a, b = _ref(docs, "d0:p2"), _ref(docs, "d1:p3")
    claims, _ = align_documents(docs, [AlignmentEdit("link", a, b), AlignmentEdit("unlink", a, b)])
    assert not any("d0:p2" in c.members and "d1:p3" in c.members for c in claims)


def test_passage_ref_resolves_to_the_most_overlapping_passage():
    docs = documents(HARBOUR, COAST)
    second = docs[0].passages[1]
    assert resolve_ref(docs, PassageRef("s0", second.start + 3, second.end + 5)).id == "d0:p1"
    assert resolve_ref(docs, PassageRef("missing", 0, 5)) is None


def test_progress_rises_to_one_and_cancel_raises():
    docs = documents(HARBOUR, COAST)
    seen = []
    align_documents(docs, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 3
    with pytest.raises(Cancelled):
        align_documents(docs, should_cancel=lambda: True)


BRIDGE = (
    "Fishermen in Ostrava Bay sold their catch at the quay. "
    "The Port of Valmora reopened after the three-day strike, with losses put at $5m by the harbour authority. "
    "Grain prices in the region rose sharply last month."
)


def test_a_sentence_bridging_two_facts_joins_both_claims_and_does_not_merge_them():
    docs = documents(HARBOUR, COAST, LEDGER, BRIDGE)
    probability = link_probabilities(docs)
    assert probability[("d0:p0", "d3:p1")] >= align.LINK_THRESHOLD  # the bridge matches the reopening ...
    assert probability[("d0:p2", "d3:p1")] >= align.LINK_THRESHOLD  # ... and the losses
    members = [c.members for c in align_documents(docs)[0]]
    assert ("d0:p0", "d1:p1", "d2:p3", "d3:p1") in members
    assert ("d0:p2", "d2:p0", "d3:p1") in members
    assert len(members) == 5


def test_an_unlinked_pair_keeps_a_passage_out_of_a_second_claim():
    docs = documents(HARBOUR, COAST, LEDGER, BRIDGE)
    unlink = AlignmentEdit("unlink", _ref(docs, "d3:p1"), _ref(docs, "d0:p2"))
    members = [c.members for c in align_documents(docs, [unlink])[0]]
    assert not any("d3:p1" in m and "d0:p2" in m for m in members)
    assert any("d3:p1" in m for m in members)


_SENTENCES = [
    p.text for t in (HARBOUR, COAST, LEDGER, SPLIT) for p in plain_document(make_source(t, "x"), "d0").passages
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=8), min_size=2, max_size=5))
def test_every_passage_is_in_a_claim_or_unique_never_both(articles):
    docs = documents(*(" ".join(sentences) for sentences in articles))
    claims, unique = align_documents(docs)
    claimed = {pid for claim in claims for pid in claim.members}
    for claim in claims:
        assert len(claim.members) == len(set(claim.members))
        assert len({pid.split(":")[0] for pid in claim.members}) >= 2
        assert claim.pivot in claim.members
    assert not claimed & set(unique)
    assert claimed | set(unique) == {p.id for d in docs for p in d.passages}


def test_a_shared_figure_links_two_loose_paraphrases_of_one_fact():
    told = "Negotiators have resolved 85 percent of the disputes over the canal, the envoy said."
    retold = (
        "Officials reported agreement on 85 per cent of the questions about the canal, "
        "though fishing rights remain open."
    )
    docs = documents(f"{HARBOUR} {told}", f"{COAST} {retold}")
    passages = [p for d in docs for p in d.passages]
    unit = weights(passages).unit
    assert dot(unit[5], unit[-1]) < align.LINK_THRESHOLD  # the words alone are not enough
    claims, _ = align_documents(docs)
    assert ("d0:p5", "d1:p4") in [c.members for c in claims]


def test_a_different_figure_is_not_evidence_of_the_same_fact():
    told = "Negotiators have resolved 85 percent of the disputes over the canal, the envoy said."
    retold = (
        "Officials reported agreement on 60 per cent of the questions about the canal, "
        "though fishing rights remain open."
    )
    claims, unique = align_documents(documents(f"{HARBOUR} {told}", f"{COAST} {retold}"))
    assert "d0:p5" in unique and "d1:p4" in unique


LEASE = "Any extension of the port lease must be ratified by the city council."
LEASE_RETOLD = "Extending the lease needs approval from the council and a hearing."


def test_a_loose_paraphrase_that_each_passage_prefers_links():
    docs = documents(f"{HARBOUR} {LEASE}", f"{COAST} {LEASE_RETOLD}")
    unit = weights([p for d in docs for p in d.passages]).unit
    assert dot(unit[5], unit[-1]) < 0.3  # few shared words
    claims, unique = align_documents(docs)
    assert ("d0:p5", "d1:p4") in [c.members for c in claims]
    assert unique == ("d0:p2", "d0:p3", "d1:p3")


def test_two_adjacent_retellings_of_a_loose_paraphrase_are_one_run_and_the_closer_scores_higher():
    first = "Extending the port lease needs the council's approval."
    third = "Extending the lease needs approval from the city council and a public hearing."
    docs = documents(f"{HARBOUR} {LEASE}", f"{COAST} {first} {third}")
    claims, _ = align_documents(docs)
    lease = [c.members for c in claims if "d0:p5" in c.members]
    assert lease == [("d0:p5", "d1:p4", "d1:p5")]  # the second source says it twice in a row
    assert link_probabilities(docs)[("d0:p5", "d1:p5")] > link_probabilities(docs)[("d0:p5", "d1:p4")]


MINE = (
    "Rescue teams worked through the night at the Kellan pit. "
    "Rescuers brought 37 miners up from the Kellan shaft before dawn. "
    "The cause of the flooding is not yet known."
)
MINE_RETOLD = (
    "Flood water entered the pit on Sunday evening. "
    "All 37 miners are safe, the Kellan operator confirmed. "
    "Families had waited at the gate for hours."
)


def test_a_shared_count_and_name_link_two_sentences_that_share_few_words():
    docs = documents(MINE, MINE_RETOLD)
    unit = weights([p for d in docs for p in d.passages]).unit
    assert dot(unit[1], unit[4]) < 0.35
    claims, _ = align_documents(docs)
    assert ("d0:p1", "d1:p1") in [c.members for c in claims]


def test_a_section_heading_joins_no_claim_even_when_it_shares_the_words_of_one():
    from core.ingest.document import build_document

    texts = (
        "Ferry lands hard at Kessel quay\n\nThe Tarnow ferry struck the Kessel quay on Monday.\n\nFerry Details\n\n"
        "It carried 56 passengers and three crew.\n",
        "The Tarnow ferry hit the quay at Kessel on Monday.\n\nFerry details were released by the Tarnow operator."
        "\n\nThe Tarnow ferry carried 56 passengers and three crew, its operator said.\n",
    )
    docs = [build_document(make_source(t, f"s{n}"), f"d{n}") for n, t in enumerate(texts)]
    heading = next(p.id for p in docs[0].passages if p.text == "Ferry Details")
    claims, unique = align_documents(docs)
    assert heading in unique and not any(heading in c.members for c in claims)
    assert [c.members for c in claims] == [("d0:p1", "d1:p0"), ("d0:p3", "d1:p2")]


def test_only_a_few_capitalised_words_without_a_figure_make_a_heading():
    from core.align.claims import is_label

    assert [
        is_label(t) for t in ("Flight Details", "Crash Sequence", "Death toll: 12", "Twelve dead", "Mayor resigns")
    ] == [
        True,
        True,
        False,
        False,
        False,
    ]


def test_worded_alike_picks_the_pairs_each_passage_s_best_cosine_in_list_rows_and_in_a_matrix():
    from core.align.features import COLUMN, FEATURES

    def row(ratio):
        values = [0.0] * len(FEATURES)
        values[COLUMN["best_ratio"]] = ratio
        values[COLUMN["mutual_best"]] = 1.0 if ratio >= 0.999 else 0.0
        return values

    keys = [(0, 3), (1, 3), (2, 4)]
    rows = [row(1.0), row(0.6), row(1.0)]
    assert align.worded_alike(keys, rows) == [(0, 3), (2, 4)]
    np = pytest.importorskip("numpy")
    assert align.worded_alike(keys, np.asarray(rows)) == [(0, 3), (2, 4)]


def test_the_array_path_gives_the_claims_of_the_pure_python_path(monkeypatch):
    pytest.importorskip("scipy")
    from core.align import vectors

    docs = documents(HARBOUR, COAST, LEDGER, SPLIT)
    monkeypatch.setattr(vectors, "SMALL_CORPUS", 10**9)
    monkeypatch.setattr(vectors, "LOADED_CORPUS", 10**9)
    in_python = align_documents(docs)
    monkeypatch.setattr(vectors, "SMALL_CORPUS", 0)
    on_arrays = align_documents(docs)
    assert in_python == on_arrays and len(in_python[0]) >= 5
    assert [link.score for claim in on_arrays[0] for link in claim.links] == [
        link.score for claim in in_python[0] for link in claim.links
    ]
