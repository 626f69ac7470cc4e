"""Numbers in the sources, grouped by what they count, with their hedges ("at least", "about")."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from string import ascii_letters

from core.compare.facts.mentions import Mention, mention, passages
from core.compare.facts.ages import YEAR_OLD
from core.compare.facts.quantity_matches import DISTANCES, HEDGES, SCALES, SMALL, UNITS, quantity_matches
from core.compare.facts.casualties import CASUALTY_BEFORE, PART_OF_WHOLE, fate_of, may_tell_fate, people_row
from core.compare.value_context import bracketed_conversion, count_progress, reference_label, requested, restored
from core.ingest.gates import letters_plain, lower_words

_AND_CREW = re.compile(r"\s+(crew|staff|crew members|staff members)\b", re.I)
_COUNTED_WITH_CREW = frozenset({"passenger", "person", "people", "patient", "guest", "pilgrim", "tourist"})
COLLECTIVE = frozenset("crew staff personnel police workforce".split())
SAME_PEOPLE = {"citizen": "national", "resident": "resident"}
STOP = frozenset(
    "of the a an and or in on at to for by with from as than that who which were was is are had "
    "have has been be this these those its their his her into over after before against across "
    "including during amid since until per each more less about around "
    "still now already also yet".split()  # adverbs of time: "30 still missing" counts no "still"
)
# A figure announced for the future ("will reach 90 km/s next year", "could rise to 300") is not the
# same fact as the figure now: it gets a row of its own.
PROJECTED = re.compile(
    r"\b(?:will|would|could|may|might|expected to|projected to|forecast to|set to"
    r"|forecasts?|forecasted|predicts?|predicted|expects?)\b[^.,;:]{0,40}$",  # "forecasters predicted 6 inches"
    re.I,
)
PROJECTED_REACH = 60  # no PROJECTED match starts further back than its longest verb and 40 characters
# The first word of every PROJECTED match: a plain passage without one has none, unless the
# figure's currency is glued to the word before it ("forecastUS$50": the search ends inside a word).
PROJECTED_WORDS = frozenset(
    "will would could may might expected projected forecast set forecasts forecasted predict predicts predicted "
    "expect expects".split()
)
# The first word of every CASUALTY_BEFORE match, likewise.
HARM_WORDS = frozenset("kill killed killing kills injured injuring injures wounded wounding wounds hurt".split())
SCORE = re.compile(r"\d+\s*[-–]\s*\d+")


def _number(token: str, scale: str | None) -> float:
    low = token.lower()
    value = float(SMALL[low]) if low in SMALL else float(low.replace(",", ""))
    return value * SCALES.get((scale or "").lower(), 1.0)


def readable(number: float, currency: str = "") -> str:
    """Return a number as a checker reads it: 3300000000000 -> "3.3 trillion", 887 -> "887"."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(number) >= scale:
            return f"{currency}{number / scale:g} {word}"
    return f"{currency}{number:g}"


_SIBILANT_PLURAL = re.compile(r"(?:x|ch|sh|ss)es$")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_SPEAKERS_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:told|said|say|says|familiar|speaking|who\s+spoke)\b")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d$")
_CAPITALISED_BEFORE = re.compile(r"(?:^|\s)[A-Z][a-z]+$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]\s+)[A-Z][a-z]+$")
_GLUED_BEFORE = re.compile(r"[:\w-]")
_HOUR_OF_DAY = re.compile(r"\s?(?:[ap]\.m\.?|[ap]m\b|o['’]clock\b)", re.I)
_CLOCK_OR_DECIMAL = re.compile(r"[:.]\d")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _names_a_thing(before: str) -> bool:
    """Tell whether text ends in a capitalised word that does not open a sentence ("Article", "Flight").

    Both patterns end at the closing run of letters: they are searched from just before it.
    """
    letters = len(before.rstrip(ascii_letters))  # where the closing run of letters begins
    if not _CAPITALISED_BEFORE.search(before, max(0, letters - 1)):
        return False
    return not _SENTENCE_START_BEFORE.search(before, max(0, len(before[:letters].rstrip()) - 1))


@lru_cache(maxsize=1 << 14)  # a memo of a pure function: the same nouns follow many numbers
def _singular(word: str) -> str:
    """Return a noun in the singular, lowercased ("bodies" stays, "injuries" -> "injury")."""
    low = word.lower()
    if low in ("feet", "people", "lives", "bodies"):
        return low
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if _SIBILANT_PLURAL.search(low):
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


