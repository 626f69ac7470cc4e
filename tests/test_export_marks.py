"""Cutting text into highlighted segments."""

from core.export.marks import Mark, segments


def test_overlapping_marks_split_the_text_and_the_higher_rank_wins():
    marks = [Mark(12, 20, "time", 0.5, "2"), Mark(15, 25, "number", 0.9, "1")]
    found = segments("0123456789abcdefghijklmno", 0, marks)
    assert [(s.text, s.top().kind if s.top() else None, [m.label for m in s.ending]) for s in found] == [
        ("0123456789ab", None, []),
        ("cde", "time", []),
        ("fghij", "number", ["2"]),
        ("klmno", "number", ["1"]),
    ]


def test_offsets_are_absolute_and_marks_outside_the_text_are_ignored():
    found = segments("on Monday after", 100, [Mark(100, 109, "time", 0.9, "1"), Mark(5, 9, "place", 1.0, "3")])
    assert [(s.text, [m.kind for m in s.covering]) for s in found] == [("on Monday", ["time"]), (" after", [])]


def test_notes_and_boilerplate_never_count_as_the_top_divergence():
    found = segments("abc", 0, [Mark(0, 3, "note", 0, "[1]"), Mark(0, 3, "boilerplate")])
    assert found[0].top() is None and found[0].has("note") and found[0].has("boilerplate")
