"""Pair each number and time with the one of the same thing in the other tellings, then compare."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Mapping

from core.compare.clock_spans import spans_meet
from core.compare.time_zones import is_zoned, same_moment
from core.compare.quantities import CONVERSION, in_base_unit, number_value, values_agree
from core.compare.value_context import CLAUSE_BREAK_RE, REQUEST_EVENT, RESTORE_EVENT, last_clause_end
from core.compare.slots_lexicon import MONTHS, REPORT_EVENT, WEEKDAYS
from core.compare.slots import Slot
from core.compare.figure_origins import scope_clashes, source_clashes
from core.compare.tellings import UNSURE_SUBJECT, Finding, Located, Telling, components
from core.ingest.textnorm import STOPWORDS, stem

CONTEXT_WORDS = 8  # content words each side of a value read as what it is about
TIME_MIN_SHARED = 0.12  # times of no known event pair only when their contexts overlap this much
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_DIGIT_RE = re.compile(r"\d")
AGREE_BONUS = 0.2  # weight of an equal value when choosing which value is the same thing
# ... and of one event told of both counts (both of the dead, or both with none said): "25 people
# died" is likelier the other source's "killed 31 people" than its "52,000 residents".
SAME_EVENT_BONUS = 0.2
_CALENDAR = frozenset(MONTHS + WEEKDAYS)
NAME_REACH = 3  # words each side of a value whose capitalised names say whose value it is
LETTER_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")  # a word starting with a letter
_WORD_AFTER_SPACE_RE = re.compile(r"(?:^|(?<=[\s(]))([^\W\d_][\w'’\-]*)")  # ... at a space or bracket
_FIRST_WORD_RE = re.compile(r"\W*([^\W\d_][\w'’\-]*)")


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


def _names_around(telling: Telling, slot: Slot) -> frozenset[str]:
    """Return the capitalised words within NAME_REACH words of a slot, sentence starts left out."""
    return names_near(telling.text, slot.start - telling.start, slot.end - telling.start)


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
    return len(a & b) / max(1, len(a | b))


@lru_cache(maxsize=1 << 12)  # a memo of a pure function: a claim has few subjects, compared pair by pair
def _events_differ(a: str, b: str) -> bool:
    """Tell whether two people counts are of different events (dead vs aboard)."""
    event_a, event_b = a.partition(":")[2], b.partition(":")[2]
    # An amount asked for is never the amount decided, nor one recovered the amount lost, told or
    # not what befell it.
    if any((event_a == act) != (event_b == act) for act in (REQUEST_EVENT, RESTORE_EVENT)):
        return True
    return bool(event_a and event_b and event_a != event_b)


def number_key(slot: Slot) -> str | None:
    """Return what a number is compared under (its head noun; a length or a speed in any unit),
    None for a bare number."""
    head = slot.subject.partition(":")[0].partition("@")[0]
    return head or None


@lru_cache(maxsize=1 << 14)  # a memo of a pure function: in a claim of many sources each value is compared with many
def _base_value(value: str, subject: str) -> tuple[float, bool] | None:
    """Return a number value in its base unit and whether it was converted (in_base_unit), None when not a number."""
    number = number_value(value)
    return None if number is None else in_base_unit(number, subject)


def numbers_agree(a: Slot, b: Slot) -> bool:
    """Tell whether two numbers of one thing agree, hedges ("nearly", "at least") and unit
    conversions ("12 miles" = "20 km") allowed for."""
    based_a, based_b = _base_value(a.value, a.subject), _base_value(b.value, b.subject)
    if based_a is None or based_b is None:
        return a.value == b.value
    (x, converted), (y, _) = based_a, based_b
    if converted and a.subject != b.subject and abs(x - y) <= CONVERSION * max(x, y):
        return True
    return values_agree(x, a.group, y, b.group)


def _same_time(a: Slot, b: Slot) -> bool:
    """Tell whether two times have one normalized value (13:39 = 1:39 p.m.), or are one moment:
    "09:45 UTC" is "4:45 a.m. ET"; a clock time with a zone and one without may be too; a bound
    or a rounding ("after 4:45 p.m.", "around 9 p.m.") holds the times it reaches."""
    if a.value == b.value:
        return True
    if ":" in a.group or ":" in b.group:
        return spans_meet(a, b)
    moment = same_moment(a.value, b.value)
    if moment is not None:
        return moment
    return a.group == b.group == "clock" and is_zoned(a.value) != is_zoned(b.value)


def time_key(slot: Slot) -> str | None:
    """Return what a time is compared under: its kind; a date is not compared with a weekday."""
    if slot.group == "clock-aside" or slot.group == "relative":
        return None
    if slot.group.startswith("clock:"):
        return "clock"  # a bound or a rounding is compared with the clock times of the others
    if slot.group == "day":
        return "date" if _DIGIT_RE.search(slot.value) else "day"
    return slot.group


def _times_pairable(a: Slot, b: Slot, similarity: float, alone: bool) -> bool:
    """Tell whether two times can be times of one thing: one event, much shared context, or the
    only clock time each source gives in the claim."""
    if a.subject and b.subject:
        return a.subject == b.subject
    if REPORT_EVENT in (a.subject, b.subject):
        return False  # when a source spoke is compared only with when another spoke
    if _span(a.value) != _span(b.value):
        return False  # of unknown events only like with like: "on Monday" may fall inside "last week"
    return similarity >= TIME_MIN_SHARED or (alone and time_key(a) in ("clock", "day"))


def _span(time_value: str) -> str:
    """Return how long a stretch a time names: "week" for this week / the weekend, else "day"."""
    return "week" if time_value.endswith(("week", "weekend")) else "day"


def _pairs(
    tellings: list[Telling],
    kind: str,
    key: Callable[[Slot], str | None],
    pairable: Callable[[Slot, Slot, float, bool], bool],
    agree: Callable[[Slot, Slot], bool],
) -> list[tuple[tuple[int, Located], tuple[int, Located]]]:
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
        doc: [
            (i, located, slot_key, _context(tellings[i], located.slot), _names_around(tellings[i], located.slot))
            for i, located, slot_key in entries
            if slot_key in shared
        ]
        for doc, entries in keyed.items()
    }
    # Each side's entries by key, in order: a slot is only ever weighed against those of its key
    # (in a claim of many sources, scanning every other entry was most of the pairing).
    by_key: dict[str, dict[str, list[tuple]]] = {}
    for doc, entries in by_doc.items():
        for entry in entries:
            by_key.setdefault(doc, {}).setdefault(entry[2], []).append(entry)
    pairs = []
    for n, doc_a in enumerate(docs):
        for doc_b in docs[n + 1 :]:
            side_a, side_b = by_key.get(doc_a, {}), by_key.get(doc_b, {})
            for entry in by_doc[doc_a]:
                best = _best(entry, side_b.get(entry[2], ()), pairable, keys[doc_a], keys[doc_b], agree)
                if best is None:
                    continue
                back = _best(best, side_a.get(best[2], ()), pairable, keys[doc_b], keys[doc_a], agree)
                if back is entry:
                    pairs.append(((entry[0], entry[1]), (best[0], best[1])))
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
    entry: tuple,
    others: Iterable[tuple],
    pairable,
    own: Counter[str],
    theirs: Counter[str],
    agree: Callable[[Slot, Slot], bool],
) -> tuple | None:
    """Return the entry among others of the same key with the most shared context, or None.

    An equal value weighs as much as some shared context: a source giving the same figure is
    the likeliest to speak of the same thing. `own` and `theirs` count the slots of each key on
    the entry's side and on the others'.
    """
    _, slot, key, context, names = entry
    alone = own[key] == 1 and theirs[key] == 1  # the only value of its kind on either side
    best, best_score = None, -1.0
    for other in others:
        _, other_slot, other_key, other_context, other_names = other
        if other_key != key or _events_differ(slot.slot.subject, other_slot.slot.subject):
            continue
        # The one day (or clock time) each source gives in a claim is the claim's own.
        sure = slot.slot.type == "time" and (
            (slot.slot.subject and slot.slot.subject == other_slot.slot.subject) or (alone and key in ("day", "clock"))
        )
        if names and other_names and not names & other_names and not sure:
            continue  # "'Oumuamua in 2017" and "Borisov in 2019": values of two named things
        score = _similarity(context, other_context)
        if not pairable(slot.slot, other_slot.slot, score, alone):
            continue
        score += AGREE_BONUS if agree(slot.slot, other_slot.slot) else 0.0
        if slot.slot.subject.partition(":")[2] == other_slot.slot.subject.partition(":")[2]:
            score += SAME_EVENT_BONUS
        if score > best_score:
            best, best_score = other, score
    return best


_LIST_GAP_RE = re.compile(r"^[^.;:\d]{0,30}?(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _list_sums(tellings: list[Telling]) -> dict[int, set[str]]:
    """Return, per number slot, the totals it makes with the next number of a list.

    "10 cabin crew and 2 pilots" says what "12 crew" says: counts said another way.
    """
    sums: dict[int, set[str]] = {}
    for telling in tellings:
        numbers = [s for s in telling.slots if s.slot.type == "number"]
        for a, b in zip(numbers, numbers[1:]):
            gap = telling.text[a.slot.end - telling.start : b.slot.start - telling.start]
            x, y = number_value(a.slot.value), number_value(b.slot.value)
            if x is None or y is None or not _LIST_GAP_RE.match(gap):
                continue
            total = f"{x + y:g}"
            sums.setdefault(id(a), set()).add(total)
            sums.setdefault(id(b), set()).add(total)
    return sums


@dataclass(frozen=True)
class ValueIndex:
    """A source's numbers and times by what each is compared under."""

    by_key: dict[tuple[str, str], list[Slot]]  # (type, compare key) -> the slots under it, in order
    event_times: frozenset[tuple[str, str, str]]  # (compare key, value, event) of each time of a named event


