"""Group the passages of several documents that report the same fact into claims."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any, Callable, Iterable, Optional, Sequence

from core.model import AlignmentEdit, Claim, Document, Link, Passage, PassageRef
from core.ingest.numbers import WORD_NUMBERS
from core.ingest.textnorm import STOPWORDS, normalize_text
from core.align.features import (
    COLUMN,
    best_per_document,
    closeness,
    pair_features,
    pair_matrix,
    passage_facts,
    probabilities,
    probability,
)
from core.align.linker import LINKER
from core.align.vectors import Weights, candidate_arrays, candidates_small, check, dot, use_arrays, weights
from core.align.builder import (  # noqa: F401 (AlignParams, LINK_THRESHOLD, MAX_RUN: the aligner's settings, read by tests and bench)
    LINK_THRESHOLD,
    MAX_RUN,
    FITTED,
    AlignParams,
    ClaimBuilder,
    cluster,
    is_sentence,
)

CANDIDATE_FLOOR = 0.06  # pairs below this TF-IDF cosine are never candidates
PER_ROW = 12  # candidates kept per passage; other pairs are scored when a claim needs them


def resolve_ref(documents: Sequence[Document], ref: PassageRef) -> Optional[Passage]:
    """Return the passage of the referenced source that overlaps the referenced range most."""
    for document in documents:
        if document.source.key != ref.source:
            continue
        best, best_overlap = None, 0
        for passage in document.passages:
            overlap = min(passage.end, ref.end) - max(passage.start, ref.start)
            if overlap > best_overlap or (overlap == 0 == best_overlap and passage.start == ref.start):
                best, best_overlap = passage, overlap
        return best
    return None


def _manual_pairs(documents, edits, index_of) -> tuple[list[tuple[int, int]], set[frozenset[int]]]:
    """Return the forced links and the forbidden pairs, the later edit winning for one pair."""
    decision: dict[frozenset[int], str] = {}
    for edit in edits:
        if edit.kind not in ("link", "unlink") or edit.b is None:
            continue
        a, b = resolve_ref(documents, edit.a), resolve_ref(documents, edit.b)
        if a is None or b is None or a.doc == b.doc:
            continue
        pair = frozenset((index_of[a.id], index_of[b.id]))
        decision.pop(pair, None)
        decision[pair] = edit.kind
    links = [(min(p), max(p)) for p, kind in decision.items() if kind == "link"]
    forbidden = {p for p, kind in decision.items() if kind == "unlink"}
    return links, forbidden


def _claim_from(
    runs: dict[int, list[int]], builder: ClaimBuilder, passages: list[Passage], manual: set[frozenset[int]]
) -> Claim:
    """Return the claim (links, pivot, key, score) of one finished cluster."""
    docs = sorted(runs)
    links: list[Link] = []
    pair_scores: list[float] = []
    centrality: dict[int, float] = {d: 0.0 for d in docs}
    for x, da in enumerate(docs):
        for db in docs[x + 1 :]:
            left, right = runs[da], runs[db]
            if len(left) == 1 and len(right) == 1:  # most runs are one sentence: the run score is the link's
                i, j = left[0], right[0]
                score = round(builder.score(i, j), 4)
                pair_scores.append(score)
                centrality[da] += score
                centrality[db] += score
                links.append(Link(passages[i].id, passages[j].id, score, bool(manual) and frozenset((i, j)) in manual))
                continue
            score = round(builder.run_score(left, right), 4)
            pair_scores.append(score)
            centrality[da] += score
            centrality[db] += score
            for i in runs[da]:
                for j in runs[db]:
                    links.append(
                        Link(
                            passages[i].id,
                            passages[j].id,
                            round(builder.score(i, j), 4),
                            bool(manual) and frozenset((i, j)) in manual,  # most claims have no manual link
                        )
                    )
    members = tuple(passages[i].id for d in docs for i in runs[d])
    # a headline is a poor reference for word diffs: prefer members that are whole sentences
    pivot_doc = max(docs, key=lambda d: (any(is_sentence(passages[i].text) for i in runs[d]), centrality[d], -d))
    pivot = next((i for i in runs[pivot_doc] if is_sentence(passages[i].text)), runs[pivot_doc][0])
    texts = sorted(normalize_text(passages[i].text) for d in docs for i in runs[d])
    key = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    score = round(sum(pair_scores) / len(pair_scores), 4) if pair_scores else 0.0
    return Claim(id="", key=key, score=score, members=members, links=tuple(links), pivot=passages[pivot].id)


LABEL_WORDS = 3  # a line this short that does not end as a sentence is a heading or a label


def is_label(text: str) -> bool:
    """Tell whether a passage is a section heading ("Flight Details", "Crash Sequence"), not a telling:
    a few capitalised words, no figure, no verb in lower case ("Mayor resigns", "Twelve dead" tell facts)."""
    words = text.split()
    if is_sentence(text) or len(words) > LABEL_WORDS or any(c.isdigit() for c in text):
        return False
    return all(w[:1].isupper() or w.lower() in STOPWORDS for w in words) and not any(
        w.lower() in WORD_NUMBERS for w in words
    )


def _position(pid: str) -> tuple[int, int]:
    """Return (document number, passage number) of a passage id such as "d2:p14"."""
    doc, passage = pid.split(":p")
    return int(doc[1:]), int(passage)


def order_claims(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Number claims c0.. by the position of their earliest member in the first document having one."""
    ordered = sorted(claims, key=lambda claim: min(_position(pid) for pid in claim.members))
    return tuple(replace(claim, id=f"c{n}") for n, claim in enumerate(ordered))


