"""Print the engine's speed, growth and memory next to a TF-IDF mutual-best baseline timed in the same run.

The baseline is the plain aligner the corpus is calibrated with: scikit-learn TF-IDF over the same
passages, the dense cosine of every pair, a link where two passages are each other's best match in
the other's document (cosine >= 0.3), links joined into groups. Ratios are baseline / Parallax
(above 1: Parallax is faster). CPU time of this process, median of cold runs (text memos emptied).
The stages timed alone run as analyze runs them, with the cyclic collector paused
(core.analysis.collector_paused; the window pauses it for its worker runs too); one row also
times the alignment with the collector running, which no caller in the application does. The
fact sheet is timed alone and as analyze runs it: last, after the stages whose text memos it shares.
`python bench/bench_align.py [--quick]` (--quick skips 50 articles and the growth in words).
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from dense_news import make_dense_articles  # noqa: E402
from synth import make_articles  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
BASELINE_SCRIPT = ROOT.parent / "shared" / "corpus" / "baseline_mutual.py"
RUNS = 5

_MEMORY_PROBE = """
import resource, sys, tracemalloc
sys.path[:0] = [{root!r}, {bench!r}]
from synth import make_articles
from core.ingest.sources import load_text
from core.ingest.document import build_document
sources = [load_text(text, title=name) for name, text in make_articles({count}, {words})]
if {baseline!r}:
    from bench_align import baseline_links
    documents = [build_document(s, f"d{{n}}") for n, s in enumerate(sources)]
    texts, doc_of = [p.text for d in documents for p in d.passages], [n for n, d in enumerate(documents) for _ in d.passages]
    baseline_links(texts[:50], doc_of[:50])   # imports warm: the peak is the work itself
    run = lambda: baseline_links(texts, doc_of)
else:
    from core.analysis import analyze
    analyze(sources[:2])
    run = lambda: analyze(sources)
if {traced!r}:   # tracemalloc doubles the process's memory: its peak is read in a run of its own
    tracemalloc.start()
    run()
    print(tracemalloc.get_traced_memory()[1])
else:
    run()
    try:   # the high-water mark of this process image (ru_maxrss would include the parent's, from before exec)
        status = open("/proc/self/status").read()
        print(int(status.split("VmHWM:")[1].split()[0]) * 1024)
    except (OSError, IndexError):
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def memos() -> list:
    """Return every memo of the engine's loaded modules (each lru_cache-wrapped function, once)."""
    found = []
    for name, module in sorted(sys.modules.items()):
        if name != "core" and not name.startswith("core."):
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                found.append(value)
    return found


def cold() -> None:
    """Empty the text memos so that every timed run pays for reading the text.

    The memos are found, not listed: one added to any engine module is emptied too, so a cold
    figure never quietly becomes a warm one.
    """
    from core.align import features
    from core.compare import divergence

    for memo in memos():
        memo.cache_clear()
    features._GRAM_NUMBERS = features._gram_numbering()  # numbered afresh with the grams memo just emptied
    divergence._DOCUMENT_VALUES.clear()


def median_cpu(function, runs: int = RUNS) -> float:
    """Return the median CPU time of several cold calls, in seconds."""
    times = []
    for _ in range(runs):
        cold()
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def warm_cpu(function, runs: int = RUNS) -> float:
    """Return the median CPU time of calls with the text memos kept from the call before.

    Not a figure of a first analysis: what a second one of the same text costs (the window
    re-aligning after an edit), and so the floor the engine's work other than reading text sets.
    """
    function()
    times = []
    for _ in range(runs):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def comparing_cpu(sources, runs: int) -> float:
    """Return the median CPU time of the divergences and contradictions of cold runs, each timed
    right after the alignment it follows, as analyze runs them (the slots they read first are
    the fact sheet's too: this figure pays for them, the fact sheet after it does not)."""
    from core.analysis import align_stage, collector_paused
    from core.compare.divergence import find_contradictions, find_divergences

    times = []
    for _ in range(runs):
        cold()
        with collector_paused():
            claimed = align_stage(sources)
            start = time.process_time()
            for claim in claimed.claims:
                find_divergences(claim, claimed.documents)
            find_contradictions(claimed.documents)
            times.append(time.process_time() - start)
    return statistics.median(times)


