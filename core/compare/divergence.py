"""Find the typed, ranked factual divergences between the variants of one claim."""

from __future__ import annotations

import hashlib
import weakref
from typing import Iterator, Mapping, Sequence

from core.compare.contradictions import find_contradictions  # noqa: F401  (the engine imports both from here)
from core.model import Claim, Divergence, Document, Passage, Variant
from core.compare.names import first_name_clashes
from core.compare.normalize import fold
from core.compare.quotes import quote_changes
from core.compare.slots import Slot, cached_slots, value_slots
from core.compare.slots_compare import EVENT_TYPES, capitalised_words, comparable, group_key, same_value, spelling_pair
from core.ingest.textnorm import content_words, normalize_text
from core.compare.matching import ValueIndex, value_clashes, value_index
from core.compare.tellings import Finding as _Finding, Located as _Located, Telling as _Telling
from core.compare.tellings import merge_sharing as _merge_sharing, passage_at as _passage_at
from core.compare.tellings import OBJECT_WINDOW
from core.compare.negation_gaps import negation_gaps

# How much a difference of each type matters to a checker, before confidence.
TYPE_WEIGHTS = {
    "negation": 0.95,
    "number": 0.92,
    "title": 0.9,
    "time": 0.88,
    "attribution": 0.82,
    "quote": 0.5,
    "actor": 0.74,
    "institution": 0.72,
    "place": 0.7,
    "modality": 0.66,
    "other": 0.3,
    "spelling": 0.15,
}
LEGAL_WEIGHT = 0.86  # murder vs attempted murder, charged vs convicted: a fact, not wording
OMISSION_FACTOR = 0.9  # a fact one source leaves out matters less than two facts that clash
MAJORITY_BOOST = 0.05  # one source against an agreeing majority: the likeliest error
UNSURE_SUBJECT = 0.9  # the slots were matched by position or wording, not by a named subject
MODAL_MIN_SHARED = 2  # content words two modal phrases' objects share to be about one action
REPORTING_STEMS = frozenset({"report", "confirm", "announc", "stat", "said", "reveal", "claim", "cit"})
PAIRED_TYPES = ("number", "time")  # compared value by value with the matching one (matching.py)


def _runs(passages: list[Passage]) -> list[list[Passage]]:
    """Split one document's member passages into runs of adjacent passages."""
    runs: list[list[Passage]] = []
    for passage in sorted(passages, key=lambda p: p.index):
        if runs and passage.index == runs[-1][-1].index + 1:
            runs[-1].append(passage)
        else:
            runs.append([passage])
    return runs


def _tellings(claim: Claim, documents: Sequence[Document]) -> list[_Telling]:
    """Return the variants of a claim, one per run of adjacent member passages."""
    by_id = {d.id: d for d in documents}
    members: dict[str, list[Passage]] = {}
    for pid in claim.members:
        doc = by_id.get(pid.split(":")[0])
        if doc is None:
            continue
        index = int(pid.split(":p")[1])
        if index < len(doc.passages) and doc.passages[index].id == pid:
            members.setdefault(doc.id, []).append(doc.passages[index])
    pivot_doc = claim.pivot.split(":")[0]
    # The pivot's telling comes first: the other wordings read as departures from it.
    members = dict(sorted(members.items(), key=lambda item: item[0] != pivot_doc))
    tellings = []
    for doc_id, passages in members.items():
        document = by_id[doc_id]
        for run in _runs(passages):
            start, end = run[0].start, run[-1].end
            slots = tuple(
                _Located(Slot(s.type, s.start + p.start, s.end + p.start, s.text, s.value, s.subject, s.group), p.id)
                for p in run
                for s in cached_slots(p.text)
            )
            text = document.source.text[start:end]
            tellings.append(_Telling(doc_id, document.source.label, start, end, text, slots, tuple(run)))
    return tellings


