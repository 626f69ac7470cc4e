"""Find the page furniture inside an article's text: promos, credits, bylines, timestamps."""
from __future__ import annotations

import re

from core.model import Span

_SEP = r"\s*[:|\-–—»>]+\s*"
_TZ = r"(?:IST|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|AEST|JST)"

# Each pattern must match a whole line (stripped of surrounding spaces).
_LINE_PATTERNS = [
    rf"(?:also read|read also|also see|see also|read more|more to read|must read|related"
    rf"(?: stories| articles| news| coverage)?|recommended(?: stories)?|more from [\w .&'-]{{1,40}}"
    rf"|don't miss|do not miss|you may also like|editor's picks?|top stories|latest news"
    rf"|watch|listen){_SEP}.+",
    r"read more:?|read full story|read the full (?:story|article)|continue reading|quick reads"
    r"|view all|view more|load more|show more|see more|more stories|related (?:stories|articles|news)"
    r"|trending(?: now| stories| news)?|advertisement|advertisements|advert|sponsored(?: content)?"
    r"|ad|ads|skip (?:to|ad)(?: main)?(?: content)?|loading\.*|listen to (?:this|the) (?:article|story)"
    r"|story continues below(?: this)? advertisement|article continues below(?: this)? advertisement"
    r"|content continues below|share(?: this)?(?: article| story| on \w+)?|share via|comments?"
    r"|\d+ comments?|media news source|image source,? .*|image caption,?.*|media caption,?.*"
    r"|photo(?:graph)?s?(?: credit)?\s*[:|].*|(?:image|picture|video) credits?\s*[:|].*"
    r"|file photo|representative image|representational image|(?:top|lead) image.*",
    r"\(?\s*with (?:additional )?inputs? from [^.()]{1,80}\)?\.?",
    r"\(?\s*(?:additional )?reporting by [^()]{1,120}\)?\.?"
    r"|\(?\s*editing by [^()]{1,120}\)?\.?|\(?\s*written by [^()]{1,80}; editing by [^()]{1,80}\)?\.?",
    r"(?:copyright|©|\(c\))\s*.{0,150}|.{0,120}all rights reserved\.?",
    r"(?:sign up|signup|register)(?: now)? (?:for|to)\b.{0,100}"
    r"|.{0,60}\bnewsletters?\b.{0,60}(?:sign up|subscribe|inbox).{0,40}",
    r"subscribe\b.{0,120}|click here\b.{0,120}|tap here\b.{0,120}"
    r"|follow (?:us|[\w .]{1,40}) on (?:twitter|x|facebook|instagram|whatsapp|telegram|"
    r"google news|youtube|linkedin|threads)\b.{0,80}|download (?:the|our) .{0,40}app\b.{0,60}",
    rf"(?:published|updated|last updated|first published|posted)(?: on| at)?\s*:?\s*.{{0,60}}"
    rf"\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*{_TZ}\b.{{0,80}}",
    r"(?:published|updated|last updated|first published)(?: on)?\s*[:\-]\s*.{0,60}\d{4}.{0,40}",
    r".{0,100}(?:getty images|via getty|shutterstock|istockphoto|afp photo|ap photo|reuters photo"
    r"|reuters/[a-z .]{1,40}|epa-efe|alamy)\)?\.?",
    r"By (?!(?:The|This|That|Then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
    r"|February|March|April|May|June|July|August|September|October|November|December|Now|Late|Early)\b)"
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?:,? (?:and|&) [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})?"
    r"(?:\s*[|,]\s*[A-Z][^.!?]{0,60})?",
]

_LINE_RE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS[:-1]), re.I)
# Bylines are case-sensitive: "By Anna Berg" yes, "by the river" no.
_BYLINE_RE = re.compile(_LINE_PATTERNS[-1])

# A label glued to the next sentence by a careless scraper: "View AllAfter the talks ...".
_GLUED_RE = re.compile(
    r"(?:View All|View More|Quick Reads|Read More|Advertisement|Trending|Also Read|Share)"
    r"(?=[A-Z“\"‘'])")

# Photo credits inside a line: "(AP Photo/Jane Roe)", "(Photo: Reuters)".
_INLINE_RE = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty Images|PA|Bloomberg)? ?(?:Photo|Image|Picture)s?\s*[/:][^()\n]{1,80}\)"
    r"|\((?:Getty Images|Shutterstock|File photo)[^()\n]{0,60}\)", re.I)

_LINE_SPLIT = re.compile(r"[^\r\n]+")


def find_boilerplate(text: str) -> list[Span]:
    """Return sorted, non-overlapping spans of text that are page furniture, not reporting."""
    found: list[tuple[int, int]] = []
    for line in _LINE_SPLIT.finditer(text):
        raw = line.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = line.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        if _is_boilerplate_line(stripped):
            found.append((start, end))
            continue
        glued = _GLUED_RE.match(stripped)
        if glued:
            found.append((start, start + glued.end()))
        for credit in _INLINE_RE.finditer(stripped):
            found.append((start + credit.start(), start + credit.end()))
    return [Span(s, e, text[s:e]) for s, e in _merge(found)]


def _is_boilerplate_line(line: str) -> bool:
    """Tell whether a whole stripped line is furniture."""
    if not any(ch.isalnum() for ch in line):
        return True
    if _LINE_RE.fullmatch(line):
        return True
    return len(line) <= 120 and bool(_BYLINE_RE.fullmatch(line))


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort ranges and fuse the overlapping ones."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
