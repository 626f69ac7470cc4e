"""Which event a time or a place belongs to: the nearest event noun ("talks", "vote", "dinner")."""

from __future__ import annotations

import re
from functools import lru_cache

from core.compare.slots_lexicon import EVENT_NOUNS

# (?=...): the letters a noun begins with, one test per position before the alternation
_EVENT_START = "(?=[" + "".join(sorted({noun[0] for noun in EVENT_NOUNS})) + r"])\b(" + "|".join(EVENT_NOUNS) + ")"
EVENT_RE = re.compile(_EVENT_START + r"\b", re.I)
# Where a word begins with an event noun: every match of EVENT_RE in any window of a text is one,
# a window's end included (the search after a time stops at a fixed reach, which may cut a word).
_EVENT_START_RE = re.compile(_EVENT_START, re.I)
EVENT_BEFORE = 90  # a time adverbial usually follows its event: look this far back ...
EVENT_AFTER = 40  # ... and only this far ahead


# A time that ends something else ("the ferries stay in port until Friday") dates no event noun
# near it; nor does an event noun across a lone dash or a semicolon ("the summit — and the port
# stays shut until noon").
_DEADLINE_RE = re.compile(r"\b(?:until|till)\s+(?:\w+\s+)?$", re.I)  # "approved by lawmakers Tuesday" is no deadline
_DEADLINE_START_RE = re.compile(r"(?:until|till|by)\b", re.I)
_CLAUSE_CUT_RE = re.compile(r"[—–;]")
_CLAUSE_END_RE = re.compile(r"[,—–;:]")
# A time after a later or expected act ("the collapse, and an inquiry panel is due to report on
# Friday", "the dam to be drained by June") dates that act, not the event noun before it; unless the act
# is the event happening or someone taking part in it ("the vote, set to take place on Monday",
# "talks will resume Sunday", "a dinner the envoys will attend on Friday").
_LATER_ACT_RE = re.compile(
    r"\b(?:will|would|shall|(?:expected|set|due|scheduled|slated|likely|going)\s+to|to\s+be)\s+"
    r"(?:be\s+)?(?:\w+ly\s+)?(?P<verb>\w+)",
    re.I,
)
_HAPPENING = frozenset(
    "take takes taking held hold happen occur begin start open resume convene run go come end finish "
    "close conclude continue proceed meet sit".split()
    + "participate attend join host gather".split()  # taking part in the event is its happening
)


def dates_a_later_act(text: str, event_end: int, start: int) -> bool:
    """Tell whether the time at `start` dates an act announced between its event word and it."""
    between = text[event_end:start]
    if "to " not in between and "ll " not in between and "uld " not in between:
        return False  # every match holds "to ", "will"/"shall" or "would" (most texts: no regex run)
    later = list(_LATER_ACT_RE.finditer(between))
    # the act's clause must reach the time: "the crash, which would be studied by Friday, came on
    # Tuesday" dates the crash
    return (
        bool(later)
        and later[-1].group("verb").lower() not in _HAPPENING
        and not _CLAUSE_END_RE.search(between, later[-1].end())
    )


@lru_cache(maxsize=1 << 16)  # asked for every time and place of a text
def may_name_event(text: str) -> bool:
    """Tell whether a window of a text may hold an event noun (a word of it begins with one)."""
    return _EVENT_START_RE.search(text) is not None


def event_of(text: str, start: int, end: int) -> str:
    """Return the key of the event a time belongs to (the nearest event noun, preferring one before)."""
    if not may_name_event(text):
        return ""  # most times of a text with no event noun: no window read
    if _DEADLINE_RE.search(text, max(0, start - 20), start) or _DEADLINE_START_RE.match(text, start):
        return ""
    window_start = max(0, start - EVENT_BEFORE)
    cuts = list(_CLAUSE_CUT_RE.finditer(text, window_start, start))
    dashes = [cut for cut in cuts if cut.group() != ";"]
    # a semicolon always ends a clause; a dash only when unpaired ("the election – the first in a
    # decade – was held on Monday" keeps its election)
    ends = [cut for cut in cuts if cut.group() == ";"] + (dashes[-1:] if len(dashes) % 2 else [])
    if ends:
        window_start = max(cut.end() for cut in ends)
    before = [m for m in EVENT_RE.finditer(text, window_start, start)]
    if before:
        return "" if dates_a_later_act(text, before[-1].end(), start) else EVENT_NOUNS[before[-1].group().lower()]
    after = EVENT_RE.search(text, end, min(len(text), end + EVENT_AFTER))
    return EVENT_NOUNS[after.group().lower()] if after else ""


_VENUE_BREAK_RE = re.compile(r"[.;:]|\b(?:to|of|that|which|who|and|but)\b")
VENUE_REACH = 50  # characters between an event noun and the place it is held in


def venue_of(text: str, start: int) -> str:
    """Return the event a place is the venue of ("talks ... in Greywick"), or "" when unsure."""
    if not may_name_event(text):
        return ""
    events = list(EVENT_RE.finditer(text, max(0, start - VENUE_REACH), start))
    if not events:
        return ""
    # "talks to resolve the conflict in Ukraine": the place belongs to the clause in between.
    if _VENUE_BREAK_RE.search(text, events[-1].end(), start):
        return ""
    return EVENT_NOUNS[events[-1].group().lower()]
