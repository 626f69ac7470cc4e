"""Read the development corpus (../shared/corpus) and score alignments against its gold, as score.py does."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


@dataclass
class Event:
    """One corpus event: its sources in gold order and its gold annotations."""

    name: str
    files: list[str]
    sources: list
    gold: dict


def events(corpus: Path = CORPUS) -> list[Event]:
    """Return every event of the corpus that has a gold.json, in name order."""
    from core.ingest.sources import load_path

    found = []
    for gold_path in sorted(corpus.glob("*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        files = list(gold["files"])
        sources = [load_path(gold_path.parent / f) for f in files]
        found.append(Event(gold_path.parent.name, files, sources, gold))
    return found


def _overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def covering(passages, s0, s1) -> list[str]:
    """Return the ids of the passages covering a gold range (overlap at least half of either)."""
    out = []
    for p in passages:
        shared = _overlap(p.start, p.end, s0, s1)
        if shared and (shared >= 0.5 * (s1 - s0) or shared >= 0.5 * (p.end - p.start)):
            out.append(p.id)
    return out


def sentence_map(event: Event, documents) -> dict[str, set[str]]:
    """Map each passage id to the gold sentence ids it covers (headings left out)."""
    by_file = {f: d for f, d in zip(event.files, documents)}
    mapping: dict[str, set[str]] = {}
    for sid, s in event.gold["sentences"].items():
        if s.get("heading"):
            continue
        for pid in covering(by_file[s["file"]].passages, s["start"], s["end"]):
            mapping.setdefault(pid, set()).add(sid)
    return mapping


def gold_links(event: Event) -> tuple[set, set]:
    """Return the strong and the weak (not strong) gold sentence pairs."""
    strong = {tuple(sorted(p)) for c in event.gold["clusters"] for p in c["strong"]}
    weak = {tuple(sorted(p)) for c in event.gold["clusters"] for p in c["weak"]} - strong
    return strong, weak


def link_counts(event: Event, documents, claims) -> tuple[int, int, int, int]:
    """Return (predicted, right, strong found, strong) sentence links, score.py's rule."""
    mapping = sentence_map(event, documents)
    sentences = event.gold["sentences"]
    predicted = set()
    for claim in claims:
        covered = {sid for m in claim.members for sid in mapping.get(m, ())}
        for a, b in combinations(sorted(covered), 2):
            if sentences[a]["file"] != sentences[b]["file"]:
                predicted.add((a, b))
    strong, weak = gold_links(event)
    return len(predicted), len(predicted & (strong | weak)), len(predicted & strong), len(strong)


def f1(counts) -> tuple[float, float, float]:
    """Return (P, R, F1) from summed link counts."""
    predicted, right, found, strong = counts
    p = right / predicted if predicted else 0.0
    r = found / strong if strong else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def boilerplate_counts(event: Event, documents) -> tuple[int, int, int]:
    """Return (gold characters marked, characters marked, gold characters) of boilerplate."""
    by_file = {f: d for f, d in zip(event.files, documents)}
    gold = event.gold["boilerplate"]
    right = sum(_overlap(x.start, x.end, b["start"], b["end"]) for b in gold for x in by_file[b["file"]].boilerplate)
    marked = sum(x.end - x.start for d in documents for x in d.boilerplate)
    return right, marked, sum(b["end"] - b["start"] for b in gold)
