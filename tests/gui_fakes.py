"""A FakeWorkspace for widget tests: the Workspace protocol on a small hand-made Alignment.

Three invented reports of one event.  Every passage offset is computed from the texts below, the
claims and divergences are written by hand, so a test knows every id, offset, key and rank.
"""

from __future__ import annotations

import hashlib
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTextEdit

from gui.state.selection import Selection, SelectionField  # the real selection rules, not a copy
from core.case.queue_items import queue_items
from core.model import Alignment, Claim, Divergence, Document, Link, Passage, Source, Variant
from core.case.records import Annotation, TextSelector, VerdictRecord

TEXTS = {
    "a": (
        "The mayor opened the bridge on Monday. It cost 1,200 dollars to build. "
        "Crowds cheered at the river. The council chair praised the engineers."
    ),
    "b": ("Crowds cheered at the river. The mayor opened the bridge on Tuesday. It cost 1,100 dollars to build."),
    "c": ("The mayor opened the bridge on Monday. Police closed two roads nearby. It cost 1,200 dollars to build."),
}
OUTLETS = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
SENTENCE = re.compile(r"[^.!?]+[.!?]")


def make_source(key: str, text: str, outlet: str) -> Source:
    """Return a Source for one of the fake texts."""
    return Source(
        key=key,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        kind="txt",
        path=f"{key}.txt",
        title=f"Bridge story {outlet}",
        outlet=outlet,
        published="2026-11-20",
    )


