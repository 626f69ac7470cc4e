"""Grow claims from scored passage pairs: average linkage, runs of adjacent sentences, further claims."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, repeat
from operator import ge
from typing import AbstractSet, Callable, Iterable, Optional, Sequence, cast

from core.align.linker import LINKER
from core.align.vectors import check

# Thresholds on the linker's probability, chosen on the development corpus by bench/fit_linker.py
# (leave-one-event-out figures in bench/evaluate.py): they move with the learned weights.
# (LINKER is a generated dict of mixed values: mypy sees object, these entries are floats.)
LINK_THRESHOLD = cast(float, LINKER["link"])  # a pair must be at least this likely to start or join a claim
JOIN_THRESHOLD = cast(float, LINKER["join"])  # mean likelihood every member needs with the other members
EXTEND_THRESHOLD = cast(float, LINKER["extend"])  # mean likelihood an adjacent sentence needs to lengthen a run
ALSO_THRESHOLD = cast(float, LINKER["also"])  # mean likelihood a passage needs to join a further claim
MAX_RUN = 3  # longest run of adjacent sentences that may match one sentence
MAX_FURTHER = 3  # further claims one passage may join besides its own


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the alignment; the defaults are the fitted ones."""

    link: float = LINK_THRESHOLD
    join: float = JOIN_THRESHOLD
    extend: float = EXTEND_THRESHOLD
    max_run: int = MAX_RUN
    also: float = ALSO_THRESHOLD


FITTED = AlignParams()