# A count followed straight by what befell them ("37 were found dead", "12 died", "300 were
# injured", "117 remain missing"): people, though unnamed.
_FATE_CLAUSE = re.compile(
    r"\s+(?:(?:were|was|are|have\s+been|had\s+been|remain|remained|are\s+still|were\s+still|still)\s+(?:\w+\s+){0,2}?"
    r"(?:dead|killed|injured|wounded|hurt|missing|unaccounted|arrested|detained)|died|perished)\b",
    re.I,
)
# What befell those counted, said before the noun: "101 missing individuals", "80 injured people".
_FATE_WORDS = frozenset("missing injured wounded dead killed arrested detained".split())


def may_hold(held: frozenset[str] | None, cues: frozenset[str]) -> bool:
    """Tell whether a passage may hold one of the cue words: `held` is its lower_words, None when its letters are not plain."""
    return held is None or not cues.isdisjoint(held)


def _measure(match: re.Match, held: frozenset[str] | None = None) -> tuple[str, str, int] | None:
    """Return (what it counts, unit key, end of the value words) for a number, or None when it counts nothing.

    `held`: the passage's lower_words when its letters are plain (a harm verb before the number is
    looked for only where one is), None to look everywhere.
    """
    if match.group("cur"):
        scale = "scale" if match.group("scale") else "short" if match.group("short") else "num"
        return "money", "money", match.end(scale)
    unit = (match.group("unit") or "").strip().lower()
    if unit and (unit == "%" or unit.replace(" ", "") == "percent"):
        if count_progress(match.string, match.end("unit")):
            return None  # "with 85% of ballots counted": a moment of the count, no result to compare
        return "percentage", "percentage", match.end("unit")
    if match.group("hy"):
        word = _singular(match.group("hy"))
        if word in UNITS:
            return UNITS[word], UNITS[word], match.end("hy")
        return None
    group = "word" if match.group("word") else "ofword"
    words = (match.group(group) or "").split()
    singular = [_singular(w) for w in words]  # at most two words
    if (
        (not words or singular[0] in STOP)
        and may_hold(held, HARM_WORDS)
        and CASUALTY_BEFORE.search(match.string, 0, match.start())
    ):
        return "people", "count", match.end("num")  # "killed 12 and injured 30": people, though unnamed
    if not words:
        return None
    if words[0].lower() in UNITS:
        return UNITS[words[0].lower()], UNITS[words[0].lower()], match.start(group) + len(words[0])
    first = singular[0]
    two = " ".join(singular)
    if len(words) == 2 and singular[1] in SAME_PEOPLE and words[0][:1].isupper():
        return f"{words[0].lower()} {SAME_PEOPLE[singular[1]]}", "count", match.end(group)
    if two in UNITS:
        return UNITS[two], UNITS[two], match.end(group)
    if first in UNITS:
        return UNITS[first], UNITS[first], match.start(group) + len(words[0])
    whole = PART_OF_WHOLE.match(match.string, match.end("num"))
    if whole and whole.group(1).lower() not in STOP:
        return _singular(whole.group(1)), "count", match.end("num")  # the part counts what its whole counts
    if (first in STOP or first.endswith("ed")) and _FATE_CLAUSE.match(match.string, match.end("num")):
        return "people", "count", match.end("num")  # "37 were found dead": a toll with no noun
    if words[0].lower() in _FATE_WORDS:  # "101 missing individuals": the row says what befell them
        runs_on = len(words) > 1 and singular[1] not in STOP  # "12 dead in the town": the count ends at "dead"
        return "people", "count", match.end(group) if runs_on else match.start(group) + len(words[0])
    if first in STOP or words[0].lower() in SCALES:
        return None
    if first.endswith(("ed", "ing")) or words[0].lower().endswith(("ally", "ely", "tly", "rly")):
        return None
    crew = _AND_CREW.match(match.string, match.end(group)) if len(words) == 2 and words[1].lower() == "and" else None
    if crew and first in _COUNTED_WITH_CREW:  # "80 passengers and crew" is not 80 passengers
        return f"{first} and {crew.group(1).lower()}", "count", crew.end(1)
    single = match.group("num").lower() in ("one", "1")
    if (
        len(words) == 2
        and singular[1] not in STOP
        and not words[1].lower().endswith(("ed", "ly"))
        and (words[1].lower().endswith("s") or words[1].lower() in COLLECTIVE or single)
        and (words[0].isupper() or not words[0].lower().endswith("s"))
    ):
        return two, "count", match.end(group)
    return first, "count", match.start(group) + len(words[0])


