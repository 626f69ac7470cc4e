"""Measure the engine on the development corpus (in-sample and leave-one-event-out), the seeds and the demo.

The corpus is the evidence; the seeds are a read of known articles; the demo is a smoke test.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"
EXPECTATIONS = Path(__file__).resolve().parent / "seed_expectations.json"
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def table(headers, rows):
    """Return rows as a plain text table with aligned columns."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ratio(hit, total):
    """Return 'hit/total (pct%)', or 'n/a' when there is nothing to count."""
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "n/a"


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def find_all(text, phrase):
    """Return every (start, end) where phrase occurs in text."""
    spans, at = [], text.find(phrase)
    while at >= 0:
        spans.append((at, at + len(phrase)))
        at = text.find(phrase, at + 1)
    return spans


def load_engine():
    """Return (analyze, load_path), or print what is missing and exit 1."""
    try:
        from core.analysis import analyze
        from core.ingest.sources import load_path
        import core.compare.divergence  # noqa: F401  (analyze imports it lazily)
        import core.ingest.document  # noqa: F401
    except ImportError as error:
        print(f"engine API missing: {error}")
        sys.exit(1)
    return analyze, load_path


def run(analyze, load_path, paths):
    """Return the alignment of the files and the milliseconds the analysis took."""
    sources = [load_path(str(p)) for p in paths]
    started = time.perf_counter()
    alignment = analyze(sources)
    return alignment, 1000 * (time.perf_counter() - started)


class Located:
    """Finds planted texts and engine variants in the documents of one alignment."""

    def __init__(self, alignment, files):
        self.alignment = alignment
        self.index = {name: n for n, name in enumerate(files)}

    def doc(self, file):
        return self.alignment.documents[self.index[file]]

    def spans(self, file, text):
        return find_all(self.doc(file).source.text, text)

    def variant_hits(self, variants, file, text):
        """Tell whether any engine variant lies over an occurrence of text in file."""
        doc_id = self.doc(file).id
        return any(
            v.passage.split(":")[0] == doc_id and overlaps(v.start, v.end, s, e)
            for v in variants
            for s, e in self.spans(file, text)
        )

    def covers(self, variants, planted):
        """Tell whether every distinct planted wording is overlapped by one of the variants."""
        groups = defaultdict(list)
        for item in planted:
            groups[item["text"].lower()].append(item)
        return all(any(self.variant_hits(variants, i["file"], i["text"]) for i in group) for group in groups.values())

    def boilerplate_covers(self, file, text):
        """Tell whether some boilerplate span of the file contains an occurrence of text."""
        return any(b.start <= s and b.end >= e for b in self.doc(file).boilerplate for s, e in self.spans(file, text))


def gold_items(planted):
    """Return {item id: (file, text, kind, claim)} for every annotated sentence of the demo."""
    items = {}
    for claim in planted["claims"]:
        for n, member in enumerate(claim["members"]):
            items[f"{claim['id']}.{n}"] = (member["file"], member["text"], "claim", claim["id"])
    for n, entry in enumerate(planted["unique"]):
        items[f"u{n}"] = (entry["file"], entry["text"], "unique", None)
    return items


def passage_items(located, items):
    """Map each passage id to the gold item it overlaps most (over half the shorter of the two)."""
    spans = [(key, located.doc(f).id, *located.spans(f, t)[0]) for key, (f, t, _, _) in items.items()]
    mapping = {}
    for document in located.alignment.documents:
        for p in document.passages:
            best, best_overlap = None, 0
            for key, doc_id, start, end in spans:
                if doc_id != document.id:
                    continue
                shared = min(p.end, end) - max(p.start, start)
                if shared > 0.5 * min(p.end - p.start, end - start) and shared > best_overlap:
                    best, best_overlap = key, shared
            if best is not None:
                mapping[p.id] = best
    return mapping


def link_scores(located, items, mapping):
    """Return (true, predicted, gold) counts of cross-source pairs of gold items."""
    gold = set()
    by_claim = defaultdict(list)
    for key, (file, _, kind, claim) in items.items():
        if kind == "claim":
            by_claim[claim].append((key, file))
    for members in by_claim.values():
        gold |= {frozenset((a, b)) for (a, fa), (b, fb) in combinations(members, 2) if fa != fb}
    predicted = set()
    for claim in located.alignment.claims:
        mapped = [(mapping[p], p.split(":")[0]) for p in claim.members if p in mapping]
        predicted |= {frozenset((a, b)) for (a, da), (b, db) in combinations(mapped, 2) if da != db and a != b}
    return len(predicted & gold), len(predicted), len(gold)