def pair_table(
    passages: Sequence[Passage], doc_of: list[int], found: Weights, should_cancel=None
) -> tuple[list[tuple[int, int]], Sequence, Callable[[int, int], list[float]]]:
    """Return the candidate pairs (i < j, different documents), their feature rows, and a
    function giving the feature row of any other pair.

    Large corpora (vectors.use_arrays) get the rows as one numpy matrix (batched, same values);
    small ones as lists, so that aligning a few articles never imports numpy.
    """
    large = use_arrays(len(passages))
    find = candidate_arrays if large else candidates_small
    pairs = find(found.unit, doc_of, CANDIDATE_FLOOR, PER_ROW, should_cancel)
    check(should_cancel)
    facts = passage_facts(passages, found, arrays=large)
    if large:
        first, second, rows, best = pair_matrix(pairs, found, facts, doc_of, should_cancel)
        keys = list(zip(first.tolist(), second.tolist()))
        close = best.close
    else:
        best = best_per_document(pairs, doc_of)
        close = closeness(best, doc_of)
        keys, rows = [], []
        for number, (cosine, i, j) in enumerate(pairs):
            if number % 5000 == 4999:
                check(should_cancel)
            i, j = min(i, j), max(i, j)
            keys.append((i, j))
            rows.append(pair_features(cosine, i, j, found, facts, best, doc_of, close))

    def describe(i: int, j: int) -> list[float]:
        return pair_features(dot(found.unit[i], found.unit[j]), i, j, found, facts, best, doc_of, close)

    return keys, rows, describe


def worded_alike(keys: list[tuple[int, int]], rows: Sequence) -> list[tuple[int, int]]:
    """Return the candidate pairs each of whose passages is the other's best cosine in its article."""
    column = COLUMN["mutual_best"]
    if isinstance(rows, list):
        return [key for key, row in zip(keys, rows) if row[column]]
    matrix: Any = rows  # the pair matrix (numpy) of a large corpus
    return [keys[k] for k in matrix[:, column].nonzero()[0].tolist()]


def scored(keys: list[tuple[int, int]], rows: Sequence, model: dict) -> dict[tuple[int, int], float]:
    """Return {pair: the linker's probability} of the rows pair_table gave."""
    if isinstance(rows, list):
        return {key: probability(row, model) for key, row in zip(keys, rows)}
    return dict(zip(keys, probabilities(rows, model)))


