"""Group the passages of several documents that report the same fact into claims."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import AbstractSet, Callable, Iterable, Optional, Sequence, cast

from core.model import AlignmentEdit, Claim, Document, Link, Passage, PassageRef
from core.ingest.textnorm import normalize_text
from core.align.features import best_per_document, pair_features, pair_matrix, passage_facts, probabilities, probability
from core.align.linker import LINKER
from core.align.vectors import SMALL_CORPUS, Weights, candidates, check, dot, weights

# Thresholds on the linker's probability, chosen on the development corpus by bench/fit_linker.py
# (leave-one-event-out figures in bench/evaluate.py): they move with the learned weights.
# (LINKER is a generated dict of mixed values: mypy sees object, these entries are floats.)
LINK_THRESHOLD = cast(float, LINKER["link"])  # a pair must be at least this likely to start or join a claim
JOIN_THRESHOLD = cast(float, LINKER["join"])  # mean likelihood every member needs with the other members
EXTEND_THRESHOLD = cast(float, LINKER["extend"])  # mean likelihood an adjacent sentence needs to lengthen a run
MAX_RUN = 3  # longest run of adjacent sentences that may match one sentence
CANDIDATE_FLOOR = 0.06  # pairs below this TF-IDF cosine are never candidates
PER_ROW = 12  # candidates kept per passage; other pairs are scored when a claim needs them
MAX_FURTHER = 3  # further claims one passage may join besides its own


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the alignment; the defaults are the fitted ones."""

    link: float = LINK_THRESHOLD
    join: float = JOIN_THRESHOLD
    extend: float = EXTEND_THRESHOLD
    max_run: int = MAX_RUN
    also: float = LINK_THRESHOLD  # a passage joins a further claim as surely as a pair starts one


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


