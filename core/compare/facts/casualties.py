"""Which row of the fact sheet a count of people belongs to: the dead, the injured, the missing, the arrested."""

from __future__ import annotations

import re

from core.compare.value_context import last_clause_end
from core.ingest.numbers import WORD_NUMBERS

PEOPLE = frozenset("people persons individuals lives passengers victims residents civilians bodies".split())
DEATH = re.compile(
    r"\b(?:killed|kill(?:ing|s)?|dead|died|die|deaths?|death toll|toll|lives (?:lost|were lost)|"
    r"fatalities|perished|lost their lives|claimed the lives)\b",
    re.I,
)
# The last word of a count of people ("injured 310 others": people, counted beside another count).
_COUNTED_PEOPLE = PEOPLE | {
    "person",
    "individual",
    "life",
    "passenger",
    "victim",
    "resident",
    "civilian",
    "body",
    "other",
    "others",
    "crew",  # "241 passengers and crew" died
}
INJURY = re.compile(
    r"\b(?:injured|injuries|wounded|hurt|hospitali[sz]ed|(?:taken|rushed|sent|admitted|airlifted) to (?:a |the )?hospitals?"
    r"|in (?:a )?(?:critical|serious|stable) condition)\b",
    re.I,
)
# Grave hurt: a gravity word before the hurt itself ("critically injured", "serious injuries",
# "in critical condition"); "none seriously" and "non-life-threatening" deny it.
GRAVE = re.compile(
    r"(?<!non-)\b(?:critical(?:ly)?|serious(?:ly)?|life-threatening|grave(?:ly)?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:injur\w*|condition|wound\w*|hurt|burn\w*)",
    re.I,
)
_DENIED = re.compile(r"\b(?:none|no one|nobody|not|no)\s+(?:\w+\s+)?$", re.I)
MISSING = re.compile(r"\bmissing\b", re.I)
ARREST = re.compile(r"\b(?:arrested|arrests|detained|in custody)\b", re.I)

# A verb of harm straight before a count says what befell those counted: "killed 14 people and
# injured 35 more" gives 14 dead and 35 injured, whatever words follow each number.
CASUALTY_BEFORE = re.compile(r"\b(?:(kill(?:ed|ing|s)?)|injur(?:ed|ing|es)|wound(?:ed|ing|s)|hurt)\s+$", re.I)

_FIGURE = re.compile(r"\d")
# A part of the count named between commas or dashes: its number is no next count.
_ASIDE = re.compile(r",\s*(?:including|among them|of whom|mostly)\b[^,;]{0,80},|\s[—–]\s[^—–]{0,80}\s[—–]\s", re.I)
# The next count, in figures or in words: what follows it is told of that count. Words are looked
# up in a set (one pattern of every number word tried at each position cost 30 µs a count).
_DIGIT_OR_WORD = re.compile(r"\d|[A-Za-z]+")
_NUMBER_WORDS = frozenset(WORD_NUMBERS)


def _next_count(text: str) -> int:
    """Return where the first figure or number word of a text begins (-1 when it has none)."""
    for match in _DIGIT_OR_WORD.finditer(text):
        token = match.group()
        if token[0].isdigit() or token.lower() in _NUMBER_WORDS:
            return match.start()
    return -1


FATE_REACH = 40  # characters after a counted noun read for what befell those counted
# A piece of every MISSING or INJURY match: fate_of finds nothing in a plain passage without one.
# Looked for as letters anywhere, not as words: the clause read can end inside a word ("hurt|ling").
FATE_STEMS = ("missing", "injur", "wounded", "hurt", "hospital", "condition")


def may_tell_fate(text: str) -> bool:
    """Tell whether fate_of may find a fate in text whose letters are plain (letters_plain)."""
    low = text.lower()
    return any(stem in low for stem in FATE_STEMS)


_PART_OF = re.compile(r"\d\s+of\s+(?:the\s+|all\s+)?$", re.I)  # "37 of the" before a count
PART_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?[\d,]+\s+([a-z][\w-]*)", re.I)  # "37 of the 40 miners"


def _qualifier(after: str) -> str:
    """Return where the counted people were ("on the ground", "on board") when the next words say so."""
    near = after[:60].lower()
    ground, board = "ground" in near, "on board" in near or "onboard" in near
    if ground and not board:
        return " on the ground"
    if board and not ground:
        return " on board"
    return ""


def _last_figure_end(text: str) -> int:
    """Return where the text's last figure ends (0 when it has none)."""
    figures = list(_FIGURE.finditer(text))
    return figures[-1].end() if figures else 0


def people_row(thing: str, before: str, after: str) -> str:
    """Return the row a count of people belongs to: dead, injured, missing, arrested, or the noun itself."""
    if thing.split()[-1] in ("death", "fatality"):
        return "dead" + _qualifier(after)  # "six deaths", "10 fatalities": the dead, one row with them
    if thing.split()[-1] not in _COUNTED_PEOPLE:
        return thing
    if _PART_OF.search(before):
        return thing  # the whole of "37 of the 40 miners below ground died": the part is the toll
    # What happened belongs to the nearest count: in "of the 40 miners below ground, 37 were
    # found dead" the death is the 37's, so each side stops at the next figure.
    after = _ASIDE.sub(" ", after[:160])  # "nine miners, among them two guides, died"
    following = _next_count(after)
    if following >= 0 and not PART_OF_WHOLE.match(after):  # "37 of the 40 below ground died": one clause
        after = after[:following]
    before = before[max(_last_figure_end(before), last_clause_end(before)) :]
    harmed = CASUALTY_BEFORE.search(before)
    if harmed:
        return ("dead" if harmed.group(1) else "injured") + _qualifier(after)
    if thing.split()[-1] == "lives":  # lives counted are lives lost, whatever the next count suffered
        return "dead" + _qualifier(after)
    clause = after[:80]
    for pattern, name in ((INJURY, "injured"), (MISSING, "missing"), (ARREST, "arrested")):
        if pattern.search(clause):
            grave = GRAVE.search(clause)
            if name == "injured" and grave and not _DENIED.search(clause, 0, grave.start()):
                name = "critically injured"  # a part of the injured, never another count of them
            return name + _qualifier(after)
    # The death word must be near the count: "40 miners below ground" in a sentence about the dead
    # is a count of miners, "killed 37 miners" or "37 miners died" a toll.
    near = before[-70:] + " " + after[:70]
    if DEATH.search(near):
        return "dead" + _qualifier(after)
    return thing


def fate_of(after: str) -> str:
    """Return "missing" or "injured" when the words right after a counted noun say so, else "".

    "Six workers remain missing" and "eight workers were fixing the road" count different
    people: a count of a kind of people keeps its fate in its row.
    """
    following = _FIGURE.search(after)
    clause = after[: min(FATE_REACH, following.start() if following else FATE_REACH)]
    if MISSING.search(clause):
        return "missing"
    return "injured" if INJURY.search(clause) else ""
