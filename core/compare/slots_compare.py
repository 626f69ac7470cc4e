"""Decide when two slots speak of the same thing and when their values agree."""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Callable, Mapping

from core.compare.agents import DESCRIBED
from core.compare.slots import Slot
from core.compare.slots_lexicon import REPORT_EVENT, STATUS_WORDS

_NAME_WORD_RE = re.compile(r"\b[A-Z][a-z]{3,}\b")
# Slots that belong to an event (a dinner, the talks): compared only within one event.
EVENT_TYPES = ("time", "place")
CLASHING_INSTITUTIONS = ("legislature", "court")
# Generic recipients: "told reporters" does not clash with "told CNN".
GENERIC_RECIPIENTS = frozenset({"reporters", "lawmakers"})


# A gendered and a neutral form of one office name it once: spokesman ~ spokeswoman ~ spokesperson.
_GENDERED_RE = re.compile(
    r"\b(spokes|chair|congress|council|alder|anchor|fore|camera|sales)(?:wo)?(?:man|men|person|people)\b"
)


def _office_words(title: str) -> str:
    """Return a title with its gendered office words in one neutral form."""
    return _GENDERED_RE.sub(r"\1person", title)


def titles_agree(a: str, b: str) -> bool:
    """Tell whether two normalized titles can name the same office (envoy ~ special envoy)."""
    a, b = _office_words(a), _office_words(b)
    if a == b:
        return True
    status_a = {w for w in a.split() if w in STATUS_WORDS}
    status_b = {w for w in b.split() if w in STATUS_WORDS}
    if status_a != status_b:
        return False
    office_a, office_b = set(a.split()) - status_a, set(b.split()) - status_b
    return office_a <= office_b or office_b <= office_a


def doers_agree(a: str, b: str) -> bool:
    """Tell whether two doers may be one ("the ATLAS telescope" ~ "ATLAS", "Capt" ~ "Captain"; two
    descriptions with no name, "a cargo ship" ~ "the vessel")."""
    if a.startswith(DESCRIBED) and b.startswith(DESCRIBED):
        return True
    words_a, words_b = a.lstrip(DESCRIBED).split(), b.lstrip(DESCRIBED).split()
    return any(
        x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x))) for x in words_a for y in words_b
    )


def same_value(kind: str) -> Callable[[str, str], bool]:
    """Return the equality a slot type is compared with."""
    if kind == "title":
        return titles_agree
    if kind == "attribution":
        return lambda a, b: a == b or a in GENERIC_RECIPIENTS or b in GENERIC_RECIPIENTS
    if kind == "agent":
        return doers_agree
    return lambda a, b: a == b


def group_key(slot: Slot) -> str | None:
    """Return the key slots are compared under, or None when the slot is not compared by value."""
    if slot.type == "number":
        return slot.group or None  # a bare number ("two") has nothing to be compared with
    if slot.type == "time":
        return slot.group
    if slot.type in ("title", "actor"):
        return slot.subject or None
    if slot.type == "attribution":
        return slot.group  # told X is compared with told Y, not with according to Y
    if slot.type == "institution":
        # Two chambers or two courts for one decision clash; NATO next to the EU is two facts.
        return slot.group if slot.group in CLASHING_INSTITUTIONS else None
    if slot.type == "place":
        return ""
    if slot.type == "relation":
        # One husband called ex and estranged; a bare "husband" may be someone else's.
        return slot.subject if slot.value != "current" else None
    if slot.type == "agent":
        return slot.subject or None  # the doers of one action ("spotted by")
    if slot.type == "legal":
        return f"{slot.group}|{slot.subject}"  # one victim's offence, one offence's stage
    return None


def comparable(a: Slot, b: Slot) -> bool:
    """Tell whether two slots of one group speak of the same thing (times of one event, bodies
    named in one kind of act: "approved by Congress" and "Senate approval")."""
    if a.type == "institution":
        return bool(a.subject) and a.subject == b.subject
    if a.type == "place":
        return bool(a.subject) and a.subject == b.subject  # two venues of one event, never of two
    if a.type in EVENT_TYPES:
        if a.subject and b.subject:
            return a.subject == b.subject
        if REPORT_EVENT in (a.subject, b.subject):
            return False  # when a source spoke is compared only with when another spoke
        # Of unknown events only like with like: "on Monday" may fall inside "last week".
        return _span(a.value) == _span(b.value)
    return True


def _span(time_value: str) -> str:
    """Return how long a stretch a time names: "week" for this week / the weekend, else "day"."""
    return "week" if time_value.endswith(("week", "weekend")) else "day"


def spelling_pair(a: str, b: str) -> bool:
    """Tell whether two capitalised words are spellings of one name (one letter apart, not a suffix)."""
    if a.lower() == b.lower() or a[0] != b[0]:
        return False
    if len(a) == len(b):
        differ = [n for n in range(len(a)) if a[n] != b[n]]
        # One letter swapped inside the name (Oleg / Oleh), never a plural or demonym ending.
        return len(differ) == 1 and differ[0] > 0 and len(a) >= 4 and a[-1] not in "sn" and b[-1] not in "sn"
    short, long_ = sorted((a, b), key=len)
    # One doubled or added letter inside the name (Zelensky / Zelenskyy), never a suffix like -n.
    if len(long_) - len(short) != 1 or len(short) < 5:
        return False
    return any(long_[:n] + long_[n + 1 :] == short and long_[n] == long_[n - 1] for n in range(1, len(long_)))


def beside_quote(words: str, text: str, start: int, end: int) -> bool:
    """Tell whether every word of `words` stands in text[start:end] or right beside it.

    A quote that differs only by words just outside the other's quotation marks
    ("Article 5-like" vs "Article 5"-like) is the same quote with its marks moved.
    """
    around = set(re.findall(r"\w+", text[max(0, start - 25) : end + 25].lower()))
    return all(w in around for w in re.findall(r"\w+", words.lower()))


@lru_cache(maxsize=1 << 15)  # one claim's texts recur in others; contradictions read every passage's
def capitalised_words(text: str) -> Mapping[str, tuple[int, ...]]:
    """Return the capitalised words of 4+ letters of a text and the positions they occur at."""
    found: dict[str, list[int]] = {}
    for match in _NAME_WORD_RE.finditer(text):
        found.setdefault(match.group(), []).append(match.start())
    return MappingProxyType({word: tuple(at) for word, at in found.items()})
