"""Print alignment speed, growth and memory figures (demo, seeds, synthetic 5/20/50 x 3,000 words)."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from synth import make_articles  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"
RUNS = 5

_MEMORY_PROBE = """
import resource, sys, time, tracemalloc
sys.path[:0] = [{root!r}, {bench!r}]
from synth import make_articles
from core.ingest.sources import load_text
from core.analysis import analyze
sources = [load_text(text, title=name) for name, text in make_articles({count}, {words})]
analyze(sources[:2])  # imports and caches warm, so the peak is the analysis itself
tracemalloc.start()
analyze(sources)
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, peak)
"""


def _cold() -> None:
    """Empty the text memos so that every timed run pays for reading the text."""
    from core.ingest import textnorm
    for memo in (textnorm.match_terms, textnorm.word_key, textnorm._word_info, textnorm.tokens,
                 textnorm.find_numbers):
        memo.cache_clear()
    from core.align import features
    features._word_grams.cache_clear()
    from core.compare import divergence, slots
    slots.cached_slots.cache_clear()
    divergence._DOCUMENT_SLOTS.clear()
    from core.compare.facts import mentions, people
    for memo in (people._names, people._tokens, people._bare, people._is_name_token, mentions.fold):
        memo.cache_clear()


def _median_time(function, runs: int = RUNS) -> float:
    """Return the median wall time of several cold calls, in seconds."""
    times = []
    for _ in range(runs):
        _cold()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _files(folder: Path) -> list[Path]:
    """Return the article files of a folder: the demo's planted.json order, else every article file."""
    planted = folder / "planted.json"
    if planted.is_file():
        return [folder / s["file"] for s in json.loads(planted.read_text(encoding="utf-8"))["sources"]]
    return sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".html") or
                  (p.suffix == ".md" and p.name.lower() != "readme.md"))


def _row(label: str, words: int, seconds: float, note: str = "") -> None:
    """Print one table row."""
    per_k = seconds / words * 1000 if words else 0.0
    print(f"| {label:<34} | {words:>7,} | {seconds * 1000:>9.1f} | {per_k * 1000:>8.2f} | {note} |")


def _words(sources) -> int:
    """Return the total word count of sources."""
    return sum(len(s.text.split()) for s in sources)


def _baseline_seconds(documents) -> float:
    """Return the time of a plain scikit-learn TF-IDF cosine over all sentence pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = [p.text for d in documents for p in d.passages]

    def run():
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        similarity = cosine_similarity(matrix, dense_output=True)
        return (similarity > 0.3).sum()

    return _median_time(run, 3)


def main() -> int:
    """Print the benchmark table."""
    from core.align.claims import align_documents
    from core.analysis import analyze
    from core.compare.facts import build_fact_sheet
    from core.ingest.document import build_document
    from core.ingest.sources import load_paths, load_text

    print("| input | words | ms (median) | µs/word | note |")
    print("|---|---:|---:|---:|---|")
    for label, folder in (("demo (resources/samples)", SAMPLES), ("seeds (../shared/seeds)", SEEDS)):
        files = _files(folder) if folder.is_dir() else []
        if len(files) < 2:
            print(f"| {label} | - | - | - | not present |")
            continue
        sources, _ = load_paths([str(f) for f in files])
        analyze(sources)
        _row(f"{label}: analyze", _words(sources), _median_time(lambda: analyze(sources)),
             f"{len(sources)} articles, in process")
        cli = [sys.executable, str(ROOT / "app.py"), "align", *map(str, files), "--json"]
        wall = _median_time(lambda: subprocess.run(cli, capture_output=True, check=False), 3)
        _row(f"{label}: whole CLI", _words(sources), wall, "subprocess, start-up and imports included")
    growth = []
    for count in (5, 20, 50):
        sources = [load_text(text, title=name) for name, text in make_articles(count, 3000)]
        words = _words(sources)
        seconds = _median_time(lambda: analyze(sources), 3 if count < 50 else 1)
        documents = [build_document(s, f"d{n}") for n, s in enumerate(sources)]
        aligning = _median_time(lambda: align_documents(documents), 3 if count < 50 else 1)
        sheet = _median_time(lambda: build_fact_sheet(documents), 3 if count < 50 else 1)
        passages = sum(len(d.passages) for d in documents)
        _row(f"synthetic {count} x 3,000: analyze", words, seconds, f"{passages} passages")
        _row(f"synthetic {count} x 3,000: align only", words, aligning, "")
        _row(f"synthetic {count} x 3,000: fact sheet only", words, sheet, "part of analyze")
        growth.append((words, seconds, aligning, documents))
    base_words, base_seconds, base_align, _ = growth[0]
    print()
    print("Growth relative to 5 articles (1.0 = linear in words):")
    for words, seconds, aligning, _ in growth:
        ratio = (seconds / base_seconds) / (words / base_words)
        ratio_align = (aligning / base_align) / (words / base_words)
        print(f"  {words:>7,} words: time x{seconds / base_seconds:5.1f} for words x{words / base_words:4.1f}"
              f" -> analyze {ratio:.2f}, align {ratio_align:.2f}")
    probe = _MEMORY_PROBE.format(root=str(ROOT), bench=str(ROOT / "bench"), count=50, words=3000)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    if result.returncode == 0:
        maxrss, peak = (int(x) for x in result.stdout.split())
        print(f"\nPeak memory at 50 x 3,000 words: {maxrss / 1024:.0f} MB max RSS of the process; "
              f"the analysis itself allocates at most {peak / 2**20:.0f} MB (tracemalloc peak)")
    else:
        print("\nPeak memory probe failed:", result.stderr.strip().splitlines()[-1:])
    print("\nBaseline: scikit-learn TF-IDF cosine over all sentence pairs (dense), align only:")
    for words, _, aligning, documents in growth:
        baseline = _baseline_seconds(documents)
        print(f"  {words:>7,} words: baseline {baseline * 1000:8.1f} ms, Parallax align "
              f"{aligning * 1000:8.1f} ms, ratio {baseline / aligning:4.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