def _clashes(tellings: list[_Telling]) -> list[_Finding]:
    """Return the value clashes: two tellings whose comparable values for one slot share nothing."""
    groups: dict[tuple[str, str], dict[int, list[_Located]]] = {}
    events: dict[str, set[str]] = {}  # group -> events its times or places belong to
    for telling in tellings:
        for located in telling.slots:
            event_group = group_key(located.slot)
            if event_group is not None and located.slot.type in EVENT_TYPES and located.slot.subject:
                events.setdefault(event_group, set()).add(located.slot.subject)
    for index, telling in enumerate(tellings):
        for located in telling.slots:
            key = group_key(located.slot)
            if key is None or located.slot.type in PAIRED_TYPES:
                continue
            keys = [key]
            if located.slot.type in EVENT_TYPES:
                # A time of a known event is compared with that event's times only; a time of
                # no known event with the times of every event.
                subject = located.slot.subject
                keys = [f"{key}|{e}" for e in ([subject] if subject else sorted(events.get(key, ())))]
                keys = keys or [key]
            for group in keys:
                groups.setdefault((located.slot.type, group), {}).setdefault(index, []).append(located)
    findings = []
    for (kind, _), by_telling in groups.items():
        if len(by_telling) < 2:
            continue
        same = same_value(kind)
        # Most groups agree: whether one clashes is read first (up to the first two tellings whose
        # values share nothing), and the values involved are gathered only for a group that does.
        compared = _compared(tellings, by_telling)
        if all(any(same(a.slot.value, b.slot.value) for a, b in pairs) for _, _, pairs in compared):
            continue
        involved: dict[int, list[_Located]] = {}
        for i, j, pairs in _compared(tellings, by_telling):
            for a, b in pairs:
                involved.setdefault(i, []).append(a)
                involved.setdefault(j, []).append(b)
        picks = [(i, list(dict.fromkeys(slots))) for i, slots in sorted(involved.items())]
        shown = {i: " / ".join(sorted({s.slot.value for s in slots})) for i, slots in picks}
        known = all(s.slot.subject for _, slots in picks for s in slots)
        legal = kind == "legal"  # no type of its own: "other", weighed as a fact
        kind = "title" if kind == "relation" else kind  # a status of a person, like "former"
        findings.append(
            _Finding(
                "other" if legal else _agent_type(picks) if kind == "agent" else kind,
                picks,
                shown,
                omission=kind == "title" and _dropped(shown),
                weight=LEGAL_WEIGHT if legal else None,
                confidence=1.0 if known or kind not in EVENT_TYPES else UNSURE_SUBJECT,
            )
        )
    return findings


def _compared(
    tellings: list[_Telling], by_telling: dict[int, list[_Located]]
) -> Iterator[tuple[int, int, list[tuple[_Located, _Located]]]]:
    """Yield (i, j, pairs) for each two tellings of two sources with comparable values in one group, i < j."""
    indices = sorted(by_telling)
    for n, i in enumerate(indices):
        for j in indices[n + 1 :]:
            if tellings[i].doc == tellings[j].doc:
                continue
            pairs = [(a, b) for a in by_telling[i] for b in by_telling[j] if comparable(a.slot, b.slot)]
            if pairs:
                yield i, j, pairs


def _agent_type(picks) -> str:
    """Return "attribution" for the doers of a reporting verb (reported by X), else "actor"."""
    verb = picks[0][1][0].slot.subject
    return "attribution" if verb in REPORTING_STEMS else "actor"


def _dropped(values: dict[int, str]) -> bool:
    """Tell whether some tellings only leave out words others give ("President" vs "former President")."""
    word_sets = [set(v.split()) for v in values.values()]
    return all(a <= b or b <= a for a in word_sets for b in word_sets)


def _object_words(telling: _Telling, slot: Slot) -> set[str]:
    """Return the content words right after a modal phrase: what is agreed, offered, expected."""
    after = telling.text[slot.end - telling.start : slot.end - telling.start + OBJECT_WINDOW]
    return {w for w in content_words(after) if len(w) >= 4}


