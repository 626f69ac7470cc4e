"""Print the shipped linker's corpus link figures when each event's articles come in other orders.

The claims depend on the order the articles are given in: a passage chooses its candidate pairs
among the passages of the articles before it (vectors.candidates), so the first article's
passages are found only by later ones. The shared scorer gives the articles in its gold order;
a checker drops them in any order. This prints that order's figures next to random ones; with --scorer, the shared scorer's own
figures too (link F1, gold divergences found, top-ten flags real, form-only pairs flagged), from
`parallax align --json` run on the articles in each order.
`python bench/order_sensitivity.py [--orders N] [--scorer]` (default 8 orders, the scorer's first).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus_gold import CORPUS, events, f1  # noqa: E402
from fit_linker import evaluate, prepare, total  # noqa: E402

from core.align.linker import LINKER  # noqa: E402


def shuffled(event, seed: int):
    """Return the event with its articles in a random order (seed 0: the gold order)."""
    order = list(range(len(event.files)))
    if seed:
        random.Random(seed).shuffle(order)
    return replace(event, files=[event.files[k] for k in order], sources=[event.sources[k] for k in order])


def scorer_figures(found, seed: int, score) -> str:
    """Return the shared scorer's figures over every event, its articles in the seed's order."""
    cli = ROOT / ".venv" / "bin" / "parallax"
    command = [str(cli)] if cli.exists() else [sys.executable, str(ROOT / "app.py")]
    totals = dict.fromkeys(("pred", "right", "linked", "strong", "found", "gold", "real", "top", "form"), 0)
    for event in found:
        files = [str(CORPUS / event.name / name) for name in shuffled(event, seed).files]
        run = subprocess.run([*command, "align", *files, "--json"], capture_output=True, text=True, check=True)
        result = json.loads(run.stdout)
        links, flags = score.link_scores(event.gold, result), score.divergence_scores(event.gold, result)
        for key, value in (
            ("pred", links["pred_links"]),
            ("right", round(links["P"] * links["pred_links"])),
            ("linked", round(links["R"] * links["strong"])),
            ("strong", links["strong"]),
            ("found", flags["found"]),
            ("gold", flags["gold"]),
            ("real", flags["p10_strict"]),
            ("top", flags["p10_n"]),
            ("form", len(flags["false_flags"])),
        ):
            totals[key] += value
    _, _, link_f1 = f1((totals["pred"], totals["right"], totals["linked"], totals["strong"]))
    return (
        f"  scorer: link F1 {link_f1:.3f}, found {totals['found']}/{totals['gold']}, "
        f"top ten real {totals['real']}/{totals['top']}, form-only flagged {totals['form']}"
    )


def load_scorer():
    """Return the shared scorer (../shared/corpus/score.py) as a module, read at run time."""
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    """Print P / R / F1 over the corpus for each order, then the spread of F1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=8, help="orders to try, the scorer's gold order first")
    parser.add_argument("--scorer", action="store_true", help="also the shared scorer's figures (runs the CLI)")
    args = parser.parse_args()
    found = events()
    if not found:
        print("no corpus at ../shared/corpus")
        return 1
    scores = []
    score = load_scorer() if args.scorer else None
    print("order            P     R     F1")
    for seed in range(args.orders):
        counts = total(evaluate(prepare(shuffled(e, seed)), LINKER) for e in found)
        p, r, f = f1(counts)
        scores.append(f)
        print(f"{'gold (scorer)' if seed == 0 else f'random {seed}':<14} {p:.3f} {r:.3f} {f:.3f}")
        if score:
            print(scorer_figures(found, seed, score), flush=True)
    print(
        f"\nlink F1 over {len(scores)} orders: mean {statistics.mean(scores):.3f}, "
        f"min {min(scores):.3f}, max {max(scores):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