def evaluate_demo(analyze, load_path):
    """Print the demo case's scores against planted.json."""
    planted = json.loads((SAMPLES / "planted.json").read_text(encoding="utf-8"))
    files = [s["file"] for s in planted["sources"]]
    alignment, elapsed = run(analyze, load_path, [SAMPLES / f for f in files])
    located = Located(alignment, files)
    items = gold_items(planted)
    mapping = passage_items(located, items)
    divergences = alignment.divergences()
    words = sum(len(d.source.text.split()) for d in alignment.documents)
    print(
        f"DEMO CASE: {len(files)} sources, {words} words, analyze() {elapsed:.0f} ms, "
        f"{len(alignment.claims)} claims, {len(divergences)} divergences, "
        f"{len(alignment.unique)} unique passages\n"
    )

    true, predicted, gold = link_scores(located, items, mapping)
    unmapped = sum(len(d.passages) for d in alignment.documents) - len(mapping)
    print(
        table(
            ["links", "value"],
            [
                ["precision (pairs in one claim that are gold pairs)", ratio(true, predicted)],
                ["recall (gold pairs found in one claim)", ratio(true, gold)],
                ["passages not matched to an annotated sentence", unmapped],
            ],
        )
    )

    rows, by_type = [], defaultdict(lambda: [0, 0])
    for item in planted["divergences"]:
        exact = [d for d in divergences if d.type == item["type"] and located.covers(d.variants, item["variants"])]
        other = [d.type for d in divergences if d.type != item["type"] and located.covers(d.variants, item["variants"])]
        status = "found" if exact else (f"wrong type ({', '.join(sorted(set(other)))})" if other else "MISSED")
        by_type[item["type"]][0] += bool(exact)
        by_type[item["type"]][1] += 1
        rows.append(
            [
                item["id"],
                item["type"],
                item["claim"],
                " / ".join(dict.fromkeys(v["text"] for v in item["variants"])),
                status,
            ]
        )
    print("\n" + table(["planted", "type", "claim", "variants", "result"], rows))
    hit = sum(v[0] for v in by_type.values())
    print(
        "\n"
        + table(
            ["type", "recall"],
            [[t, ratio(*by_type[t])] for t in by_type] + [["all", ratio(hit, len(planted["divergences"]))]],
        )
    )

    rows, false_total = [], 0
    for item in planted["non_divergences"]:
        false = {
            (d.type, v.text)
            for d in divergences
            for t in item["texts"]
            for v in d.variants
            if located.variant_hits([v], t["file"], t["text"])
        }
        false_total += bool(false)
        rows.append([item["claim"], item["why"], "; ".join(f"{k}: {x!r}" for k, x in sorted(false)) or "none"])
    print("\n" + table(["non-divergence", "why", "false divergences"], rows))
    print(f"false divergences on planted non-divergences: {false_total} of {len(rows)}")

    gold_unique = {k for k, v in items.items() if v[2] == "unique"}
    predicted_unique = {mapping[p] for p in alignment.unique if p in mapping}
    print(
        "\n"
        + table(
            ["unique passages", "value"],
            [
                [
                    "precision (reported unique that are gold unique)",
                    ratio(len(predicted_unique & gold_unique), len(predicted_unique)),
                ],
                ["recall (gold unique reported unique)", ratio(len(predicted_unique & gold_unique), len(gold_unique))],
            ],
        )
    )

    rows = []
    for item in planted["contradictions"]:
        found = [
            c
            for c in alignment.contradictions
            if c.type == item["type"] and all(located.variant_hits(c.variants, item["file"], t) for t in item["texts"])
        ]
        rows.append([item["file"], item["type"], " / ".join(item["texts"]), "found" if found else "MISSED"])
    print("\n" + table(["contradiction", "type", "texts", "result"], rows))
    extra = len(alignment.contradictions) - sum(r[-1] == "found" for r in rows)
    print(f"other contradictions reported: {extra}")

    covered = [located.boilerplate_covers(b["file"], b["text"]) for b in planted["boilerplate"]]
    print(
        f"\nboilerplate lines covered: {ratio(sum(covered), len(covered))}"
        + "".join(f"\n  missed: {b['file']}: {b['text']!r}" for b, ok in zip(planted["boilerplate"], covered) if not ok)
    )


