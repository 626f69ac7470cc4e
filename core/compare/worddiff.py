"""Diff two texts word by word with diff-match-patch, keeping paraphrase's shared words visible."""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

# One token per word (apostrophes and inner hyphens kept), per number, per run of whitespace and
# per punctuation mark: the diff then never cuts a word in half.
_TOKEN_RE = re.compile(r"\w+(?:['’.,\-]\w+)*|\s+|[^\w\s]", re.UNICODE)
# Private-use code points stay clear of every character a token could contain.
_FIRST_CHAR = 0xE000


def _tokens(text: str) -> list[str]:
    """Return the tokens of a text; they concatenate back to the text exactly."""
    return _TOKEN_RE.findall(text)


def _encode(tokens: list[str], table: dict[str, str], words: list[str]) -> str:
    """Return one character per token, extending the shared token table as new tokens appear."""
    chars = []
    for token in tokens:
        char = table.get(token)
        if char is None:
            number = _FIRST_CHAR + len(words)
            # Past the private-use area, continue in supplementary planes (still one str char).
            char = chr(number if number < 0xF8FF else 0xF0000 + number - 0xF8FF)
            table[token] = char
            words.append(token)
        chars.append(char)
    return "".join(chars)


def _merge_runs(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Return the diff with adjacent operations of the same kind joined and empty ones dropped."""
    merged: list[tuple[int, str]] = []
    for op, text in diffs:
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


def _absorb_lone_spaces(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Fold a whitespace-only equality between two changes into the changes around it.

    "a b" -> "c d" otherwise reads as delete a, insert c, keep " ", delete b, insert d; the
    checker wants one changed phrase. Shared words are never folded.
    """
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(diffs):
        op, text = diffs[n]
        if op == 0 and text.isspace() and 0 < n < len(diffs) - 1 and diffs[n - 1][0] != 0 and diffs[n + 1][0] != 0:
            out.append((-1, text))
            out.append((1, text))
        else:
            out.append((op, text))
        n += 1
    # Gather deletes before inserts inside every changed run so each run reads as one phrase.
    result: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for op, text in out + [(0, "")]:
        if op != 0:
            run.append((op, text))
            continue
        if run:
            result.append((-1, "".join(t for o, t in run if o == -1)))
            result.append((1, "".join(t for o, t in run if o == 1)))
            run = []
        result.append((0, text))
    return _merge_runs(result)


def word_diff(a: str, b: str) -> list[tuple[int, str]]:
    """Return the word-level diff of a and b as (op, text) with op -1 delete, 0 equal, 1 insert."""
    table: dict[str, str] = {}
    words: list[str] = []
    chars_a = _encode(_tokens(a), table, words)
    chars_b = _encode(_tokens(b), table, words)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(chars_a, chars_b, False)
    # No semantic cleanup: on a paraphrase it swallows the shared words into one big replace.
    decoded = []
    lookup = {char: token for token, char in table.items()}
    for op, chars in diffs:
        decoded.append((op, "".join(lookup[c] for c in chars)))
    return _absorb_lone_spaces(_merge_runs(decoded))


def word_diff_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return the (start, end) ranges changed in a and in b, in order."""
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    at_a = at_b = 0
    for op, text in word_diff(a, b):
        if op == 0:
            at_a += len(text)
            at_b += len(text)
        elif op == -1:
            spans_a.append((at_a, at_a + len(text)))
            at_a += len(text)
        else:
            spans_b.append((at_b, at_b + len(text)))
            at_b += len(text)
    return spans_a, spans_b


def _word_count(text: str) -> int:
    """Count the word and number tokens of a text (not spaces or punctuation)."""
    return sum(1 for t in _tokens(text) if t[0].isalnum() or t[0] == "_")


def shared_word_fraction(a: str, b: str) -> float:
    """Return the share of words two texts have in common, in order (1.0 = same words)."""
    return shared_fraction_of(word_diff(a, b))


def shared_fraction_of(ops: list[tuple[int, str]]) -> float:
    """Return the share of words a word diff keeps, against the longer side (1.0 = same words)."""
    equal = sum(_word_count(text) for op, text in ops if op == 0)
    longest = max(
        equal + sum(_word_count(text) for op, text in ops if op < 0),
        equal + sum(_word_count(text) for op, text in ops if op > 0),
    )
    return 1.0 if longest == 0 else equal / longest