class _Builder:
    """Average-linkage clustering with one contiguous run per document and no chaining."""

    def __init__(
        self,
        pair: dict[tuple[int, int], float],
        doc_of: list[int],
        forbidden: set[frozenset[int]],
        params: AlignParams,
        scorer: Optional[Callable[[int, int], float]] = None,
        unfinished: Sequence[bool] = (),
    ):
        self.pair, self.doc_of, self.scorer = pair, doc_of, scorer
        self.unfinished = unfinished or [False] * len(doc_of)
        self.forbidden, self.params = forbidden, params
        self.owner: list[int] = list(range(len(doc_of)))
        self.clusters: dict[int, dict[int, list[int]]] = {i: {doc_of[i]: [i]} for i in range(len(doc_of))}

    def score(self, i: int, j: int) -> float:
        """Return the linker's probability for two passages, scoring a non-candidate pair on demand."""
        key = (i, j) if i < j else (j, i)
        found = self.pair.get(key)
        if found is None:
            # members of a big claim are not all among each other's top candidates
            found = self.pair[key] = self.scorer(*key) if self.scorer else 0.0
        return found

    def known_score(self, p: int, run: list[int]) -> float:
        """Return how well a passage matches a run, from the pairs already scored (others count 0).

        Scoring every pair a join could need costs more than the rest of the alignment on dense
        input; a pair that never made the candidates or a claim is a weak link anyway.
        """
        return max(self.pair.get((p, i) if p < i else (i, p), 0.0) for i in run)

    def run_score(self, left: list[int], right: list[int]) -> float:
        """Return how well two runs match: their best passage pair."""
        return max(self.score(i, j) for i in left for j in right)

    def _coherent(self, a: dict[int, list[int]], b: dict[int, list[int]]) -> bool:
        """Tell whether the two claims support each other and every member of the merged claim is supported.

        Both are means (average linkage), so one strong link between two claims is not enough:
        a sentence bridging two facts does not chain them into one claim.
        """
        cross = sum(self.run_score(ra, rb) for ra in a.values() for rb in b.values())
        if cross < self.params.join * len(a) * len(b):
            return False
        runs = list(a.values()) + list(b.values())
        others = len(runs) - 1
        for n, run in enumerate(runs):
            support = sum(self.run_score(run, other) for m, other in enumerate(runs) if m != n)
            if support < self.params.join * others:
                return False
        return True

    def _allowed(self, a: dict[int, list[int]], b: dict[int, list[int]]) -> bool:
        """Tell whether no unlinked pair would end up in one claim."""
        if not self.forbidden:
            return True
        left = [i for run in a.values() for i in run]
        right = [j for run in b.values() for j in run]
        return not any(frozenset((i, j)) in self.forbidden for i in left for j in right)

    def _absorb(self, keep: int, gone: int) -> None:
        """Move every run of cluster `gone` into cluster `keep`."""
        target, source = self.clusters[keep], self.clusters.pop(gone)
        for doc, run in source.items():
            target[doc] = sorted(set(target.get(doc, ())) | set(run))
            for i in run:
                self.owner[i] = keep

    def force(self, i: int, j: int) -> None:
        """Put i and j in one claim (a manual link) when their runs stay contiguous."""
        ki, kj = self.owner[i], self.owner[j]
        if ki == kj:
            return
        a, b = self.clusters[ki], self.clusters[kj]
        for doc in a.keys() & b.keys():
            merged = sorted(set(a[doc]) | set(b[doc]))
            if merged[-1] - merged[0] + 1 != len(merged):
                return
        self._absorb(ki, kj)

    def offer(self, score: float, i: int, j: int) -> None:
        """Consider one candidate link, strongest first: merge, extend a run, or refuse."""
        ki, kj = self.owner[i], self.owner[j]
        if ki == kj:
            return
        a, b = self.clusters[ki], self.clusters[kj]
        if not self._allowed(a, b):
            return
        shared = a.keys() & b.keys()
        if not shared:
            if score >= self.params.link and self._coherent(a, b):
                self._absorb(ki, kj)
            return
        if len(shared) == 1:
            if len(b) == 1 and len(b[self.doc_of[j]]) == 1:
                self._extend(ki, j)
            elif len(a) == 1 and len(a[self.doc_of[i]]) == 1:
                self._extend(kj, i)

    def _extend(self, key: int, p: int) -> None:
        """Add passage p to its document's run in a claim when p itself matches the other members."""
        cluster, doc = self.clusters[key], self.doc_of[p]
        run = cluster[doc]
        if len(cluster) < 2 or len(run) >= self.params.max_run or not (p == run[0] - 1 or p == run[-1] + 1):
            return
        if self.unfinished[p]:
            return  # a headline or a label above a sentence is not the second half of its telling
        others = [r for d, r in cluster.items() if d != doc]
        alone = sum(self.run_score([p], r) for r in others) / len(others)
        if alone >= self.params.extend:
            self._absorb(key, self.owner[p])

    def also_joins(self, level: float) -> dict[int, list[int]]:
        """Return, per claim, the further passages that report its fact too.

        The strongest-first merge gives each passage one claim, but a sentence that tells several
        facts belongs to each of their claims, and a source that states a fact in its lead and
        again further down tells it twice.  A passage also joins a claim when the claim's other
        documents support it on average at `level` and none falls below half of it (the same
        average-linkage rule as a merge, so one strong link still chains nothing).
        """
        near: dict[int, set[int]] = {}
        for (i, j), p in self.pair.items():
            if p >= level:
                near.setdefault(i, set()).add(self.owner[j])
                near.setdefault(j, set()).add(self.owner[i])
        offers: list[tuple[float, int, int]] = []  # (mean support, passage, claim)
        for p, keys in near.items():
            if self.unfinished[p]:
                continue  # a headline sums up the article: it is no telling of each fact in it
            for key in keys:
                runs = self.clusters.get(key)
                if not runs or len(runs) < 2 or key == self.owner[p] or p in runs.get(self.doc_of[p], ()):
                    continue
                if any(frozenset((p, i)) in self.forbidden for run in runs.values() for i in run):
                    continue
                support = [self.known_score(p, run) for d, run in runs.items() if d != self.doc_of[p]]
                if sum(support) >= level * len(support) and min(support) >= level / 2:
                    offers.append((sum(support) / len(support), p, key))
        # Near-duplicate sentences would otherwise pile every look-alike into every claim: a passage
        # joins its best-supported further claims only.
        joins: dict[int, list[int]] = {}
        taken: dict[int, int] = {}
        for _mean, p, key in sorted(offers, key=lambda o: (-o[0], o[1], o[2])):
            if taken.get(p, 0) < MAX_FURTHER:
                taken[p] = taken.get(p, 0) + 1
                joins.setdefault(key, []).append(p)
        return joins


def is_sentence(text: str) -> bool:
    """Tell whether a passage ends as a sentence does (a headline or a label does not)."""
    return text.rstrip()[-1:] in ".!?\"”’'…)"