def sheet_as_analyze_runs(sources, runs: int = RUNS) -> float:
    """Return the median CPU time of the fact sheet as analyze runs it: last, after the other stages.

    In each cold run the alignment, each claim's divergences and the contradictions run first (as
    core.analysis.compare_stage orders them, the collector paused throughout) and fill the text
    memos the fact sheet shares with them: the figure is what the fact sheet adds to a cold
    analysis, not what it costs alone.
    """
    from core.analysis import align_stage, collector_paused
    from core.compare.divergence import find_contradictions, find_divergences
    from core.compare.facts import build_fact_sheet

    times = []
    for _ in range(runs):
        cold()
        with collector_paused():
            claimed = align_stage(sources)
            for claim in claimed.claims:
                find_divergences(claim, claimed.documents)
            find_contradictions(claimed.documents)
            start = time.process_time()
            build_fact_sheet(claimed.documents)
            times.append(time.process_time() - start)
    return statistics.median(times)


def as_analyze_runs(function):
    """Return the function wrapped as analyze runs its stages: with the cyclic collector paused."""
    from core.analysis import collector_paused

    def run():
        with collector_paused():
            return function()

    return run


def baseline_links(
    texts: list[str], doc_of: list[int], threshold: float = 0.3, vectorised: bool = False
) -> list[list[int]]:
    """Return the groups of the TF-IDF mutual-best baseline.

    As written (the corpus's reference), each passage looks up its best match in every other
    document one at a time; `vectorised` finds the same links with one argmax per document.
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    similarity = (matrix @ matrix.T).toarray()
    docs = np.asarray(doc_of)
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if vectorised:
        bounds = [
            (int(np.searchsorted(docs, d)), int(np.searchsorted(docs, d, side="right")))
            for d in range(int(docs.max()) + 1)
        ]
        best = np.stack([low + similarity[:, low:high].argmax(axis=1) for low, high in bounds], axis=1)
        links = [
            (i, int(best[i, d]))
            for i in range(len(texts))
            for d in range(len(bounds))
            if d != doc_of[i] and similarity[i, best[i, d]] >= threshold and best[best[i, d], doc_of[i]] == i
        ]
    else:
        links = []
        for i in range(len(texts)):
            for other in set(doc_of) - {doc_of[i]}:
                those = np.where(docs == other)[0]
                j = those[np.argmax(similarity[i, those])]
                back = np.where(docs == doc_of[i])[0]
                if similarity[i, j] >= threshold and back[np.argmax(similarity[j, back])] == i:
                    links.append((i, int(j)))
    for i, j in links:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _passages(documents) -> tuple[list[str], list[int]]:
    """Return the passage texts and their document numbers."""
    return ([p.text for d in documents for p in d.passages], [n for n, d in enumerate(documents) for _ in d.passages])


def _row(
    label: str, words: int, parallax: float, baseline: float | None, note: str = "", vectorised: float | None = None
) -> None:
    """Print one table row: Parallax, baseline, ratio (and the vectorised baseline when timed)."""
    base = f"{baseline * 1000:9.1f}" if baseline is not None else "        -"
    ratio = f"{baseline / parallax:5.2f}" if baseline else "    -"
    fast = f"{vectorised * 1000:9.1f}" if vectorised is not None else "        -"
    print(f"| {label:<48} | {words:>7,} | {parallax * 1000:9.1f} | {base} | {ratio} | {fast} | {note} |")


def _words(sources) -> int:
    """Return the total word count of sources."""
    return sum(len(s.text.split()) for s in sources)


def _seed_files() -> list[Path]:
    """Return the seed articles, when they are present."""
    return sorted(p for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def _wall(command: list[str], runs: int = 5) -> float:
    """Return the median wall time of a whole command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _memory(count: int, words: int, baseline: bool) -> tuple[float, float] | None:
    """Return (max RSS MB, Python-allocated peak MB) of one analysis (or the baseline), each in a fresh process."""
    figures = []
    for traced in (False, True):
        probe = _MEMORY_PROBE.format(
            root=str(ROOT), bench=str(ROOT / "bench"), count=count, words=words, baseline=baseline, traced=traced
        )
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print("memory probe failed:", result.stderr.strip().splitlines()[-1:])
            return None
        figures.append(int(result.stdout.split()[-1]) / 2**20)
    return figures[0], figures[1]


