"""What each source says a named person agreed to or was only willing to do, about one matter."""

from __future__ import annotations

import re
from collections import defaultdict

from core.compare.divergence import MODAL_MIN_SHARED
from core.compare.facts.mentions import Mention, fold, mention, passages
from core.compare.facts.titles import is_nationality
from core.compare.slots import document_slots
from core.compare.slots_lexicon import MODALITY_CUES
from core.compare.tellings import OBJECT_WINDOW
from core.ingest.gates import letters_plain, lower_words
from core.ingest.textnorm import content_words

# The modal classes that state a person's own position on an act: committed to it, or only open
# to it. "Agreed to give up" and "signalled a willingness to give up" are two different facts.
STANCES = {"commitment": "committed", "willingness": "willing"}
SUBJECT_REACH = 160  # characters before a stance phrase read for the person who holds it
CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_STANCE_CUES = frozenset().union(*(MODALITY_CUES[value] for value in STANCES))


# Where the clause holding a stance phrase begins: another clause's subject is not its holder
# ("Kaly rejected it, while the rebels agreed to"; "Kaly said the rebels agreed to"). A reporting
# verb set off by commas ("Varga, aides say, has agreed") is an aside, not a new clause.
CLAUSE_BREAK = re.compile(
    r"[;:—–]|\b(?:while|whereas|but|although|though|unlike|that)\b"
    r"|\b(?:said|says|say|told|tells|added|adds)\b(?!\s*,)",
    re.I,
)
# A clause whose subject is a pronoun standing for the person named just before it ("Kaly said he
# was willing to", "Kaly, who has agreed to"): the holder is looked for one clause back.
PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she|who)\b[\w\s]*$", re.I)


def _holder(text: str, start: int, people: dict[str, str]) -> str | None:
    """Return the folded surname of the person who is the subject of a stance phrase, or None.

    A possessive ("Varga's envoys agreed") names whose side it is, not who agreed, and a
    nationality ("Veldran ministers agreed") is no person even where it opens a run of capitals.
    """
    window = text[max(0, start - SUBJECT_REACH) : start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    found = _nearest_person(clause, people)
    if found is None and breaks and PRONOUN_SUBJECT.match(clause):
        found = _nearest_person(window[: breaks[-1].start()], people)
    return found


def _nearest_person(text: str, people: dict[str, str]) -> str | None:
    """Return the folded surname of the last known person named in a text, or None."""
    for word in reversed(CAPITALISED.findall(text)):
        if re.search(r"[’']s?$", word) or is_nationality(word):
            continue
        if fold(word) in people:
            return fold(word)
    return None


def _object(text: str, end: int) -> frozenset[str]:
    """Return the content words right after a stance phrase: what is agreed to or offered."""
    return frozenset(w for w in content_words(text[end : end + OBJECT_WINDOW]) if len(w) >= 4)


def stance_mentions(documents, people: dict[str, str]) -> list[Mention]:
    """Return each named person's stance phrases, one row per person and matter told by two sources.

    Two phrases are about one matter when their objects share words, as inside a claim; the row
    links them across claims, since "agreed to give up X" and "open to dropping X" share few words.
    """
    found = []  # (document, passage, slot, holder, object words)
    for document, passage in passages(documents):
        text = passage.text
        # In plain letters a stance phrase needs one of its cue words (the gate of find_modalities):
        # the other texts' slots are not read for this row.
        if letters_plain(text) and _STANCE_CUES.isdisjoint(lower_words(text)):
            continue
        for slot in document_slots(text):
            if slot.type != "modality" or slot.value not in STANCES:
                continue
            holder = _holder(passage.text, slot.start, people)
            if holder is not None:
                found.append((document, passage, slot, holder, _object(passage.text, slot.end)))
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(found)):
        for j in range(i):
            if found[i][3] == found[j][3] and len(found[i][4] & found[j][4]) >= MODAL_MIN_SHARED:
                parent[root(i)] = root(j)
    groups: dict[int, list] = defaultdict(list)
    for i, item in enumerate(found):
        groups[root(i)].append(item)
    out: list[Mention] = []
    for first, group in groups.items():
        if len({item[0].id for item in group}) < 2:
            continue
        name = people[group[0][3]]
        for document, passage, slot, _holder_key, _words in group:
            out.append(
                mention(
                    f"stance:{group[0][3]}:{first}",
                    f"{name}: stance",
                    "person",
                    "modality",
                    document,
                    passage,
                    slot.start,
                    slot.end,
                    STANCES[slot.value],
                )
            )
    return out