def make_document(source: Source, doc_id: str) -> Document:
    """Split a fake text into sentence passages with exact offsets."""
    passages = []
    for m in SENTENCE.finditer(source.text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        passages.append(
            Passage(f"{doc_id}:p{len(passages)}", doc_id, len(passages), start, m.end(), source.text[start : m.end()])
        )
    return Document(doc_id, source, tuple(passages), ())


def _variant(docs, pid: str, word: str) -> Variant:
    doc = docs[int(pid.split(":")[0][1:])]
    p = doc.passages[int(pid.split(":p")[1])]
    start = p.start + p.text.index(word)
    return Variant(pid, start, start + len(word), word)


def long_sources(extra: int = 60) -> list[Source]:
    """Return the three fake sources with enough invented filler after them to need scrolling."""
    filler = " ".join(f"Filler sentence number {i} repeats the weather." for i in range(extra))
    return [make_source(k, TEXTS[k] + " " + filler, OUTLETS[k]) for k in ("a", "b", "c")]


def make_alignment(sources: list[Source] | None = None) -> Alignment:
    """Return the hand-made alignment of the three fake sources."""
    sources = sources or [make_source(k, TEXTS[k], OUTLETS[k]) for k in ("a", "b", "c")]
    docs = tuple(make_document(s, f"d{i}") for i, s in enumerate(sources))
    time_div = Divergence(
        "k-time",
        "c0",
        "time",
        0.6,
        "Monday vs Tuesday",
        (_variant(docs, "d0:p0", "Monday"), _variant(docs, "d1:p1", "Tuesday"), _variant(docs, "d2:p0", "Monday")),
    )
    number_div = Divergence(
        "k-number",
        "c1",
        "number",
        0.9,
        "1,200 vs 1,100",
        (_variant(docs, "d0:p1", "1,200"), _variant(docs, "d1:p2", "1,100"), _variant(docs, "d2:p2", "1,200")),
    )
    c0 = Claim(
        "c0",
        "key-c0",
        0.92,
        ("d0:p0", "d1:p1", "d2:p0"),
        (Link("d0:p0", "d1:p1", 0.9), Link("d0:p0", "d2:p0", 1.0)),
        "d0:p0",
        (time_div,),
    )
    c1 = Claim(
        "c1",
        "key-c1",
        0.88,
        ("d0:p1", "d1:p2", "d2:p2"),
        (Link("d0:p1", "d1:p2", 0.86), Link("d0:p1", "d2:p2", 0.9)),
        "d0:p1",
        (number_div,),
    )
    c2 = Claim("c2", "key-c2", 1.0, ("d0:p2", "d1:p0"), (Link("d0:p2", "d1:p0", 1.0),), "d0:p2", ())
    return Alignment(docs, (c0, c1, c2), ("d0:p3", "d2:p1"))


def selector(text: str, exact: str) -> TextSelector:
    """Return a quote + position selector for the first occurrence of exact in text."""
    start = text.index(exact)
    return TextSelector(
        exact,
        text[max(0, start - 8) : start],
        text[start + len(exact) : start + len(exact) + 8],
        start,
        start + len(exact),
    )


def make_annotations() -> list[Annotation]:
    """Return a span, a claim and an orphaned annotation on the fake case."""
    orphan = TextSelector("the old ferry", "crossed ", " at dawn", 5, 18)
    return [
        Annotation(
            "n1",
            "span",
            source_key="b",
            selector=selector(TEXTS["b"], "on Tuesday"),
            label="disputed",
            status="open",
            note="City hall says Monday.\nCheck the release.",
        ),
        Annotation(
            "n2",
            "claim",
            claim_key="key-c1",
            label="verified",
            status="resolved",
            note="Budget document confirms 1,200.",
        ),
        Annotation(
            "n3",
            "span",
            source_key="c",
            selector=orphan,
            label="needs source",
            status="open",
            note="Where does this come from?",
        ),
    ]


class FakeWorkspace(QObject):
    """Implement the Workspace protocol's signals, state and intents; record every intent call."""

    sourcesChanged = Signal()
    alignmentChanged = Signal()
    currentChanged = Signal()
    verdictsChanged = Signal()
    annotationsChanged = Signal()
    setAsideChanged = Signal()
    busyChanged = Signal(bool)
    progressChanged = Signal(float)
    message = Signal(str)
    current_claim_id = SelectionField("claim_id")
    current_divergence_key = SelectionField("divergence_key")
    current_passage_id = SelectionField("passage_id")

    def __init__(self, alignment: Alignment | None = None, annotations=None):
        super().__init__()
        self.selection = Selection(self, self)
        self.selection.changed.connect(self.currentChanged)
        self.alignment = alignment if alignment is not None else make_alignment()
        self.sources = [d.source for d in self.alignment.documents]
        self.hidden: set[str] = set()
        self.case = None
        self.current_claim_id = None
        self.current_divergence_key = None
        self.current_passage_id = None
        self.pivots: dict[str, str] = {}
        self.verdicts: dict[str, VerdictRecord] = {}
        self.annotations = list(make_annotations() if annotations is None else annotations)
        self.undo_stack = QUndoStack(self)
        self.set_aside: tuple = ()
        self.divergences_pending = False  # True: claims shown, divergences still being found
        self.calls: list[tuple] = []

    # ----- look-ups the real Workspace offers ---------------------------------------------
    def visible_sources(self):
        return [s for s in self.sources if s.key not in self.hidden]

    def source(self, key):
        return next((s for s in self.sources if s.key == key), None)

    def document_for(self, key):
        return next((d for d in self.alignment.documents if d.source.key == key), None) if self.alignment else None

    def claim(self, claim_id):
        return next((c for c in self.alignment.claims if c.id == claim_id), None) if self.alignment else None

    def claim_of_passage(self, pid):
        return next((c for c in self.alignment.claims if pid in c.members), None) if self.alignment else None

    def is_unique(self, pid):
        return bool(self.alignment) and pid in self.alignment.unique

    def divergence(self, key):
        return next((d for d in queue_items(self.alignment) if d.key == key), None) if self.alignment else None

    def passage_at(self, key, offset):
        doc = self.document_for(key)
        return next((p.id for p in doc.passages if p.start <= offset < p.end), None) if doc else None

    def current_claim(self):
        return self.claim(self.current_claim_id)

    def current_divergence(self):
        return self.divergence(self.current_divergence_key)

    def analysis_status(self):
        return "Finding divergences…" if self.divergences_pending else ""

    def waiting_status(self):
        return "Aligning…" if self.visible_sources() else "No sources yet."

    # ----- intents: recorded, and applied the way the real Workspace applies them ----------
    def select_claim(self, claim_id):
        self.calls.append(("select_claim", claim_id))
        self.selection.select_claim(claim_id)

    def select_divergence(self, key, passage_id=None):
        self.calls.append(("select_divergence", key))
        self.selection.select_divergence(key, passage_id)

    def select_passage(self, pid):
        self.calls.append(("select_passage", pid))
        self.selection.select_passage(pid)

    def set_pivot(self, claim_id, pid):
        self.calls.append(("set_pivot", claim_id, pid))
        self.pivots[self.claim(claim_id).key] = pid
        self.currentChanged.emit()

    def set_verdict(self, key, verdict, note=None, source_key=""):
        self.calls.append(("set_verdict", key, verdict, note, source_key))
        old = self.verdicts.get(key)
        self.verdicts[key] = VerdictRecord(
            key, verdict, (old.note if old else "") if note is None else note, source_key
        )
        self.verdictsChanged.emit()

    def clear_verdict(self, key):
        self.calls.append(("clear_verdict", key))
        self.verdicts.pop(key, None)
        self.verdictsChanged.emit()

    def set_note(self, key, note):
        self.calls.append(("set_note", key, note))
        old = self.verdicts.get(key)
        self.verdicts[key] = VerdictRecord(key, old.verdict if old else "follow_up", note)
        self.verdictsChanged.emit()

    def add_annotation(self, annotation):
        self.calls.append(("add_annotation", annotation))
        self.annotations.append(annotation)
        self.annotationsChanged.emit()

    def update_annotation(self, annotation):
        self.calls.append(("update_annotation", annotation))
        self.annotations = [annotation if a.id == annotation.id else a for a in self.annotations]
        self.annotationsChanged.emit()

    def delete_annotation(self, annotation_id):
        self.calls.append(("delete_annotation", annotation_id))
        self.annotations = [a for a in self.annotations if a.id != annotation_id]
        self.annotationsChanged.emit()

    def orphaned_annotations(self):
        return [a for a in self.annotations if a.id == "n3"]  # make_annotations' orphan, by design

    def reattach_set_aside(self, stored_key, item_key=None):
        self.calls.append(("reattach_set_aside", stored_key, item_key))

    def dismiss_set_aside(self, stored_key):
        self.calls.append(("dismiss_set_aside", stored_key))

    def set_alignment(self, alignment):
        """Replace the alignment the way a finished re-alignment does."""
        self.alignment = alignment
        self.alignmentChanged.emit()
        self.currentChanged.emit()


class TextPane(QTextEdit):
    """A bare pane: a read-only text edit that names its source."""

    def __init__(self, source):
        super().__init__()
        self.source_key = source.key
        self.setReadOnly(True)
        self.setPlainText(source.text)
