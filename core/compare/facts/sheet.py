"""Assemble the fact sheet: one row per fact, one cell per source's wording, divergent rows ranked first."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations
from typing import Sequence

from core.compare.facts.approvals import approval_mentions
from core.compare.facts.attribution import attribution_mentions, attribution_value
from core.compare.facts.compare import (
    time_kind,
    numbers_comparable,
    numbers_compatible,
    time_is_placed,
    times_conflict,
    title_tense,
)
from core.compare.facts.events import event_mentions, relative_days
from core.compare.facts.mentions import Mention
from core.compare.facts.origins import origin_mentions
from core.compare.facts.people import known_people, name_counts, person_mentions
from core.compare.facts.places import mentioned_anywhere, place_mentions
from core.compare.facts.quotes import quote_mentions
from core.compare.facts.ages import age_mentions
from core.compare.facts.quantities import quantity_mentions
from core.compare.facts.stances import stance_mentions
from core.model import Document, FactCell, FactRow

PEOPLE_COUNTS = ("dead", "injured", "missing", "arrested")
# Relative days clash only if the sources report on one day: a clash read from them alone is less sure.
ASSUMED_DAY = 0.9
BASE_RANK = {
    "title": 0.85,
    "actor": 0.85,
    "number": 0.75,
    "time": 0.7,
    "place": 0.65,
    "modality": 0.66,
    "institution": 0.7,
    "attribution": 0.5,
    "spelling": 0.3,
}


POOLED_VALUES = 2  # more values than this from one source in one row: several things, not one


def _by_source(mentions: list[Mention]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.doc].append(m)
    return grouped


def _distinct(grouped: dict[str, list[Mention]], key) -> dict[str, list[Mention]]:
    """Return each source's mentions with one per distinct key (a value repeated is compared once)."""
    return {doc: list({key(m): m for m in ms}.values()) for doc, ms in grouped.items()}


def _pooled(grouped: dict[str, list[Mention]]) -> bool:
    """Tell whether a row holds several different things: a source gives it more than two values
    ("money, millions": a fee, its add-ons, a club's whole spending)."""
    return any(len(ms) > POOLED_VALUES for ms in grouped.values())


def _counts_people(mentions: list[Mention]) -> bool:
    return mentions[0].fact.split(":", 1)[1].split(" on ")[0] in PEOPLE_COUNTS


def _values_by_source(mentions: list[Mention]) -> dict[str, list[Mention]]:
    return _distinct(_by_source(mentions), lambda m: (m.number, m.hedge, m.about))


def _pooled_row(mentions: list[Mention]) -> bool:
    """Tell whether a quantity row pools several things of one source (never a count of people)."""
    return not _counts_people(mentions) and _pooled(_values_by_source(mentions))


def _quantity_divergent(mentions: list[Mention]) -> bool:
    counts_people = _counts_people(mentions)
    grouped = _values_by_source(mentions)
    if _pooled_row(mentions):
        return False  # said as "not compared" (_not_compared): which value goes with which is unknown
    for a_doc, b_doc in combinations(sorted(grouped), 2):
        ours, theirs = grouped[a_doc], grouped[b_doc]
        # Two sources disagree when no value of one fits a value of the other, yet some pair is
        # of one thing (both tests stop at their first answer: one matching pair decides).
        if not any(numbers_compatible(a, b) for a in ours for b in theirs) and any(
            numbers_comparable(a, b, counts_people) for a in ours for b in theirs
        ):
            return True
    return False


def _title_divergent(mentions: list[Mention]) -> bool:
    # Two titles conflict when they give one role and only one says "former": the sources are
    # indexed by role and tense, each distinct title read once, instead of comparing every pair.
    sources: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for value, doc in {(m.value, m.doc) for m in mentions}:
        sources[title_tense(value)].add(doc)
    return any(
        _two_sources(docs, sources.get((role, True), set())) for (role, former), docs in sources.items() if not former
    )


def _two_sources(ours: set[str], theirs: set[str]) -> bool:
    """Tell whether a source of one set and another source of the other can be picked."""
    return bool(ours) and bool(theirs) and not (len(ours) == len(theirs) == 1 and ours == theirs)


def _values_differ(mentions: list[Mention]) -> bool:
    grouped = _by_source(mentions)
    sets = [{m.value for m in ms} for ms in grouped.values()]
    return any(not a & b for a, b in combinations(sets, 2))


