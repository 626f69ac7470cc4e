"""Read what a regular expression can match, for tests that check a gate against its pattern.

A gate (a word list, a look-ahead) lets a reader skip text its pattern cannot match; it is kept by
hand beside the pattern, so a test derives from the pattern itself what the gate must hold. Only
the constructs the engine's patterns use are understood; anything else fails loudly.
"""

from __future__ import annotations

import string
from itertools import product

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_CATEGORY_CHARS = {sre_constants.CATEGORY_DIGIT: string.digits}
_LIMIT = 10_000


def _set_chars(items) -> set[str]:
    """Return the characters a character class ([...]) admits, for the kinds of class used."""
    chars: set[str] = set()
    for op, value in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(value))
        elif op is sre_constants.RANGE:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif op is sre_constants.CATEGORY and value in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[value])
        else:
            raise ValueError(f"unsupported class item {op} {value}")
    return chars


def _strings(parsed) -> set[str]:
    """Return every string a parsed sequence matches (it must be finite and small)."""
    results = {""}
    for op, value in parsed:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            options = {chr(value)}
        elif op is sre_constants.IN:
            options = _set_chars(value)
        elif op is sre_constants.SUBPATTERN:
            options = _strings(value[-1])
        elif op is sre_constants.BRANCH:
            options = set().union(*(_strings(branch) for branch in value[1]))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, body = value
            if high > 4:
                raise ValueError("unbounded or long repeat: the language is not small")
            inner = _strings(body)
            options = set()
            for count in range(low, high + 1):
                options |= {"".join(parts) for parts in product(inner, repeat=count)}
        else:
            raise ValueError(f"unsupported construct {op}")
        results = {head + tail for head in results for tail in options}
        if len(results) > _LIMIT:
            raise ValueError("the language is too large to list")
    return results


def language(pattern: str) -> set[str]:
    """Return every string a small finite pattern matches (case as written)."""
    return _strings(sre_parse.parse(pattern))


def first_group(pattern: str) -> str:
    """Return the source of the first parenthesised group of a pattern (its alternatives)."""
    start = pattern.index("(")
    depth = 0
    for at in range(start, len(pattern)):
        if pattern[at] == "(" and pattern[at - 1] != "\\":
            depth += 1
        elif pattern[at] == ")" and pattern[at - 1] != "\\":
            depth -= 1
            if depth == 0:
                return pattern[start : at + 1]
    raise ValueError("unbalanced pattern")


def _first_chars(parsed) -> tuple[set[str], bool]:
    """Return (the characters a match of a parsed sequence can begin with, whether it can be empty)."""
    chars: set[str] = set()
    for op, value in parsed:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            return chars | {chr(value)}, False
        if op is sre_constants.IN:
            return chars | _set_chars(value), False
        if op is sre_constants.SUBPATTERN:
            inner, empty = _first_chars(value[-1])
        elif op is sre_constants.BRANCH:
            parts = [_first_chars(branch) for branch in value[1]]
            inner = set().union(*(p[0] for p in parts))
            empty = any(p[1] for p in parts)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            inner, empty = _first_chars(value[2])
            empty = empty or value[0] == 0
        else:
            raise ValueError(f"unsupported construct {op}")
        chars |= inner
        if not empty:
            return chars, False
    return chars, True


def first_chars(pattern: str) -> set[str]:
    """Return the characters any match of a pattern can begin with (look-arounds ignored)."""
    chars, empty = _first_chars(sre_parse.parse(pattern))
    if empty:
        raise ValueError("the pattern can match the empty string")
    return chars