def _modal_clashes(tellings: list[_Telling]) -> list[_Finding]:
    """Return modality differences on the same action: same verb or the same object."""
    modals = [(i, s) for i, t in enumerate(tellings) for s in t.slots if s.slot.type == "modality"]
    objects: dict[int, set[str]] = {}  # modal index -> its object words, read only for a pair that needs them

    def object_of(n: int) -> set[str]:
        """Return the object words of the nth modal phrase."""
        if n not in objects:
            index, located = modals[n]
            objects[n] = _object_words(tellings[index], located.slot)
        return objects[n]

    findings = []
    for n, (i, a) in enumerate(modals):
        for m in range(n + 1, len(modals)):
            j, b = modals[m]
            if tellings[i].doc == tellings[j].doc or a.slot.value == b.slot.value:
                continue
            same_verb = a.slot.subject and a.slot.subject == b.slot.subject
            if same_verb or len(object_of(n) & object_of(m)) >= MODAL_MIN_SHARED:
                findings.append(
                    _Finding(
                        "modality",
                        [(i, [a]), (j, [b])],
                        {i: a.slot.value, j: b.slot.value},
                        confidence=1.0 if same_verb else UNSURE_SUBJECT,
                    )
                )
    return _merge_sharing(findings)


def _spellings(tellings: list[_Telling]) -> list[_Finding]:
    """Return names spelled two ways across tellings (Zelensky / Zelenskyy, Oleg / Oleh)."""
    names = {index: capitalised_words(telling.text) for index, telling in enumerate(tellings)}
    # Two spellings of one name share their first letter (spelling_pair): each word is compared
    # only with the other telling's words of its initial, in their order, not with all of them.
    initials: dict[int, dict[str, list[str]]] = {index: {} for index in names}
    for index, words in names.items():
        for word in words:
            initials[index].setdefault(word[0], []).append(word)
    findings: dict[tuple[str, str], _Finding] = {}
    for i, words_i in names.items():
        for j, words_j in names.items():
            if j <= i or tellings[i].doc == tellings[j].doc:
                continue
            for a in words_i:
                if a in words_j:
                    continue
                for b in initials[j].get(a[0], ()):
                    if b in words_i or not spelling_pair(a, b):
                        continue
                    if fold(a) == fold(b):
                        continue  # Müller / Muller: diacritics are not another spelling
                    pair = (min(a, b), max(a, b))
                    finding = findings.setdefault(pair, _Finding("spelling", [], {}))
                    for index, word, positions in ((i, a, words_i[a]), (j, b, words_j[b])):
                        if index not in finding.values:
                            start = tellings[index].start + positions[0]
                            slot = Slot("spelling", start, start + len(word), word, word)
                            finding.picks.append((index, [_Located(slot, _passage_at(tellings[index], start))]))
                            finding.values[index] = word
    return list(findings.values())


def _tone_clashes(tellings: list[_Telling]) -> list[_Finding]:
    """Return opposite characterisations (constructive vs tense) as type other."""
    tones = {i: [s for s in t.slots if s.slot.type == "tone"] for i, t in enumerate(tellings)}
    polarity = {i: {s.slot.value for s in slots} for i, slots in tones.items() if slots}
    mixed = [i for i, values in polarity.items() if len(values) > 1]
    clean = {i: next(iter(v)) for i, v in polarity.items() if i not in mixed}
    if len(set(clean.values())) < 2:
        return []
    finding = _Finding(
        "other",
        [(i, tones[i]) for i in sorted(clean)],
        {i: " / ".join(s.slot.text.lower() for s in tones[i]) for i in clean},
    )
    return [finding]


def _rank(finding: _Finding, claim: Claim) -> float:
    """Return the rank of a finding: type weight times confidence, boosted for a lone dissenter."""
    weight = finding.weight if finding.weight is not None else TYPE_WEIGHTS[finding.type]
    confidence = (0.75 + 0.25 * max(0.0, min(1.0, claim.score))) * finding.confidence
    if finding.omission:
        confidence *= OMISSION_FACTOR
    counts: dict[str, int] = {}
    for value in finding.values.values():
        counts[value] = counts.get(value, 0) + 1
    lone_dissent = len(counts) == 2 and min(counts.values()) == 1 and max(counts.values()) >= 2
    return round(min(1.0, weight * confidence + (MAJORITY_BOOST if lone_dissent else 0.0)), 4)


