"""Find the page furniture inside an article's text: promos, credits, bylines, timestamps."""

from __future__ import annotations

import re

from core.ingest.gates import letters_plain
from core.model import Span

_SEP = r"\s*[:|\-–—»>]+\s*"
_TZ = r"(?:IST|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|AEST|JST)"

# Each pattern must match a whole line (stripped of surrounding spaces).
_LINE_PATTERNS = [
    rf"(?:also read|read also|also see|see also|read more|more to read|must read|related"
    rf"(?: stories| articles| news| coverage)?|recommended(?: stories)?|more from [\w .&'-]{{1,40}}"
    rf"|don't miss|do not miss|you may also like|editor's picks?|top stories|latest news"
    rf"|watch|listen){_SEP}.+",
    r"read more:?|watch:?|listen:?|video:?|read full story|read the full (?:story|article)|continue reading|quick reads"
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
    r"(?:copyright|©|\(c\))\s*.{0,150}",
    r"(?:sign up|signup|register)(?: now)? (?:for|to)\b.{0,100}",
    r"subscribe\b.{0,120}|click here\b.{0,120}|tap here\b.{0,120}"
    r"|follow (?:us|[\w .]{1,40}) on (?:twitter|x|facebook|instagram|whatsapp|telegram|"
    r"google news|youtube|linkedin|threads)\b.{0,80}|download (?:the|our) .{0,40}app\b.{0,60}",
    rf"(?:published|updated|last updated|first published|posted)(?: on| at)?\s*:?\s*.{{0,60}}"
    rf"\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*{_TZ}\b.{{0,80}}",
    r"(?:published|updated|last updated|first published)(?: on)?\s*[:\-]\s*.{0,60}\d{4}.{0,40}",
    # the signature under an embedded social post: "— Harbour Alerts (@harbouralerts) March 3, 2025"
    r"[—–-]\s*[^\n]{1,60}\(@\w{1,30}\)\s+(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+\d{1,2},\s+\d{4}",
    r"By (?!(?:The|This|That|Then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
    r"|February|March|April|May|June|July|August|September|October|November|December|Now|Late|Early)\b)"
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?:,? (?:and|&) [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})?"
    r"(?:\s*[|,]\s*[A-Z][^.!?]{0,60})?",
]

# Whole-line patterns whose telling words may come anywhere in the line, each with the words
# (lowercase) one of which it cannot match without. Tried at every position of a line, they are
# the slow ones: a plain line (letters_plain) holding none of the words skips them.
_ANYWHERE_PATTERNS = [
    (r".{0,120}all rights reserved\.?", ("all rights reserved",)),
    (r".{0,60}\bnewsletters?\b.{0,60}(?:sign up|subscribe|inbox).{0,40}", ("newsletter",)),
    (
        r".{0,100}(?:getty images|via getty|shutterstock|istockphoto|afp photo|ap photo|reuters photo"
        r"|reuters/[a-z .]{1,40}|epa-efe|alamy)\)?\.?",
        ("getty", "shutterstock", "istockphoto", "afp photo", "ap photo", "reuters", "epa-efe", "alamy"),
    ),
]

_LINE_RE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS[:-1]), re.I)
_ANYWHERE_RE = re.compile("|".join(f"(?:{p})" for p, _ in _ANYWHERE_PATTERNS), re.I)
_ANYWHERE_WORDS = tuple(word for _, words in _ANYWHERE_PATTERNS for word in words)
# Bylines are case-sensitive: "By Anna Berg" yes, "by the river" no.
_BYLINE_RE = re.compile(_LINE_PATTERNS[-1])

# A label glued to the next sentence by a careless scraper: "View AllAfter the talks ...".
_GLUED_RE = re.compile(
    r"(?:View All|View More|Quick Reads|Read More|Advertisement|Trending|Also Read|Share)"
    r"(?=[A-Z“\"‘'])"
)

# Photo credits inside a line: "(AP Photo/Jane Roe)", "(Photo: Reuters)".
_INLINE_RE = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty Images|PA|Bloomberg)? ?(?:Photo|Image|Picture)s?\s*[/:][^()\n]{1,80}\)"
    r"|\((?:Getty Images|Shutterstock|File photo)[^()\n]{0,60}\)",
    re.I,
)

_LINE_SPLIT = re.compile(r"[^\r\n]+")

LONGEST_LINE = 300  # furniture is short: longer lines are prose and skip the line rules
CAPTION_LINE = 260  # a caption with its credit at the end fits in this many characters
SHORT_WORDS = 3  # an unfinished line this short next to furniture is furniture too
BLOCK_WORDS = 12  # ... and up to this long when the next line is not prose either

# A photo credit closing a line: "(Agency Image: Name)", "Photo by Name.", "Picture: Agency".
_CREDIT_END_RE = re.compile(
    r"(?:\((?:[A-Z][\w.&'’-]*\s?){0,3}(?:Photo|Image|Picture|Pic|Credit|Video)s?(?:\s+by)?\s*[/:]?\s*[^()\n]{1,80}\)"
    r"|\b(?:Photo|Image|Picture|Credit)s?(?:\s+by|\s*:)\s+[A-Z][\w.'’-]*(?:[\s/]+[A-Z][\w.'’-]*){0,4}"
    # a photographer and an agency: "(Ana Roe/Getty Images)", "(Ana Roe / AFP)"
    r"|\([A-Z][^()\n/]{1,50}/\s?(?:Getty Images|AP|AFP|Reuters|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Pool)"
    r"[^()\n]{0,30}\))\.?$"
)
_CREDIT_WORDS = ("Photo", "Image", "Picture", "Credit")


