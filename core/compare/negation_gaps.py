"""Find negations another telling contradicts: the denied verb, or the denied thing, stated plainly."""

from __future__ import annotations

import re

from core.compare.slots import Slot
from core.compare.tellings import OBJECT_WINDOW, PLAIN_WORD_RE
from core.compare.tellings import Finding as _Finding, Located as _Located, Telling as _Telling
from core.compare.tellings import passage_at as _passage_at, stems_of
from core.ingest.textnorm import STOPWORDS, content_words, stem


def negation_gaps(tellings: list[_Telling]) -> list[_Finding]:
    """Return negations whose verb another telling states without the negation."""
    findings = []
    for index, telling in enumerate(tellings):
        for located in telling.slots:
            slot = located.slot
            if slot.type != "negation" or not slot.value or len(slot.value) < 3:
                continue
            if _stated_too(telling, slot):
                continue  # "pleaded not guilty ... found guilty": the source gives both itself
            picks, values = [(index, [located])], {index: "not " + slot.value}
            for other_index, other in enumerate(tellings):
                if other.doc == telling.doc:
                    continue
                if slot.value not in stems_of(other.text):
                    # "does not show a tail" vs "a faint tail has emerged": the thing denied, stated.
                    stated = _object_stated(telling, slot, other)
                    if stated is not None:
                        picks.append((other_index, [stated]))
                        values[other_index] = stated.slot.value
                    continue
                if any(s.slot.type == "negation" and s.slot.value == slot.value for s in other.slots):
                    continue
                verb = _verb_span(other, slot.value)
                if (
                    verb is not None
                    and _same_object(telling, slot.end, other, verb.slot.end)
                    and not _absent(other, verb)
                ):
                    picks.append((other_index, [verb]))
                    values[other_index] = slot.value
            if len(picks) > 1:
                # The same verb stated and denied is a clash, not an omission: no discount.
                findings.append(_Finding("negation", picks, values))
    return findings


_CLAUSE_RE = re.compile(r"[^,.;:()\u2013\u2014]+")
PRESENCE_STEMS = frozenset(
    {
        "have",
        "has",
        "had",
        "show",
        "exhibit",
        "display",
        "contain",
        "includ",
        "featur",
        "carry",
        "carri",
        "detect",
        "find",
        "found",
        "see",
        "seen",
        "reveal",
        "posses",
        "bear",
        "involv",
    }
)
OBJECT_WORDS = 3  # content words after a denied verb that name what is denied
# Words that state an absence of what follows them ("a lack of", "without", "no"), and how far
# before the thing they may stand ("a lack of working radar").
_ABSENCE_BEFORE_RE = re.compile(
    r"\b(?:lack(?:s|ed|ing)?|absence|absent|without|no|none|devoid|short\s+of|out\s+of)\b(?:\s+of)?(?:\s+\w+){0,2}\s*$",
    re.I,
)
ABSENCE_REACH = 40


def _object_stated(telling: _Telling, slot: Slot, other: _Telling) -> _Located | None:
    """Return the span of another telling that states, with no negation, what a negation denies.

    Only a denied presence counts ("does not show a tail"): "might not deter aggression" denies
    an effect, and aggression named elsewhere states nothing about it.
    """
    if slot.value not in PRESENCE_STEMS:
        return None
    clause = _CLAUSE_RE.match(telling.text, slot.end - telling.start)
    words = (
        [w for w in PLAIN_WORD_RE.findall(clause.group().lower()) if len(w) >= 4 and w not in STOPWORDS][:OBJECT_WORDS]
        if clause
        else []
    )
    if len(words) < 2:
        return None
    found = [m for w in words for m in re.finditer(rf"\b{w}\b", other.text, re.I)]
    if len({m.group().lower() for m in found}) < 2:
        return None
    start, end = min(m.start() for m in found), max(m.end() for m in found)
    if end - start > 2 * OBJECT_WINDOW or any(s.slot.type == "negation" for s in other.slots):
        return None
    if _ABSENCE_BEFORE_RE.search(other.text, max(0, start - ABSENCE_REACH), start):
        return None  # "a lack of working radar" denies it too: the same absence, worded as a noun
    span = Slot("negation", other.start + start, other.start + end, other.text[start:end], "stated")
    return _Located(span, _passage_at(other, span.start))


def _absent(telling: _Telling, located: _Located) -> bool:
    """Tell whether a telling states the absence of the words at `located` ("a lack of working radar")."""
    start = located.slot.start - telling.start
    return _ABSENCE_BEFORE_RE.search(telling.text, max(0, start - ABSENCE_REACH), start) is not None


def _stated_too(telling: _Telling, slot: Slot) -> bool:
    """Tell whether a telling also states, outside the negation, the verb it negates."""
    count = sum(1 for word in PLAIN_WORD_RE.findall(telling.text.lower()) if stem(word) == slot.value)
    return count > 1


def _same_object(a: _Telling, a_end: int, b: _Telling, b_end: int) -> bool:
    """Tell whether the words after a verb in two tellings name the same thing (or both nothing)."""
    after_a = set(content_words(a.text[a_end - a.start : a_end - a.start + OBJECT_WINDOW])[:3])
    after_b = set(content_words(b.text[b_end - b.start : b_end - b.start + OBJECT_WINDOW])[:3])
    return bool(after_a & after_b) or not (after_a or after_b)


def _verb_span(telling: _Telling, verb_stem: str) -> _Located | None:
    """Return the first word of a telling whose stem is verb_stem, with an auxiliary before it."""
    for match in re.finditer(
        r"(?:\b(?:will|would|can|could|did|does|do|has|have|had|is|are|was|"
        r"were|to)\s)?\b([A-Za-z]+)\b",
        telling.text,
    ):
        if stem(match.group(1).lower()) == verb_stem:
            start, end = telling.start + match.start(), telling.start + match.end()
            passage = _passage_at(telling, start)
            return _Located(Slot("negation", start, end, match.group(), verb_stem), passage)
    return None
