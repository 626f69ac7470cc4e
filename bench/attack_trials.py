"""Print the figures of the README's promises: fuzzed imports and kill -9 trials against a case.

`python bench/attack_trials.py [FUZZ_INPUTS] [KILL_TRIALS]` (defaults 3,000 and 25).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.case.store import Case  # noqa: E402
from core.errors import SourceError  # noqa: E402
from core.ingest.document import build_document  # noqa: E402
from core.ingest.sources import load_bytes  # noqa: E402

# Pieces that stress decoding and sentence splitting: abbreviations, initials, closers, scripts,
# invisible characters, NULs, odd line breaks.
PIECES = list("Aa. !?\n\r\t\"'”’«»()[]…0123456789,;:") + [
    "Mr.",
    "U.S.",
    "Dr. ",
    "a.m.",
    "No. 4",
    "\u200b",
    "\ufeff",
    "Мэр ",
    "市长",
    "。",
    "，",
    "\u3000",
    "é",
    "\x00",
    "\x85",
    "\u2028",
    "  ",
    "\n\n",
    "J. R. R. ",
]
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-16", "cp1252", "utf-8-sig")

WRITER = """
import sys
sys.path.insert(0, {root!r})
from core.case.store import Case
from core.case.records import VerdictRecord
case = Case.open(sys.argv[1], author="writer")
assert not case.read_only, case.read_only_reason
n = int(sys.argv[2])
while True:
    case.set_verdict(VerdictRecord(f"k{{n}}", "confirmed"))
    print(n, flush=True)   # acknowledged: committed before it is printed
    n += 1
"""


def fuzz(count: int, seed: int = 1) -> tuple[int, int, int]:
    """Import random bytes and random text; return (crashes, offset mismatches, refusals)."""
    rng = random.Random(seed)
    crashes = mismatches = refused = 0
    for _ in range(count):
        if rng.random() < 0.3:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
        else:
            text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 2000)))
            data = text.encode(rng.choice(ENCODINGS), "ignore")
        try:
            source = load_bytes(data, rng.choice(["a.txt", "a.md", "a.html", "a"]))
            document = build_document(source, "d0")
        except SourceError:
            refused += 1
            continue
        except Exception:  # noqa: BLE001 - counting crashes is the point
            crashes += 1
            continue
        end = -1
        for passage in document.passages:
            if source.text[passage.start : passage.end] != passage.text or passage.start < end:
                mismatches += 1
                break
            end = passage.end
    return crashes, mismatches, refused


def kill_trials(trials: int, seed: int = 3) -> tuple[int, int]:
    """Kill a writer with SIGKILL mid-work, reopen; return (acknowledged writes, writes lost)."""
    rng = random.Random(seed)
    acknowledged = lost = start = 0
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "trial.parallax")
        Case.open(path).close()
        for _ in range(trials):
            writer = subprocess.Popen(
                [sys.executable, "-c", WRITER.format(root=str(ROOT)), path, str(start)],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(1.0 + rng.random())
            writer.send_signal(signal.SIGKILL)
            acked = [int(n) for n in writer.communicate()[0].split()]
            acknowledged += len(acked)
            with Case.open(path) as case:  # the dead writer's lock is stale: this must be writable
                if case.read_only:
                    raise SystemExit(f"the dead writer's lock was not taken over: {case.read_only_reason}")
                stored = case.verdicts()
                lost += sum(1 for n in acked if f"k{n}" not in stored)
                if case.integrity_check() != ["ok"]:
                    raise SystemExit("the case failed integrity_check after a kill")
            start = max(acked, default=start - 1) + 1
    return acknowledged, lost


def main() -> None:
    """Print both figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    started = time.perf_counter()
    crashes, mismatches, refused = fuzz(count)
    print(
        f"fuzz: {count} inputs, {crashes} crashes, {mismatches} offset mismatches, "
        f"{refused} refused with a reason ({time.perf_counter() - started:.0f} s)"
    )
    acknowledged, lost = kill_trials(trials)
    print(
        f"kill -9: {trials} trials, {acknowledged} acknowledged writes, {lost} lost, "
        "every dead writer's lock taken over"
    )


if __name__ == "__main__":
    main()
