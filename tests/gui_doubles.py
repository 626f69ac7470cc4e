"""Test doubles for the window tests: sources from strings and a small deterministic aligner.

The double groups sentences that start with the same two words and reports the first differing
word of a claim as a divergence, so a test knows every id, offset and key in advance.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from dataclasses import replace

from core.errors import Cancelled
from core.model import Alignment, Claim, Divergence, Document, Link, Passage, Source, Span, Variant

SENTENCE = re.compile(r"[^.!?]+[.!?]")


def make_source(key: str, text: str, outlet: str = "") -> Source:
    """Return a Source for a test text."""
    return Source(
        key=key,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        kind="txt",
        path=f"{key}.txt",
        title=f"Story {key}",
        outlet=outlet or key.upper(),
        published="2026-11-20",
    )


def _document(source: Source, doc_id: str) -> Document:
    boiler, passages = [], []
    for m in SENTENCE.finditer(source.text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        text = source.text[start : m.end()]
        if text.startswith("Also Read"):
            boiler.append(Span(start, m.end(), text))
            continue
        passages.append(Passage(f"{doc_id}:p{len(passages)}", doc_id, len(passages), start, m.end(), text))
    return Document(doc_id, source, tuple(passages), tuple(boiler))


def fake_analyze(sources, edits=(), progress=None, should_cancel=None, delay=0.0) -> Alignment:
    """Align by the first two words of each sentence; report the first differing word."""
    if delay:
        time.sleep(delay)
    if should_cancel is not None and should_cancel():
        raise Cancelled("stopped")
    docs = tuple(_document(s, f"d{i}") for i, s in enumerate(sources))
    groups: dict[tuple, list[Passage]] = {}
    for doc in docs:
        for p in doc.passages:
            head = tuple(p.text.lower().split()[:2])
            if not any(q.doc == p.doc for q in groups.get(head, [])):
                groups.setdefault(head, []).append(p)
    claims, unique = [], []
    for members in groups.values():
        if len(members) < 2:
            unique.append(members[0].id)
            continue
        cid = f"c{len(claims)}"
        divs = []
        words = [[(m.start(), m.group()) for m in re.finditer(r"\S+", p.text)] for p in members]
        for i in range(min(len(w) for w in words)):
            column = {w[i][1].strip(".,") for w in words}
            if len(column) > 1:
                variants = tuple(
                    Variant(p.id, p.start + w[i][0], p.start + w[i][0] + len(w[i][1].strip(".,")), w[i][1].strip(".,"))
                    for p, w in zip(members, words)
                )
                kind = "number" if any(ch.isdigit() for ch in "".join(column)) else "time"
                key = hashlib.sha1((kind + "|".join(sorted(column))).encode()).hexdigest()[:12]
                divs.append(
                    Divergence(key, cid, kind, 0.9 if kind == "number" else 0.6, " vs ".join(sorted(column)), variants)
                )
                break
        ckey = hashlib.sha1("|".join(p.text for p in members).encode()).hexdigest()[:12]
        links = tuple(Link(members[0].id, m.id, 1.0) for m in members[1:])
        claims.append(Claim(cid, ckey, 1.0, tuple(p.id for p in members), links, members[0].id, tuple(divs)))
    if progress is not None:
        progress(1.0)
    return Alignment(docs, tuple(claims), tuple(unique))


STORY_A = (
    "The mayor opened the bridge on Monday. It cost 1,200 dollars to build. "
    "Also Read: other news. Crowds cheered at the river."
)
STORY_B = "Crowds cheered at the river. The mayor opened the bridge on Tuesday. It cost 1,100 dollars to build."
STORY_C = "The mayor opened the bridge on Monday. Police closed two roads nearby. It cost 1,200 dollars to build."


def story_sources() -> list[Source]:
    """Return three short sources about one invented event."""
    return [make_source("a", STORY_A, "Alpha"), make_source("b", STORY_B, "Beta"), make_source("c", STORY_C, "Gamma")]


class StagedAnalysis:
    """An analyze function in two stages: it hands over its claims, then each run waits for its gate.

    Calls are numbered from 0; `release(n)` lets run n return its divergences, and a run asked to
    stop while it waits raises Cancelled, as the engine does. With hold_claims, each run also waits
    for `release_claims(n)` before handing over its claims (a first stage that takes its time).
    """

    def __init__(self, hold_claims: bool = False):
        self.gates: list[threading.Event] = []
        self.claim_gates: list[threading.Event] = []
        self.hold_claims = hold_claims

    def __call__(self, sources, edits=(), progress=None, should_cancel=None, on_claims=None) -> Alignment:
        gate, claim_gate = threading.Event(), threading.Event()
        self.gates.append(gate)
        self.claim_gates.append(claim_gate)
        if not self.hold_claims:
            claim_gate.set()
        whole = fake_analyze(sources, edits)
        _wait(claim_gate, should_cancel)
        if on_claims is not None:
            on_claims(claims_only(whole))
        _wait(gate, should_cancel)
        return whole

    def release_claims(self, run: int = -1) -> None:
        """Let one run (the latest by default) hand over its claims."""
        self.claim_gates[run].set()

    def release(self, run: int = -1) -> None:
        """Let one run (the latest by default) finish."""
        self.gates[run].set()

    def release_all(self) -> None:
        """Let every run finish (at the end of a test)."""
        for gate in self.gates + self.claim_gates:
            gate.set()


def _wait(gate: threading.Event, should_cancel) -> None:
    """Wait for a gate; raise Cancelled, as the engine does, when asked to stop meanwhile."""
    while not gate.wait(0.005):
        if should_cancel is not None and should_cancel():
            raise Cancelled("stopped")


def claims_only(alignment: Alignment) -> Alignment:
    """Return what the first stage of an analysis gives: the claims without divergences."""
    claims = tuple(replace(c, divergences=()) for c in alignment.claims)
    return Alignment(alignment.documents, claims, alignment.unique)
