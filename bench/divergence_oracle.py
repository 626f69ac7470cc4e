"""Score the divergence step alone: claims built from the corpus gold clusters, not the aligner's.

Prints, per event of ../shared/corpus, what score.py prints for divergences (found, typed, flags,
precision of the top ten, form-only false flags) when every gold cluster is one claim, so a change
to core/compare shows its effect whatever the alignment does. Run: .venv/bin/python bench/divergence_oracle.py [-v]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def load_scorer():
    """Import the shared corpus scorer (plain python, no project imports)."""
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_claims(gold, documents, score, find_divergences, claim_type):
    """Return one claim per gold cluster over the passages covering its sentences."""
    by_name = {Path(d.source.path).name: d for d in documents}
    claims = []
    for number, cluster in enumerate(gold["clusters"]):
        members = []
        for sid in sorted({s for pair in cluster["strong"] + cluster["weak"] for s in pair}):
            sentence = gold["sentences"][sid]
            for passage in by_name[sentence["file"]].passages:
                covered = score.overlap(passage.start, passage.end, sentence["start"], sentence["end"])
                if covered and (
                    covered >= 0.5 * (sentence["end"] - sentence["start"])
                    or covered >= 0.5 * (passage.end - passage.start)
                ):
                    members.append(passage.id)
        members = tuple(dict.fromkeys(members))
        if len({m.split(":")[0] for m in members}) < 2:
            continue
        claim = claim_type(f"c{number}", f"k{number}", 0.5, members, (), members[0])
        claims.append(replace(claim, divergences=find_divergences(claim, documents)))
    return tuple(claims)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}")
        return 2
    from core.analysis import analyze
    from core.compare.divergence import find_divergences
    from core.export.contract import alignment_to_json
    from core.ingest.sources import load_paths
    from core.model import Claim

    score = load_scorer()
    verbose = "-v" in sys.argv
    totals: dict[str, int] = {}
    for event in score.corpus_events(CORPUS):
        gold = json.loads((CORPUS / event / "gold.json").read_text(encoding="utf-8"))
        sources, _ = load_paths([str(CORPUS / event / f) for f in gold["files"]])
        alignment = analyze(sources)
        alignment = replace(alignment, claims=gold_claims(gold, alignment.documents, score, find_divergences, Claim))
        result = json.loads(json.dumps(alignment_to_json(alignment)))
        divs = score.divergence_scores(gold, result)
        row = {
            "found": divs["found"],
            "typed": divs["typed"],
            "gold": divs["gold"],
            "flagged": divs["flagged"],
            "p10": divs["p10_strict"],
            "p10_n": divs["p10_n"],
            "form_only_ff": len(divs["false_flags"]),
            "form_only": divs["form_only_pairs"],
        }
        for key, value in row.items():
            totals[key] = totals.get(key, 0) + value
        print(
            f"{event:<22} found {row['found']}/{row['gold']}  typed {row['typed']}/{row['gold']}  "
            f"flagged {row['flagged']:>3}  P@10 {row['p10']}/{row['p10_n']}  "
            f"form-only FF {row['form_only_ff']}/{row['form_only']}"
        )
        if verbose:
            for item in divs["rows"]:
                mark = "TYPED" if item["typed"] else "FOUND" if item["found"] else "MISS "
                print(f"   {mark} {item['type']:<11} {item['description'][:70]}")
            for flag in divs["top10"]:
                print(
                    f"   {'real' if flag['real'] else '----'} {flag['rank']:.3f} {flag['type']:<11} "
                    f"{flag['summary'][:90]}"
                )
    t = totals
    print(
        f"{'ALL (gold clusters)':<22} found {t['found']}/{t['gold']}  typed {t['typed']}/{t['gold']}  "
        f"flagged {t['flagged']:>3}  P@10 {t['p10']}/{t['p10_n']}  form-only FF {t['form_only_ff']}/{t['form_only']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