def _may_end_with_credit(line: str) -> bool:
    """Tell whether _CREDIT_END_RE can match in a line: every credit it reads is bracketed or
    opens with one of _CREDIT_WORDS (the search tries every position of a line without this test)."""
    return ")" in line or any(map(line.__contains__, _CREDIT_WORDS))


# Markup a scraper left behind, such as a CMS caption shortcode: "[caption]", "[/caption]".
_SHORTCODE_RE = re.compile(r"\[/?[a-z_]{2,20}\]")
# A line that is only a time stamp: words allowed around a clock time or a date.
_STAMP_WORDS = frozenset(
    """updated published posted modified first last at on am pm a m p
jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
september october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday
friday saturday sunday""".split()
)
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{4}\b")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# A section label under the headline: "Published in World News", "Filed under Politics".
_SECTION_RE = re.compile(r"(?i:published|posted|filed)\s+(?i:in|under)\s+[A-Z][\w&'-]*(?:\s+[A-Z&][\w&'-]*){0,4}")
_PROSE_END = ".!?\"”’'…:;)"


def find_boilerplate(text: str) -> list[Span]:
    """Return sorted, non-overlapping spans of text that are page furniture, not reporting."""
    lines = []
    for line in _LINE_SPLIT.finditer(text):
        raw = line.group()
        stripped = raw.strip()
        if stripped:
            start = line.start() + (len(raw) - len(raw.lstrip()))
            lines.append((start, start + len(stripped), stripped))
    found: list[tuple[int, int]] = []
    furniture = [False] * len(lines)
    seen: set[str] = set()
    for n, (start, end, stripped) in enumerate(lines):
        glued = _GLUED_RE.match(stripped)
        rest = stripped[glued.end() :] if glued else stripped
        key = " ".join(rest.lower().split())
        # a line the page already printed is a copy: a pinned post, a caption printed twice
        furniture[n] = key in seen or is_furniture_line(stripped)
        seen.add(key)
        if not furniture[n]:
            if glued:
                found.append((start, start + glued.end()))
            if len(stripped) <= LONGEST_LINE:
                for credit in _INLINE_RE.finditer(stripped):
                    found.append((start + credit.start(), start + credit.end()))
    # punctuation alone (a list's bullet, a stray bracket) is furniture that says nothing of its neighbours
    seeds = [flag and any(ch.isalnum() for ch in line[2]) for line, flag in zip(lines, furniture)]
    _spread(lines, furniture, seeds)
    found.extend((start, end) for (start, end, _), flag in zip(lines, furniture) if flag)
    return [Span(s, e, text[s:e]) for s, e in _merge(found)]


def _unfinished(line: str) -> bool:
    """Tell whether a line stops without the punctuation that ends a sentence."""
    return line[-1] not in _PROSE_END


def _spread(lines: list[tuple[int, int, str]], furniture: list[bool], seeds: list[bool]) -> None:
    """Mark short unfinished lines that touch furniture: a widget's labels, a byline under a stamp.

    The first line (the headline) never joins, nor a line that introduces a list (ends with ":").
    A line of up to SHORT_WORDS words may join; up to BLOCK_WORDS only when the line after it is
    not prose either (a heading stands right above its paragraph). A block of such lines joins
    whole when furniture borders it, so one pass over the lines is enough.
    """

    def eligible(n: int) -> bool:
        line = lines[n][2]
        if furniture[n] or not _unfinished(line) or len(line) > LONGEST_LINE:
            return False
        words = len(line.split())
        following = lines[n + 1][2] if n + 1 < len(lines) else ""
        return words <= SHORT_WORDS or (words <= BLOCK_WORDS and (not following or _unfinished(following)))

    n = 1
    while n < len(lines):
        if not eligible(n):
            n += 1
            continue
        end = n
        while end + 1 < len(lines) and eligible(end + 1):
            end += 1
        if seeds[n - 1] or (end + 1 < len(lines) and seeds[end + 1]):
            for m in range(n, end + 1):
                furniture[m] = seeds[m] = True
        n = end + 1


def _is_stamp(line: str) -> bool:
    """Tell whether a line is only a time stamp ("Updated at 20.19 EDT", "June 3, 2025 14:05")."""
    if len(line) > 60 or not _CLOCK_RE.search(line):
        return False
    return all(w.lower() in _STAMP_WORDS or (w.isupper() and 2 <= len(w) <= 5) for w in _LETTERS_RE.findall(line))


def is_furniture_line(line: str) -> bool:
    """Tell whether a whole stripped line is furniture by its shape."""
    if not any(ch.isalpha() for ch in line):
        return True  # punctuation, a lone number (a font-size widget's value, a page number)
    if len(line) > LONGEST_LINE:
        return False
    if _LINE_RE.fullmatch(line) or _is_stamp(line) or ("[" in line and _SHORTCODE_RE.search(line)):
        return True
    lowered = line.lower()
    if (not letters_plain(line) or any(word in lowered for word in _ANYWHERE_WORDS)) and _ANYWHERE_RE.fullmatch(line):
        return True
    if len(line) <= CAPTION_LINE and _may_end_with_credit(line) and _CREDIT_END_RE.search(line):
        return True  # a caption ends with its credit
    if _SECTION_RE.fullmatch(line):
        return True
    if len(line.split()) == 1 and _unfinished(line):
        return True  # a lone word: a share button, a source tag
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
