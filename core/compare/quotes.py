"""Compare the quotes of a claim: one quote given to two speakers, or worded two ways."""

from __future__ import annotations

import re

from core.compare.normalize import folded_words, is_subsequence
from core.compare.slots import Slot, speaker_span
from core.compare.slots_compare import beside_quote
from core.compare.tellings import Finding, Located, Telling, merge_sharing, passage_at
from core.compare.worddiff import word_diff_spans

QUOTE_MIN_SHARED = 0.5  # two quotes sharing less than this are different quotes, not variants
QUOTE_MIN_WORDS = 4  # a shorter fragment in quotation marks is a phrase, not a quote to compare
UNSURE_SUBJECT = 0.9


def quote_changes(tellings: list[Telling]) -> list[Finding]:
    """Return one quote given two speakers (attribution) or worded differently (quote).

    Case, diacritics and typographic marks are not wording; a quote cut short or split by a
    said-clause is the same quote.
    """
    findings = []
    quotes = [
        (i, s, folded_words(s.slot.text)) for i, t in enumerate(tellings) for s in t.slots if s.slot.type == "quote"
    ]
    for n, (i, a, words_a) in enumerate(quotes):
        for j, b, words_b in quotes[n + 1 :]:
            if tellings[i].doc == tellings[j].doc:
                continue
            if min(len(words_a), len(words_b)) < QUOTE_MIN_WORDS:
                continue
            shared = len(set(words_a) & set(words_b))
            if shared < QUOTE_MIN_SHARED * min(len(set(words_a)), len(set(words_b))):
                continue
            if a.slot.subject and b.slot.subject and a.slot.subject != b.slot.subject:
                findings.append(_speaker_clash(tellings, (i, a), (j, b)))
                continue
            short, long_ = sorted((words_a, words_b), key=len)
            if is_subsequence(short, long_):
                continue  # the same words, cut short or split by "she said"
            if not (a.slot.subject and b.slot.subject):
                continue  # words of no named speaker: a paraphrase in quotation marks, not a misquote
            narrowed_a, narrowed_b = _narrow(a, b)
            if beside_quote(
                narrowed_a.slot.text, tellings[j].text, b.slot.start - tellings[j].start, b.slot.end - tellings[j].start
            ) and beside_quote(
                narrowed_b.slot.text, tellings[i].text, a.slot.start - tellings[i].start, a.slot.end - tellings[i].start
            ):
                continue  # only the quotation marks moved: "Article 5-like" vs "Article 5"-like
            speaker_known = bool(a.slot.subject and b.slot.subject)
            findings.append(
                Finding(
                    "quote",
                    [(i, [narrowed_a]), (j, [narrowed_b])],
                    {i: narrowed_a.slot.text, j: narrowed_b.slot.text},
                    confidence=1.0 if speaker_known else UNSURE_SUBJECT,
                )
            )
    return merge_sharing([f for f in findings if f is not None])


def _speaker_clash(tellings: list[Telling], *quotes: tuple[int, Located]) -> Finding | None:
    """Return an attribution finding over the said-clauses of one quote given to two speakers."""
    picks, values = [], {}
    for index, located in quotes:
        telling = tellings[index]
        start, end, key = speaker_span(
            telling.text, located.slot.start - telling.start - 1, located.slot.end - telling.start + 1
        )
        if not key:
            return None
        slot = Slot(
            "attribution", telling.start + start, telling.start + end, telling.text[start:end], key, "", "speaker"
        )
        picks.append((index, [Located(slot, passage_at(telling, slot.start))]))
        values[index] = key
    return Finding("attribution", picks, values)


def _narrow(a: Located, b: Located) -> tuple[Located, Located]:
    """Return both quotes cut down to the span from their first to their last changed word."""
    result = []
    for located, spans in zip((a, b), word_diff_spans(a.slot.text, b.slot.text)):
        slot = located.slot
        spans = [(s, e) for s, e in spans if re.search(r"\w", slot.text[s:e])]
        if not spans:
            result.append(located)
            continue
        start, end = spans[0][0], spans[-1][1]
        start += len(slot.text[start:end]) - len(slot.text[start:end].lstrip())
        text = slot.text[start:end].strip()
        result.append(
            Located(
                Slot("quote", slot.start + start, slot.start + start + len(text), text, slot.value, slot.subject),
                located.passage,
            )
        )
    return result[0], result[1]
