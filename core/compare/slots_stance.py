"""Find negations, modal phrases and tone words in a sentence as (start, end, value, ...) tuples."""

from __future__ import annotations

import re

from core.compare.slots_lexicon import (
    AUXILIARIES,
    DETERMINERS,
    MODALITY_CUES,
    MODALITY_PHRASES,
    NEGATION_WORDS,
    NEGATIVE_TONE,
    POSITIVE_TONE,
)
from core.ingest.gates import letters_plain, lower_words
from core.ingest.textnorm import STOPWORDS, stem

_NEGATION_RE = re.compile(rf"\b(?:{NEGATION_WORDS})\b|n't\b", re.I)
_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")
_MODALITY_RES = tuple((value, re.compile(rf"\b(?:{pattern})\b", re.I)) for value, pattern in MODALITY_PHRASES.items())
_TONE_RE = re.compile(r"\b(" + "|".join(sorted(POSITIVE_TONE | NEGATIVE_TONE)) + r")\b", re.I)


def _next_verb(text: str, at: int) -> tuple[str, int, int]:
    """Return (stem, start, end) of the first plain word after `at` that is not an auxiliary."""
    for seen, match in enumerate(_WORD_RE.finditer(text, at)):
        word = match.group()
        if seen >= VERB_REACH or not (word.islower() or (word.isupper() and len(word) > 2)):
            break  # a capitalised word is a name; one in capitals is a word shouted ("NOT GUILTY")
        word = word.lower()
        if word in AUXILIARIES or word in STOPWORDS or (word.endswith("ly") and len(word) > 4):
            continue  # "to be easily observed": the adverb is not the verb
        return stem(word), match.start(), match.end()
    return "", at, at


VERB_REACH = 4  # words after a negation or modal searched for the verb it governs


def find_negations(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, verb) of each negation, the verb it negates as its value."""
    found = []
    for match in _NEGATION_RE.finditer(text):
        following = _WORD_RE.match(text, match.end() + 1) if match.end() < len(text) else None
        if (
            following
            and following.group().lower() in DETERMINERS
            and match.group().lower() == "not"
            and not re.search(r"\b(?:is|are|was|were)\s$", text[max(0, match.start() - 5) : match.start()])
        ):
            continue  # "rainfall, not the dam": a contrast; "X is not the reason" denies a claim
        if (
            following
            and following.group().lower() in ("only", "just", "merely", "least")
            and match.group().lower() == "not"
        ):
            continue  # "not only ... but also" adds; it denies nothing
        if match.group().lower() == "without" and not (following and following.group().endswith("ing")):
            continue  # "life without parole" names a thing; "without giving" denies an action
        verb, _, verb_end = _next_verb(text, match.end())
        start = match.start()
        aux = re.search(r"(?:\b\w+\s)$", text[max(0, start - 12) : start])
        if aux and aux.group().strip().lower() in AUXILIARIES:
            start -= len(aux.group())
        if text[start : start + 3].lower() == "n't":
            word = re.search(r"\w+$", text[:start])
            start = word.start() if word else start
        found.append((start, verb_end, verb))
    return found


def find_modalities(text: str) -> list[tuple[int, int, str, str]]:
    """Return (start, end, strength class, governed verb) of each modal or certainty phrase."""
    found: list[tuple[int, int, str, str]] = []
    words = lower_words(text) if letters_plain(text) else None
    for value, pattern in _MODALITY_RES:
        if words is not None and not words & MODALITY_CUES[value]:
            continue
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _, _ in found):
                continue
            if value == "possibility" and match.group().lower() == "may" and text[match.start()].isupper():
                continue
            verb, _, verb_end = _next_verb(text, match.end())
            adverb = match.group().lower().endswith("ly") or match.group().lower() == "perhaps"
            end = verb_end if verb and not adverb and verb_end - match.end() < 25 else match.end()
            verb = "" if adverb else verb
            found.append((match.start(), end, value, verb))
    return found


def find_tones(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, positive or negative) of each characterisation word."""
    return [
        (m.start(), m.end(), "positive" if m.group().lower() in POSITIVE_TONE else "negative")
        for m in _TONE_RE.finditer(text)
    ]
