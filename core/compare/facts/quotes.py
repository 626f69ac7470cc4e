"""Who each source says spoke a quotation: the same quoted words given to different people."""

from __future__ import annotations

import re
from collections import defaultdict

from core.compare.facts.mentions import Mention, fold, mention, passages

QUOTE = re.compile(r"[“\"]([^”\"]{12,400})[”\"]")
VERBS = r"(?:said|says|wrote|writes|added|told|stated|explained|described|called|warned|argued|noted|insisted)"
NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
AFTER = re.compile(r"^\s*,?\s*(?P<who>" + NAME + r")\s+(?P<verb>" + VERBS + r")\b")
AFTER_INVERTED = re.compile(r"^\s*,?\s*(?P<verb>" + VERBS + r")\s+(?P<who>" + NAME + r")\b")
BEFORE = re.compile(r"(?P<who>" + NAME + r")\s+(?P<verb>" + VERBS + r")\b[^“\".]{0,30}$")
SHINGLE = 4


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).replace("'", ""))


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _speaker(text: str, quote: re.Match) -> tuple[int, int, str] | None:
    """Return (start, end, name) of the speaker a passage gives a quotation, next to its marks."""
    after = text[quote.end() : quote.end() + 60]
    found = AFTER.match(after) or AFTER_INVERTED.match(after)
    if found:
        start, end = quote.end() + min(found.start("who"), found.start("verb")), quote.end() + found.end()
        return start, end, found.group("who")
    before = text[max(0, quote.start() - 60) : quote.start()]
    found = BEFORE.search(before)
    if found:
        offset = max(0, quote.start() - 60)
        return offset + found.start(), quote.start() - (len(before) - len(before.rstrip())), found.group("who")
    return None


def quote_mentions(documents, surnames: dict[str, str]) -> list[Mention]:
    """Return speaker mentions of quotations that several sources print, one row per quotation."""
    found = []  # (document, passage, shingles, quote text, speaker span)
    for document, passage in passages(documents):
        for quote in QUOTE.finditer(passage.text):
            shingles = _shingles(quote.group(1))
            speaker = _speaker(passage.text, quote)
            if not shingles or speaker is None:
                continue
            surname = fold(speaker[2].split()[-1])
            if surname not in surnames:
                continue  # only people named in full somewhere: "Reuters reported" names no speaker
            found.append((document, passage, shingles, quote.group(1), speaker, surname))
    groups: dict[int, int] = {}

    def root(i: int) -> int:
        while groups.get(i, i) != i:
            i = groups[i]
        return i

    for i in range(len(found)):
        for j in range(i):
            if found[i][0].id != found[j][0].id and found[i][2] & found[j][2]:
                groups[root(i)] = root(j)
    members: dict[int, list] = defaultdict(list)
    for i in range(len(found)):
        members[root(i)].append(found[i])
    out: list[Mention] = []
    for group in members.values():
        if len({item[0].id for item in group}) < 2:
            continue
        words = " ".join(group[0][3].split()[:6])
        label = f"“{words}…”: speaker"
        for document, passage, _sh, _text, (start, end, _who), surname in group:
            out.append(
                mention(
                    f"quote:{label}",
                    label,
                    "attribution",
                    "attribution",
                    document,
                    passage,
                    start,
                    end,
                    surnames[surname],
                    named=True,
                )
            )
    return out
