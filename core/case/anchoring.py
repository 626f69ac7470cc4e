"""W3C Web Annotation anchors: make a quote+position selector, find it again, or call it orphaned."""

from __future__ import annotations

from typing import Optional

from diff_match_patch import diff_match_patch

from core.case.records import TextSelector

# Candidate weights from the Hypothesis client (match-quote.ts).
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
# A fuzzy candidate must read almost like the quote and sit in its old surroundings; a
# look-alike sentence elsewhere fails on context and becomes an orphan, never a silent move.
MIN_FUZZY_QUOTE = 0.75
MIN_CONTEXT = 0.5
MIN_FUZZY_SCORE = 0.75
# A long quote found exactly once is specific enough to follow even when its context changed;
# shorter quotes are only followed when they are found word for word.
UNIQUE_QUOTE_CHARS = 24
PATTERN_MAX = 32  # diff-match-patch's Match_MaxBits


def make_selector(text: str, start: int, end: int, context: int = 32) -> TextSelector:
    """Return the quote, prefix, suffix and position selector of text[start:end]."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}:{end} is outside a text of {len(text)} characters")
    return TextSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def _matcher() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # results must not depend on machine load
    dmp.Match_Threshold = 0.4
    # Bitap only looks about this far from the old position (it costs time in proportion);
    # quotes moved further are found through their unchanged prefix or suffix instead.
    dmp.Match_Distance = 1000
    return dmp


def similarity(dmp: diff_match_patch, a: str, b: str) -> float:
    """Return 1 - edit distance / longer length (1.0 for equal strings, 0.0 for nothing shared)."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    return 1.0 - dmp.diff_levenshtein(dmp.diff_main(a, b, False)) / longest


def _context_scores(dmp, selector: TextSelector, text: str, start: int, end: int) -> tuple[float, float]:
    # A prefix shorter than the suffix was cut by the start of the text: the candidate must
    # then be near the start too, so compare equal widths rather than trusting an empty prefix.
    width = max(len(selector.prefix), len(selector.suffix))
    prefix = text[max(0, start - width) : start]
    suffix = text[end : end + width]
    p = similarity(dmp, selector.prefix, prefix) if (selector.prefix or prefix) else 1.0
    s = similarity(dmp, selector.suffix, suffix) if (selector.suffix or suffix) else 1.0
    return p, s


def _score(dmp, selector: TextSelector, text: str, start: int, end: int) -> tuple[float, float, float]:
    """Return (total 0..1, quote similarity, context similarity) of one candidate."""
    q = similarity(dmp, selector.exact, text[start:end])
    p, s = _context_scores(dmp, selector, text, start, end)
    position = 1.0 - min(1.0, abs(start - selector.start) / max(1, len(text)))
    total = QUOTE_WEIGHT * q + PREFIX_WEIGHT * p + SUFFIX_WEIGHT * s + POSITION_WEIGHT * position
    return total / MAX_SCORE, q, (p + s) / 2


def _exact_candidates(selector: TextSelector, text: str) -> list[int]:
    found, at = [], text.find(selector.exact)
    while at != -1:
        found.append(at)
        at = text.find(selector.exact, at + 1)
    return found


def _fuzzy_candidates(dmp, selector: TextSelector, text: str) -> set[tuple[int, int]]:
    exact, length = selector.exact, len(selector.exact)
    found: set[tuple[int, int]] = set()
    head = exact[:PATTERN_MAX]
    head_at = dmp.match_main(text, head, min(max(0, selector.start), len(text)))
    if head_at != -1:
        if length <= PATTERN_MAX:
            found.add((head_at, min(len(text), head_at + length)))
        else:
            # Long quotes: match the tail near where the head puts it, take what lies between.
            tail = exact[-PATTERN_MAX:]
            tail_at = dmp.match_main(text, tail, min(len(text), head_at + length - len(tail)))
            if tail_at > head_at:
                found.add((head_at, tail_at + len(tail)))
            found.add((head_at, min(len(text), head_at + length)))
    # The old neighbours found exactly once frame the quote even when its words changed.
    if len(selector.prefix) >= 8 and text.count(selector.prefix) == 1:
        start = text.index(selector.prefix) + len(selector.prefix)
        if len(selector.suffix) >= 8:
            end = text.find(selector.suffix, start)
            if end != -1 and end - start <= 2 * length + 8:
                found.add((start, end))
        found.add((start, min(len(text), start + length)))
    return {(s, e) for s, e in found if 0 <= s < e <= len(text)}


def anchor(selector: TextSelector, text: str) -> Optional[tuple[int, int]]:
    """Return where the selector's quote is in text now, or None when it is orphaned."""
    exact = selector.exact
    if not exact:
        return None
    if text[selector.start : selector.end] == exact:
        return selector.start, selector.end
    dmp = _matcher()
    has_context = bool(selector.prefix or selector.suffix)
    exact_hits = _exact_candidates(selector, text)
    if exact_hits:
        scored = sorted(
            ((_score(dmp, selector, text, s, s + len(exact)), s) for s in exact_hits),
            key=lambda item: (-item[0][0], abs(item[1] - selector.start)),
        )
        (total, _q, context), start = scored[0]
        unique = len(exact_hits) == 1
        if (
            (has_context and context >= MIN_CONTEXT)
            or (unique and len(exact) >= UNIQUE_QUOTE_CHARS)
            or (unique and not has_context)
        ):
            return start, start + len(exact)
    if len(exact) < UNIQUE_QUOTE_CHARS:
        return None  # in a name or a number, one changed character is a different fact
    best = None
    for start, end in _fuzzy_candidates(dmp, selector, text):
        total, q, context = _score(dmp, selector, text, start, end)
        if q >= MIN_FUZZY_QUOTE and context >= MIN_CONTEXT and total >= MIN_FUZZY_SCORE:
            if best is None or total > best[0]:
                best = (total, start, end)
    return (best[1], best[2]) if best else None