def _claim_from(
    runs: dict[int, list[int]], builder: _Builder, passages: list[Passage], manual: set[frozenset[int]]
) -> Claim:
    """Return the claim (links, pivot, key, score) of one finished cluster."""
    docs = sorted(runs)
    links: list[Link] = []
    pair_scores: list[float] = []
    centrality: dict[int, float] = {d: 0.0 for d in docs}
    for x, da in enumerate(docs):
        for db in docs[x + 1 :]:
            score = round(builder.run_score(runs[da], runs[db]), 4)
            pair_scores.append(score)
            centrality[da] += score
            centrality[db] += score
            for i in runs[da]:
                for j in runs[db]:
                    links.append(
                        Link(passages[i].id, passages[j].id, round(builder.score(i, j), 4), frozenset((i, j)) in manual)
                    )
    members = tuple(passages[i].id for d in docs for i in runs[d])
    # a headline is a poor reference for word diffs: prefer members that are whole sentences
    pivot_doc = max(docs, key=lambda d: (any(is_sentence(passages[i].text) for i in runs[d]), centrality[d], -d))
    pivot = next((i for i in runs[pivot_doc] if is_sentence(passages[i].text)), runs[pivot_doc][0])
    texts = sorted(normalize_text(passages[i].text) for d in docs for i in runs[d])
    key = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    score = round(sum(pair_scores) / len(pair_scores), 4) if pair_scores else 0.0
    return Claim(id="", key=key, score=score, members=members, links=tuple(links), pivot=passages[pivot].id)


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

    Large corpora get the rows as one numpy matrix (batched, same values); small ones as lists,
    so that aligning a few articles never imports numpy.
    """
    pairs = candidates(found.unit, doc_of, CANDIDATE_FLOOR, PER_ROW, should_cancel)
    check(should_cancel)
    facts = passage_facts(passages, found)
    if len(passages) > SMALL_CORPUS:
        first, second, rows, best = pair_matrix(pairs, found, facts, doc_of, should_cancel)
        keys = list(zip(first.tolist(), second.tolist()))
    else:
        best = best_per_document(pairs, doc_of)
        keys, rows = [], []
        for number, (cosine, i, j) in enumerate(pairs):
            if number % 5000 == 4999:
                check(should_cancel)
            i, j = min(i, j), max(i, j)
            keys.append((i, j))
            rows.append(pair_features(cosine, i, j, found, facts, best, doc_of))

    def describe(i: int, j: int) -> list[float]:
        return pair_features(dot(found.unit[i], found.unit[j]), i, j, found, facts, best, doc_of)

    return keys, rows, describe


def scored(keys: list[tuple[int, int]], rows: Sequence, model: dict) -> dict[tuple[int, int], float]:
    """Return {pair: the linker's probability} of the rows pair_table gave."""
    if isinstance(rows, list):
        return {key: probability(row, model) for key, row in zip(keys, rows)}
    return dict(zip(keys, probabilities(rows, model)))


def cluster(
    doc_of: list[int],
    pair: dict[tuple[int, int], float],
    params: AlignParams,
    forced: Sequence[tuple[int, int]] = (),
    forbidden: AbstractSet[frozenset[int]] = frozenset(),
    should_cancel=None,
    scorer: Optional[Callable[[int, int], float]] = None,
    unfinished: Sequence[bool] = (),
) -> _Builder:
    """Return the builder after offering every scored pair, most likely first.

    `unfinished` tells which passages do not end as sentences (headlines): they never extend a run.
    """
    builder = _Builder(pair, doc_of, set(forbidden), params, scorer, unfinished)
    for i, j in forced:
        builder.force(i, j)
    floor = min(params.link, params.extend)
    ordered = sorted(((p, i, j) for (i, j), p in pair.items() if p >= floor), key=lambda c: (-c[0], c[1], c[2]))
    for number, (score, i, j) in enumerate(ordered):
        if number % 5000 == 4999:
            check(should_cancel)
        builder.offer(score, i, j)
    return builder


def _without_contained(groups: list[dict[int, list[int]]]) -> list[dict[int, list[int]]]:
    """Drop each group whose passages all sit in a larger (or an earlier equal) group.

    Joins can grow one claim over another (two sentences repeated in two articles): the smaller
    claim would only repeat the larger one's links and divergences.
    """
    kept: list[tuple[frozenset[int], dict[int, list[int]]]] = []
    for group in sorted(groups, key=lambda g: -sum(map(len, g.values()))):
        members = frozenset(i for run in group.values() for i in run)
        if not any(members <= other for other, _ in kept):
            kept.append((members, group))
    return [group for _, group in kept]


def claims_of(
    builder: _Builder, passages: list[Passage], forced: Sequence[tuple[int, int]] = ()
) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
    """Return the ordered claims of a finished builder and the ids of the passages left unique."""
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
    claims = [_claim_from(runs, builder, passages, manual) for runs in _without_contained(grown)]
    claimed = {pid for claim in claims for pid in claim.members}
    return order_claims(claims), tuple(p.id for p in passages if p.id not in claimed)


def align_documents(
    documents: Sequence[Document],
    edits: Sequence[AlignmentEdit] = (),
    progress: Optional[Callable[[float], None]] = None,
    should_cancel: Optional[Callable[[], bool]] = None,
    params: AlignParams = AlignParams(),
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
        lambda i, j: probability(describe(i, j), model),
        [not is_sentence(p.text) for p in passages],
    )
    report(0.9)
    claims, unique = claims_of(builder, passages, forced)
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
