"""Tell where sources say a shared figure comes from (hearsay, a named speaker) and whom it covers."""

from __future__ import annotations

import re
from functools import lru_cache

from core.compare.slots import Slot
from core.compare.tellings import UNSURE_SUBJECT, Finding, Located, Telling
from core.ingest.gates import lower_words


# Words that put a figure down to hearsay, and the said-clause that puts it in a named mouth.
_HEARSAY_RE = re.compile(  # (?=...): the letters a match begins with, one test per position first
    r"(?=[rwsiuepm])\b(?:rumou?r\w*|whisper\w*|speculat\w*|insiders?|unconfirmed|reportedly|"
    r"(?:earlier |previous |industry |media )?reports? (?:had )?suggest\w*)\b",
    re.I,
)
# A named speaker right before the verb, or before an appositive in commas ("Ada Vell, the chief
# executive, said"); "a US official told" and "officials said" name nobody.
_NAMED_RE = re.compile(
    r"\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]+)*(?:,[^,.;]{1,100},)?\s"
    r"(?:said|says|wrote|writes|stated|announced|confirmed|told)\b"
)


_SPEECH_VERBS = frozenset({"said", "says", "wrote", "writes", "stated", "announced", "confirmed", "told"})
# None is a word character, so a hearsay word's \b is the same in a clause as in its sentence
# (what lets _tells_hearsay ask the whole sentence first).
_CLAUSE_MARKS = (",", ";", ":", ".", "\u2014", "(")


@lru_cache(maxsize=1 << 16)  # every figure of a sentence asks it the same question
def names_a_speaker(text: str) -> bool:
    """Tell whether a sentence puts what it says in a named speaker's mouth ("Ada Vell said")."""
    if not lower_words(text) & _SPEECH_VERBS:
        return False  # every match ends with one of these verbs
    return _NAMED_RE.search(text) is not None


@lru_cache(maxsize=1 << 16)  # every figure of a sentence asks it the same question
def _tells_hearsay(text: str) -> bool:
    """Tell whether a sentence has a hearsay word anywhere (most have none)."""
    return _HEARSAY_RE.search(text) is not None


def origin_of(text: str, start: int, end: int) -> str:
    """Return "hearsay" or "named" for where a sentence says its figure at start..end comes from, else ""."""
    # Hearsay counts only in the figure's own clause: "cut 14,000 jobs, confirming the rumours".
    # Clauses end at marks, never inside a word: a sentence with no hearsay word has none in any
    # clause, and its clause need not be cut out.
    if _tells_hearsay(text) and _HEARSAY_RE.search(_clause_around(text, start, end)):
        return "hearsay"
    return "named" if names_a_speaker(text) else ""


def _clause_around(text: str, start: int, end: int) -> str:
    """Return the clause of a sentence that holds text[start:end] (between the marks around it)."""
    clause_start = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    ends = [e for e in (text.find(mark, end) for mark in _CLAUSE_MARKS) if e >= 0]
    return text[clause_start : min(ends, default=len(text))]


def _source_of(telling: Telling, located: Located) -> str:
    """Return "hearsay" or "named" for where the sentence holding a figure says it comes from."""
    passage = next((p for p in telling.passages if p.id == located.passage), None)
    if passage is None:
        return ""
    return origin_of(passage.text, located.slot.start - passage.start, located.slot.end - passage.start)


def source_clashes(tellings: list[Telling], figures: list[list[tuple[int, Located]]]) -> list[Finding]:
    """Return one attribution finding per figure that one source puts in a named person's mouth
    and another puts down to rumour (the same value, two origins).

    `figures` are the groups of paired values that agree (components of the agreeing pairs).
    """
    findings = []
    for component in figures:
        origins = {id(located): _source_of(tellings[i], located) for i, located in component}
        if {"hearsay", "named"} - set(origins.values()):
            continue
        picks: dict[int, list[Located]] = {}
        for index, located in sorted(component, key=lambda item: (item[0], item[1].slot.start)):
            if origins[id(located)]:
                picks.setdefault(index, []).append(located)
        values = {i: origins[id(slots[0])] for i, slots in picks.items()}
        findings.append(Finding("attribution", sorted(picks.items()), values))
    return findings


# A quantifier that limits who gets a figure: "most employees get 90 days" is not all of them.
_PARTIAL_RE = re.compile(
    # "as many as 75%" is a hedge on the figure, not a part of a group ("many [a]s")
    r"(?<!\bthe )(?<!\bat )(?<!\bas )\b(most|some|many|several|a majority of|half of|part of)\s+"
    r"(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?!as\b)([a-z]+s)\b"
)
SCOPE_REACH = 40  # characters before a figure where the quantifier of its recipients stands


def _partial_scope(telling: Telling, located: Located) -> Slot | None:
    """Return the quantifier phrase that limits a figure to part of a group ("most employees")."""
    at = located.slot.start - telling.start
    window_start = max(0, at - SCOPE_REACH)
    match = None
    for match in _PARTIAL_RE.finditer(telling.text, window_start, at):
        pass
    if match is None:
        return None
    return Slot(
        "modality",
        telling.start + match.start(),
        located.slot.end,
        telling.text[match.start() : located.slot.end - telling.start],
        match.group(1),
    )


def scope_clashes(tellings: list[Telling], figures: list[list[tuple[int, Located]]]) -> list[Finding]:
    """Return one modality finding per figure one source gives to part of a group ("most
    employees") and another to the group as a whole (`figures` as for source_clashes)."""
    findings = []
    for component in figures:
        scopes = {id(located): _partial_scope(tellings[i], located) for i, located in component}
        if not any(scopes.values()) or all(scopes.values()):
            continue
        picks: dict[int, list[Located]] = {}
        values: dict[int, str] = {}
        for index, located in sorted(component, key=lambda item: (item[0], item[1].slot.start)):
            scope = scopes[id(located)]
            shown = Located(scope, located.passage) if scope else located
            picks.setdefault(index, []).append(shown)
            values[index] = scope.value if scope else "all"
        findings.append(Finding("modality", sorted(picks.items()), values, confidence=UNSURE_SUBJECT))
    return findings
