"""Group the passages of several documents that report the same fact into claims."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional, Sequence

from core.model import AlignmentEdit, Claim, Document, Link, Passage, PassageRef
from core.ingest.textnorm import normalize_text
from core.align.vectors import Vector, Weights, candidates, check, dot, mutual_best, normalized, one_phrase, weights

# Tuned on the demo gold (resources/samples/planted.json) and read against ../shared/seeds.
LINK_THRESHOLD = 0.30     # a pair of single passages must be at least this similar to link
JOIN_THRESHOLD = 0.25     # mean similarity a passage needs with every member already in a claim
PART_THRESHOLD = 0.12     # each sentence of a multi-sentence run must share this much with its match
RUN_MARGIN = 0.08         # a run must beat its best single sentence by this much
LOOSE_LINK = 0.27         # second pass: mutual best matches with a rare term and real evidence link from here
LOOSE_JOIN = 0.22         # ... and join a claim when their mean similarity reaches this
MIN_TERMS = 3             # passages with fewer content terms (headings, "What did he say?") ...
SHORT_THRESHOLD = 0.7     # ... and pairs sharing one short phrase only link when nearly identical
MAX_RUN = 3               # longest run of adjacent sentences that may match one sentence
FIGURE_BONUS = 0.25       # added per shared anchor figure (90% / 90 per cent): no penalty when they differ


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the alignment; the defaults are the tuned ones."""
    link: float = LINK_THRESHOLD
    join: float = JOIN_THRESHOLD
    part: float = PART_THRESHOLD
    run_margin: float = RUN_MARGIN
    max_run: int = MAX_RUN
    loose: float = LOOSE_LINK
    loose_join: float = LOOSE_JOIN


@dataclass
class _Cluster:
    """A claim under construction: the run of passages each document contributes."""
    runs: dict[int, list[int]]               # doc index -> sorted global passage indices
    members: dict[int, Vector]               # doc index -> normalized vector of that run
    total: Vector = field(default_factory=dict)  # sum of the member vectors
    figures: dict[int, int] = field(default_factory=dict)  # anchor figure -> members having it

    def add_to_total(self, vector: Vector, sign: float = 1.0) -> None:
        """Add (or subtract) a member vector to the running sum."""
        for term, weight in vector.items():
            self.total[term] = self.total.get(term, 0.0) + sign * weight


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
    links = [tuple(sorted(p)) for p, kind in decision.items() if kind == "link"]
    forbidden = {p for p, kind in decision.items() if kind == "unlink"}
    return links, forbidden


class _Builder:
    """Average-linkage clustering with one contiguous run per document and no chaining."""

    def __init__(self, found: Weights, doc_of: list[int], forbidden: set[frozenset[int]],
                 params: AlignParams):
        self.raw, self.unit, self.figures, self.order = found.raw, found.unit, found.figures, found.order
        self.doc_of = doc_of
        self.forbidden, self.params = forbidden, params
        self.owner: list[int] = list(range(len(self.unit)))
        self.clusters: dict[int, _Cluster] = {
            i: _Cluster({doc_of[i]: [i]}, {doc_of[i]: self.unit[i]}, dict(self.unit[i]),
                        dict.fromkeys(self.figures[i], 1))
            for i in range(len(self.unit))}

    def _mean(self, a: _Cluster, b: _Cluster) -> float:
        """Return the mean similarity (figure bonus included) over the member pairs of two claims."""
        shared = sum(count * b.figures.get(t, 0) for t, count in a.figures.items())
        return (dot(a.total, b.total) + FIGURE_BONUS * shared) / (len(a.runs) * len(b.runs))

    def _run_vector(self, run: list[int]) -> Vector:
        """Return the normalized combined vector of a run of adjacent passages."""
        if len(run) == 1:
            return self.unit[run[0]]
        combined: Vector = {}
        for i in run:
            for term, weight in self.raw[i].items():
                combined[term] = combined.get(term, 0.0) + weight
        return normalized(combined)

    def _allowed(self, a: _Cluster, b: _Cluster) -> bool:
        """Tell whether no unlinked pair would end up in one claim."""
        if not self.forbidden:
            return True
        left = [i for run in a.runs.values() for i in run]
        right = [j for run in b.runs.values() for j in run]
        return not any(frozenset((i, j)) in self.forbidden for i in left for j in right)

    def _absorb(self, keep: int, gone: int) -> None:
        """Move every run of cluster `gone` into cluster `keep`."""
        target, source = self.clusters[keep], self.clusters.pop(gone)
        for doc, run in source.runs.items():
            if doc in target.runs:
                target.add_to_total(target.members[doc], -1.0)
                target.runs[doc] = sorted(set(target.runs[doc]) | set(run))
                target.members[doc] = self._run_vector(target.runs[doc])
            else:
                target.runs[doc] = list(run)
                target.members[doc] = source.members[doc]
            target.add_to_total(target.members[doc])
            for i in run:
                self.owner[i] = keep
        target.figures = {}
        for run in target.runs.values():
            for figure in set().union(*(self.figures[i] for i in run)):
                target.figures[figure] = target.figures.get(figure, 0) + 1

    def force(self, i: int, j: int) -> None:
        """Put i and j in one claim (a manual link) when their runs stay contiguous."""
        ki, kj = self.owner[i], self.owner[j]
        if ki == kj:
            return
        a, b = self.clusters[ki], self.clusters[kj]
        for doc in a.runs.keys() & b.runs.keys():
            merged = sorted(set(a.runs[doc]) | set(b.runs[doc]))
            if merged[-1] - merged[0] + 1 != len(merged):
                return
        self._absorb(ki, kj)

    def offer(self, score: float, i: int, j: int) -> None:
        """Consider one candidate link, strongest first: merge, extend a run, or refuse."""
        ki, kj = self.owner[i], self.owner[j]
        if ki == kj:
            return
        a, b = self.clusters[ki], self.clusters[kj]
        shared = a.runs.keys() & b.runs.keys()
        if not self._allowed(a, b):
            return
        if not shared:
            if score < self.params.link:
                return
            if score < SHORT_THRESHOLD and (min(len(self.unit[i]), len(self.unit[j])) < MIN_TERMS or (
                    not self.figures[i] & self.figures[j] and one_phrase(self.order[i], self.order[j]))):
                return
            if self._mean(a, b) >= self.params.join:
                self._absorb(ki, kj)
            return
        if len(shared) == 1:
            if len(b.runs) == 1 and len(b.runs[self.doc_of[j]]) == 1:
                self._extend(ki, j)
            elif len(a.runs) == 1 and len(a.runs[self.doc_of[i]]) == 1:
                self._extend(kj, i)

    def _extend(self, key: int, p: int) -> None:
        """Add passage p to its document's run in a claim when the longer run matches clearly better."""
        cluster, doc = self.clusters[key], self.doc_of[p]
        run = cluster.runs[doc]
        if len(run) >= self.params.max_run or not (p == run[0] - 1 or p == run[-1] + 1):
            return
        if len(cluster.runs) < 2:
            return
        others = {t: w for t, w in cluster.total.items()}
        for term, weight in cluster.members[doc].items():
            others[term] = others.get(term, 0.0) - weight
        count = len(cluster.runs) - 1
        old = dot(others, cluster.members[doc]) / count
        longer = sorted(run + [p])
        new = dot(others, self._run_vector(longer)) / count
        alone = dot(others, self.unit[p]) / count
        if alone < self.params.part or new < self.params.join or new < old + self.params.run_margin:
            return
        self._absorb(key, self.owner[p])


