"""Print what each per-passage text reader costs in a cold run, next to the whole analysis and the TF-IDF baseline.

Each reader is timed alone over every passage with all text memos emptied (so it pays for the
memos it reads too: the tokens pay for find_numbers, the slots' values for find_quantities),
with the garbage collector paused as analyze() pauses it.
The shares say where a cold `analyze()` spends its time and what a shared reading could save
at most. `python bench/bench_readers.py [--quick]` (--quick: the seeds only).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_align import _passages, _seed_files, _synthetic, baseline_links, median_cpu  # noqa: E402


def readers() -> dict:
    """Return {label: function of the passage texts} for the readers that read every passage."""
    from core.compare.facts import people
    from core.compare.facts.quantity_matches import quantity_matches
    from core.compare.slots import _document_only, value_slots
    from core.compare.slots_times import find_times
    from core.ingest.gates import lower_words
    from core.ingest.numbers import find_numbers
    from core.ingest.textnorm import match_terms, tokens

    return {
        "lower_words (the readers' gate)": lambda texts: [lower_words(t) for t in texts],
        "find_numbers": lambda texts: [find_numbers(t) for t in texts],
        "tokens (words and numbers, keyed)": lambda texts: [tokens(t) for t in texts],
        "match_terms (tokens, names damped)": lambda texts: [match_terms(t) for t in texts],
        "value_slots (quantities, times, what they count)": lambda texts: [value_slots(t) for t in texts],
        "  of which find_times": lambda texts: [find_times(t) for t in texts],
        "institutions, titles, modalities (slots)": lambda texts: [_document_only(t) for t in texts],
        "fact sheet: quantity_matches": lambda texts: [list(quantity_matches(t)) for t in texts],
        "fact sheet: people's tokens": lambda texts: [people._tokens(t) for t in texts],
        "fact sheet: people's names": lambda texts: [people._names(t) for t in texts],
    }


def report(label: str, sources, documents, runs: int) -> None:
    """Print the cold cost of each reader over the documents' passages, with the analysis and the baseline."""
    from core.analysis import analyze, collector_paused

    texts, doc_of = _passages(documents)
    analyze(sources[:2])
    baseline_links(texts[:50], doc_of[:50])  # imports warm
    whole = median_cpu(lambda: analyze(sources), runs)
    baseline = median_cpu(lambda: baseline_links(texts, doc_of), runs)
    print(f"\n{label}: {len(texts)} passages; cold analyze {whole * 1000:.1f} ms, baseline {baseline * 1000:.1f} ms")
    print("| reader | ms | share of analyze |")
    print("|---|---:|---:|")
    for name, read in readers().items():
        with collector_paused():
            cost = median_cpu(lambda: read(texts), runs)
        print(f"| {name} | {cost * 1000:.2f} | {cost / whole:.1%} |")


def main(quick: bool) -> int:
    """Print the tables for the seeds and (unless quick) 20 synthetic articles of 3,000 words."""
    from core.ingest.document import build_document
    from core.ingest.sources import load_paths

    seeds = _seed_files()
    if len(seeds) >= 2:
        sources, _ = load_paths([str(f) for f in seeds])
        report("seeds", sources, [build_document(s, f"d{n}") for n, s in enumerate(sources)], 9)
    if not quick:
        report("20 x 3,000", *_synthetic(20, 3000), 3)
    return 0


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv[1:]))