class ClaimBuilder:
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
        # Per cluster and run (by document): the sum of the run's scores with the cluster's other
        # runs, kept up to date as clusters merge, so a merge check reads only the new cross scores.
        self.support: dict[int, dict[int, float]] = {i: {doc_of[i]: 0.0} for i in range(len(doc_of))}

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
        if len(run) == 1:  # most runs are one sentence: one look-up, no generator
            i = run[0]
            return self.pair.get((p, i) if p < i else (i, p), 0.0)
        return max(self.pair.get((p, i) if p < i else (i, p), 0.0) for i in run)

    def run_score(self, left: list[int], right: list[int]) -> float:
        """Return how well two runs match: their best passage pair."""
        if len(left) == 1 and len(right) == 1:  # most runs are one sentence: no generator
            return self.score(left[0], right[0])
        return max(self.score(i, j) for i in left for j in right)

    def _coherent(self, ka: int, kb: int) -> dict[tuple[int, int], float] | None:
        """Return the cross scores of two claims when they support each other and every member of
        the merged claim is supported, else None.

        Both are means (average linkage), so one strong link between two claims is not enough:
        a sentence bridging two facts does not chain them into one claim.
        """
        a, b = self.clusters[ka], self.clusters[kb]
        cross = {}
        pair, score = self.pair, self.score
        for da, ra in a.items():
            for db, rb in b.items():
                if len(ra) == 1 and len(rb) == 1:  # most runs are one sentence: one look-up
                    i, j = ra[0], rb[0]
                    found = pair.get((i, j) if i < j else (j, i))
                    cross[(da, db)] = score(i, j) if found is None else found
                else:
                    cross[(da, db)] = self.run_score(ra, rb)
        if sum(cross.values()) < self.params.join * len(a) * len(b):
            return None
        need = self.params.join * (len(a) + len(b) - 1)
        with_b = dict.fromkeys(a, 0.0)
        with_a = dict.fromkeys(b, 0.0)
        for (da, db), value in cross.items():
            with_b[da] += value
            with_a[db] += value
        for own, added in ((self.support[ka], with_b), (self.support[kb], with_a)):
            if any(own[d] + extra < need for d, extra in added.items()):
                return None
        return cross

    def _supports(self, key: int) -> None:
        """Recompute a cluster's run supports from scratch (after a run changed)."""
        runs = self.clusters[key]
        self.support[key] = {
            d: sum(self.run_score(run, other) for e, other in runs.items() if e != d) for d, run in runs.items()
        }

    def _allowed(self, a: dict[int, list[int]], b: dict[int, list[int]]) -> bool:
        """Tell whether no unlinked pair would end up in one claim."""
        if not self.forbidden:
            return True
        left = [i for run in a.values() for i in run]
        right = [j for run in b.values() for j in run]
        return not any(frozenset((i, j)) in self.forbidden for i in left for j in right)

    def _absorb(self, keep: int, gone: int, cross: dict[tuple[int, int], float] | None = None) -> None:
        """Move every run of cluster `gone` into cluster `keep` (cross: their scores, when known)."""
        target, source = self.clusters[keep], self.clusters.pop(gone)
        gone_support = self.support.pop(gone)
        for doc, run in source.items():
            target[doc] = sorted(set(target.get(doc, ())) | set(run))
            for i in run:
                self.owner[i] = keep
        if cross is None:
            self._supports(keep)  # runs may have grown: read them again
            return
        support = self.support[keep]
        support.update(gone_support)
        for (da, db), value in cross.items():
            support[da] += value
            support[db] += value

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
            if score >= self.params.link:
                cross = self._coherent(ki, kj)
                if cross is not None:
                    self._absorb(ki, kj, cross)
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
        owner = self.owner
        # the pairs at or above the level picked out in C: most candidate pairs are weaker
        for i, j in compress(self.pair, map(ge, self.pair.values(), repeat(level))):
            near.setdefault(i, set()).add(owner[j])
            near.setdefault(j, set()).add(owner[i])
        offers: list[tuple[float, int, int, list[float]]] = []  # (mean support, passage, claim, supports)
        pair_get, half = self.pair.get, level / 2
        for p, keys in near.items():
            if self.unfinished[p]:
                continue  # a headline sums up the article: it is no telling of each fact in it
            own_doc = self.doc_of[p]
            for key in keys:
                runs = self.clusters.get(key)
                if not runs or len(runs) < 2 or key == self.owner[p] or p in runs.get(own_doc, ()):
                    continue
                if self.forbidden and any(frozenset((p, i)) in self.forbidden for run in runs.values() for i in run):
                    continue
                # Each other document's support, stopping at the first below half the level: most
                # candidate claims fail there (near-duplicate sentences meet nearly every claim).
                support = []
                for d, run in runs.items():
                    if d == own_doc:
                        continue
                    if len(run) == 1:  # most runs are one sentence: one look-up
                        i = run[0]
                        value = pair_get((p, i) if p < i else (i, p), 0.0)
                    else:
                        value = self.known_score(p, run)
                    if value < half:
                        break
                    support.append(value)
                else:
                    if sum(support) >= level * len(support):
                        offers.append((sum(support) / len(support), p, key, support))
        # Near-duplicate sentences would otherwise pile every look-alike into every claim: a passage
        # joins its best-supported further claims only.
        joins: dict[int, list[int]] = {}
        taken: dict[int, int] = {}
        for _mean, p, key, support in sorted(offers, key=lambda o: (-o[0], o[1], o[2])):
            if taken.get(p, 0) >= MAX_FURTHER:
                continue
            if self.forbidden and any(frozenset((p, q)) in self.forbidden for q in joins.get(key, ())):
                continue  # two passages joining one claim may be an unlinked pair themselves
            # Passages that joined before are members too: two sentences that each tell a claim's
            # fact beside others of their own must tell it to each other, or they only share a
            # neighbour (the same average-linkage rule, over the grown claim).
            joined = [self.score(p, q) for q in joins.get(key, ()) if self.doc_of[q] != self.doc_of[p]]
            if joined and (
                sum(support) + sum(joined) < level * (len(support) + len(joined)) or min(joined) < level / 2
            ):
                continue
            taken[p] = taken.get(p, 0) + 1
            joins.setdefault(key, []).append(p)
        return joins

    def left_out_pairs(self, held: AbstractSet[int], alike: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Return (passage, match) pairs that make claims of two for passages no claim took.

        Average linkage leaves a passage unique when the claim its match sits in does not support
        it as a whole: another source tells the fact inside a claim whose other members share more
        with each other than with it, or its own source tells the fact twice and the claim already
        holds the other telling. Its match is kept as a claim of its own, beside the match's claim,
        when the two are each other's closest wording in their two articles (`alike`: the
        candidate pairs whose cosine is the best of both passages in the other's article) and the
        linker finds them likely enough to start a claim. One such claim per passage left out,
        its likeliest; never for a headline or a pair the checker unlinked.
        """
        link, doc_of, unfinished = self.params.link, self.doc_of, self.unfinished
        offers = []
        for i, j in alike:
            p = self.pair.get((i, j) if i < j else (j, i), 0.0)
            if p < link or unfinished[i] or unfinished[j] or doc_of[i] == doc_of[j]:
                continue
            if self.forbidden and frozenset((i, j)) in self.forbidden:
                continue
            for a, b in ((i, j), (j, i)):
                if a not in held:
                    offers.append((-p, a, b))
        pairs: list[tuple[int, int]] = []
        paired: set[int] = set()
        for _p, a, b in sorted(offers):
            if a in paired or b in paired:
                continue
            paired.add(a)
            if b not in held:
                # Two passages left out that are likely enough would have been merged into a claim;
                # should a pair of them come here all the same, it makes one claim, not two.
                paired.add(b)
            pairs.append((a, b))
        return pairs


def is_sentence(text: str) -> bool:
    """Tell whether a passage ends as a sentence does (a headline or a label does not)."""
    return text.rstrip()[-1:] in ".!?\"”’'…)"


def cluster(
    doc_of: list[int],
    pair: dict[tuple[int, int], float],
    params: AlignParams,
    forced: Sequence[tuple[int, int]] = (),
    forbidden: AbstractSet[frozenset[int]] = frozenset(),
    should_cancel=None,
    scorer: Optional[Callable[[int, int], float]] = None,
    unfinished: Sequence[bool] = (),
) -> ClaimBuilder:
    """Return the builder after offering every scored pair, most likely first.

    `unfinished` tells which passages do not end as sentences (headlines): they never extend a run.
    """
    builder = ClaimBuilder(pair, doc_of, set(forbidden), params, scorer, unfinished)
    for i, j in forced:
        builder.force(i, j)
    floor = min(params.link, params.extend)
    # most likely first, then the earlier pair: tuples of the negated score sort natively (no key function)
    ordered = sorted([(-p, i, j) for (i, j), p in pair.items() if p >= floor])
    for number, (negated, i, j) in enumerate(ordered):
        if number % 5000 == 4999:
            check(should_cancel)
        builder.offer(-negated, i, j)
    return builder
