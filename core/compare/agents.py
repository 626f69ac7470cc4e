"""Find who did an action a passive sentence names after "by" ("spotted by a student")."""

from __future__ import annotations

import re

from core.compare.slots_lexicon import IRREGULAR_PAST
from core.ingest.textnorm import STOPWORDS, stem

_PARTICIPLE = r"[a-z]+ed|" + "|".join(
    sorted(
        IRREGULAR_PAST
        | {
            "seen",
            "taken",
            "given",
            "made",
            "done",
            "known",
            "shown",
            "written",
            "spoken",
            "driven",
            "chosen",
            "drawn",
            "won",
        }
    )
)
# The participle, at most three words (a date, an adverb), "by", then the doer's phrase.
_AGENT_RE = re.compile(rf"\b({_PARTICIPLE})\s(?:[\w,]+\s){{0,3}}?by\s((?:[\w’'\-]+\s?){{1,6}})")
_PHRASE_END = frozenset(
    """
in on at from with using for to of and or but which who that as after before during while since
than into via through around about shortly early late last this overnight yesterday today tonight
when where because amid despite
""".split()
)


DESCRIBED = "~"  # the mark of a doer told by a description, not by a name


def _doer(phrase: str) -> tuple[str, list[str]]:
    """Return the doer's words (up to a preposition) and their content keys."""
    words: list[str] = []
    for word in phrase.split():
        if word.lower() in _PHRASE_END or (words and word[0].isdigit()):
            break  # a time or a count after the doer ("by a barge 2 hours later") is no part of it
        words.append(word)
    keys = [stem(w.lower().rstrip("’'s")) for w in words if w.lower() not in STOPWORDS]
    return " ".join(words), keys


def find_agents(text: str) -> list[tuple[int, int, str, str]]:
    """Return (start, end, doer keys, verb stem) of each "VERBed ... by DOER" in the text."""
    found = []
    for match in _AGENT_RE.finditer(text):
        doer, keys = _doer(match.group(2))
        if not keys or not doer:
            continue
        end = match.start(2) + len(doer)
        # A doer named by no capitalised word is a description ("a cargo ship", "the vessel"):
        # marked, so that two descriptions of one doer are never set against each other.
        described = "" if any(word[:1].isupper() for word in doer.split()) else DESCRIBED
        found.append((match.start(), end, described + " ".join(keys), stem(match.group(1).lower())))
    return found
