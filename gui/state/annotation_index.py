"""Annotations by claim, divergence, source and position: built once per change, asked on every move."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def annotation_in_passage(annotation, source_text: str, start: int, end: int) -> bool:
    """Return True when a span or passage annotation lies inside [start, end) and still quotes its text."""
    sel = annotation.selector
    return start <= sel.start and sel.end <= end and source_text[sel.start : sel.end] == sel.exact


def scan_claim_annotations(workspace, claim) -> list:
    """Return the annotations on a claim, its divergences or text inside its members (walks them all)."""
    div_keys = {d.key for d in claim.divergences}
    found = []
    for a in workspace.annotations:
        if a.claim_key == claim.key or a.divergence_key in div_keys:
            found.append(a)
        elif a.selector is not None and a.source_key:
            doc = workspace.document_for(a.source_key)
            if doc is not None and any(
                pid.split(":")[0] == doc.id
                and annotation_in_passage(a, doc.source.text, *_range(workspace.alignment.passage(pid)))
                for pid in claim.members
            ):
                found.append(a)
    return found


def _range(passage) -> tuple[int, int]:
    return passage.start, passage.end


class AnnotationIndex:
    """Answer "which annotations are on this claim" without walking every annotation each time.

    It is marked stale by the workspace's change signals and rebuilt on the next question, so a
    burst of edits costs one rebuild.
    """

    def __init__(self, workspace):
        self.ws = workspace
        self._built_for = None
        self.builds = 0  # how many times the index was rebuilt (tests read it)
        for signal in (workspace.annotationsChanged, workspace.alignmentChanged, workspace.sourcesChanged):
            signal.connect(self.invalidate)

    def invalidate(self) -> None:
        """Rebuild on the next question."""
        self._built_for = None

    def _build(self) -> None:
        annotations = self.ws.annotations
        self._order = {id(a): n for n, a in enumerate(annotations)}
        self._by_claim: dict[str, list] = {}
        self._by_divergence: dict[str, list] = {}
        by_source: dict[str, list] = {}
        for a in annotations:
            if a.claim_key:
                self._by_claim.setdefault(a.claim_key, []).append(a)
            if a.divergence_key:
                self._by_divergence.setdefault(a.divergence_key, []).append(a)
            if a.selector is not None and a.source_key:
                by_source.setdefault(a.source_key, []).append(a)
        self._spans: dict[str, tuple[list[int], list]] = {}
        for key, found in by_source.items():
            found.sort(key=lambda a: a.selector.start)
            self._spans[key] = ([a.selector.start for a in found], found)
        self._built_for = self.ws.alignment
        self.builds += 1

    def _fresh(self) -> None:
        if self._built_for is None or self._built_for is not self.ws.alignment:
            self._build()

    def for_claim(self, claim) -> list:
        """Return the same annotations as scan_claim_annotations, in the workspace's order."""
        self._fresh()
        found: dict[int, object] = {}
        for a in self._by_claim.get(claim.key, ()):
            found[id(a)] = a
        for div in claim.divergences:
            for a in self._by_divergence.get(div.key, ()):
                found[id(a)] = a
        al = self.ws.alignment
        for pid in claim.members:
            doc = al.document_of(pid)
            starts, spans = self._spans.get(doc.source.key, ((), ()))
            if not starts or self.ws.document_for(doc.source.key) is not doc:
                continue
            passage = al.passage(pid)
            for a in spans[bisect_left(starts, passage.start) : bisect_right(starts, passage.end)]:
                if id(a) not in found and annotation_in_passage(a, doc.source.text, passage.start, passage.end):
                    found[id(a)] = a
        return sorted(found.values(), key=lambda a: self._order[id(a)])
