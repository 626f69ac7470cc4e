"""Who each source says a fact came from: "told Reuters", "according to officials", "X said"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from core.compare.facts.mentions import Mention, fold, mention
from core.ingest.gates import letters_plain, lower_words

SPEAKER_NOUNS = "officials?|sources?|spokesperson|spokesman|spokeswoman|diplomats?|people"
SPEAKER = (
    r"((?:(?:a|an|the|two|three|several|some|senior|top|other)\s+)*(?:[A-Z][\w.’'-]*\s+){0,3}"
    r"(?:" + SPEAKER_NOUNS + r"|[A-Z][\w’'-]+))"
)
SAYING = "said|says|told|wrote|stated|confirmed|announced|estimated|reported"
# The letters a SPEAKER can begin with, looked ahead first: the pattern is tried at every position,
# and most positions fail on this one test instead of on each of its alternatives (same matches).
SPEAKER_START = r"(?=[adtsopA-Z])"
PATTERNS = (
    re.compile(
        SPEAKER_START
        + SPEAKER
        + r"\s+told\s+((?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}|reporters|journalists)"
    ),
    re.compile(
        r"\b(?i:according to)\s+((?:the\s+|a\s+|an\s+)?(?:[\w.’'-]+\s+){0,4}?[\w.’'-]+)"
        r"(?=\s*[,.;:)]|\s+(?:who|which|that|on|in|at)\b|$)"
    ),
    re.compile(SPEAKER_START + SPEAKER + r",?\s+(?:" + SAYING + r")\b"),
)
NEEDED = ("told", "", "")  # a word the pattern cannot match without (the first one's verb)
# The words each pattern cannot match without: in plain text (letters_plain) one of them is
# among the passage's lowercase words, a set look-up instead of a scan with the whole pattern.
NEEDED_WORDS = (
    frozenset({"told"}),
    frozenset({"according"}),
    frozenset(SAYING.split("|")),
)
# The end of the first and the third pattern: a SPEAKER's last word and the verb right after it. A
# match of the whole pattern holds one, so a text without one is not searched with the whole pattern
# (tried at every position, with its run of words before the last, it is the slow one).
_LAST_SPEAKER_WORD = r"(?:" + SPEAKER_NOUNS + r"|[A-Z][\w’'-]+)"
SPEAKER_ENDS = (
    re.compile(_LAST_SPEAKER_WORD + r"\s+told\s"),
    None,
    re.compile(_LAST_SPEAKER_WORD + r",?\s+(?:" + SAYING + r")\b"),
)
CUES = re.compile(  # with the letters a cue begins with looked ahead first, as SPEAKER_START does
    r"(?=[taswcer])\b(?:told|according|said|says|wrote|stated|confirmed|announced|estimated|reported)\b", re.I
)
CUE_WORDS = frozenset(CUES.pattern.split("(?:")[1].split(")")[0].split("|"))
OPEN_WORDS = frozenset("a an the two three several some senior top other".split())


_NOT_OUTLET = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def outlet_told(words: str) -> str:
    """Return the outlet in "told the Orvan Herald", stopping at a day, a month or a possessive ("" for "reporters")."""
    kept = []
    for word in re.sub(r"^the\s+", "", words).rstrip(".").split():
        if word.lower() in _NOT_OUTLET:
            break
        bare = re.sub(r"(?:[’']s|(?<=s)[’'])$", "", word)  # "CNN's", "Reuters'"
        kept.append(bare)
        if bare != word:
            break  # "CNN's Jake Tapper": the outlet is CNN
    outlet = " ".join(kept)
    return outlet if outlet[:1].isupper() else ""


def attribution_value(words: str) -> str:
    """Return an attribution's normalised value: folded words without articles and counts."""
    plain = " ".join(w for w in words.split() if w.lower() not in OPEN_WORDS)
    if not plain.isascii():  # ASCII has nothing to decompose: the per-character pass is skipped
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    return plain.lower().replace("u.s.", "us").replace("’", "'")


@lru_cache(maxsize=1 << 15)  # wire copy repeats paragraphs across sources: each distinct text is read once
def first_attribution(text: str) -> tuple[int, int, str, str] | None:
    """Return (start, end, value, outlet told) of the attribution starting first in a text, or None."""
    # No attribution verb: the costly patterns have nothing to find (in plain text a cue is
    # one of the passage's lowercase words, a set look-up before the search).
    plain = letters_plain(text)
    if plain and CUE_WORDS.isdisjoint(lower_words(text)):
        return None
    # Otherwise the cue is looked for only where letters are not plain: in plain text a cue word
    # is there, and where it is glued to a digit ("2said") the patterns, which want a space
    # or a boundary before it, find nothing either.
    if not plain and not CUES.search(text):
        return None
    # The attribution kept is the one starting first (the longest there): a pattern's later
    # matches start after its first, so each pattern's first match is the only candidate.
    spans = []
    for number, (pattern, needed, words, speaker_end) in enumerate(zip(PATTERNS, NEEDED, NEEDED_WORDS, SPEAKER_ENDS)):
        if needed not in text or plain and words.isdisjoint(lower_words(text)):
            continue
        if speaker_end is not None and not speaker_end.search(text):
            continue
        match = pattern.search(text)
        if match is not None:
            spans.append((match.start(), match.end() - match.group().endswith("."), number, match))
    if not spans:
        return None
    start, end, number, match = min(spans, key=lambda span: (span[0], -span[1]))
    return start, end, attribution_value(match.group(1).rstrip(".")), outlet_told(match.group(2)) if number == 0 else ""


def attribution_mentions(documents, facts: list[Mention], people: dict[str, str]) -> list[Mention]:
    """Return, for each fact mention, who its passage attributes it to (one attribution row per fact)."""
    by_passage: dict[str, list[Mention]] = {}
    for fact in facts:
        by_passage.setdefault(fact.passage, []).append(fact)
    docs = {d.id: d for d in documents}
    out: list[Mention] = []
    for pid, found in by_passage.items():
        document = docs[found[0].doc]
        passage = document.passages[int(pid.split(":p")[1])]
        attribution = first_attribution(passage.text)
        if attribution is None:
            continue
        start, end, value, channel = attribution
        last = fold(value.split()[-1]) if value.split() else ""
        named = last in people and passage.text[start : start + 1].isupper()
        for fact in {f.fact: f for f in found}.values():
            out.append(
                mention(
                    f"attribution:{fact.fact}",
                    f"{fact.label}: attributed to",
                    "attribution",
                    "attribution",
                    document,
                    passage,
                    start,
                    end,
                    people[last] if named else value,
                    named=named,
                    channel=channel,
                )
            )
    return out
