"""How old each source says a named person is: "Ida Lund, 28,", "Ida Lund (28)" or "Lund, a 28-year-old"."""

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
# "the 28-year-old", "28 years old": an age, whoever it is said of
YEAR_OLD = re.compile(r"(?<![\w.,-])(?P<age>\d{1,3})[- ]years?[- ]old\b", re.I)
_PARTICLES = frozenset({"Le", "La", "De", "Van", "Von", "Da", "Di", "Du", "Al", "El", "Der", "Den"})  # "Le Fevre"
_PLACE_WORDS = frozenset({"in", "at", "from", "near", "on", "of", "to", "across", "outside", "inside"})


def age_mentions(documents, people: dict[str, str]) -> list[Mention]:
    """Return each person's age as a source gives it, keyed by the person's folded surname.

    `people` (folded surname -> full name, the people named in full somewhere) tells whose an
    "N-year-old" is: the nearest of them named in its passage.
    """
    out: list[Mention] = []
    for document, passage in passages(documents):
        text = passage.text
        if "old" in text:
            out += _year_old_mentions(document, passage, people)
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


_CAPITALISED = re.compile(r"[A-Z][\w'’-]*[\w-](?<!['’]s)\b")  # a possessive is no name of its own
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.I)  # searched in the text before the age only
_APPOSITION = re.compile(r",\s+(?:a|an)\s+", re.I)  # "Lund, a 28-year-old"
# after the age: a name set off ("-year-old forward, Ida ") or right beside it ("-year-old Ida ")
_SET_OFF = re.compile(r"(?:\s+[a-z][\w-]*){0,3},\s+(?:[A-Z][\w'’-]+\s+)?|\s+(?:[A-Z][\w'’-]+\s+)?")


def _year_old_mentions(document, passage, people: dict[str, str]) -> list[Mention]:
    """Return the "N-year-old" ages of a passage, each given to the person it is said of.

    "The 28-year-old" points back to the sentence's subject: the first person named before it
    ("Lund scored after Berg's pass, and the 28-year-old ..."). "A 28-year-old" brings someone in,
    so only a name right beside it is theirs ("Lund, a 28-year-old"). Either takes a name right
    after it or set off after it ("the 28-year-old Lund", "the 28-year-old forward, Ida Lund"),
    never a later name that is no apposition. An age with no such person ("a 41-year-old
    steward") is no row: two such ages may well be of two people.
    """
    text = passage.text
    ages = list(YEAR_OLD.finditer(text))
    if not ages:
        return []  # "old" is also in "told" and "hold": most passages with it hold no age to place
    named = [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text) if fold(m.group()) in people]
    out = []
    for match in ages:
        age = int(match.group("age"))
        if not 0 < age <= OLDEST or not named:
            continue
        before = [n for n in named if n[0] < match.start()]
        if _INDEFINITE.search(text, 0, match.start()):
            before = [n for n in before[-1:] if _APPOSITION.fullmatch(text, n[1], match.start())]
        set_off = [n for n in named if n[0] > match.end() and _SET_OFF.fullmatch(text, match.end(), n[0])]
        person = before[:1] or set_off[:1]
        if not person:
            continue
        surname = person[0][2]
        out.append(
            mention(
                f"quantity:age of {fold(surname)}",
                f"{surname}: age",
                "quantity",
                "number",
                document,
                passage,
                match.start("age"),
                match.end("age"),
                match.group("age"),
                number=float(age),
            )
        )
    return out