def _pure_python(align, documents):
    """Return align(documents) on the path a process without scipy takes (vectors.use_arrays as there)."""
    from core.align import claims, vectors

    loaded = claims.use_arrays
    claims.use_arrays = lambda passages: passages > vectors.SMALL_CORPUS
    try:
        return align(documents)
    finally:
        claims.use_arrays = loaded


def _synthetic(count: int, words: int):
    """Return the sources and documents of count synthetic articles of about `words` words."""
    from core.ingest.document import build_document
    from core.ingest.sources import load_text

    sources = [load_text(text, title=name) for name, text in make_articles(count, words)]
    return sources, [build_document(s, f"d{n}") for n, s in enumerate(sources)]


def _case_rows(label: str, sources, documents, runs: int) -> float:
    """Print the rows of one input (analyze, each stage, the baseline); return analyze's time."""
    from core.align.claims import align_documents
    from core.align.vectors import SMALL_CORPUS
    from core.analysis import analyze
    from core.compare.facts import build_fact_sheet

    passages = sum(len(d.passages) for d in documents)
    words = _words(sources)
    seconds = median_cpu(lambda: analyze(sources), runs)
    aligning = median_cpu(as_analyze_runs(lambda: align_documents(documents)), runs)
    collecting = median_cpu(lambda: align_documents(documents), runs)
    sheet = median_cpu(as_analyze_runs(lambda: build_fact_sheet(documents)), runs)
    comparing = comparing_cpu(sources, runs)
    baseline = median_cpu(lambda: baseline_links(*_passages(documents)), runs)
    vectorised = median_cpu(lambda: baseline_links(*_passages(documents), vectorised=True), runs)
    _row(f"{label}: analyze", words, seconds, baseline, f"{passages} passages", vectorised)
    _row(f"{label}: alignment alone", words, aligning, baseline, "", vectorised)
    _row(f"{label}: alignment, collector on", words, collecting, baseline, "", vectorised)
    if passages <= SMALL_CORPUS:
        # The baseline imported scipy, so the rows above took the array path; a fresh
        # `parallax align` process has not, and aligns this many passages in pure Python.
        fresh = median_cpu(as_analyze_runs(lambda: _pure_python(align_documents, documents)), runs)
        _row(f"{label}: alignment, as a fresh command", words, fresh, baseline, "pure-Python path")
    _row(f"{label}: fact sheet alone", words, sheet, None, "part of analyze")
    _row(f"{label}: divergences + contradictions", words, comparing, None, "after the alignment")
    _row(
        f"{label}: fact sheet, as analyze runs it",
        words,
        sheet_as_analyze_runs(sources, runs),
        None,
        "after the other stages",
    )
    return seconds


def _dense(count: int, words: int):
    """Return the sources and documents of count dense articles (bench/dense_news.py) of about `words` words."""
    from core.ingest.document import build_document
    from core.ingest.sources import load_text

    sources = [load_text(text, title=name) for name, text in make_dense_articles(count, words)]
    return sources, [build_document(s, f"d{n}") for n, s in enumerate(sources)]