_AND_NEXT = re.compile(r"\s*(?:,\s*)?and\b", re.I)


def _first_word_end(match: re.Match) -> int:
    """Return where the first word after a number ends (the match may run on: "both passengers and")."""
    group = "word" if match.group("word") else "ofword"
    words = (match.group(group) or "").split()
    return match.start(group) + len(words[0]) if words else match.end()


OF_NOUN = re.compile(
    r"^\s*of\s+(?:(?:the|a|an|its|their|his|her|all|these|those)\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", re.I
)
YEAR = re.compile(r"\b(?:in|since|of|during)\s+((?:19|20)\d\d)\b")


def _about(text: str, start: int, end: int) -> str:
    """Return what a figure is of ("the issues" -> "issue") or the year it is dated to, else ""."""
    stop = _CLAUSE_BREAK.search(text, end)
    clause = text[end : stop.start()] if stop else text[end:]
    found = OF_NOUN.match(clause)
    if found:
        # The first word that is not a participle ("the proposed framework" -> framework's first noun).
        words = [w for w in found.group(1).split() if w.lower() not in STOP and not w.lower().endswith("ed")]
        if words:
            return _singular(words[0])
    before = text[max(text.rfind(",", 0, start), text.rfind(";", 0, start), text.rfind(":", 0, start)) + 1 : start]
    near = before + " " + clause
    if "19" not in near and "20" not in near:
        return ""  # a year of the pattern begins with 19 or 20
    year = YEAR.search(near)
    return year.group(1) if year else ""


# A counted or measured number of a passage, at passage offsets, before its row is settled: (row,
# label, unit, start, end, number, hedge, what it is of, the currency as written or "", the noun an
# "N-unit" figure describes or "": "900-page report" -> "report"). A plain tuple: thousands are built.
Figure = tuple[str, str, str, int, int, float, str, str, str, str]


