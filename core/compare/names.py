"""Compare the first names sources give one titled person (Judge Ann Vell vs Judge Ada Vell)."""

from __future__ import annotations

import re

from core.compare.normalize import fold
from core.compare.slots import Slot
from core.compare.slots_lexicon import STATUS_WORDS, TITLE_WORDS
from core.compare.tellings import Finding, Located, Telling

_TITLE_PARTS = frozenset(w for title in TITLE_WORDS for w in title.split()) | STATUS_WORDS
_NAME_RE = re.compile(r"([A-Z][a-z’'\-]+)\s+([A-Z][\w’'\-]*)$")


def _first_name(telling: Telling, located: Located) -> tuple[str, Located] | None:
    """Return the first name a title slot gives its person, narrowed to "First Surname"."""
    slot = located.slot
    match = _NAME_RE.search(slot.text)
    if not match or match.group(1).lower() in _TITLE_PARTS:
        return None
    start = slot.start + match.start()
    narrowed = Slot("actor", start, slot.end, slot.text[match.start() :], match.group(1), slot.subject)
    return fold(match.group(1)), Located(narrowed, located.passage)


def _same_name(a: str, b: str) -> bool:
    """Tell whether two first names may be one (equal, or one the other's initial)."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def first_name_clashes(tellings: list[Telling]) -> list[Finding]:
    """Return one actor finding per titled surname given different first names by two sources."""
    by_person: dict[str, list[tuple[int, str, Located]]] = {}
    for index, telling in enumerate(tellings):
        for located in telling.slots:
            if located.slot.type == "title" and located.slot.subject:
                named = _first_name(telling, located)
                if named:
                    by_person.setdefault(located.slot.subject, []).append((index, *named))
    findings = []
    for mentions in by_person.values():
        clash = any(
            not _same_name(a, b) and tellings[i].doc != tellings[j].doc for i, a, _ in mentions for j, b, _ in mentions
        )
        # A source naming two people of one surname (a family) gives no clash of its own.
        per_doc: dict[str, set[str]] = {}
        for i, name, _ in mentions:
            per_doc.setdefault(tellings[i].doc, set()).add(name)
        if not clash or any(len(names) > 1 for names in per_doc.values()):
            continue
        picks: dict[int, list[Located]] = {}
        for i, _, located in mentions:
            picks.setdefault(i, []).append(located)
        values = {i: slots[0].slot.value for i, slots in picks.items()}
        findings.append(Finding("actor", sorted(picks.items()), values))
    return findings
