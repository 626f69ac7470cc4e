"""Plain data shared by every part of Parallax: sources, passages, claims, divergences."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Iterable, Literal, Optional, TypeVar

_Record = TypeVar("_Record", bound=type)


def fast_init(cls: _Record) -> _Record:
    """Give a frozen dataclass an __init__ that fills the instance's dict in one step.

    The generated one sets each field through object.__setattr__ (the class is frozen), which
    made building a Slot or a Link cost twice what it needs: an analysis builds tens of
    thousands. Same parameters, defaults and order; setting a field afterwards still raises.
    """
    own = fields(cls)
    if any(f.default_factory is not MISSING or not f.init or f.kw_only for f in own):
        raise TypeError(f"{cls.__name__}: fast_init takes plain fields only")
    if "__post_init__" in vars(cls) or "__slots__" in vars(cls):
        raise TypeError(f"{cls.__name__}: fast_init cannot run __post_init__ or fill slots")
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in own)
    values = ", ".join(f"{f.name}={f.name}" for f in own)
    namespace = {f"_default_{f.name}": f.default for f in own if f.default is not MISSING}
    exec(f"def __init__(self, {params}):\n    self.__dict__.update({values})\n", namespace)  # as dataclass does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


DIVERGENCE_TYPES = (
    "title",
    "time",
    "number",
    "place",
    "actor",
    "attribution",
    "modality",
    "negation",
    "quote",
    "institution",
    "spelling",
    "other",
)

VERDICTS = ("confirmed", "not_significant", "follow_up", "source_error")
VERDICT_LABELS = {
    "confirmed": "Discrepancy confirmed",
    "not_significant": "Not significant",
    "follow_up": "Needs follow-up",
    "source_error": "Error in a source",
}


@fast_init
@dataclass(frozen=True)
class Span:
    """A range of a document's text: text == document_text[start:end]."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Source:
    """One imported article: decoded text, metadata and the hash of its original bytes."""

    key: str  # stable identity inside a case (the case may assign its own)
    text: str  # decoded text; offsets everywhere index into this string
    sha256: str  # of the original bytes
    kind: str  # "txt" | "md" | "html" | "paste"
    path: str = ""
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""  # as found (ISO date when known)
    url: str = ""
    encoding: str = "utf-8"
    imported_at: str = ""  # ISO 8601 UTC
    notice: str = ""  # one-line remark on how it was read (a fallback used), shown, not stored
    original: bytes = field(default=b"", repr=False, compare=False)

    @property
    def label(self) -> str:
        """Return the short name shown for this source: its outlet; else, for a text file, the name
        the checker gave the file (a headline on its first line is a title, and summaries such as
        "'6' (Ferry sinks off Kessel…, harbour_daily)" read like quotes); else its title, else its file name."""
        import os

        named = self.kind in ("txt", "md") and self.path and "://" not in self.path
        stem = os.path.splitext(os.path.basename(self.path))[0] if named else ""
        return self.outlet or stem or self.title or os.path.basename(self.path) or self.key

    @property
    def subtitle(self) -> str:
        """Return the title to show under the short name, or "" when the name is the title."""
        return self.title if self.title and self.title != self.label else ""


@fast_init
@dataclass(frozen=True)
class Passage:
    """A sentence of a document (the unit of alignment), with offsets into the document text."""

    id: str  # "d0:p3"
    doc: str  # "d0"
    index: int  # position among the document's passages
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """A source as the engine sees it: passages to align and boilerplate kept aside."""

    id: str  # "d0", by order of the sources given
    source: Source
    passages: tuple[Passage, ...]
    boilerplate: tuple[Span, ...]


@fast_init
@dataclass(frozen=True)
class Link:
    """A scored correspondence between two passages of different documents."""

    a: str  # passage id
    b: str  # passage id
    score: float
    manual: bool = False


@fast_init
@dataclass(frozen=True)
class Variant:
    """One source's wording of a divergent slot; offsets index the document text."""

    passage: str  # passage id
    start: int
    end: int
    text: str


@fast_init
@dataclass(frozen=True)
class Divergence:
    """A typed, ranked factual difference between the variants of one claim."""

    key: str  # stable across re-alignment: hash of type + normalized variant texts
    claim: str  # claim id
    type: str  # one of DIVERGENCE_TYPES
    rank: float  # 0..1, higher = more likely to matter
    summary: str
    variants: tuple[Variant, ...]
    kind: str = "divergence"  # "divergence" between sources | "contradiction" inside one source | "fact" row


# Shown between two tellings of one source in one claim: the text between them is left out.
TELLING_GAP = " … "


@fast_init
@dataclass(frozen=True)
class Claim:
    """Passages from different documents that report the same fact."""

    id: str  # "c0"
    key: str  # stable across re-alignment (hash of member texts)
    score: float  # mean link score
    members: tuple[str, ...]  # passage ids; adjacent passages of one doc form one multi-sentence member
    links: tuple[Link, ...]
    pivot: str  # the most central member passage id (diffs are taken against it)
    divergences: tuple[Divergence, ...] = ()


@dataclass(frozen=True)
class Contradiction:
    """Two statements inside one source that cannot both hold (President vs former President)."""

    doc: str
    type: str
    summary: str
    variants: tuple[Variant, ...]