def _summary(finding: _Finding, tellings: list[_Telling]) -> str:
    """Return '"x" (Outlet A, Outlet B) vs "y" (Outlet C)' for a finding."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for index, slots in finding.picks:
        value = finding.values.get(index, "")
        wording = " / ".join(dict.fromkeys(s.slot.text for s in slots))
        groups.setdefault(value, (wording, []))[1].append(tellings[index].label)
    parts = [f'"{wording}" ({_who(list(dict.fromkeys(labels)))})' for wording, labels in groups.values()]
    return " vs ".join(parts)


SUMMARY_NAMES = 4  # beyond this many sources sharing a wording, the summary counts them instead


def _who(labels: list[str]) -> str:
    """Return the sources of one wording: named up to SUMMARY_NAMES, else counted (a 20-source case)."""
    # Named one by one, a wording most of twenty outlets share filled the status line and a note's
    # heading with outlet names; the claim view's rows still say which source has which wording.
    return ", ".join(labels) if len(labels) <= SUMMARY_NAMES else f"{len(labels)} sources"


def _divergence(finding: _Finding, claim: Claim, tellings: list[_Telling], documents: Sequence[Document]) -> Divergence:
    """Return the Divergence of a finding with one Variant per slot, in exact document text."""
    texts = {d.id: d.source.text for d in documents}
    variants = []
    for index, slots in finding.picks:
        text = texts[tellings[index].doc]
        for located in slots:
            start, end = located.slot.start, located.slot.end
            variants.append(Variant(located.passage, start, end, text[start:end]))
    variants = list(dict.fromkeys(variants))
    distinct = sorted({normalize_text(v.text) for v in variants})
    key = hashlib.sha1((finding.type + "|" + "\u241f".join(distinct)).encode("utf-8")).hexdigest()[:16]
    return Divergence(
        key=key,
        claim=claim.id,
        type=finding.type,
        rank=_rank(finding, claim),
        summary=_summary(finding, tellings),
        variants=tuple(variants),
    )


# The numbers and times of a whole document, kept while the document lives: every claim of a long
# article asks for the same index, and rebuilding it per claim made one huge text quadratic.
_DOCUMENT_VALUES: dict[int, tuple[weakref.ref, ValueIndex]] = {}


def _document_values(document: Document) -> ValueIndex:
    """Return the number and time slots of every passage of one document by compare key (remembered)."""
    key = id(document)
    kept = _DOCUMENT_VALUES.get(key)
    if kept is not None and kept[0]() is document:
        return kept[1]
    index = value_index(s for p in document.passages for s in value_slots(p.text))
    _DOCUMENT_VALUES[key] = (weakref.ref(document, lambda _gone: _DOCUMENT_VALUES.pop(key, None)), index)
    return index


class _SourceValues(Mapping):
    """The numbers and times of every passage of the given sources (the whole text), read only when asked."""

    def __init__(self, documents: Sequence[Document], doc_ids: set[str]):
        self.documents = {d.id: d for d in documents if d.id in doc_ids}

    def __getitem__(self, doc: str) -> ValueIndex:
        return _document_values(self.documents[doc])

    def __iter__(self):
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)


def _source_values(documents: Sequence[Document], doc_ids: set[str]) -> Mapping[str, ValueIndex]:
    """Return the number and time index of the given sources (the whole text, not the claim)."""
    return _SourceValues(documents, doc_ids)


def find_divergences(claim: Claim, documents: Sequence[Document]) -> tuple[Divergence, ...]:
    """Return the divergences between the variants of one claim, highest rank first."""
    tellings = _tellings(claim, documents)
    if len({t.doc for t in tellings}) < 2:
        return ()
    findings: list[_Finding] = []
    findings += _clashes(tellings)
    elsewhere = _source_values(documents, {t.doc for t in tellings})
    findings += value_clashes(tellings, "number", elsewhere) + value_clashes(tellings, "time", elsewhere)
    findings += _modal_clashes(tellings)
    findings += negation_gaps(tellings)
    findings += quote_changes(tellings)
    findings += first_name_clashes(tellings)
    findings += _spellings(tellings)
    findings += _tone_clashes(tellings)
    result: dict[str, Divergence] = {}
    for finding in findings:
        divergence = _divergence(finding, claim, tellings, documents)
        if divergence.key not in result or result[divergence.key].rank < divergence.rank:
            result[divergence.key] = divergence
    return tuple(sorted(result.values(), key=lambda d: (-d.rank, d.key)))
