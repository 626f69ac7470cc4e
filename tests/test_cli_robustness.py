"""`app.py align` fed bad files: a clear line on stderr, valid JSON for the rest, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"

GOOD_A = (
    "Tram line approved\n\nThe city council approved the new tram line on Tuesday by 31 votes to 12. "
    "Construction is expected to start in April and last two years. "
    "The project will cost 410 million euros, the mayor said.\n"
)
GOOD_B = (
    "Council backs tram\n\nCouncillors voted 31 to 12 on Tuesday in favour of the new tram line. "
    "Work should begin in April and take about two years, officials said. "
    "The mayor put the cost at 450 million euros.\n"
)

BAD = {
    "report.pdf": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "is a binary file (PDF document), not text",
    ),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), "is a binary file (PNG image), not text"),
    "archive.txt": (
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(60),
        "is a binary file (ZIP archive or Office document), not text",
    ),
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b" \n\t\r\n  \n", "contains only whitespace"),
    "garbage.txt": (b"Caf\xc3 \xff\xfe broken \x81\x8d bytes here.\n", "is not valid text in any supported encoding"),
    "nothing.html": (
        b"<html><head><title></title></head><body><script>x()</script></body></html>",
        "has no readable text in its HTML",
    ),
    "huge.txt": (None, "is 50.0 MB; the limit is 20 MB"),
    "folder.txt": ("dir", "is a directory"),
    "missing.txt": ("missing", "does not exist"),
}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def _make(tmp_path: Path, name: str) -> Path:
    data, _ = BAD[name]
    path = tmp_path / name
    if data is None:
        with open(path, "wb") as handle:
            handle.truncate(50 * 1024 * 1024)
    elif data == "dir":
        path.mkdir()
    elif data != "missing":
        path.write_bytes(data)
    return path


@pytest.fixture
def good(tmp_path) -> list[Path]:
    a, b = tmp_path / "city_news.txt", tmp_path / "metro_daily.txt"
    a.write_text(GOOD_A, encoding="utf-8")
    b.write_text(GOOD_B, encoding="utf-8")
    return [a, b]


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_among_two_good_ones_fails_softly_with_json_for_the_good_ones(tmp_path, good, name):
    bad = _make(tmp_path, name)
    done = _run(str(APP), "align", str(good[0]), str(bad), str(good[1]), "--json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == f"parallax align: {bad}: {BAD[name][1]}\n"
    assert "Traceback" not in done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["version"] == 1
    assert [d["path"] for d in result["documents"]] == [str(good[0]), str(good[1])]
    for document in result["documents"]:
        text = (GOOD_A, GOOD_B)[int(document["id"][1:])]
        assert document["passages"]
        for passage in document["passages"]:
            assert text[passage["start"] : passage["end"]] == passage["text"]


def test_every_bad_file_at_once_is_listed_on_stderr_and_exits_2(tmp_path):
    bad = [_make(tmp_path, name) for name in sorted(BAD)]
    done = _run(str(APP), "align", *map(str, bad), "--json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[:-1] == [f"parallax align: {p}: {BAD[p.name][1]}" for p in bad]
    assert lines[-1] == "parallax align: need at least 2 usable sources, 0 left"
    assert "Traceback" not in done.stderr


def test_one_good_file_and_bad_ones_is_too_few_to_align_and_exits_2(tmp_path, good):
    bad = _make(tmp_path, "empty.txt")
    done = _run(str(APP), "align", str(good[0]), str(bad), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"parallax align: {bad}: is empty",
        "parallax align: need at least 2 usable sources, 1 left",
    ]
    assert done.stdout == ""


def test_an_unwritable_output_file_is_a_clear_error_not_a_traceback(tmp_path, good):
    target = tmp_path / "out"
    target.mkdir()
    done = _run(str(APP), "align", *map(str, good), "--json", "-o", str(target), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"parallax align: {target} is a folder, not a regular file")
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_an_unknown_option_prints_usage_without_a_traceback(tmp_path, good):
    done = _run(str(APP), "align", *map(str, good), "--colour", cwd=tmp_path)
    assert done.returncode == 2
    assert "usage: parallax align" in done.stderr
    assert "unrecognized arguments: --colour" in done.stderr
    assert "Traceback" not in done.stderr


def test_more_than_50_files_is_refused_before_reading_any(tmp_path, good):
    done = _run(str(APP), "align", *([str(good[0])] * 51), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "parallax align: give 2 to 50 files (got 51)\n"


def test_the_align_command_never_imports_pyside6(tmp_path, good):
    done = _run("-X", "importtime", str(APP), "align", *map(str, good), "--json", cwd=tmp_path)
    assert done.returncode == 0
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert "core.analysis" in imported
    assert not [name for name in imported if name.startswith(("PySide6", "shiboken6", "gui"))]


def test_a_superscript_digit_in_an_article_does_not_end_in_a_traceback(tmp_path, good):
    odd = tmp_path / "odd.txt"
    odd.write_text("The tram will be 5² times faster than the bus, the mayor said on Tuesday.\n", encoding="utf-8")
    done = _run(str(APP), "align", str(good[0]), str(odd), "--json", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0
