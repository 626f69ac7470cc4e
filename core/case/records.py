"""Plain records of the checker's work, as stored in a case and read by exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

# The first label is the neutral default of a new annotation: a check ("verified") is never recorded
# by accident with one Ctrl+Enter; it has to be picked.
NEUTRAL_LABEL = "note"
ANNOTATION_LABELS = (NEUTRAL_LABEL, "verified", "disputed", "needs source", "error")
ANNOTATION_STATUSES = ("open", "resolved")


@dataclass(frozen=True)
class TextSelector:
    """W3C Web Annotation anchor: TextQuoteSelector (exact, prefix, suffix) + TextPositionSelector."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class JudgedVariant:
    """One variant the checker judged, named so it survives re-alignment: source key, range, text."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class VerdictRecord:
    """The checker's decision on one divergence, keyed by Divergence.key, with what was judged."""

    divergence_key: str
    verdict: str  # one of core.model.VERDICTS, or "" for a note on an untriaged divergence
    note: str = ""
    source_key: str = ""  # the source in error, for verdict "source_error"
    author: str = ""
    updated_at: str = ""
    # What the verdict is about, so it can be placed again after any re-alignment.
    divergence_type: str = ""
    kind: str = "divergence"  # "divergence" | "contradiction"
    variants: tuple[JudgedVariant, ...] = ()


@dataclass(frozen=True)
class Annotation:
    """A label, status and note attached to a span, passage, claim or divergence."""

    id: str
    target_kind: str  # "span" | "passage" | "claim" | "divergence"
    source_key: str = ""  # for span and passage targets
    selector: Optional[TextSelector] = None
    claim_key: str = ""
    divergence_key: str = ""
    label: str = ""
    status: str = "open"
    note: str = ""
    author: str = ""
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class AuditEntry:
    """One change to a case: what, when, by whom."""

    id: int
    at: str
    author: str
    action: str  # e.g. "verdict.set", "annotation.add", "edit.link", "source.add"
    target: str
    detail: str = ""  # JSON text


def utc_now() -> str:
    """Return the current time as ISO 8601 UTC with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