def _time_divergent(mentions: list[Mention]) -> bool:
    # Times of one event by two named actors ("the Senate passed" / "the House voted") are two facts;
    # a time without an actor is compared with every one.
    # Sources giving the same values are compared once: times_conflict reads its values as sets.
    grouped = _distinct(_by_source(mentions), lambda m: (m.value, m.about))
    actors = {m.about for m in mentions}
    abouts = {doc: {m.about for m in ms} for doc, ms in grouped.items()}
    told = {
        (doc, actor): frozenset(m.value for m in ms if m.about in (actor, ""))
        for doc, ms in grouped.items()
        for actor in actors
    }
    compared: dict[tuple[frozenset[str], frozenset[str]], bool] = {}
    for x, y in combinations(sorted(grouped), 2):
        for actor in actors:
            if actor == "" or actor in abouts[x] or actor in abouts[y]:
                pair = (told[(x, actor)], told[(y, actor)])
                if pair not in compared:
                    compared[pair] = times_conflict(list(pair[0]), list(pair[1]))
                if compared[pair]:
                    return True
    return False


def _bodies_differ(mentions: list[Mention]) -> bool:
    # One approval still ahead, given to another body: a source naming Congress in one place and
    # the Senate in another disagrees with one naming Congress alone (and contradicts itself).
    sets = [{m.value for m in ms} for ms in _by_source(mentions).values()]
    return any(a != b for a, b in combinations(sets, 2))


def _attribution_divergent(mentions: list[Mention]) -> bool:
    # Only named speakers can disagree: "officials" and "Reuters" are compatible with anyone.  The
    # outlet a statement was told to is named by each source that gives it ("told Reuters" / "told CNN").
    named = [m for m in mentions if m.named]
    if len(_by_source(named)) >= 2 and _values_differ(named):
        return True
    told = _by_source([m for m in mentions if m.channel])
    channels = [{attribution_value(m.channel) for m in ms} for ms in told.values()]
    # "Fox News" and "Fox News Digital" name one outlet: a channel that begins another is no clash
    return any(
        not any(x == y or x.startswith(y + " ") or y.startswith(x + " ") for x in a for y in b)
        for a, b in combinations(channels, 2)
    )


def _place_divergent(mentions: list[Mention], texts: dict[str, str]) -> bool:
    # Places nest (a district, its city, its country): two names only disagree when neither source
    # names the other's place anywhere in its text.
    grouped = _by_source(mentions)
    for x, y in combinations(sorted(grouped), 2):
        ours, theirs = {m.value for m in grouped[x]}, {m.value for m in grouped[y]}
        if ours & theirs:
            continue
        if not any(v in texts[y] for v in ours) and not any(v in texts[x] for v in theirs):
            return True
    return False


def is_divergent(mentions: list[Mention], texts: dict[str, str] | None = None) -> bool:
    """Return True when at least two sources give values of this fact that cannot both hold."""
    if len(_by_source(mentions)) < 2:
        return False
    kind, type_ = mentions[0].kind, mentions[0].type
    if kind == "quantity":
        return _quantity_divergent(mentions)
    if type_ == "title":
        return _title_divergent(mentions)
    if type_ in ("actor", "spelling", "modality") or mentions[0].fact.startswith("origin:"):
        return _values_differ(mentions)
    if type_ == "institution":
        return _bodies_differ(mentions)
    if type_ == "place":
        return _place_divergent(mentions, {} if texts is None else texts)
    if kind == "event":
        return _time_divergent(mentions)
    return _attribution_divergent(mentions)


def _rank(mentions: list[Mention], divergent: bool, sources: int) -> float:
    base = BASE_RANK.get(mentions[0].type, 0.5)
    if mentions[0].kind == "quantity" and mentions[0].fact.split(":", 1)[1].split(" on ")[0] in PEOPLE_COUNTS:
        base = 0.95
    spread = min(1.0, 0.8 + 0.05 * sources)
    if (
        divergent
        and mentions[0].type == "time"
        and not _time_divergent([m for m in mentions if not relative_days(m.value)])
    ):
        base *= ASSUMED_DAY  # the clash is read from relative days alone
    return round(base * spread * (1.0 if divergent else 0.4), 4)


