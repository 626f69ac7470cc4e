"""Find family relations and their status ("her estranged husband", "his ex-wife")."""

from __future__ import annotations

import re

# Relations whose status a checker verifies: married, separated, divorced, widowed.
RELATIONS = ("husband", "wife", "spouse", "partner", "boyfriend", "girlfriend", "fiance", "fiancee")
# Status words before the relation, each with the state it says.
STATUSES = {
    "ex": "ex",
    "former": "ex",
    "estranged": "estranged",
    "separated": "estranged",
    "late": "late",
    "divorced": "ex",
    "new": "",
    "then": "",
}
_RELATION_RE = re.compile(
    rf"\b(?:(ex-|former |estranged |separated |late |divorced )\s*)?"
    rf"({'|'.join(RELATIONS)})(?:['’]s)?\b",
    re.I,
)
TRIGGERS = frozenset(RELATIONS)


def find_relations(text: str) -> list[tuple[int, int, str, str]]:
    """Return (start, end, status, relation) of each relation word, status "" when none is said."""
    found = []
    for match in _RELATION_RE.finditer(text):
        status = (match.group(1) or "").strip(" -").lower()
        found.append((match.start(), match.end(), STATUSES.get(status, status) or "current", match.group(2).lower()))
    return found
