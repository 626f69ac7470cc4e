"""Invented articles, a case holding them, and a way to run the command line as a user would."""

import subprocess
import sys
from pathlib import Path

from core.case.records import VerdictRecord
from core.case.store import Case
from core.ingest.sources import load_text

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"

FERRY_A = (
    "Ferry crossing reopens at Dunmere\n\nThe ferry between Dunmere and Oskay reopened on Tuesday "
    "after a four-week closure, the port authority said. About 900 passengers crossed on the "
    "first day. The repaired ramp passed its load test on Sunday.\n"
)
FERRY_B = (
    "Dunmere ferry back in service\n\nThe Dunmere to Oskay ferry returned to service on Tuesday "
    "following a closure of four weeks, according to the port authority. Some 700 passengers "
    "used it on the first day. Inspectors approved the ramp on Saturday.\n"
)


def write_articles(folder: Path) -> list[Path]:
    """Write the two invented articles as .txt files; return their paths."""
    paths = []
    for name, text in (("ferry_a.txt", FERRY_A), ("ferry_b.txt", FERRY_B)):
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_case(path: Path, verdicts: int = 1) -> Path:
    """Create a case with both articles and some verdicts; return its path (closed, unlocked)."""
    with Case.open(path, author="ana") as case:
        case.add_source(load_text(FERRY_A, "Harbour Post"))
        case.add_source(load_text(FERRY_B, "Coast Daily"))
        for n in range(verdicts):
            case.set_verdict(VerdictRecord(f"key-{n}", "confirmed"))
    return Path(path)


def run_cli(*args, timeout: float = 120, cwd=None) -> subprocess.CompletedProcess:
    """Run `parallax ARGS` in a fresh interpreter; return the finished process."""
    return subprocess.run(
        [sys.executable, str(APP), *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=cwd
    )


def one_line(stderr: str) -> str:
    """Return stderr's only line, failing when there is a traceback or several lines."""
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


def snapshot(path: Path) -> tuple[bytes, int]:
    """Return a file's bytes and modification time, to prove it was left untouched."""
    return Path(path).read_bytes(), Path(path).stat().st_mtime_ns
