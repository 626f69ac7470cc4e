"""Find institutions, one key per body, with the kind of act they are named in (approve, pass)."""

from __future__ import annotations

import re

from core.compare.slots_lexicon import CAPITAL_ONLY_INSTITUTIONS, INSTITUTION_KINDS, INSTITUTIONS

_INSTITUTION_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in INSTITUTIONS), key=len, reverse=True)) + r")\b", re.I
)
# Acts a body is named in, by class: approving a text is one act, passing a bill in a vote another.
ACTS = (
    ("approve", re.compile(r"\b(?:approv\w*|endors\w*|ratif\w*|sign(?:ed)? off|consent\w*)\b", re.I)),
    ("pass", re.compile(r"\b(?:pass(?:ed|es|ing)?|vot(?:e|ed|es|ing)|adopt\w*)\b", re.I)),
)
ACT_REACH = 40  # characters either side of a body's name read for the act it is named in


def act_of(text: str, start: int, end: int) -> str:
    """Return the class of the act nearest a body's name ("approved by Congress" -> approve)."""
    best, distance = "", ACT_REACH + 1
    for act, pattern in ACTS:
        for match in pattern.finditer(text, max(0, start - ACT_REACH), min(len(text), end + ACT_REACH)):
            gap = start - match.end() if match.end() <= start else match.start() - end
            if 0 <= gap < distance:
                best, distance = act, gap
    return best


def find_institutions(text: str) -> list[tuple[int, int, str, str, str, str]]:
    """Return (start, end, surface, key, act, kind) of each institution named in the text."""
    found = []
    for match in _INSTITUTION_RE.finditer(text):
        surface = match.group()
        key = INSTITUTIONS[surface.lower()]
        if key in CAPITAL_ONLY_INSTITUTIONS and not surface[0].isupper():
            continue
        if surface.lower() in ("un", "eu") and not surface.isupper():
            continue
        found.append(
            (
                match.start(),
                match.end(),
                surface,
                key,
                act_of(text, match.start(), match.end()),
                INSTITUTION_KINDS.get(key, "body"),
            )
        )
    return found