@lru_cache(maxsize=1 << 15)  # wire copy repeats paragraphs across sources: each distinct text is read once
def _figures(text: str) -> tuple[Figure, ...]:
    """Return every counted or measured number of a passage's text."""
    found: list[Figure] = []
    held = lower_words(text) if letters_plain(text) else None  # the cue words a passage may hold
    for match in quantity_matches(text):
        span = text[max(0, match.start("num") - 1) : match.end("num") + 3]
        if SCORE.search(span) and not match.group("cur"):
            continue  # a vote tally or a score ("51-50") is not a count
        if (
            _YEAR_NUMBER.match(match.group("num"))
            and not match.group("cur")
            and not match.group("hy")
            and "cent" not in (match.group("unit") or "")
            and "%" not in (match.group("unit") or "")
        ):
            continue  # a year
        if (
            not match.group("hedge")
            and not match.group("cur")
            and text[match.start() - 1 : match.start()] == " "
            and _names_a_thing(text[: match.start()].rstrip())
        ):
            continue  # a number naming a thing ("Article 5", "Flight 171") counts nothing
        around = (
            text[max(0, match.start("num") - 1) : match.start("num")] + text[match.end("num") : match.end("num") + 2]
        )
        if (
            _GLUED_BEFORE.match(around[:1] or " ")
            and not match.group("cur")
            or _CLOCK_OR_DECIMAL.match(around[1:])
            or _HOUR_OF_DAY.match(text, match.end("num"))
        ):
            continue  # a clock time ("1:38 PM", "1 p.m.") or a model number ("787-8") counts nothing
        if (
            match.group("num").lower() == "one"
            and not match.group("hedge")
            and not (match.start("num") == 0 and match.group("num") == "One" and match.group("word"))
        ):
            continue  # "one of the", "one day": a pronoun or an article more often than a count
        if match.group("num").lower() == "both" and (
            not (match.group("ofword") or (match.group("word") or "A")[0].islower())
            or _AND_NEXT.match(text, _first_word_end(match))
        ):
            continue  # "both Kyiv and Moscow", "both workers and rescuers" name two things
        measured = _measure(match, held)
        if measured is None or (match.group("hy") or match.group("word")) and YEAR_OLD.match(text, match.start("num")):
            continue  # "the 48-year-old" is an age (ages.py), never a span of years beside "in 80 years"
        if measured[1] == "money" and bracketed_conversion(text, match.start()):
            continue  # "€40,000 ($43,000)": the same sum in another currency, not another figure
        thing, unit, end = measured
        if unit == "count" and _SPEAKERS_AFTER.match(text, end):
            continue  # "two officials told Reuters": who is speaking, not a fact of the story
        start = (
            match.start("hedge")
            if match.group("hedge")
            else match.start("cur")
            if match.group("cur")
            else match.start("num")
        )
        hedge = HEDGES.get(" ".join((match.group("hedge") or "").lower().split()), "")
        number = _number(match.group("num"), match.group("scale") or match.group("short"))
        label_thing = thing
        hyphen_head = ""
        if unit == "count":
            counted = people_row(thing, text[: match.start()], text[match.end("num") :])
            # Shown as written ("medical students"), keyed singular so that "student"/"students" meet.
            group = "word" if match.group("word") else "ofword"
            written = " ".join(text[match.start(group) : end].split())  # empty for "37 of the 40 ..."
            label_thing = counted if counted != thing else (written or thing)
            fate = fate_of(text[end:]) if counted == thing and (held is None or may_tell_fate(text)) else ""
            if fate:  # "six workers remain missing" is no count of the workers on the road
                counted, label_thing = f"{thing}, {fate}", f"{label_thing}, {fate}"
            thing = counted
        if match.group("hy") and unit not in ("money", "percentage"):
            rest = _NEXT_WORD.match(text[match.end("hy") :])
            if rest and rest.group(1).lower() not in STOP:
                hyphen_head = rest.group(1).lower()
                label_thing = f"{hyphen_head}, {unit}"
        reference = reference_label(text, match.start("num"), match.end("num")) if unit in DISTANCES else ""
        if reference:  # a distance from Mars and one from the Sun are two rows
            label_thing = f"{label_thing} from {reference}"
        sign = " ".join(match.group("cur").split()) if match.group("cur") else ""
        if match.group("cur"):
            # Amounts of different orders are different sums ("$150 billion" of cuts, "$3.3 trillion" of debt).
            order = next(
                (w for w, scale in (("trillions", 1e12), ("billions", 1e9), ("millions", 1e6)) if number >= scale),
                "",
            )
            label_thing = f"money, {order}" if order else "money"
        glued = text[start - 1 : start].isalpha()
        if (glued or may_hold(held, PROJECTED_WORDS)) and PROJECTED.search(
            text, max(0, start - PROJECTED_REACH), start
        ):
            thing, label_thing = thing + " (projected)", label_thing + " (projected)"
        elif requested(text, start):  # asked for by one side, not decided: a row of its own
            thing, label_thing = thing + " (sought)", label_thing + " (sought)"
        elif restored(text, start, end):  # made good after a loss, or retrieved: a row of its own
            thing, label_thing = thing + " (recovered)", label_thing + " (recovered)"
        row = thing if unit == "count" else label_thing
        if reference:  # "from the Kessel" and "from Kessel", "the Sun" and "the sun": one row
            row = row.replace(f" from {reference}", f" from {reference.lower().removeprefix('the ')}")
        found.append((row, label_thing, unit, start, end, number, hedge, _about(text, start, end), sign, hyphen_head))
    return tuple(found)


def quantity_mentions(documents) -> list[Mention]:
    """Return every counted or measured number of every passage, keyed by what it counts."""
    hyphen_heads: dict[str, set] = defaultdict(set)
    pending = []
    for document, passage in passages(documents):
        for figure in _figures(passage.text):
            unit, hyphen_head = figure[2], figure[9]
            if hyphen_head:
                hyphen_heads[unit].add(hyphen_head)
            pending.append((document, passage, figure))
    out: list[Mention] = []
    for document, passage, (thing, label, unit, start, end, number, hedge, about, sign, _head) in pending:
        if (
            "," not in thing
            and " from " not in thing
            and unit not in ("count", "money", "percentage")
            and len(hyphen_heads[unit]) == 1
        ):
            thing = label = f"{next(iter(hyphen_heads[unit]))}, {unit}"  # "nearly 900 pages" of the only "N-page" thing
        shown = f"{hedge} {readable(number, sign)}".strip()
        out.append(
            mention(
                f"quantity:{thing}",
                label,
                "quantity",
                "number",
                document,
                passage,
                start,
                end,
                shown,
                number=number,
                hedge=hedge,
                about=about,
                currency=sign[-1:] if sign[-1:] in "$£€¥₹" else sign.lower(),  # "US$" and "$" are one sign
            )
        )
    return out
