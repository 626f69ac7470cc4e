"""Find statements inside one source that cannot both hold (President vs former President)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from core.model import Contradiction, Document, Passage, Variant
from core.compare.institutions import act_is_pending
from core.compare.pairing import LETTER_WORD_RE, names_near
from core.compare.quantities import number_value, values_agree
from core.compare.slots import Slot, cached_slots, document_slots
from core.compare.slots_compare import capitalised_words
from core.compare.slots_lexicon import INSTITUTION_KINDS, STATUS_WORDS
from core.ingest.textnorm import content_words, fold_name

# Bodies that approve things: one source naming two of them for one approval contradicts itself.
LEGISLATURES = frozenset(name for name, kind in INSTITUTION_KINDS.items() if kind == "legislature")
_APPROVAL_RE = re.compile(
    r"\b(?:approv\w*|endors\w*|ratif\w*|sign(?:ed)? off|vote[sd]? on|"
    r"pass(?:ed|es)?|back(?:ed|ing)?)\b",
    re.I,
)
# One-off events: a source giving one of them two different days contradicts itself.
SINGLE_EVENTS = frozenset({"dinner", "summit", "ceremony", "vote", "election"})
# A count repeated with another value in a sentence this similar is the same count.
SAME_FACT_OVERLAP = 0.35
NAME_LETTERS = 5  # the shortest capitalised word read for a name a source spells two ways


def _located(document: Document) -> list[tuple[Passage, Slot]]:
    """Return every slot of the kinds read in a whole document, with the passage it lies in (offsets in that passage)."""
    return [(p, s) for p in document.passages for s in document_slots(p.text)]


def _variant(passage: Passage, slot: Slot, text: str) -> Variant:
    """Return the Variant of a slot of the passage, in document coordinates."""
    start, end = passage.start + slot.start, passage.start + slot.end
    return Variant(passage.id, start, end, text[start:end])


def _status(title: str) -> frozenset[str]:
    """Return the status words of a normalized title ("former president" -> {former})."""
    return frozenset(w for w in title.split() if w in STATUS_WORDS)


def _title_conflicts(document: Document, slots) -> list[Contradiction]:
    """Return people called both with and without a status word (former President / President)."""
    found = []
    by_person: dict[str, list[tuple[Passage, Slot]]] = {}
    for passage, slot in slots:
        if slot.type == "title" and slot.subject:
            by_person.setdefault(slot.subject, []).append((passage, slot))
    text = document.source.text
    for person, mentions in by_person.items():
        statuses: dict[frozenset[str], list[tuple[Passage, Slot]]] = {}
        for passage, slot in mentions:
            statuses.setdefault(_status(slot.value), []).append((passage, slot))
        if len(statuses) < 2:
            continue
        # Every mention is a variant: the checker sees each place the source says it.
        summary = " vs ".join(f'"{group[0][1].text}"' for group in statuses.values())
        variants = tuple(_variant(p, s, text) for group in statuses.values() for p, s in group)
        found.append(
            Contradiction(document.id, "title", f"{document.source.label} calls {person.title()} {summary}", variants)
        )
    return found


def _institution_conflicts(document: Document, slots) -> list[Contradiction]:
    """Return one approval still ahead given to two different legislatures in one source.

    Chambers that already acted are steps of one process ("the Senate approved it; the House
    votes next" is no contradiction); the body a text must still go to is one.
    """
    approvals: dict[str, tuple[Passage, Slot]] = {}
    for passage, slot in slots:
        if slot.type != "institution" or slot.value not in LEGISLATURES:
            continue
        window = passage.text[max(0, slot.start - 40) : slot.start + len(slot.text) + 40]
        if _APPROVAL_RE.search(window) and act_is_pending(passage.text, slot.start):
            approvals.setdefault(slot.value, (passage, slot))
    if len(approvals) < 2:
        return []
    picks = list(approvals.values())
    text = document.source.text
    summary = " vs ".join(f'"{s.text}"' for _, s in picks)
    return [
        Contradiction(
            document.id,
            "institution",
            f"approval by {summary} in {document.source.label}",
            tuple(_variant(p, s, text) for p, s in picks),
        )
    ]


def _spelling_conflicts(document: Document) -> list[Contradiction]:
    """Return a name spelled two ways in one source (Zelenskyy and Zelensky)."""
    spellings: dict[str, dict[str, tuple[Passage, int]]] = {}
    seen: set[str] = set()  # a name recurs: only its first place is kept, so later ones are skipped at once
    for passage in document.passages:
        # The capitalised words the claims' spelling check reads too (one reading of each
        # sentence), in order of first occurrence; names here are five letters or more.
        for word, places in capitalised_words(passage.text).items():
            if len(word) >= NAME_LETTERS and word not in seen:
                seen.add(word)
                spellings.setdefault(fold_name(word), {})[word] = (passage, passage.start + places[0])
    found = []
    text = document.source.text
    for forms in spellings.values():
        if len(forms) < 2 or len({w.lower() for w in forms}) < 2:
            continue
        variants = tuple(Variant(p.id, at, at + len(w), text[at : at + len(w)]) for w, (p, at) in forms.items())
        found.append(Contradiction(document.id, "spelling", " vs ".join(f'"{w}"' for w in forms), variants))
    return found


def _event_day_conflicts(document: Document, slots) -> list[Contradiction]:
    """Return a one-off event (a dinner, a vote) given two different days in one source."""
    days: dict[str, dict[str, tuple[Passage, Slot]]] = {}
    for passage, slot in slots:
        if slot.type == "time" and slot.group == "day" and slot.subject in SINGLE_EVENTS:
            days.setdefault(slot.subject, {}).setdefault(slot.value, (passage, slot))
    found = []
    text = document.source.text
    for event, values in days.items():
        if len(values) < 2:
            continue
        picks = list(values.values())
        summary = f"the {event} " + " vs ".join(f'"{s.text}"' for _, s in picks)
        found.append(Contradiction(document.id, "time", summary, tuple(_variant(p, s, text) for p, s in picks)))
    return found


def _number_conflicts(document: Document, slots) -> list[Contradiction]:
    """Return one count given two values in two very similar sentences of one source."""
    by_unit: dict[str, list[tuple[Passage, Slot]]] = {}
    for passage, slot in slots:
        if slot.type == "number" and slot.subject != "%" and len(slot.subject) >= 4:
            by_unit.setdefault(slot.subject, []).append((passage, slot))
    words: dict[str, set[str]] = {}
    times: dict[str, dict[str, set[str]]] = {}  # passage -> kind of time -> values
    for passage, slot in slots:
        if slot.type == "time" and slot.group.partition(":")[0] in _UPDATE_KINDS:
            times.setdefault(passage.id, {}).setdefault(slot.group, set()).add(slot.value)
    found = []
    text = document.source.text
    for counts in by_unit.values():
        if len({s.value for _, s in counts}) < 2:
            continue
        values_in: dict[str, set[str]] = {}  # passage -> the values of this count it gives
        for passage, slot in counts:
            values_in.setdefault(passage.id, set()).add(slot.value)
        for n, (pa, a) in enumerate(counts):
            for pb, b in counts[n + 1 :]:
                if pa.id == pb.id or _agree(a, b):
                    continue
                if a.value in values_in[pb.id] or b.value in values_in[pa.id]:
                    continue  # "64 died in the county, including 31 in the valley": the sentence tells both, a part and its whole
                if _named_apart(pa, a, pb, b):
                    continue  # "the Harbour Party won 61 seats", "the Valley League won 48": two parties' counts
                if _dated_apart(times, pa, pb):
                    continue  # "by Monday morning 40 had died", "by the afternoon, 65": an update
                for p in (pa, pb):
                    if p.id not in words:
                        words[p.id] = set(content_words(p.text))
                shared = len(words[pa.id] & words[pb.id])
                if shared >= SAME_FACT_OVERLAP * max(1, min(len(words[pa.id]), len(words[pb.id]))):
                    found.append(
                        Contradiction(
                            document.id,
                            "number",
                            f'"{a.text} {a.subject}" vs "{b.text}"',
                            (_variant(pa, a, text), _variant(pb, b, text)),
                        )
                    )
    return found


def _attributed(text: str) -> set[str]:
    """Return the names a text's statements were given to or come from ("told Reuters"): outlets, no parties."""
    return {word for slot in cached_slots(text) if slot.type == "attribution" for word in slot.value.split()}


_UPDATE_KINDS = frozenset({"clock", "daypart", "day"})  # a year names no moment of an update


def _dated_apart(times: dict[str, dict[str, set[str]]], pa: Passage, pb: Passage) -> bool:
    """Tell whether two sentences are dated to different moments of one kind (Monday morning and
    Monday afternoon, 9 a.m. and noon): a count given at each is an update."""
    at_a, at_b = times.get(pa.id, {}), times.get(pb.id, {})
    return any(kind in at_b and not values & at_b[kind] for kind, values in at_a.items())


# Memos of pure functions: a count of a dense source is weighed against every other count of its kind.
@lru_cache(maxsize=1 << 14)
def _named_for(text: str, start: int, end: int) -> frozenset[str]:
    """Return the names around a count (names_near) that are not the outlets its statement is attributed to."""
    return names_near(text, start, end) - _attributed(text)


@lru_cache(maxsize=1 << 14)
def _letter_words(text: str) -> frozenset[str]:
    """Return the lowercased words of letters of a text."""
    return frozenset(LETTER_WORD_RE.findall(text.lower()))


def _named_apart(pa: Passage, a: Slot, pb: Passage, b: Slot) -> bool:
    """Tell whether two counts are each named for someone the other sentence never mentions."""
    names_a = _named_for(pa.text, a.start, a.end)
    names_b = _named_for(pb.text, b.start, b.end)
    if not names_a or not names_b:
        return False
    return not names_a & _letter_words(pb.text) and not names_b & _letter_words(pa.text)


def _agree(a: Slot, b: Slot) -> bool:
    """Tell whether two values of one count can both hold, given their hedges."""
    x, y = number_value(a.value), number_value(b.value)
    return a.value == b.value or (x is not None and y is not None and values_agree(x, a.group, y, b.group))


def find_contradictions(documents: Sequence[Document]) -> tuple[Contradiction, ...]:
    """Return the contradictions inside each document, in document order."""
    found: list[Contradiction] = []
    for document in documents:
        slots = _located(document)
        found += _title_conflicts(document, slots)
        found += _institution_conflicts(document, slots)
        found += _event_day_conflicts(document, slots)
        found += _number_conflicts(document, slots)
        found += _spelling_conflicts(document)
    return tuple(found)
