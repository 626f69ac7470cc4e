"""Read a case's rows defensively: a value that fails to parse is skipped and reported, never raised."""

from __future__ import annotations

from typing import Callable, Iterable, Optional, TypeVar

from core.model import AlignmentEdit, PassageRef

T = TypeVar("T")
_PARSE_ERRORS = (TypeError, ValueError, KeyError, AttributeError, UnicodeError)


def parse_rows(rows: Iterable[dict], parse: Callable[[dict], T], what: str, problems: list[str]) -> list[T]:
    """Return parse(row) for every row that parses; note how many did not in problems."""
    parsed, bad = [], 0
    for row in rows:
        try:
            parsed.append(parse(row))
        except _PARSE_ERRORS:
            bad += 1
    if bad:
        note(problems, f"{bad} unreadable {'row' if bad == 1 else 'rows'} of {what} skipped")
    return parsed


def note(problems: list[str], message: str) -> None:
    """Add a problem once."""
    if message not in problems:
        problems.append(message)


def _ref(source, start, end) -> PassageRef:
    if not isinstance(source, str) or not isinstance(start, int) or not isinstance(end, int):
        raise TypeError("not a passage reference")
    return PassageRef(source, start, end)


def _fits(ref: PassageRef, lengths: dict[str, int]) -> bool:
    # An edit naming a removed source is kept for a re-import; one that names a present source
    # must lie inside its text.
    length = lengths.get(ref.source)
    return length is None or 0 <= ref.start <= ref.end <= length


def edit_from_row(r: dict, lengths: dict[str, int]) -> Optional[AlignmentEdit]:
    """Return the edit stored in a row, or None when it points outside its source's text."""
    if r["kind"] not in ("link", "unlink", "split", "merge"):
        raise ValueError("unknown edit kind")
    a = _ref(r["a_source"], r["a_start"], r["a_end"])
    b = _ref(r["b_source"], r["b_start"], r["b_end"]) if r["b_source"] is not None else None
    at = r["at"]
    if at is not None and not isinstance(at, int):
        raise TypeError("not an offset")
    if not _fits(a, lengths) or (b is not None and not _fits(b, lengths)):
        return None
    if r["kind"] == "split" and (at is None or not a.start <= at <= a.end):
        return None
    return AlignmentEdit(r["kind"], a, b, at)


def edits_from_rows(
    rows: Iterable[dict], lengths: dict[str, int], problems: list[str]
) -> list[tuple[int, AlignmentEdit]]:
    """Return (id, edit) for the usable edits; note those that are unreadable or out of range."""
    result, outside = [], 0
    for edit_id, edit in parse_rows(rows, lambda r: (r["id"], edit_from_row(r, lengths)), "alignment edits", problems):
        if edit is None:
            outside += 1
        else:
            result.append((edit_id, edit))
    if outside:
        note(
            problems,
            f"{outside} alignment edit{'s' if outside > 1 else ''} pointing outside their source's text ignored",
        )
    return result
