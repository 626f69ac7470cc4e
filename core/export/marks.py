"""Cut a text into segments by overlapping highlighted ranges (divergences, notes, boilerplate)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """A highlighted range in absolute document offsets; `kind` is a divergence type, "note" or "boilerplate"."""

    start: int
    end: int
    kind: str
    rank: float = 0.0
    label: str = ""  # shown after the range ends: a divergence number or a note number


@dataclass(frozen=True)
class Segment:
    """A piece of text with the marks covering it and the marks that end right after it."""

    text: str
    covering: tuple[Mark, ...]
    ending: tuple[Mark, ...]

    def top(self, exclude: tuple[str, ...] = ("note", "boilerplate")) -> Mark | None:
        """Return the highest-ranked covering mark whose kind is not excluded."""
        candidates = [m for m in self.covering if m.kind not in exclude]
        return max(candidates, key=lambda m: (m.rank, -m.start), default=None)

    def has(self, kind: str) -> bool:
        """Return True when a mark of this kind covers the segment."""
        return any(m.kind == kind for m in self.covering)


def segments(text: str, offset: int, marks: list[Mark]) -> list[Segment]:
    """Return the text (which starts at absolute `offset`) cut at every mark boundary inside it."""
    end_abs = offset + len(text)
    inside = [m for m in marks if m.start < end_abs and m.end > offset and m.end > m.start]
    cuts = {offset, end_abs}
    for mark in inside:
        cuts.add(max(mark.start, offset))
        cuts.add(min(mark.end, end_abs))
    points = sorted(cuts)
    result = []
    for left, right in zip(points, points[1:]):
        covering = tuple(m for m in inside if m.start <= left and m.end >= right)
        ending = tuple(m for m in covering if min(m.end, end_abs) == right and m.label)
        result.append(Segment(text[left - offset : right - offset], covering, ending))
    return result
