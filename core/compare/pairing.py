"""Pair each number or time of a claim with the value of the same thing in every other source."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import Callable, Mapping

from core.compare.value_context import CLAUSE_BREAK_RE, REQUEST_EVENT, RESTORE_EVENT, last_clause_end
from core.compare.slots_lexicon import MONTHS, REPORT_EVENT, WEEKDAYS
from core.compare.slots import Slot
from core.compare.tellings import Located, Telling
from core.ingest.textnorm import STOPWORDS, stem

CONTEXT_WORDS = 8  # content words each side of a value read as what it is about
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
AGREE_BONUS = 0.2  # weight of an equal value when choosing which value is the same thing
# ... and of one event told of both counts (both of the dead, or both with none said): "25 people
# died" is likelier the other source's "killed 31 people" than its "52,000 residents".
SAME_EVENT_BONUS = 0.2
_CALENDAR = frozenset(MONTHS + WEEKDAYS)
NAME_REACH = 3  # words each side of a value whose capitalised names say whose value it is
LETTER_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")  # a word starting with a letter
# ... at the start, a space or a bracket (one lookbehind: an alternation with ^ was tried at every position, slower)
_WORD_AFTER_SPACE_RE = re.compile(r"(?<![^\s(])[^\W\d_][\w'’\-]*")
_FIRST_WORD_RE = re.compile(r"\W*([^\W\d_][\w'’\-]*)")

Pair = tuple[tuple[int, Located], tuple[int, Located]]  # (telling index, value) of each side


def _context(telling: Telling, slot: Slot) -> frozenset[str]:
    """Return the stems of the content words around a slot, inside its telling and its clause."""
    start, end = slot.start - telling.start, slot.end - telling.start
    preceding = telling.text[max(0, start - 90) : start]
    preceding = preceding[last_clause_end(preceding) :]  # the words of the value's own clause
    following = telling.text[end : end + 90]
    found = CLAUSE_BREAK_RE.search(following)
    following = following[: found.start()] if found else following
    before = _WORD_RE.findall(preceding)[-CONTEXT_WORDS:]
    after = _WORD_RE.findall(following)[:CONTEXT_WORDS]
    lowered = [w.lower() for w in before + after]  # each word lowered once, for the test and the stem
    return frozenset([stem(w) for w in lowered if w not in STOPWORDS])


def names_near(text: str, start: int, end: int) -> frozenset[str]:
    """Return the capitalised words within NAME_REACH words of text[start:end], the text's first word left out."""
    before = _WORD_AFTER_SPACE_RE.findall(text[max(0, start - 60) : start])
    after = LETTER_WORD_RE.findall(text[end : end + 60])
    near = before[-NAME_REACH:] + after[:NAME_REACH]
    first = _FIRST_WORD_RE.match(text)
    opening = first.group(1) if first else ""
    return frozenset(
        w.lower()
        for w in near
        if w[0].isupper() and w != opening and w.lower() not in _CALENDAR and w.lower() not in STOPWORDS
    )


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Return the Jaccard overlap of two contexts."""
    shared = len(a & b)
    return shared / max(1, len(a) + len(b) - shared)  # the size of the union, without making it


def _events_differ(event_a: str, event_b: str) -> bool:
    """Tell whether two people counts are of different events (dead vs aboard), given the events."""
    # An amount asked for is never the amount decided, nor one recovered the amount lost, told or
    # not what befell it.
    if any((event_a == act) != (event_b == act) for act in (REQUEST_EVENT, RESTORE_EVENT)):
        return True
    return bool(event_a and event_b and event_a != event_b)


class Entry:
    """One value of a telling in the pairing: the telling's index, the value, its compare key and
    the capitalised names around it.

    The words around it are read only when two values are weighed: in a claim of many sources a
    value mostly has one candidate in each other source, and reading every value's words was a
    third of the pairing.
    """

    def __init__(self, index: int, located: Located, key: str, telling: Telling):
        self.index, self.located, self.key, self.telling = index, located, key, telling
        self.slot = located.slot
        self.event = self.slot.subject.partition(":")[2]  # what befell those counted ("people:dead")
        self.names = names_near(telling.text, self.slot.start - telling.start, self.slot.end - telling.start)

    @cached_property
    def context(self) -> frozenset[str]:
        """Return the stems of the content words around the value (_context)."""
        return _context(self.telling, self.slot)

    def overlap(self, other: Entry) -> float:
        """Return how much of their context two values share (Jaccard)."""
        return _similarity(self.context, other.context)


Pairable = Callable[[Entry, Entry, bool], bool]  # two entries of one key, and whether each is alone of it


def mutual_pairs(
    tellings: list[Telling],
    kind: str,
    key: Callable[[Slot], str | None],
    pairable: Pairable,
    agree: Callable[[Slot, Slot], bool],
) -> list[Pair]:
    """Return the mutual-best pairs of slots of one kind and key between every two sources."""
    keyed: dict[str, list[tuple[int, Located, str]]] = {}
    for i, telling in enumerate(tellings):
        for located in telling.slots:
            slot_key = key(located.slot) if located.slot.type == kind else None
            if slot_key:
                keyed.setdefault(telling.doc, []).append((i, located, slot_key))
    # A slot is only ever paired with one of its key in another source: the context of a key no
    # other source gives is never compared, and reading it was most of the work.
    shared = _shared_keys(keyed)
    if not shared:
        return []  # most claims: no two sources give a value of one kind of thing
    docs = sorted(keyed)
    # Slots per key; a time at which a source spoke is not counted: "the crash at 2:30 p.m." is the
    # one crash time of a source that also gives its briefing's time.
    keys = {doc: Counter(e[2] for e in entries if e[1].slot.subject != REPORT_EVENT) for doc, entries in keyed.items()}
    by_doc = {
        doc: [Entry(i, located, slot_key, tellings[i]) for i, located, slot_key in entries if slot_key in shared]
        for doc, entries in keyed.items()
    }
    # Each side's entries by key, in order: a slot is only ever weighed against those of its key
    # (in a claim of many sources, scanning every other entry was most of the pairing).
    by_key: dict[str, dict[str, list[Entry]]] = {}
    for doc, entries in by_doc.items():
        for entry in entries:
            by_key.setdefault(doc, {}).setdefault(entry.key, []).append(entry)
    pairs = []
    for n, doc_a in enumerate(docs):
        for doc_b in docs[n + 1 :]:
            side_a, side_b = by_key.get(doc_a, {}), by_key.get(doc_b, {})
            # The entry of doc_b each one chosen chooses back: several of doc_a's may choose one,
            # and its choice among all of them (their contexts weighed) is made once.
            chosen: dict[Entry, Entry | None] = {}
            for entry in by_doc[doc_a]:
                others = side_b.get(entry.key)
                best = _best(entry, others, pairable, keys[doc_a], keys[doc_b], agree) if others else None
                if best is None:
                    continue
                rivals = side_a[best.key]
                # The only entry of its key on its side is the only way back, and it leads back: the
                # tests that let two values pair hold both ways round (_may_pair).
                back: Entry | None = entry
                if len(rivals) > 1:
                    if best not in chosen:
                        chosen[best] = _best(best, rivals, pairable, keys[doc_b], keys[doc_a], agree)
                    back = chosen[best]
                if back is entry:
                    pairs.append(((entry.index, entry.located), (best.index, best.located)))
    return pairs


def _shared_keys(keyed: Mapping[str, list[tuple[int, Located, str]]]) -> set[str]:
    """Return the keys that slots of at least two sources have."""
    seen: set[str] = set()
    shared: set[str] = set()
    for entries in keyed.values():
        own = {slot_key for _, _, slot_key in entries}
        shared |= own & seen
        seen |= own
    return shared


def _best(
    entry: Entry,
    others: list[Entry],
    pairable: Pairable,
    own: Counter[str],
    theirs: Counter[str],
    agree: Callable[[Slot, Slot], bool],
) -> Entry | None:
    """Return the entry among others of the same key with the most shared context, or None.

    An equal value weighs as much as some shared context: a source giving the same figure is
    the likeliest to speak of the same thing. `own` and `theirs` count the slots of each key on
    the entry's side and on the others'.
    """
    alone = own[entry.key] == 1 and theirs[entry.key] == 1  # the only value of its kind on either side
    if len(others) == 1:
        # Most often in a claim of many sources: one candidate, nothing to weigh it against, only
        # whether the two may be values of one thing at all.
        return others[0] if _may_pair(entry, others[0], pairable, alone) else None
    slot = entry.slot
    best, best_score = None, -1.0
    for other in others:
        if not _may_pair(entry, other, pairable, alone):
            continue
        score = entry.overlap(other)
        score += AGREE_BONUS if agree(slot, other.slot) else 0.0
        if entry.event == other.event:
            score += SAME_EVENT_BONUS
        if score > best_score:
            best, best_score = other, score
    return best


def _may_pair(entry: Entry, other: Entry, pairable: Pairable, alone: bool) -> bool:
    """Tell whether two entries of one key may be values of one thing.

    The same both ways round: every test here is symmetric (agreement, which may not be, only
    weighs in _best).
    """
    slot, other_slot = entry.slot, other.slot
    if other.key != entry.key or (entry.event != other.event and _events_differ(entry.event, other.event)):
        return False  # one event told of both (most pairs) never differs
    # The one day (or clock time) each source gives in a claim is the claim's own.
    sure = slot.type == "time" and (
        (slot.subject and slot.subject == other_slot.subject) or (alone and entry.key in ("day", "clock"))
    )
    if entry.names and other.names and entry.names.isdisjoint(other.names) and not sure:
        return False  # "'Oumuamua in 2017" and "Borisov in 2019": values of two named things
    return pairable(entry, other, alone)
