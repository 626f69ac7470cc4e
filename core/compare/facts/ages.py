"""How old each source says a named person is: "Ida Lund, 28," or "Ida Lund (28)"."""

from __future__ import annotations

import re

from core.compare.facts.mentions import Mention, fold, mention, passages

# A name and an age set off as an aside: the commas (or the brackets) after it hold the age alone.
_AGE_AFTER_NAME = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)(?:,\s+(?P<age>\d{1,3}),|\s+\((?P<bracketed>\d{1,3})\))"
)
_AGE_HINT = re.compile(r",\s+\d{1,3},|\(\d{1,3}\)")
_NOT_A_PERSON_BEFORE = re.compile(r"\b(?:in|at|from|near|on|of|to)\s+$", re.I)  # "in Tarvik, 40, ..." names a place
OLDEST = 120
_PARTICLES = frozenset({"Le", "La", "De", "Van", "Von", "Da", "Di", "Du", "Al", "El", "Der", "Den"})  # "Le Fevre"
_PLACE_WORDS = frozenset({"in", "at", "from", "near", "on", "of", "to", "across", "outside", "inside"})


def age_mentions(documents) -> list[Mention]:
    """Return each person's age as a source gives it, keyed by the person's folded surname."""
    out: list[Mention] = []
    for document, passage in passages(documents):
        text = passage.text
        if _AGE_HINT.search(text) is None:
            continue  # neither form can be there: the name pattern is not tried at every capital
        for match in _AGE_AFTER_NAME.finditer(text):
            raw = match.group("age") or match.group("bracketed")
            age = int(raw)
            if not 0 < age <= OLDEST or _NOT_A_PERSON_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                continue
            words = match.group("name").split()
            if words[0].lower() in _PLACE_WORDS:
                continue  # "In Tarvik, 40, people gathered": a place and a count
            group = "age" if match.group("age") else "bracketed"
            surname = " ".join(words[-2:]) if len(words) > 1 and words[-2] in _PARTICLES else words[-1]
            out.append(
                mention(
                    f"quantity:age of {fold(surname)}",
                    f"{surname}: age",  # the surname alone: "Forward Ida Lund" and "Lund" are one person
                    "quantity",
                    "number",
                    document,
                    passage,
                    match.start(group),
                    match.end(group),
                    raw,
                    number=float(age),
                )
            )
    return out