def _summary(mentions: list[Mention], labels: dict[str, str]) -> str:
    by_value: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        value = f"{m.value}, told {m.channel}" if m.channel else m.value  # the outlet can be the difference
        if labels[m.doc] not in by_value[value]:
            by_value[value].append(labels[m.doc])
    if mentions[0].kind != "event":
        return f"{mentions[0].label}: " + " vs ".join(_said(v, s) for v, s in by_value.items())
    # A day and a clock time do not oppose each other: "13:39" vs "13:38" is the clash, and
    # "Thursday" is said beside it, so each kind of time is its own group, clashing ones first.
    kinds: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for value, said in by_value.items():
        kinds[time_kind(value)][value] = said

    def clashing(values: dict[str, list[str]]) -> bool:
        return any(times_conflict([a], [b]) for a, b in combinations(values, 2))

    groups = sorted(kinds.values(), key=lambda values: (not clashing(values), -len(values)))
    return f"{mentions[0].label}: " + " · ".join(
        " vs ".join(_said(value, said) for value, said in values.items()) for values in groups
    )


def _said(value: str, sources: list[str]) -> str:
    return f"“{value}” ({', '.join(sources)})"


def _key(mentions: list[Mention]) -> str:
    seen = sorted({(m.source, " ".join(m.text.split()).lower()) for m in mentions})
    basis = "\x1f".join([mentions[0].kind, mentions[0].label.lower()] + [f"{s}\x1e{t}" for s, t in seen])
    return "fact:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def _cells(mentions: list[Mention]) -> tuple[FactCell, ...]:
    unique = {(m.doc, m.start, m.end): m for m in mentions}
    ordered = sorted(unique.values(), key=lambda m: (int(m.doc[1:]), m.start))
    return tuple(FactCell(m.doc, m.source, m.passage, m.start, m.end, m.text, m.value) for m in ordered)


def build_fact_sheet(documents: Sequence[Document]) -> tuple[FactRow, ...]:
    """Return the fact sheet of the documents: rows by rank (divergent first), cells in reading order."""
    documents = tuple(documents)
    names = name_counts(documents)
    found: list[Mention] = person_mentions(documents, names) + quantity_mentions(documents) + event_mentions(documents)
    people = known_people(names)
    found += place_mentions(documents) + age_mentions(documents, people)
    found += attribution_mentions(documents, [m for m in found if m.kind in ("quantity", "event")], people)
    found += quote_mentions(documents, people) + approval_mentions(documents) + stance_mentions(documents, people)
    found += origin_mentions(documents, [m for m in found if m.kind == "quantity"])
    rows: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        rows[m.fact].append(m)
    labels = {d.id: d.source.label for d in documents}
    texts = mentioned_anywhere(documents)
    built = []
    for mentions in rows.values():
        sources = len(_by_source(mentions))  # the cells' documents are the mentions'
        # A row told by one source is never divergent, nor said to be left uncompared.
        divergent = sources >= 2 and is_divergent(mentions, texts)
        rank = _rank(mentions, divergent, sources)
        key = _key(mentions)
        order = (not divergent, -rank, -sources, mentions[0].label, key)
        built.append((order, key, mentions, rank, divergent, sources))
    built.sort(key=lambda item: item[0])  # by rank, divergent first; each row is built once, in its place
    return tuple(
        FactRow(
            id=f"f{n}",
            key=key,
            kind=mentions[0].kind,
            label=mentions[0].label,
            type=mentions[0].type,
            rank=rank,
            divergent=divergent,
            cells=_cells(mentions),
            summary=_summary(mentions, labels),
            note="" if divergent or sources < 2 else _not_compared(mentions),
        )
        for n, (_order, key, mentions, rank, divergent, sources) in enumerate(built)
    )


def _not_compared(mentions: list[Mention]) -> str:
    """Say why a time row with several sources could not be compared, or return "".

    "Later this week" and "on Monday" only agree or clash once both are placed on a calendar;
    without a publication date they are not, and "no divergence found" would overstate. Relative
    days are compared with each other, so a row of them alone was compared.
    """
    sources = len(_by_source(mentions))
    if mentions[0].kind == "quantity" and sources >= 2:
        if _pooled_row(mentions):
            return "not compared: several amounts in one source"
        signs = {m.doc: m.currency for m in mentions if m.currency}
        return "not compared: different currencies" if len(set(signs.values())) > 1 and len(signs) >= 2 else ""
    if mentions[0].type != "time" or sources < 2:
        return ""
    placed = {m.doc for m in mentions if time_is_placed(m.value)}
    relative = {m.doc for m in mentions if relative_days(m.value)}
    if sources in (len(placed), len(relative)):
        return ""
    return "partly compared: relative times" if max(len(placed), len(relative)) >= 2 else "not compared: relative times"