def _without_contained(groups: list[dict[int, list[int]]]) -> list[dict[int, list[int]]]:
    """Drop each group whose passages all sit in a larger (or an earlier equal) group.

    Joins can grow one claim over another (two sentences repeated in two articles): the smaller
    claim would only repeat the larger one's links and divergences.
    """
    kept: list[tuple[frozenset[int], dict[int, list[int]]]] = []
    # A group can sit only in a kept group holding its first passage: those are the only ones
    # compared (comparing with every kept group made a case of many claims quadratic).
    holding: dict[int, list[int]] = {}  # passage -> the kept groups (by number) holding it
    for group in sorted(groups, key=lambda g: -sum(map(len, g.values()))):
        members = frozenset(i for run in group.values() for i in run)
        first = min(members)
        if not any(members <= kept[k][0] for k in holding.get(first, ())):
            for i in members:
                holding.setdefault(i, []).append(len(kept))
            kept.append((members, group))
    return [group for _, group in kept]


def claims_of(
    builder: ClaimBuilder,
    passages: list[Passage],
    forced: Sequence[tuple[int, int]] = (),
    alike: Iterable[tuple[int, int]] = (),
) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
    """Return the ordered claims of a finished builder and the ids of the passages left unique.

    `alike` holds the pairs whose passages are each other's closest wording (worded_alike): a
    passage no claim took keeps a likely one of them as a claim of two (ClaimBuilder.left_out_pairs).
    """
    manual = {frozenset(p) for p in forced}
    joins = builder.also_joins(builder.params.also)
    grown = []
    for key, runs in builder.clusters.items():
        if len(runs) < 2:
            continue
        merged = {d: list(r) for d, r in runs.items()}
        for p in sorted(joins.get(key, ())):
            merged[builder.doc_of[p]] = sorted(merged.get(builder.doc_of[p], []) + [p])
        grown.append(merged)
    held = {i for group in grown for run in group.values() for i in run}
    for a, b in builder.left_out_pairs(held, alike):
        grown.append({builder.doc_of[a]: [a], builder.doc_of[b]: [b]})
    claims = [_claim_from(runs, builder, passages, manual) for runs in _without_contained(grown)]
    claimed = {pid for claim in claims for pid in claim.members}
    return order_claims(claims), tuple(p.id for p in passages if p.id not in claimed)


def align_documents(
    documents: Sequence[Document],
    edits: Sequence[AlignmentEdit] = (),
    progress: Optional[Callable[[float], None]] = None,
    should_cancel: Optional[Callable[[], bool]] = None,
    params: AlignParams = FITTED,
    model: Optional[dict] = None,
) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
    """Return the claims (without divergences) and the ids of passages no other source has."""
    report = progress or (lambda fraction: None)
    check(should_cancel)
    passages = [p for document in documents for p in document.passages]
    index_of = {p.id: n for n, p in enumerate(passages)}
    doc_number = {document.id: n for n, document in enumerate(documents)}
    doc_of = [doc_number[p.doc] for p in passages]
    found = weights(passages, should_cancel)
    report(0.2)
    check(should_cancel)
    keys, rows, describe = pair_table(passages, doc_of, found, should_cancel)
    model = model or LINKER
    pair = scored(keys, rows, model)
    labels = {n for n, p in enumerate(passages) if is_label(p.text)}
    if labels:  # a section heading ("Flight details") tells no fact: it joins no claim
        pair = {key: p for key, p in pair.items() if key[0] not in labels and key[1] not in labels}
    report(0.6)
    check(should_cancel)
    forced, forbidden = _manual_pairs(documents, edits, index_of)
    builder = cluster(
        doc_of,
        pair,
        params,
        forced,
        forbidden,
        should_cancel,
        lambda i, j: 0.0 if i in labels or j in labels else probability(describe(i, j), model),
        [not is_sentence(p.text) for p in passages],
    )
    report(0.9)
    claims, unique = claims_of(builder, passages, forced, worded_alike(keys, rows))
    report(1.0)
    return claims, unique


def link_probabilities(documents: Sequence[Document], model: Optional[dict] = None) -> dict[tuple[str, str], float]:
    """Return the linker's probability of each candidate pair, keyed by passage ids (for inspection)."""
    passages = [p for document in documents for p in document.passages]
    doc_number = {document.id: n for n, document in enumerate(documents)}
    doc_of = [doc_number[p.doc] for p in passages]
    keys, rows, _ = pair_table(passages, doc_of, weights(passages))
    found = scored(keys, rows, model or LINKER)
    return {(passages[i].id, passages[j].id): p for (i, j), p in found.items()}
