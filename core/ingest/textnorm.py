"""Tokenise and normalise text for matching: stopwords, stems, acronyms, name variants (numbers: numbers.py)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache, partial
from itertools import accumulate, repeat
from typing import Iterable, NamedTuple

from core.ingest.gates import letters_plain, lower_words  # noqa: F401 (re-exported: the readers' gates)
from core.ingest.numbers import WORD_NUMBERS, find_numbers, normalize_number  # noqa: F401 (re-exported)

# Function words and reporting verbs: they say how a fact was relayed, not what the fact is.
STOPWORDS = frozenset(
    """
a about above after again against all also although am among an and another any are around as at
be been before being below between both but by can could did do does doing done down during each
either else even ever every few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less many may me might more most
much must my myself neither no nor not now of off on once only or other others our ours ourselves
out over own per same shall she should since so some such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us very
via was we were what when where whether which while who whom whose why will with within without
would yet you your yours yourself also already still just rather quite really perhaps
one's it's that's there's they're we're we've we'll i'm i've i'd he's she's isn't wasn't aren't
don't doesn't didn't won't wouldn't can't couldn't shouldn't
said say says saying told tell tells telling according added adds adding reported reports
reportedly stated states noted notes explained explains remarked remarks claimed claims asserted
asserts announced announces acknowledged insisted insists suggested suggests described describes
indicated indicates confirmed confirms commented added mr mrs ms dr
""".split()
)

# Words, dotted acronyms (U.S.) and apostrophes inside words (don't, Ukraine's). A run of word
# characters is taken whole (one step, not one alternation per letter); an apostrophe joins it
# only when a letter follows.
_WORD_PATTERN = r"(?:[A-Za-z]\.){2,}|[^\W\d_][^\W_]*(?:['’][^\W\d_][^\W_]*)*"
_WORD_RE = re.compile(_WORD_PATTERN)
# The same words as the odd items of re.split: no match object per word.
_WORD_SPLIT_RE = re.compile(f"({_WORD_PATTERN})")
# A dotted acronym holds ".X." somewhere: a text without that splits by the word alternative
# alone, which scans faster (the acronym alternative is tried at every position otherwise).
_ACRONYM_HINT_RE = re.compile(r"\.[A-Za-z]\.")
_PLAIN_WORD_SPLIT_RE = re.compile(f"({_WORD_PATTERN.split('|', 1)[1]})")
# The same for ASCII text, where a letter is [A-Za-z] and a word character [A-Za-z0-9]: character
# sets are scanned faster than Unicode categories.
_ASCII_WORD_SPLIT_RE = re.compile(r"([A-Za-z][A-Za-z0-9]*(?:'[A-Za-z][A-Za-z0-9]*)*)")
# A letter the same letter follows: removing each such letter leaves one of every run. An empty
# replacement is substituted without reading a template (a "\1" template cost more than the rest).
_DOUBLED_RE = re.compile(r"(.)(?=\1)")
_NAME_ENDING_RE = re.compile(r"(?:iy|yi|ij|ii)$")
_QUOTE_PAIRS = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))  # curly -> plain
# Matching keys for alignment.
PREFIX = 7  # keys cut to 7 letters: territorial/territory, negotiation/negotiating
NAME_RUN_DAMPING = 0.5  # a run of k capitalised words weighs 1/sqrt(k) each: one name, one vote
_COUNTRY_ACRONYMS = {"us": "usa", "uk": "uk", "un": "un", "eu": "eu"}


class Token(NamedTuple):
    """A word or number of a text with its matching key and offsets into that text."""

    text: str
    key: str
    start: int
    end: int
    kind: str  # "word" | "number"
    stop: bool = False


_NAME_ENDINGS = ("iy", "yi", "ij", "ii")


@lru_cache(maxsize=1 << 16)  # a memo of a pure function: names recur across passages and sources
def fold_name(word: str) -> str:
    """Return one key for spelling variants of a name (Zelensky, Zelenskyy, Zelenskiy -> zelensky)."""
    folded = word.lower()
    folded = _DOUBLED_RE.sub("", folded)
    if "\n" in folded:  # "$" also matches before a final line break
        return _NAME_ENDING_RE.sub("y", folded)
    return folded[:-2] + "y" if folded.endswith(_NAME_ENDINGS) else folded


# (suffix, replacement, shortest word it is cut from), tried in order; each ends in s, g or d.
_INFLECTIONS = (("ies", "y", 5), ("sses", "ss", 5), ("ing", "", 6), ("ed", "", 5), ("es", "", 5), ("s", "", 4))


@lru_cache(maxsize=1 << 16)  # a memo of a pure function: slots, contexts and keys stem the same words
def stem(word: str) -> str:
    """Strip common English inflections so that agree/agreed/agrees (and approval/approved) share one key."""
    if len(word) <= 3:
        return word
    if word[-1] in "sgd":  # no inflection ends otherwise: most words skip the loop
        for suffix, replacement, min_len in _INFLECTIONS:
            if word.endswith(suffix) and len(word) >= min_len:
                if suffix == "s" and word[-2] in "su":
                    break
                if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                    continue
                word = word[: len(word) - len(suffix)] + replacement
                break
    if len(word) >= 7 and word.endswith("al"):  # approval/approved, proposal/proposed
        word = word[:-2]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@lru_cache(maxsize=1 << 16)  # a memo of a pure function: news vocabularies repeat a lot
def word_key(surface: str) -> str:
    """Return the matching key of one word: acronyms and name variants folded, inflection stripped."""
    plain = unify_quotes(surface)
    if "." in plain:  # dotted acronym: U.S. -> us
        plain = plain.replace(".", "")
    lowered = plain.lower()
    if plain.isupper() and lowered in _COUNTRY_ACRONYMS:
        return _COUNTRY_ACRONYMS[lowered]
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    return fold_name(stem(lowered))


def is_stopword(word: str) -> bool:
    """Tell whether a word carries no fact of its own (function words, reporting verbs)."""
    return unify_quotes(word.lower()) in STOPWORDS


@lru_cache(maxsize=1 << 16)
def _word_info(surface: str) -> tuple[str, bool]:
    """Return (key, is stopword) of one word: word_key and is_stopword in one step."""
    plain = surface if surface.isascii() else unify_quotes(surface)  # most words: no call
    dotted = "." in plain
    if dotted:  # dotted acronym: U.S. -> us
        plain = plain.replace(".", "")
    lowered = plain.lower()
    if plain.isupper() and lowered in _COUNTRY_ACRONYMS:
        return _COUNTRY_ACRONYMS[lowered], False
    stop = not dotted and lowered in STOPWORDS
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    return fold_name(stem(lowered)), stop


_word_token = partial(tuple.__new__, Token)  # Token from a (text, key, start, end, kind, stop) tuple
_WORD_KINDS = repeat("word")


@lru_cache(maxsize=1 << 15)  # one text pass per passage, shared by the vectors and the pair features
def tokens(text: str) -> tuple[Token, ...]:
    """Return the words and numbers of a text, in order, with keys for matching and offsets.

    The words come from one split and are built by map() (no Python step per word); the few
    numbers then replace the words they cover and are placed before the first word at or after
    their start.
    """
    if _ACRONYM_HINT_RE.search(text):
        splitter = _WORD_SPLIT_RE
    else:
        splitter = _ASCII_WORD_SPLIT_RE if text.isascii() else _PLAIN_WORD_SPLIT_RE
    parts = splitter.split(text)  # separator, word, separator, ..., separator
    surfaces = parts[1::2]
    words: list[Token] = []
    starts: list[int] = []
    if surfaces:
        offsets = list(accumulate(map(len, parts)))  # offsets[k]: where parts[k] ends
        starts = offsets[0:-1:2]
        keys, stops = zip(*map(_word_info, surfaces))
        words = list(map(_word_token, zip(surfaces, keys, starts, offsets[1::2], _WORD_KINDS, stops)))
    numbers = find_numbers(text)
    if not numbers:
        return tuple(words)
    result: list[Token] = []
    at = 0  # the next word not yet placed
    for s, e, key in numbers:
        before = bisect_left(starts, s, at)
        result += words[at:before]
        result.append(_word_token((text[s:e], key, s, e, "number", False)))
        at = bisect_left(starts, e, before)  # words inside a number ("ninety per cent") are not words of their own
    result += words[at:]
    return tuple(result)


def content_words(text: str) -> list[str]:
    """Return the matching keys of the words and numbers that carry content, stopwords left out."""
    return [token.key for token in tokens(text) if not token.stop]


@lru_cache(maxsize=1 << 14)  # a claim's key reads each member's text, and a passage sits in several claims
def normalize_text(text: str) -> str:
    """Return text lowercased with quotes unified and whitespace collapsed (for stable keys)."""
    return " ".join(unify_quotes(text).lower().split())  # str.split's whitespace is the pattern \s's


def unify_quotes(text: str) -> str:
    """Return text with curly quotes and dashes written plain, as a translation table would.

    One replace per mark: translate() looks each character of a non-ASCII text up in the table
    in turn, several times slower on a sentence.
    """
    if text.isascii():  # every mark is outside ASCII
        return text
    for mark, plain in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


def _deletions(word: str) -> set[str]:
    """Return the word with each single letter removed (and the word itself)."""
    return {word} | {word[:n] + word[n + 1 :] for n in range(len(word))}


def fold_corpus_names(name_keys: Iterable[str], all_keys: Iterable[str]) -> dict[str, str]:
    """Map variant keys of capitalised words to one key over the texts at hand.

    Demonyms join their place (kaldrian -> kaldria, ukrainian -> ukrain) when the place occurs;
    names of 6+ letters within one edit of each other join (oleksandr / oleksander).
    """
    known = set(all_keys)
    names_set = set(name_keys)
    names = sorted(names_set)
    mapping: dict[str, str] = {}
    for key in names:
        for suffix in ("ian", "an", "n"):
            base = key[: -len(suffix)]
            if key.endswith(suffix) and len(base) >= 4 and base in known and base in names_set:
                mapping[key] = base
                break
    long_names = [k for k in names if len(k) >= 6 and k not in mapping]
    by_variant: dict[str, list[str]] = {}
    for key in long_names:
        for variant in _deletions(key):
            by_variant.setdefault(variant, []).append(key)
    parent = {k: k for k in long_names}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for group in by_variant.values():
        for other in group[1:]:
            a, b = root(group[0]), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    for key in long_names:
        if root(key) != key:
            mapping[key] = root(key)
    return mapping


WORD, NAME, INITIAL = 0, 1, 2  # kinds of match terms: plain word or number, capitalised, sentence-initial


@lru_cache(maxsize=1 << 14)  # re-alignment after a manual edit re-reads the same sentences
def match_terms(text: str) -> tuple[tuple[str, float, int], ...]:
    """Return (key, damping, kind) of the content tokens: kind NAME or INITIAL when capitalised.

    A run of k capitalised words (Prime Minister Anton Velisar) is damped to 1/sqrt(k) per word
    so that one name counts about as much as one word. A capitalised first word is INITIAL: the
    caller decides from the whole corpus whether it is a name ("Kaldria says") or not ("Union").
    """
    every = tokens(text)
    first = every[0].start if every else -1
    found = [t for t in every if not t.stop]
    # Every term as a plain word or number first; then the capitalised runs get their damping.
    result = [(t.key[:PREFIX] if t.kind == "word" else t.key, 1.0, WORD) for t in found]
    capitalised = [n for n, t in enumerate(found) if t.text[:1].isupper()]
    at = 0
    while at < len(capitalised):
        n = m = capitalised[at]
        at += 1
        while (
            at < len(capitalised)
            and capitalised[at] == m + 1
            and not text[found[m].end : found[m + 1].start].strip(" -")
        ):
            m += 1
            at += 1
        damping = (m - n + 1) ** -NAME_RUN_DAMPING
        for k in range(n, m + 1):
            token = found[k]
            if token.kind == "word":  # a number keeps its key and weight inside a run
                result[k] = (token.key[:PREFIX], damping, INITIAL if token.start == first else NAME)
    return tuple(result)


# A word as a reader counts it: "1,200", "U.S.", "don't" and "co-founder" are one word each.
_COUNTED_WORD_RE = re.compile(r"\w+(?:(?:['’.-]|(?<=\d),(?=\d))\w+)*")


def word_count(text: str) -> int:
    """Return the number of words in a text: the one count the window and every export show."""
    return len(_COUNTED_WORD_RE.findall(text))