@fast_init
@dataclass(frozen=True)
class FactCell:
    """One source's wording of one fact: the exact value words and their normalised value."""

    document: str  # "d0"
    source: str  # source key
    passage: str  # passage id the words sit in
    start: int
    end: int
    text: str  # == document_text[start:end]
    value: str  # normalised ("former president", "274", "2025-07-01")


@fast_init
@dataclass(frozen=True)
class FactRow:
    """One fact of the fact sheet (a person's title, a count, an event's time) across sources."""

    id: str  # "f0", by rank
    key: str  # stable across re-alignment: hash of kind + label + cells' sources and texts
    kind: str  # "person" | "quantity" | "event" | "attribution"
    label: str  # "Donald Trump: title"
    type: str  # one of DIVERGENCE_TYPES
    rank: float  # 0..1, higher = more likely to matter
    divergent: bool  # sources give incompatible values
    cells: tuple[FactCell, ...]
    summary: str = ""
    note: str = ""  # why a row with several sources is not compared ("" when it was)

    def divergence(self) -> Divergence:
        """Return this divergent row as a queue item (claim = the row id)."""
        return Divergence(
            self.key,
            self.id,
            self.type,
            self.rank,
            self.summary,
            tuple(Variant(c.passage, c.start, c.end, c.text) for c in self.cells),
            kind="fact",
        )


@dataclass(frozen=True)
class Alignment:
    """Everything the engine found for a set of sources."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    unique: tuple[str, ...]  # passage ids no other source has
    contradictions: tuple[Contradiction, ...] = ()
    facts: tuple[FactRow, ...] = ()  # the fact sheet, independent of the claims

    def passage(self, pid: str) -> Passage:
        """Return the passage with this id."""
        doc_index = int(pid.split(":")[0][1:])
        return self.documents[doc_index].passages[int(pid.split(":p")[1])]

    def document_of(self, pid: str) -> Document:
        """Return the document a passage belongs to."""
        return self.documents[int(pid.split(":")[0][1:])]

    def tellings(self, claim: Claim) -> list[tuple[Document, tuple[Passage, ...]]]:
        """Return each run of adjacent member passages of a claim, by document, then by position.

        A source tells a claim's fact once in most claims, but may tell it twice (in its lead and
        further down): those are two runs of one document. Passages with page furniture between
        them are two runs too.
        """
        found: list[tuple[Document, tuple[Passage, ...]]] = []
        for pid in sorted(claim.members, key=lambda m: (int(m.split(":")[0][1:]), int(m.split(":p")[1]))):
            passage, document = self.passage(pid), self.document_of(pid)
            if (
                found
                and found[-1][0] is document
                and found[-1][1][-1].index == passage.index - 1
                # Page furniture between two passages (a photo caption, share buttons) is no part
                # of the telling: the passages around it are two tellings, the furniture left out.
                and not document.source.text[found[-1][1][-1].end : passage.start].strip()
            ):
                found[-1] = (document, found[-1][1] + (passage,))
            else:
                found.append((document, (passage,)))
        return found

    def merged_by_key(self, divergences: Iterable[Divergence]) -> list[Divergence]:
        """Return one divergence per key, in first-seen order, holding the variants of all of them.

        Two claims that share passages can find one divergence (same type, same wordings) between
        different sources: the checker judges it once, and sees every source that says it.
        """
        merged: dict[str, Divergence] = {}
        for div in divergences:
            kept = merged.get(div.key)
            if kept is None:
                merged[div.key] = div
            elif any(v not in kept.variants for v in div.variants):
                variants = tuple(dict.fromkeys(kept.variants + div.variants))
                merged[div.key] = replace(
                    kept, variants=variants, rank=max(kept.rank, div.rank), summary=self._who_says(variants)
                )
        return list(merged.values())

    def _who_says(self, variants: tuple[Variant, ...]) -> str:
        """Return '"X" (Outlet A, Outlet B) vs "Y" (Outlet C)' for a divergence's variants."""
        said: dict[str, list[str]] = {}
        for v in variants:
            labels = said.setdefault(v.text, [])
            label = self.document_of(v.passage).source.label
            if label not in labels:
                labels.append(label)
        return " vs ".join(f'"{text}" ({", ".join(labels)})' for text, labels in said.items())

    def divergences(self) -> tuple[Divergence, ...]:
        """Return every divergence of every claim and every divergent fact row, highest rank first.

        Two claims sharing passages can carry one divergence: it is listed once, under the first,
        with the variants of both.
        """
        listed = self.merged_by_key(d for claim in self.claims for d in claim.divergences)
        listed += [row.divergence() for row in self.facts if row.divergent]
        return tuple(sorted(listed, key=lambda d: (-d.rank, d.claim, d.key)))


@dataclass(frozen=True)
class PassageRef:
    """A passage named so that it survives re-alignment: source key plus character range."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class AlignmentEdit:
    """A manual alignment decision that every re-run of the alignment respects.

    link: a and b belong to the same claim.  unlink: a and b must not share a claim.
    split: passage a is cut at absolute offset `at`.  merge: adjacent passages a and b become one.
    """

    kind: Literal["link", "unlink", "split", "merge"]
    a: PassageRef
    b: Optional[PassageRef] = None
    at: Optional[int] = None
