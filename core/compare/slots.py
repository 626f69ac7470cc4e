"""Extract the factual slots of a passage: numbers, times, titles, sources, modality, names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Sequence

from core.model import fast_init
from core.compare.slots_lexicon import (
    ALIASES,
    ATTRIBUTION_TRIGGERS,
    AUXILIARIES,
    GENERIC_VERBS,
    GROUP_SPEAKERS,
    INSTITUTIONS,
    IRREGULAR_PAST,
    MODAL_TRIGGERS,
    NEGATION_TRIGGERS,
    NEGATIVE_TONE,
    NOT_PLACES,
    NUMBER_TRIGGERS,
    OBJECT_STARTERS,
    POSITIVE_TONE,
    SPEECH_VERBS,
    SOFT_TITLE_WORDS,
    STATUS_WORDS,
    TIME_TRIGGERS,
    TITLE_PHRASES,
    TITLE_TRIGGERS,
    TITLE_WORDS,
)
from core.compare.agents import find_agents
from core.compare.event_nouns import event_of, venue_of
from core.compare.institutions import find_institutions, may_name_institution
from core.compare.legal import TRIGGERS as LEGAL_TRIGGERS, find_legal
from core.compare.normalize import fold
from core.compare.quantities import frame_of
from core.compare.value_context import REQUEST_EVENT, RESTORE_EVENT, bracketed_conversion, count_progress
from core.compare.relations import TRIGGERS as RELATION_TRIGGERS, find_relations
from core.compare.slots_numbers import find_quantities
from core.compare.slots_times import find_times
from core.compare.slots_stance import find_modalities, find_negations, find_tones
from core.ingest.gates import may_hold_one_of
from core.ingest.textnorm import STOPWORDS, fold_name, lower_words, stem

SLOT_TYPES = (
    "number",
    "time",
    "title",
    "attribution",
    "modality",
    "negation",
    "quote",
    "place",
    "institution",
    "actor",
    "tone",
    "legal",
    "agent",
    "relation",
)


@fast_init
@dataclass(frozen=True)
class Slot:
    """One factual element of a text: offsets are absolute (the text's offset added)."""

    type: str
    start: int
    end: int
    text: str
    value: str  # normalized: equal values mean the same fact
    subject: str = ""  # what the value is about (a surname, a unit, a verb), when known
    group: str = ""  # sub-kind compared together (time: day/month/year; number: unit)


# Slots are listed by (start, end, type): a C key, no Python call per slot sorted.
_READING_ORDER = attrgetter("start", "end", "type")

_CAP = r"[A-Z][\w’'\-]*"
_NAME = rf"{_CAP}(?:\s(?:{_CAP}|de|van|von|bin|al-\w+))*"
_STATUS = r"(?:former|ex-|then-|acting|outgoing|interim|incoming|deputy|vice)"
_NATION = r"(?:U\.S\.|US|UK|U\.K\.|EU|[A-Z][a-z]+(?:an|ian|ish|ese|i|ch))"
_TITLE = "|".join(re.escape(t) for t in TITLE_WORDS)
_TITLE_RE = re.compile(
    rf"\b((?i:{_STATUS}\s*)*)(?:({_NATION})\s)?((?i:{_STATUS}\s*)*)((?i:special|chief|top|senior)\s)?"
    rf"((?i:{_TITLE}))\s((?:[A-Z][\w’'\-]*\s){{0,2}}[A-Z][\w\-]*[\w])(?:['’]s)?"
)
_QUOTE_RE = re.compile(r"\"([^\"\n]{3,})\"|“([^”\n]{3,})”|‘([^’\n]{8,})’")
_SPEAKER_AFTER_RE = re.compile(rf"^[,.]?\s*(?:({_NAME})\s(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s({_NAME}))")
_SPEAKER_BEFORE_RE = re.compile(rf"({_NAME})\s(?:{SPEECH_VERBS})\b[^\"“.]{{0,40}}[:,]?\s*$")
_TOKEN = r"(?:(?:[A-Za-z]\.){2,}|[\w’'\-]+)"
_ATTRIBUTION_RE = re.compile(  # (?=...): the letters a match begins with, one test per position first
    rf"(?=[tsiaA-Z])(?:\b(?:told|said (?:in a statement |in an interview )?to|(?:in an |an )?interview with)"
    rf"\s((?:the\s)?(?:{_CAP}(?:\s{_CAP}){{0,3}}|reporters|journalists|the press|the media|lawmakers))"
    # a dotted acronym ("the U.S. Geological Survey") is one word, and its dots end nothing
    rf"|\baccording to\s((?:the\s)?{_TOKEN}(?:\s{_TOKEN}){{0,6}}?)(?=[,;]|\.(?!\w)|\sthat\b|$)"
    rf"|\b((?:the\s)?{_CAP}(?:\s{_CAP}){{0,3}})\s(?:reported|reports|has reported|first reported)\b)"
)
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")
_PLACE_RE = re.compile(rf"\b(?:in|at|from|near) ((?:the )?(?:(?:[A-Z]\.){{2,}}|{_CAP}(?: {_CAP})?))")
_ACTOR_RE = re.compile(rf"({_NAME})\s((?:(?:{'|'.join(sorted(AUXILIARIES))})\s){{0,3}})([a-z][a-z\-]+)")
_DIGIT_RE = re.compile(r"\d")
_PLACE_WORDS = frozenset({"in", "at", "from", "near"})
_TONE_WORDS = POSITIVE_TONE | NEGATIVE_TONE


_POSSESSIVE_S_RE = re.compile(r"['’]s$")  # compiled once: every name of every passage is keyed


def name_key(name: str) -> str:
    """Return the key of a person's name: its last word, spelling variants folded."""
    last = _POSSESSIVE_S_RE.sub("", name.strip().split()[-1])
    return fold_name(fold(last))  # Jürgens and Jurgens are one person


_SPACES_RE = re.compile(r"\s+")


def alias(text: str) -> str:
    """Return the compare key of an outlet, country or group name ("the U.S." -> "united states")."""
    plain = _SPACES_RE.sub(" ", text.strip().lower().replace("’", "'"))
    plain = ALIASES.get(plain, plain)
    if plain.startswith("the "):
        plain = plain[4:]
    return ALIASES.get(plain, plain)


_TITLE_PARTS = frozenset(w for title in TITLE_WORDS for w in title.split()) | STATUS_WORDS | {"ex-", "then-", "former"}
_TOKEN_RE = re.compile(r"[\w.’'\-]+")


def _title_starts(text: str) -> list[tuple[int, list[int]]]:
    """Return (position of an office word, start positions of up to three words before it)."""
    tokens = [(m.start(), m.group().lower()) for m in _TOKEN_RE.finditer(text)]
    found = []
    for n, (start, word) in enumerate(tokens):
        if word in _TITLE_PARTS:
            found.append((start, [s for s, _ in tokens[max(0, n - 3) : n]] + [start]))
    return found


def _titles(text: str) -> list[Slot]:
    """Return titles before names: value = status + office, subject = surname key."""
    found: list[Slot] = []
    covered = -1
    # Matching the title pattern only where an office word stands is ~20x cheaper than
    # letting the regex try every position of the sentence.
    for position, starts in _title_starts(text):
        if position < covered:
            continue
        match = None
        for start in starts:
            if start >= covered:
                match = _TITLE_RE.match(text, start)
                if match and match.end() > position:
                    break
                match = None
        if match is None:
            continue
        covered = match.end()
        name = match.group(6)
        if not name[0].isupper() or name.split()[0].lower() in STOPWORDS:
            continue
        words = []
        for part in (match.group(1), match.group(3)):
            words += [w.strip("-").lower() for w in re.split(r"[\s]+|(?<=-)", part or "") if w.strip("-")]
        office = [w for w in match.group(5).lower().split() if w not in SOFT_TITLE_WORDS]
        status = sorted(w for w in words if w in STATUS_WORDS)
        value = " ".join(status + office)
        found.append(
            Slot("title", match.start(), match.end(6), text[match.start() : match.end(6)], value, name_key(name))
        )
    return found


def _speaker_near(text: str, start: int, end: int) -> str:
    """Return the surname key of the speaker of the quote at start:end, or ""."""
    return speaker_span(text, start, end)[2]


def speaker_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Return (start, end, surname key) of the said-clause naming who spoke the quote at
    start:end ("Galetti wrote", "Jassy described AI as"), or (start, start, "") when none is near."""
    after = _SPEAKER_AFTER_RE.match(text[end : end + 80])
    if after:
        key = _speaker_key(after.group(1) or after.group(2))
        if key:
            shift = len(after.group()) - len(after.group().lstrip(",. "))
            return end + shift, end + after.end(), key
    window = max(0, start - 80)
    before = _SPEAKER_BEFORE_RE.search(text[window:start])
    if before and _speaker_key(before.group(1)):
        clause = before.group().rstrip(" ,:")
        return window + before.start(), window + before.start() + len(clause), _speaker_key(before.group(1))
    return start, start, ""


def _speaker_key(name: str) -> str:
    """Return the key of a named speaker, or "" for a pronoun or a group ("They", "Officials")."""
    first = name.split()[0].lower()
    return "" if first in STOPWORDS or first in GROUP_SPEAKERS else name_key(name)


def _quotes(text: str) -> list[Slot]:
    """Return quoted text (quotation marks excluded), subject = the speaker when a said-clause is near."""
    found = []
    for match in _QUOTE_RE.finditer(text):
        group = next(n for n in (1, 2, 3) if match.group(n) is not None)
        start, end = match.start(group), match.end(group)
        body = match.group(group)
        value = re.sub(r"[^\w\s]", "", body.lower())
        found.append(
            Slot("quote", start, end, body, " ".join(value.split()), _speaker_near(text, match.start(), match.end()))
        )
    return found


def _attributions(text: str) -> list[Slot]:
    """Return who a statement was given to or came from ("told Reuters", "according to X")."""
    found = []
    for match in _ATTRIBUTION_RE.finditer(text):
        target = next(g for g in match.groups() if g)
        if target.split()[0].lower() in ("he", "she", "they", "it", "officials", "sources"):
            continue
        kind = "told" if match.group(1) else "according" if match.group(2) else "reported"
        found.append(Slot("attribution", match.start(), match.end(), match.group(), alias(target), "", kind))
    return found


def _places(text: str, institutions: Sequence[Slot]) -> list[Slot]:
    """Return capitalised places after in/at/from (a heuristic, no gazetteer)."""
    found = []
    for match in _PLACE_RE.finditer(text):
        name = match.group(1)
        words = [w for w in name.split() if w.lower() != "the"]
        if not words or words[0].lower() in NOT_PLACES or words[0].lower() in STOPWORDS:
            continue
        start = match.start(1)
        if any(s.start <= start < s.end for s in institutions):
            continue
        found.append(Slot("place", start, match.end(1), name, alias(name), venue_of(text, start)))
    return found


def _verb_like(text: str, aux: str, verb: str, end: int) -> bool:
    """Tell whether the word after a name is its verb (a heuristic: no tagger)."""
    if aux.strip() or verb.endswith("ed") or verb in IRREGULAR_PAST:
        return True
    after = _WORD_RE.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return (
        verb.endswith("s")
        and not verb.endswith("ss")
        and after is not None
        and after.group().lower() in OBJECT_STARTERS
    )


_POSSESSIVE_RE = re.compile(r"['’]s$")
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_LAST_WORD_RE = re.compile(r"(\w+)\s*$")
_BEFORE_A_PHRASE = frozenset({"in", "at", "from", "of", "to", "for", "with", "by", "on", "and", "or", "the"})


FUTURE_ACT = "@future"
_FUTURE_AUX = frozenset({"will", "shall", "would"})


def _actors(text: str) -> list[Slot]:
    """Return names followed by the verb they govern: value = name key, subject = verb stem."""
    found = []
    for match in _ACTOR_RE.finditer(text):
        name, aux, verb = match.group(1), match.group(2), match.group(3)
        first = name.split()[0]
        if (
            first.lower() in STOPWORDS
            or name.lower() in INSTITUTIONS
            or verb in STOPWORDS
            or stem(verb) in GENERIC_VERBS
        ):
            continue
        if _POSSESSIVE_RE.search(name) or not _verb_like(text, aux, verb, match.end(3)):
            continue  # a possessive names an owner, not the one acting
        if _BE_FORMS & set(aux.split()) and not verb.endswith("ing"):
            continue  # a passive ("X has been sentenced") names the one acted on, not the one acting
        before = _LAST_WORD_RE.search(text[: match.start(1)])
        if before and before.group(1).lower() in _BEFORE_A_PHRASE:
            continue  # a name inside a phrase or a pair is not the one acting
        start = match.start(1) + name.rfind(" ") + 1  # the name itself, titles are their own slots
        # "X will lead" is another act than "Y was leading": the future is kept apart
        act = stem(verb) + (FUTURE_ACT if _FUTURE_AUX & set(aux.split()) else "")
        found.append(Slot("actor", start, match.end(3), text[start : match.end(3)], alias(name_key(name)), act))
    return found


def _number_slot(text: str, start: int, end: int, value: str, unit: str) -> Slot:
    """Return a number slot: subject = what it counts (head noun, and the event of a people count),
    group = the hedge before it (min, max, about or "")."""
    frame = frame_of(text, start, end)
    if value.endswith("%") and count_progress(text, end):
        subject = ""  # "with 85% of ballots counted": how far a count has got, a moment, never a result
    elif unit in ("share", "score", "tie") or value.endswith("%"):
        subject = unit if unit in ("share", "score", "tie") else "%"
        if frame.event in (REQUEST_EVENT, RESTORE_EVENT):  # a share asked for, or made good after a loss
            subject = f"{subject}:{frame.event}"
    else:
        subject = f"{frame.head}:{frame.event}" if frame.event else frame.head
    return Slot("number", start, end, text[start:end], value, subject, frame.hedge)


@lru_cache(maxsize=1 << 16)  # the whole text of a source is read for its values, its claims for all slots
def value_slots(text: str) -> tuple[Slot, ...]:
    """Return the number and time slots of a text, in order (the ones extract_slots gives)."""
    words = lower_words(text)
    digits = _DIGIT_RE.search(text) is not None
    slots: list[Slot] = []
    spelled = bool(words & NUMBER_TRIGGERS)
    if digits or spelled:
        slots += [
            _number_slot(text, s, e, value, unit)
            for s, e, value, unit in find_quantities(text, spelled)
            # "€40 million (£34 million, $44 million)": the bracket restates the amount
            if not (text[s : s + 1] in "$€£" and bracketed_conversion(text, s))
        ]
    if digits or words & TIME_TRIGGERS:  # years and clock times need digits
        slots += [
            Slot("time", s, e, text[s:e], value, event_of(text, s, e), group) for s, e, value, group in find_times(text)
        ]
    slots.sort(key=_READING_ORDER)
    return tuple(slots)


# The kinds read in every passage of a source (its contradictions, its fact sheet rows), not only
# in the passages of claims: a passage of no claim is read for these alone.
DOCUMENT_KINDS = frozenset({"number", "time", "title", "institution", "modality"})


@lru_cache(maxsize=1 << 16)  # shared by the whole-text readers and by extract_slots
def _document_only(text: str) -> tuple[tuple[Slot, ...], tuple[Slot, ...], tuple[Slot, ...]]:
    """Return the institution, title and modality slots of a text (the document kinds past its values)."""
    words = lower_words(text)
    institutions = (
        tuple(Slot("institution", *found) for found in find_institutions(text))
        if may_name_institution(text, words)
        else ()
    )
    titles = tuple(_titles(text)) if words & TITLE_TRIGGERS and may_hold_one_of(text, words, TITLE_PHRASES) else ()
    modal = find_modalities(text) if words & MODAL_TRIGGERS else ()
    return institutions, titles, tuple(Slot("modality", s, e, text[s:e], value, verb) for s, e, value, verb in modal)


@lru_cache(maxsize=1 << 16)  # a memo of a pure function over passage texts
def document_slots(text: str) -> tuple[Slot, ...]:
    """Return the slots of a text of the DOCUMENT_KINDS, in the order extract_slots gives them."""
    institutions, titles, modal = _document_only(text)
    return tuple(sorted(value_slots(text) + titles + modal + institutions, key=_READING_ORDER))


def extract_slots(text: str, offset: int = 0) -> list[Slot]:
    """Return the factual slots of a text, in order, with offsets shifted by `offset`."""
    words = lower_words(text)
    institutions, titles, modal = _document_only(text)
    slots: list[Slot] = list(value_slots(text))
    slots += titles
    if words & ATTRIBUTION_TRIGGERS:
        slots += _attributions(text)
    slots += modal
    if words & NEGATION_TRIGGERS:
        slots += [Slot("negation", s, e, text[s:e], verb) for s, e, verb in find_negations(text)]
    if '"' in text or "\u201c" in text or "\u2018" in text:
        slots += _quotes(text)
    if words & _PLACE_WORDS:
        slots += _places(text, institutions)
    if words & RELATION_TRIGGERS:
        slots += [Slot("relation", s, e, text[s:e], v, rel) for s, e, v, rel in find_relations(text)]
    if "by" in words:
        slots += [Slot("agent", s, e, text[s:e], value, verb) for s, e, value, verb in find_agents(text)]
    if words & LEGAL_TRIGGERS:
        slots += [
            Slot("legal", s, e, text[s:e], value, subject, group) for s, e, value, subject, group in find_legal(text)
        ]
    if words & _TONE_WORDS:
        slots += [Slot("tone", s, e, text[s:e], value) for s, e, value in find_tones(text)]
    slots += list(institutions) + _actors(text)
    slots.sort(key=_READING_ORDER)
    if offset:
        slots = [Slot(s.type, s.start + offset, s.end + offset, s.text, s.value, s.subject, s.group) for s in slots]
    return slots


@lru_cache(maxsize=1 << 16)  # a memo of a pure function: re-alignment reuses most sentences
def cached_slots(text: str) -> tuple[Slot, ...]:
    """Return the slots of a text (offsets relative to it), remembered across calls."""
    return tuple(extract_slots(text))