def main(quick: bool) -> int:
    """Print the table, the growth exponents and the memory figures."""
    from core.align.claims import align_documents
    from core.analysis import analyze
    from core.compare.facts import build_fact_sheet
    from core.ingest.document import build_document
    from core.ingest.sources import load_paths

    print("| input | words | Parallax ms | baseline ms | ratio | vectorised baseline ms | note |")
    print("|---|---:|---:|---:|---:|---:|---|")
    seeds = _seed_files()
    if len(seeds) >= 2:
        sources, _ = load_paths([str(f) for f in seeds])
        documents = [build_document(s, f"d{n}") for n, s in enumerate(sources)]
        analyze(sources)
        baseline_links(*_passages(documents))
        _row(
            "seeds: analyze, in process",
            _words(sources),
            median_cpu(lambda: analyze(sources), 9),
            median_cpu(lambda: baseline_links(*_passages(documents)), 9),
            f"{len(sources)} articles, CPU",
            median_cpu(lambda: baseline_links(*_passages(documents), vectorised=True), 9),
        )
        _row(
            "seeds: analyze, text memos warm",
            _words(sources),
            warm_cpu(lambda: analyze(sources), 9),
            None,
            "a second analysis of the same text",
        )
        # Where a cold run's time goes: each stage alone pays for the text it reads first.
        _row("seeds: alignment alone", _words(sources), median_cpu(lambda: align_documents(documents), 9), None)
        _row("seeds: fact sheet alone", _words(sources), median_cpu(lambda: build_fact_sheet(documents), 9), None)
        _row(
            "seeds: divergences + contradictions",
            _words(sources),
            comparing_cpu(sources, 9),
            None,
            "after the alignment",
        )
        _row(
            "seeds: fact sheet, as analyze runs it",
            _words(sources),
            sheet_as_analyze_runs(sources, 9),
            None,
            "after the other stages",
        )
        cli = _wall([sys.executable, str(ROOT / "app.py"), "align", *map(str, seeds), "--json"])
        base_cli = (
            _wall([sys.executable, str(BASELINE_SCRIPT), *map(str, seeds)]) if BASELINE_SCRIPT.is_file() else None
        )
        _row(
            "seeds: whole `parallax align` command",
            _words(sources),
            cli,
            base_cli,
            "wall, start-up included; baseline: the corpus's baseline_mutual.py",
        )
    else:
        print("| seeds | - | - | - | - | - | not present |")
    timed: dict[tuple[int, int], float] = {}
    for count in (5, 20) if quick else (5, 20, 50):
        sources, documents = _synthetic(count, 3000)
        timed[(count, 3000)] = _case_rows(f"{count} x 3,000", sources, documents, 3 if count < 50 else 1)
    # The hard case: articles built from many near-duplicate sentences (large claims, thousands of
    # contradictions inside one source), as the window's dense benchmarks use.
    sources, documents = _dense(20, 3000)
    _case_rows("dense 20 x 3,000", sources, documents, 3)
    if not quick:
        for words in (1500, 6000):
            sources, _ = _synthetic(10, words)
            timed[(10, words)] = median_cpu(lambda: analyze(sources), 3)
            _row(f"10 x {words:,}: analyze", _words(sources), timed[(10, words)], None, "growth in words")
    print("\nGrowth exponents (time ~ size^k; 1.0 is linear):")
    for a, b in (((5, 3000), (20, 3000)), ((20, 3000), (50, 3000)), ((10, 1500), (10, 6000))):
        if a in timed and b in timed:
            size = (b[0] * b[1]) / (a[0] * a[1])
            what = "articles" if a[1] == b[1] else "words per article"
            print(
                f"  {a[0]} x {a[1]:,} -> {b[0]} x {b[1]:,} ({what}): "
                f"k = {math.log(timed[b] / timed[a]) / math.log(size):.2f}"
            )
    if not quick:
        mine, theirs = _memory(50, 3000, False), _memory(50, 3000, True)
        if mine and theirs:
            print(
                f"\nMemory at 50 x 3,000: Parallax {mine[0]:.0f} MB max RSS ({mine[1]:.0f} MB allocated by "
                f"the analysis); baseline {theirs[0]:.0f} MB max RSS ({theirs[1]:.0f} MB allocated)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv[1:]))