def value_index(slots: Iterable[Slot]) -> ValueIndex:
    """Return the number and time slots of a source by what each is compared under."""
    index: dict[tuple[str, str], list[Slot]] = {}
    event_times = set()
    for slot in slots:
        key = number_key(slot) if slot.type == "number" else time_key(slot) if slot.type == "time" else None
        if key:
            index.setdefault((slot.type, key), []).append(slot)
            if slot.type == "time" and slot.subject:
                event_times.add((key, slot.value, slot.subject))
    return ValueIndex(index, frozenset(event_times))


def _said_elsewhere(
    slot: Slot,
    other: Slot,
    elsewhere: Mapping[str, ValueIndex],
    doc: str,
    key: Callable[[Slot], str | None],
    agree: Callable[[Slot, Slot], bool],
) -> bool:
    """Tell whether a source gives, somewhere in its text, the other source's value for the same
    kind of thing: then the two values were paired across facts, not given for one."""
    wanted = key(other)
    index = elsewhere.get(doc)
    if not wanted or index is None:
        return False
    # Days recur for many events in one article: for a time, only the same named event counts.
    if agree is _same_time:  # the same value of the same event: one look-up
        return (
            other.value != slot.value
            and bool(other.subject)
            and (wanted, other.value, other.subject) in index.event_times
        )
    return any(
        agree(s, other) and s.value != slot.value and (s.type != "time" or (s.subject and s.subject == other.subject))
        for s in index.by_key.get((other.type, wanted), ())
    )