def _claim_from(cluster: _Cluster, passages: list[Passage], manual: set[frozenset[int]]) -> Claim:
    """Return the claim (links, pivot, key, score) of one finished cluster."""
    docs = sorted(cluster.runs)
    links: list[Link] = []
    pair_scores: list[float] = []
    centrality: dict[int, float] = {d: 0.0 for d in docs}
    for x, da in enumerate(docs):
        for db in docs[x + 1:]:
            score = round(dot(cluster.members[da], cluster.members[db]), 4)
            pair_scores.append(score)
            centrality[da] += score
            centrality[db] += score
            for i in cluster.runs[da]:
                for j in cluster.runs[db]:
                    links.append(Link(passages[i].id, passages[j].id, score,
                                      frozenset((i, j)) in manual))
    members = tuple(passages[i].id for d in docs for i in cluster.runs[d])
    pivot_doc = max(docs, key=lambda d: (centrality[d], -d))
    texts = sorted(normalize_text(passages[i].text) for d in docs for i in cluster.runs[d])
    key = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    score = round(sum(pair_scores) / len(pair_scores), 4) if pair_scores else 0.0
    return Claim(id="", key=key, score=score, members=members, links=tuple(links),
                 pivot=passages[cluster.runs[pivot_doc][0]].id)


def _position(pid: str) -> tuple[int, int]:
    """Return (document number, passage number) of a passage id such as "d2:p14"."""
    doc, passage = pid.split(":p")
    return int(doc[1:]), int(passage)


def order_claims(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """Number claims c0.. by the position of their earliest member in the first document having one."""
    ordered = sorted(claims, key=lambda claim: min(_position(pid) for pid in claim.members))
    return tuple(replace(claim, id=f"c{n}") for n, claim in enumerate(ordered))


def align_documents(documents: Sequence[Document], edits: Sequence[AlignmentEdit] = (),
                    progress: Optional[Callable[[float], None]] = None,
                    should_cancel: Optional[Callable[[], bool]] = None,
                    params: AlignParams = AlignParams()) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
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
    per_row = max(8, 3 * (len(documents) - 1))
    scored = [(score + FIGURE_BONUS * len(found.figures[i] & found.figures[j]), i, j)
              for score, i, j in candidates(found.unit, doc_of, params.part, per_row, should_cancel)]
    report(0.6)
    check(should_cancel)
    forced, forbidden = _manual_pairs(documents, edits, index_of)
    builder = _Builder(found, doc_of, forbidden, params)
    for i, j in forced:
        builder.force(i, j)
    scored.sort(key=lambda c: (-c[0], c[1], c[2]))
    for number, (score, i, j) in enumerate(scored):
        if number % 5000 == 4999:
            check(should_cancel)
        builder.offer(score, i, j)
    builder.params = replace(params, link=params.loose, join=params.loose_join)
    for score, i, j in mutual_best(scored, doc_of, found):
        builder.offer(score, i, j)
    builder.params = params
    report(0.9)
    manual = {frozenset(pair) for pair in forced}
    claims = [_claim_from(c, passages, manual) for c in builder.clusters.values() if len(c.runs) >= 2]
    claimed = {pid for claim in claims for pid in claim.members}
    unique = tuple(p.id for p in passages if p.id not in claimed)
    report(1.0)
    return order_claims(claims), unique
