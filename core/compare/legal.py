"""Find legal statuses: the offence a person is named in and the stage of the case."""

from __future__ import annotations

import re

# Offences as a class of words (criminal law's common names), each with its own key.
OFFENCES = (
    "murder",
    "manslaughter",
    "homicide",
    "assault",
    "rape",
    "robbery",
    "fraud",
    "theft",
    "kidnapping",
    "terrorism",
    "arson",
    "bribery",
    "corruption",
    "treason",
    "espionage",
    "perjury",
    "extortion",
    "burglary",
    "trafficking",
    "money laundering",
)
# Stages of a case, from suspicion to verdict: two stages for one offence are two statuses.
STAGES = {
    "suspected": "suspected",
    "arrested": "arrested",
    "accused": "charged",
    "charged": "charged",
    "indicted": "charged",
    "convicted": "convicted",
    "found guilty": "convicted",
    "pleaded guilty": "convicted",
    "jailed": "convicted",
    "sentenced": "convicted",
    "acquitted": "acquitted",
    "found not guilty": "acquitted",
    "cleared": "acquitted",
}
_OFFENCE = "|".join(OFFENCES)
_MODIFIED = rf"((?:attempted |attempt(?:ed)? to commit |conspiracy to (?:commit )?)?(?:{_OFFENCE}))"
_VICTIM_RE = re.compile(rf"(?i:\b{_MODIFIED})\s(?:of|against)\s((?:[A-Z][\w’'\-]+\s?){{1,3}})")
_STAGE_RE = re.compile(
    rf"\b({'|'.join(sorted(STAGES, key=len, reverse=True))})\s(?:with|of|for|over|on)"
    rf"\s(?:(?:one|two|three|four|five|\d+|several|multiple)\s(?:counts?\sof\s)?)?"
    rf"{_MODIFIED}\b",
    re.I,
)
TRIGGERS = frozenset(OFFENCES) | frozenset(w for stage in STAGES for w in stage.split())


def _offence_key(phrase: str) -> str:
    """Return "attempted murder" for any attempt, else the offence itself."""
    low = phrase.lower()
    offence = next(o for o in OFFENCES if o in low)
    return f"attempted {offence}" if "attempt" in low else offence


def find_legal(text: str) -> list[tuple[int, int, str, str, str]]:
    """Return (start, end, value, subject, group) of each legal status: the offence a named
    person is the victim of (subject = that name), or the stage of a case (subject = offence)."""
    found = []
    for match in _VICTIM_RE.finditer(text):
        name = match.group(2).strip()
        if re.search(r"['’]s?$", name):
            continue  # "the attempted murder of Heather's husband": the victim is not named
        found.append((match.start(), match.start(2) + len(name), _offence_key(match.group(1)), name.lower(), "offence"))
    for match in _STAGE_RE.finditer(text):
        stage = STAGES[match.group(1).lower()]
        found.append((match.start(), match.end(), stage, _offence_key(match.group(2)), "stage"))
    return found
