"""Print how one large article scales through the pipeline: read, boilerplate, sentences, alignment.

Each size is timed in a fresh process (time and peak memory), next to a baseline of two ordinary
3,000-word articles in the same run. `python bench/bench_large_input.py [MB ...]`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

SIZES_MB = (0.25, 0.5, 1, 1.9)  # 1.9 MB of text is just under the 2 million character limit

_PROBE = """
import json, resource, sys, time
sys.path[:0] = [{root!r}, {bench!r}]
from core.ingest.sources import load_path
from core.ingest.boilerplate import find_boilerplate
from core.ingest.sentences import split_sentences
from core.analysis import analyze
figures = {{}}
t = time.perf_counter(); big = load_path({big!r}); small = load_path({small!r})
figures["read"] = time.perf_counter() - t
t = time.perf_counter(); skip = tuple(find_boilerplate(big.text)); figures["boilerplate"] = time.perf_counter() - t
t = time.perf_counter(); n = len(split_sentences(big.text, skip)); figures["sentences"] = time.perf_counter() - t
t = time.perf_counter(); alignment = analyze([big, small]); figures["analyze"] = time.perf_counter() - t
figures["passages"] = n
figures["claims"] = len(alignment.claims)
figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def article_text(size_bytes: int, seed: int = 11) -> str:
    """Return invented article paragraphs (synth's vocabulary) until size_bytes is reached."""
    from synth import make_articles

    parts, total, n = [], 0, 0
    while total < size_bytes:
        for _name, text in make_articles(5, 3000, seed=seed + n):
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size_bytes:
                break
        n += 1
    return "\n\n".join(parts)[:size_bytes]


def run(big: Path, small: Path) -> dict:
    """Time one big + one ordinary article in a fresh process; return its figures."""
    code = _PROBE.format(root=str(ROOT), bench=str(ROOT / "bench"), big=str(big), small=str(small))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout)
    figures["total"] = time.perf_counter() - started
    return figures


def time_refusal(path: Path) -> tuple[float, str]:
    """Return how long loading a file over the text limit takes to be refused, and the reason."""
    from core.errors import SourceError
    from core.ingest.sources import load_path

    started = time.perf_counter()
    try:
        load_path(path)
    except SourceError as error:
        return time.perf_counter() - started, error.reason
    return time.perf_counter() - started, "accepted (no limit applied)"


def main(sizes: list[float]) -> None:
    """Print one line per size: seconds per stage, per MB, and peak memory."""
    from synth import make_articles

    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text(make_articles(2, 3000, seed=3)[1][1], encoding="utf-8")
        baseline = Path(folder) / "baseline.txt"
        baseline.write_text(make_articles(2, 3000, seed=3)[0][1], encoding="utf-8")
        rows = [("baseline", baseline.stat().st_size / 2**20, run(baseline, small))]
        for mb in sizes:
            big = Path(folder) / f"big-{mb}.txt"
            big.write_text(article_text(int(mb * 2**20)), encoding="utf-8")
            rows.append((f"{mb:g} MB", mb, run(big, small)))
        refused = Path(folder) / "over-limit.txt"
        refused.write_text(article_text(19 * 2**20), encoding="utf-8")
        refusal = time_refusal(refused)
    print(
        f"{'input':>9} {'read':>6} {'boiler':>7} {'sent':>6} {'analyze':>8} {'total':>7} {'s/MB':>6} "
        f"{'passages':>9} {'peak MB':>8}"
    )
    for label, mb, f in rows:
        print(
            f"{label:>9} {f['read']:6.2f} {f['boilerplate']:7.2f} {f['sentences']:6.2f} {f['analyze']:8.2f} "
            f"{f['total']:7.2f} {f['total'] / max(mb, 1e-9):6.1f} {f['passages']:9d} {f['peak_mb']:8.0f}"
        )
    seconds, reason = refusal
    print(f"19 MB text: refused in {seconds:.2f} s ({reason})")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or list(SIZES_MB))
