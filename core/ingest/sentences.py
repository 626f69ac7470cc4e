"""Split article text into sentences with exact character offsets."""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from core.model import Span

# Titles and other words whose full stop never ends a sentence.
_ABBREVIATIONS = frozenset(
    """
mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt cmdr adm sgt cpl pvt brig
sen rep gov pres supt insp det atty rev fr hon amb sec ch st mt ft jr sr esq
sens govs drs profs gens capts sgts
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
dept univ assn bros corp inc ltd co plc ave blvd rd hwy approx est vs v cf al ca e.g i.e viz
fig figs vol vols no nos pp p art arts para paras ed eds ord op
""".split()
)

# Words that usually open a sentence: after "U.S." or "a.m." they mean the stop was final.
_STARTERS = frozenset(
    """
the a an it its he she they we i you his her their our this that these those there here
but and so yet or if when while as after before in on at for with by from to of
officials police authorities however meanwhile still also then now later earlier
""".split()
)

# Words after "a.m."/"p.m." that continue the sentence (times are followed by days and zones).
_TIME_FOLLOWERS = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
et est edt ct cst cdt mt pt pst pdt gmt utc bst cet cest ist jst aest local
""".split()
)

_SPEECH_VERBS = (
    r"said|says|asked|asks|told|added|adds|wrote|writes|replied|explained|insisted"
    r"|noted|continued|recalled|warned|declared|shouted|argued|stressed|tweeted|posted"
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# A run of stops, closing quotes, then space. (". . ." needs no branch of its own: its first
# stop and space already match; a pattern opening with one character class is also scanned
# far faster than one opening with alternatives.)
_CANDIDATE = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.g": letters each followed by a dot
_WORD_AFTER = re.compile(r"[" + re.escape(_OPENERS) + r"]*([\w'’.-]+)")
_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:" + _SPEECH_VERBS + r")\b|(?:he|she|they|it|we|I)\s+(?:" + _SPEECH_VERBS + r")\b"
)
_LINE_BREAK = re.compile(r"\n|\r\n?")  # \n, \r\n or \r (a plain \n first: the common case scans fastest)
# How far past a full stop the judge looks: the next word and an attribution ("Holt asked") fit.
_LOOKAHEAD = 120
# A sentence this long has outgrown every abbreviation rule (a run of initials, a list of "No. 4"
# items): the next full stop followed by a capital or a digit ends it, so no passage swallows a page.
MAX_SENTENCE = 1000


def split_sentences(text: str, skip: Sequence[Span] = ()) -> list[Span]:
    """Return the sentences of text in order; text inside skip spans belongs to none."""
    spans: list[Span] = []
    for start, end in _regions(len(text), skip):
        for seg_start, seg_end in _segments(text, start, end):
            for s, e in _split_segment(text, seg_start, seg_end):
                s, e = trimmed_range(text, s, e)
                if e > s and any(ch.isalnum() for ch in text[s:e]):
                    spans.append(Span(s, e, text[s:e]))
    return spans


def _regions(length: int, skip: Sequence[Span]) -> Iterator[tuple[int, int]]:
    """Yield the ranges of the text not covered by any skip span."""
    cursor = 0
    for span in sorted(skip, key=lambda sp: (sp.start, sp.end)):
        if span.start > cursor:
            yield cursor, min(span.start, length)
        cursor = max(cursor, span.end)
    if cursor < length:
        yield cursor, length


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield stretches that no sentence crosses: paragraphs, and lines that cannot run on."""
    cursor = line_start = start
    for brk in _LINE_BREAK.finditer(text, start, end):
        joins = _joins_next_line(text, line_start, brk.start(), brk.end(), end)
        line_start = brk.end()
        if joins:
            continue
        yield cursor, brk.start()
        cursor = brk.end()
    yield cursor, end


def _joins_next_line(text: str, line_start: int, br_start: int, br_end: int, end: int) -> bool:
    """Tell whether a single line break sits inside a hard-wrapped sentence."""
    last = br_start - 1
    while last >= line_start and text[last] in " \t\r":
        last -= 1
    if last < line_start:
        return False
    nxt = br_end
    while nxt < end and text[nxt] in " \t":
        nxt += 1
    if nxt >= end or text[nxt] in "\r\n":
        return False
    # A following lowercase word continues the sentence; a headline is followed by a capital.
    return text[nxt].islower() and text[last] not in ".!?…:"


def _split_segment(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sentence ranges inside one segment by judging each candidate full stop."""
    cursor = start
    for match in _CANDIDATE.finditer(text, start, end):
        if match.end() >= end:
            break
        if _ends_sentence(text, match, start, end, force=match.start() - cursor > MAX_SENTENCE):
            yield cursor, match.end()
            cursor = match.end()
    yield cursor, end


def _ends_sentence(text: str, match: re.Match, seg_start: int, seg_end: int, force: bool = False) -> bool:
    """Judge whether the punctuation in match closes a sentence (force: any stop before a capital does)."""
    # A bounded window keeps the splitter linear: slicing to the segment's end made it quadratic.
    after = text[match.end() : min(seg_end, match.end() + _LOOKAHEAD)]
    head = after.lstrip(_OPENERS)
    if not head or not (head[0].isupper() or head[0].isdigit()):
        return False
    if force:
        return True
    punct = match.group().rstrip()
    closed_quote = punct[-1] in _CLOSERS
    if closed_quote and _ATTRIBUTION.match(after):
        return False  # '"Is it safe?" Holt asked.' is one sentence
    if punct.rstrip(_CLOSERS) != ".":
        return True
    before = _WORD_BEFORE.search(text, max(seg_start, match.start() - 40), match.start())
    word = before.group(1) if before else ""
    next_word = _WORD_AFTER.match(after)
    following = next_word.group(1).lower().rstrip(".") if next_word else ""
    return not _is_abbreviation(word, following, head[0].isdigit())


def _is_abbreviation(word: str, following: str, next_is_digit: bool) -> bool:
    """Tell whether the full stop after word belongs to an abbreviation, not a sentence end."""
    bare = word.lower().strip(".")
    if not bare:
        return False
    if bare in ("a.m", "p.m", "am", "pm") and word.count(".") >= 1 and "." in bare:
        return following not in _STARTERS if following not in _TIME_FOLLOWERS else True
    if bare in ("no", "nos", "art", "fig", "p", "pp", "vol", "para", "sec", "ch", "op"):
        return next_is_digit
    if bare in _ABBREVIATIONS:
        return True
    if _INITIALISM.fullmatch(bare):
        # Initialisms such as "U.S." end a sentence only when a typical opener follows.
        return following not in _STARTERS
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        return True  # a middle initial: "John F. Kennedy"
    return False


def trimmed_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a range so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
