"""Print the shipped linker's corpus link figures when each event's articles come in other orders.

The claims depend on the order the articles are given in: a passage chooses its candidate pairs
among the passages of the articles before it (vectors.candidates), so the first article's
passages are found only by later ones. The shared scorer gives the articles in its gold order;
a checker drops them in any order. This prints that order's figures next to random ones.
`python bench/order_sensitivity.py [--orders N]` (default 8 orders, the scorer's first).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus_gold import events, f1  # noqa: E402
from fit_linker import evaluate, prepare, total  # noqa: E402

from core.align.linker import LINKER  # noqa: E402


def shuffled(event, seed: int):
    """Return the event with its articles in a random order (seed 0: the gold order)."""
    order = list(range(len(event.files)))
    if seed:
        random.Random(seed).shuffle(order)
    return replace(event, files=[event.files[k] for k in order], sources=[event.sources[k] for k in order])


def main() -> int:
    """Print P / R / F1 over the corpus for each order, then the spread of F1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=8, help="orders to try, the scorer's gold order first")
    args = parser.parse_args()
    found = events()
    if not found:
        print("no corpus at ../shared/corpus")
        return 1
    scores = []
    print("order            P     R     F1")
    for seed in range(args.orders):
        counts = total(evaluate(prepare(shuffled(e, seed)), LINKER) for e in found)
        p, r, f = f1(counts)
        scores.append(f)
        print(f"{'gold (scorer)' if seed == 0 else f'random {seed}':<14} {p:.3f} {r:.3f} {f:.3f}")
    print(
        f"\nlink F1 over {len(scores)} orders: mean {statistics.mean(scores):.3f}, "
        f"min {min(scores):.3f}, max {max(scores):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
