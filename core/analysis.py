"""Run the whole engine on a set of sources: documents, manual edits, claims, divergences."""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import replace
from typing import Callable, Iterator, Optional, Sequence

from core.align.claims import align_documents, resolve_ref
from core.errors import Cancelled
from core.ingest.sentences import trimmed_range
from core.model import Alignment, AlignmentEdit, Document, Passage, Source


def _renumbered(document: Document, spans: list[tuple[int, int]]) -> Document:
    """Return the document with passages rebuilt from (start, end) ranges, ids dN:p0.. in order."""
    text = document.source.text
    passages = tuple(
        Passage(id=f"{document.id}:p{n}", doc=document.id, index=n, start=s, end=e, text=text[s:e])
        for n, (s, e) in enumerate(sorted(spans))
    )
    return replace(document, passages=passages)


def _split(document: Document, passage: Passage, at: int) -> Document:
    """Cut one passage at an absolute offset into two passages (no-op when `at` is not inside it)."""
    text = document.source.text
    left = trimmed_range(text, passage.start, at)
    right = trimmed_range(text, at, passage.end)
    if left[0] >= left[1] or right[0] >= right[1]:
        return document
    spans = [(p.start, p.end) for p in document.passages if p.id != passage.id] + [left, right]
    return _renumbered(document, spans)


def _merge(document: Document, first: Passage, second: Passage) -> Document:
    """Join two adjacent passages into one spanning both (no-op when they are not adjacent)."""
    if abs(first.index - second.index) != 1:
        return document
    start, end = min(first.start, second.start), max(first.end, second.end)
    spans = [(p.start, p.end) for p in document.passages if p.id not in (first.id, second.id)]
    return _renumbered(document, spans + [(start, end)])


def apply_passage_edits(documents: Sequence[Document], edits: Sequence[AlignmentEdit]) -> list[Document]:
    """Return the documents with the split and merge edits applied, in the order they were made."""
    result = list(documents)
    for edit in edits:
        if edit.kind not in ("split", "merge"):
            continue
        passage = resolve_ref(result, edit.a)
        if passage is None:
            continue
        number = int(passage.doc[1:])
        if edit.kind == "split" and edit.at is not None:
            result[number] = _split(result[number], passage, edit.at)
        elif edit.kind == "merge" and edit.b is not None:
            other = resolve_ref(result, edit.b)
            if other is not None and other.doc == passage.doc:
                result[number] = _merge(result[number], passage, other)
    return result


def _stage(progress: Optional[Callable[[float], None]], low: float, high: float):
    """Return a progress callable mapping a stage's 0..1 onto low..high of the whole run."""
    if progress is None:
        return None
    return lambda fraction: progress(low + (high - low) * fraction)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a while, restoring its state afterwards.

    The analysis allocates millions of small acyclic objects (tokens, slots, pairs), and each
    automatic collection walks all of them again: about a sixth of the time at 20 articles.
    Reference counting still frees everything; cycles wait for the next collection.
    """
    # Only on the main thread (the command line): the switch is process-wide, and in the window
    # analyses run on worker threads, may overlap, and would turn collection back on under each
    # other while the UI thread creates and frees Qt objects.
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What survived the run (the result, the text memos) lives on: it moves straight to the
            # oldest generation (freeze, then unfreeze), so that the first allocation after
            # enable() does not walk all of it as young objects (a quarter of a second at 50
            # articles). Cycles among it are still found by the next full collection.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def analyze(
    sources: Sequence[Source],
    edits: Sequence[AlignmentEdit] = (),
    progress: Optional[Callable[[float], None]] = None,
    should_cancel: Optional[Callable[[], bool]] = None,
    on_claims: Optional[Callable[[Alignment], None]] = None,
) -> Alignment:
    """Return the alignment of the sources (d0.. in the order given) with divergences and contradictions.

    on_claims, when given, receives the claims as soon as they exist (an Alignment whose claims
    carry no divergences yet, with no contradictions and no fact sheet), before the second stage
    runs: a window paints the aligned texts while the divergences are still being found.
    """
    with collector_paused():
        claimed = align_stage(sources, edits, _stage(progress, 0.0, 0.7), should_cancel)
        if on_claims is not None:
            on_claims(claimed)
        return compare_stage(claimed, _stage(progress, 0.7, 1.0), should_cancel)


def _checker(should_cancel: Optional[Callable[[], bool]]) -> Callable[[], None]:
    """Return a callable raising Cancelled once should_cancel says so."""

    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("analysis cancelled")

    return check


def align_stage(
    sources: Sequence[Source],
    edits: Sequence[AlignmentEdit] = (),
    progress: Optional[Callable[[float], None]] = None,
    should_cancel: Optional[Callable[[], bool]] = None,
) -> Alignment:
    """Return the documents and their claims (the first stage): claims without divergences yet."""
    from core.ingest.document import build_document

    check = _checker(should_cancel)
    built = []
    for number, source in enumerate(sources):
        check()
        built.append(build_document(source, f"d{number}"))
        if progress is not None:
            progress(0.2 / 0.7 * (number + 1) / max(1, len(sources)))
    documents = tuple(apply_passage_edits(built, edits))
    claims, unique = align_documents(documents, edits, _stage(progress, 0.2 / 0.7, 1.0), should_cancel)
    return Alignment(documents=documents, claims=tuple(claims), unique=unique)


def compare_stage(
    claimed: Alignment,
    progress: Optional[Callable[[float], None]] = None,
    should_cancel: Optional[Callable[[], bool]] = None,
) -> Alignment:
    """Return the first stage's alignment with each claim's divergences, the contradictions and the fact sheet."""
    from core.compare.divergence import find_contradictions, find_divergences
    from core.compare.facts import build_fact_sheet

    check = _checker(should_cancel)
    documents, claims = claimed.documents, claimed.claims
    finished = []
    for number, claim in enumerate(claims):
        if number % 50 == 0:
            check()
        finished.append(replace(claim, divergences=tuple(find_divergences(claim, documents))))
        if progress is not None and number % 50 == 0:
            progress(0.25 / 0.3 * number / max(1, len(claims)))
    check()
    contradictions = tuple(find_contradictions(documents))
    facts = build_fact_sheet(documents)
    if progress is not None:
        progress(1.0)
    return Alignment(
        documents=documents,
        claims=tuple(finished),
        unique=claimed.unique,
        contradictions=contradictions,
        facts=facts,
    )