def value_clashes(
    tellings: list[Telling], kind: str, elsewhere: Mapping[str, ValueIndex] | None = None
) -> list[Finding]:
    """Return one finding per group of paired numbers (or times) whose values disagree.

    `elsewhere` holds every number and time of each source (value_index), to see whether a source gives the other's value
    somewhere else ("33 years" for one count and "25 years" for another).
    """
    if kind == "number":
        agree = numbers_agree
        pairs = _pairs(tellings, kind, number_key, lambda a, b, s, alone: True, agree)
    else:
        agree = _same_time
        pairs = _pairs(tellings, kind, time_key, _times_pairable, agree)
    if not pairs:
        return []  # nothing paired: nothing clashes, no figure has two origins or two scopes
    if kind == "number":
        sums = _list_sums(tellings)
        clashing = [
            (a, b)
            for a, b in pairs
            if not agree(a[1].slot, b[1].slot)
            and b[1].slot.value not in sums.get(id(a[1]), ())
            and a[1].slot.value not in sums.get(id(b[1]), ())
        ]
    else:
        clashing = [(a, b) for a, b in pairs if not agree(a[1].slot, b[1].slot)]
    if elsewhere:
        key = number_key if kind == "number" else time_key
        clashing = [
            (a, b)
            for a, b in clashing
            if not _said_elsewhere(a[1].slot, b[1].slot, elsewhere, tellings[a[0]].doc, key, agree)
            and not _said_elsewhere(b[1].slot, a[1].slot, elsewhere, tellings[b[0]].doc, key, agree)
        ]
    findings = (
        source_clashes(tellings, pairs, agree) + scope_clashes(tellings, pairs, agree) if kind == "number" else []
    )
    if not clashing:
        return findings
    # Shown: the values of clashing pairs and the same values elsewhere (the majority), not
    # a value that only agrees by conversion or hedge.
    clashing_ids = {id(x[1]) for pair in clashing for x in pair}
    shown_values = {x[1].slot.value for pair in clashing for x in pair}
    for component in components(pairs):
        if not clashing_ids & {id(located) for _, located in component}:
            continue
        component = [(i, s) for i, s in component if id(s) in clashing_ids or s.slot.value in shown_values]
        picks: dict[int, list[Located]] = {}
        for index, located in sorted(component, key=lambda item: (item[0], item[1].slot.start)):
            picks.setdefault(index, []).append(located)
        values = {i: " / ".join(sorted({s.slot.value for s in slots})) for i, slots in picks.items()}
        known = kind == "number" or all(s.slot.subject for slots in picks.values() for s in slots)
        findings.append(Finding(kind, sorted(picks.items()), values, confidence=1.0 if known else UNSURE_SUBJECT))
    return findings
