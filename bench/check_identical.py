"""Record or compare the `align --json` output on the seeds and the corpus events (speed work must not change it).

`python bench/check_identical.py record DIR` writes one JSON file per input set into DIR;
`python bench/check_identical.py compare DIR` re-runs and prints which sets differ (exit 1 if any).
Timing fields are dropped before comparing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_TIMING = ("elapsed", "seconds", "timing", "generated", "created")


def input_sets(folder: Path) -> dict[str, list[Path]]:
    """Return {name: article files}: the seeds, every corpus event present, and generated large inputs."""
    sets: dict[str, list[Path]] = {}
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        sets["seeds"] = seeds
    for event in sorted(p for p in (SHARED / "corpus").glob("*") if p.is_dir()):
        files = sorted(event.glob("*.txt"))
        if len(files) >= 2:
            sets[event.name] = files
    sys.path.insert(0, str(ROOT / "bench"))
    from dense_news import make_dense_articles
    from synth import make_articles

    # Above SMALL_CORPUS passages the aligner takes its array path: these sets cover it, sparse and dense.
    generated = {
        "synthetic 12 x 3,000": make_articles(12, 3000),
        "synthetic 20 x 3,000": make_articles(20, 3000),
        "dense 10 x 3,000": make_dense_articles(10, 3000),
    }
    for label, articles in generated.items():
        place = folder / "generated-input" / label.replace(" ", "-").replace(",", "")
        place.mkdir(parents=True, exist_ok=True)
        sets[label] = []
        for name, text in articles:
            path = place / name
            path.write_text(text, encoding="utf-8")
            sets[label].append(path)
    return sets


def _strip(value):
    """Return the value without its timing fields (they change from run to run)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if not any(t in k.lower() for t in _TIMING)}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def output(files: list[Path]) -> str:
    """Return the canonical align --json output for the files."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "align", *map(str, files), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.dumps(_strip(json.loads(done.stdout)), indent=1, sort_keys=True, ensure_ascii=False)


def main(mode: str, folder: str) -> int:
    """Record or compare every input set; return 1 when any differs."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    differing = 0
    for name, files in input_sets(target).items():
        text = output(files)
        path = target / f"{name}.json"
        if mode == "record":
            path.write_text(text, encoding="utf-8")
            print(f"recorded {name}")
        else:
            same = path.is_file() and path.read_text(encoding="utf-8") == text
            differing += not same
            print(f"{'identical' if same else 'DIFFERENT'} {name}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