def evaluate_seeds(analyze, load_path):
    """Print what the engine finds in ../shared/seeds against bench/seed_expectations.json."""
    if not SEEDS.is_dir():
        print("\nSEEDS: ../shared/seeds not present, skipped")
        return
    expected = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    alignment, elapsed = run(analyze, load_path, [SEEDS / f for f in files])
    located = Located(alignment, files)
    divergences = alignment.divergences()
    print(
        f"\n\nSEEDS: {len(files)} articles, analyze() {elapsed:.0f} ms, {len(alignment.claims)} claims, "
        f"{len(divergences)} divergences, {len(alignment.unique)} unique, "
        f"{len(alignment.contradictions)} contradictions\n"
    )

    def as_planted(entries):
        return [{"file": e["file"], "text": e["phrase"]} for e in entries]

    rows = []
    for item in expected["divergences"]:
        want = as_planted(item["variants"])
        exact = [d for d in divergences if d.type == item["type"] and located.covers(d.variants, want)]
        other = sorted({d.type for d in divergences if located.covers(d.variants, want)} - {item["type"]})
        rows.append(
            [
                item["id"],
                item["type"],
                item["what"],
                "found" if exact else (f"wrong type ({', '.join(other)})" if other else "MISSED"),
            ]
        )
    for item in expected["non_divergences"]:
        false = sorted(
            {
                d.type
                for d in divergences
                for t in as_planted(item["texts"])
                if located.variant_hits(d.variants, t["file"], t["text"])
            }
        )
        rows.append([item["id"], "none", item["what"], f"FLAGGED ({', '.join(false)})" if false else "ok, not flagged"])
    for item in expected["contradictions"]:
        found = [
            c
            for c in alignment.contradictions
            if c.doc == located.doc(item["file"]).id
            and all(located.variant_hits(c.variants, item["file"], p) for p in item["phrases"])
        ]
        typed = [c for c in found if c.type == item["type"]]
        rows.append(
            [
                item["id"],
                f"contradiction/{item['type']}",
                item["what"],
                "found" if typed else (f"wrong type ({found[0].type})" if found else "MISSED"),
            ]
        )
    unique = set(alignment.unique)
    for item in expected["unique"]:
        document = located.doc(item["file"])
        (start, end), *_ = located.spans(item["file"], item["phrase"])
        holders = [p.id for p in document.passages if overlaps(p.start, p.end, start, end)]
        rows.append(
            [item["id"], "unique", item["what"], "found" if holders and all(h in unique for h in holders) else "MISSED"]
        )
    for n, item in enumerate(expected["boilerplate"]):
        rows.append(
            [
                f"b{n}",
                "boilerplate",
                f"{item['file'][:3]}: {item['phrase']!r}",
                "found" if located.boilerplate_covers(item["file"], item["phrase"]) else "MISSED",
            ]
        )
    print(table(["id", "type", "expectation", "result"], rows))
    found = sum(r[-1] in ("found", "ok, not flagged") for r in rows)
    print(f"seed expectations met: {ratio(found, len(rows))}")


def _prf(counts) -> str:
    """Return 'P R F1' of link counts."""
    from corpus_gold import f1

    return "{:.2f} {:.2f} {:.2f}".format(*f1(counts))


def evaluate_corpus() -> None:
    """Print link and boilerplate figures on ../shared/corpus, fitted figures next to leave-one-event-out ones."""
    from corpus_gold import CORPUS, boilerplate_counts, events
    from fit_linker import COSINE_ONLY, figures, prepare, total

    found = events()
    if not found:
        print(f"CORPUS: {CORPUS.name} not present, skipped\n")
        return
    started = time.perf_counter()
    prepared = [prepare(e) for e in found]
    model, inside, outside = figures(prepared)
    _, base_inside, base_outside = figures(prepared, COSINE_ONLY)
    print(
        f"CORPUS: {len(found)} events, {sum(len(e.files) for e in found)} articles (fit and scored in "
        f"{time.perf_counter() - started:.0f} s)\n"
    )
    print("Links (P R F1, score.py's rule). Fitted: the linker's weights and its threshold. 'held out':")
    print("fitted on the other events, scored on this one. 'cosine only': the same clustering with a")
    print("linker that sees only the TF-IDF cosine, fitted the same way.\n")
    rows = [
        [name, _prf(inside[name]), _prf(outside[name]), _prf(base_inside[name]), _prf(base_outside[name])]
        for name in inside
    ]
    rows.append(
        [
            "all (micro)",
            _prf(total(inside.values())),
            _prf(total(outside.values())),
            _prf(total(base_inside.values())),
            _prf(total(base_outside.values())),
        ]
    )
    print(table(["event", "fitted", "held out", "cosine only", "cosine held out"], rows))
    print(
        f"\nfitted on all events: threshold {model['link']}, "
        + ", ".join(f"{n} {w:+.2f}" for n, w in zip(model["features"], model["weights"]))
    )

    rows, sums = [], [0, 0, 0]
    for p in prepared:
        right, marked, gold = boilerplate_counts(p.event, p.documents)
        sums = [sums[0] + right, sums[1] + marked, sums[2] + gold]
        rows.append([p.event.name, len(p.event.gold["boilerplate"]), ratio(right, gold), ratio(right, marked)])
    rows.append(
        [
            "all",
            sum(len(p.event.gold["boilerplate"]) for p in prepared),
            ratio(sums[0], sums[2]),
            ratio(sums[0], sums[1]),
        ]
    )
    print("\nBoilerplate (characters; rules by shape, nothing fitted, so held out = fitted):\n")
    print(table(["event", "gold lines", "recall", "precision"], rows))
    print("\n")


def main() -> int:
    """Run the three evaluations and print their tables."""
    analyze, load_path = load_engine()
    try:
        evaluate_corpus()
        evaluate_seeds(analyze, load_path)
        print("\n")
        evaluate_demo(analyze, load_path)
    except ImportError as error:  # analyze imports parts of the engine lazily
        print(f"engine API missing: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
