"""Compare each number and time with the value of the same thing in the other tellings (pairing.py pairs them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Mapping

from core.compare.clock_spans import spans_meet
from core.compare.time_zones import is_zoned, same_moment
from core.compare.quantities import CONVERSION, in_base_unit, number_value, values_agree
from core.compare.slots_lexicon import REPORT_EVENT
from core.compare.slots import Slot
from core.compare.figure_origins import scope_clashes, source_clashes
from core.compare.pairing import Entry, Pair, mutual_pairs
from core.compare.tellings import UNSURE_SUBJECT, Finding, Located, Telling, components

TIME_MIN_SHARED = 0.12  # times of no known event pair only when their contexts overlap this much
_DIGIT_RE = re.compile(r"\d")


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


def _times_pairable(a: Entry, b: Entry, alone: bool) -> bool:
    """Tell whether two times can be times of one thing: one event, much shared context, or the
    only clock time each source gives in the claim."""
    x, y = a.slot, b.slot
    if x.subject and y.subject:
        return x.subject == y.subject
    if REPORT_EVENT in (x.subject, y.subject):
        return False  # when a source spoke is compared only with when another spoke
    if _span(x.value) != _span(y.value):
        return False  # of unknown events only like with like: "on Monday" may fall inside "last week"
    # The words around each are read last: the only clock time (or day) of each source needs none.
    return (alone and a.key in ("clock", "day")) or a.overlap(b) >= TIME_MIN_SHARED


def _span(time_value: str) -> str:
    """Return how long a stretch a time names: "week" for this week / the weekend, else "day"."""
    return "week" if time_value.endswith(("week", "weekend")) else "day"


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


# (source, the other value's type, value, subject, group) -> the source's values that agree with it
AgreeingValues = dict[tuple[str, str, str, str, str], frozenset[str]]


def _said_elsewhere(
    slot: Slot,
    other: Slot,
    elsewhere: Mapping[str, ValueIndex],
    doc: str,
    key: Callable[[Slot], str | None],
    agree: Callable[[Slot, Slot], bool],
    said: AgreeingValues,
) -> bool:
    """Tell whether a source gives, somewhere in its text, the other source's value for the same
    kind of thing: then the two values were paired across facts, not given for one.

    `said` remembers, for one claim, the values of a source that agree with another's value:
    a value is asked about with each value it clashes with (one source against many).
    """
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
    asked = (doc, other.type, other.value, other.subject, other.group)  # all that agreement with it reads
    values = said.get(asked)
    if values is None:
        values = said[asked] = frozenset(
            s.value
            for s in index.by_key.get((other.type, wanted), ())
            if agree(s, other) and (s.type != "time" or (s.subject and s.subject == other.subject))
        )
    return any(value != slot.value for value in values)


def value_clashes(
    tellings: list[Telling], kind: str, elsewhere: Mapping[str, ValueIndex] | None = None
) -> list[Finding]:
    """Return one finding per group of paired numbers (or times) whose values disagree.

    `elsewhere` holds every number and time of each source (value_index), to see whether a source gives the other's value
    somewhere else ("33 years" for one count and "25 years" for another).
    """
    if kind == "number":
        agree = numbers_agree
        pairs = mutual_pairs(tellings, kind, number_key, lambda a, b, alone: True, agree)
    else:
        agree = _same_time
        pairs = mutual_pairs(tellings, kind, time_key, _times_pairable, agree)
    if not pairs:
        return []  # nothing paired: nothing clashes, no figure has two origins or two scopes
    agreeing: list[Pair] = []
    clashing: list[Pair] = []
    for a, b in pairs:  # each pair's values compared once
        (agreeing if agree(a[1].slot, b[1].slot) else clashing).append((a, b))
    if kind == "number":
        sums = _list_sums(tellings)
        clashing = [
            (a, b)
            for a, b in clashing
            if b[1].slot.value not in sums.get(id(a[1]), ()) and a[1].slot.value not in sums.get(id(b[1]), ())
        ]
    if elsewhere:
        key = number_key if kind == "number" else time_key
        said: AgreeingValues = {}  # one claim's memo of agreeing values (_said_elsewhere)
        clashing = [
            (a, b)
            for a, b in clashing
            if not _said_elsewhere(a[1].slot, b[1].slot, elsewhere, tellings[a[0]].doc, key, agree, said)
            and not _said_elsewhere(b[1].slot, a[1].slot, elsewhere, tellings[b[0]].doc, key, agree, said)
        ]
    findings = []
    if kind == "number":
        figures = components(agreeing)  # each figure and the sources that give it, read for its origin and scope
        findings = source_clashes(tellings, figures) + scope_clashes(tellings, figures)
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
