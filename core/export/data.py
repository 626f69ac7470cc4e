"""Gather what an export shows: the alignment, the checker's work, the chosen scope and metadata."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Mapping, Optional, Sequence

import core
from core.model import Alignment
from core.case.reattach import SetAside, place
from core.case.records import Annotation, AuditEntry, VerdictRecord

SCOPES = ("all", "divergent")


@dataclass(frozen=True)
class ExportOptions:
    """What to include: every claim or only divergent ones, full texts, which sources."""

    scope: str = "all"  # "all" | "divergent" (claims with divergences, verdicts or notes)
    include_full_texts: bool = False
    source_keys: tuple[str, ...] = ()  # empty: every source of the alignment

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"unknown scope {self.scope!r} (use {' or '.join(SCOPES)})")


@dataclass(frozen=True)
class ExportData:
    """Everything one export renders; every format reads the same object."""

    alignment: Alignment
    verdicts: Mapping[str, VerdictRecord] = field(default_factory=dict)  # item key -> verdict placed on it
    annotations: tuple[Annotation, ...] = ()
    audit: tuple[AuditEntry, ...] = ()
    options: ExportOptions = ExportOptions()
    generated_at: str = ""
    version: str = core.__version__
    case_name: str = ""
    set_aside: tuple[SetAside, ...] = ()  # stored verdicts and notes this alignment cannot place


def now_iso() -> str:
    """Return the current UTC time as ISO 8601 with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def collect(
    case_or_none,
    alignment: Alignment,
    options: ExportOptions = ExportOptions(),
    *,
    verdicts: Optional[Mapping[str, VerdictRecord]] = None,
    annotations: Optional[Sequence[Annotation]] = None,
    generated_at: str = "",
) -> ExportData:
    """Return the export data of an alignment, with the case's verdicts, annotations and audit.

    `verdicts` and `annotations` override the case's (the window passes its live state). Verdicts
    are the stored records: each is placed on the item it judged, or listed as set aside.
    """
    case_verdicts, case_annotations, audit, name = {}, (), (), ""
    if case_or_none is not None:
        case_verdicts = dict(case_or_none.verdicts())
        case_annotations = tuple(case_or_none.annotations())
        audit = tuple(case_or_none.audit())
        name = os.path.splitext(os.path.basename(getattr(case_or_none, "path", "") or ""))[0]
    placement = place(dict(case_verdicts if verdicts is None else verdicts), alignment)
    return ExportData(
        alignment=alignment,
        verdicts=placement.verdicts,
        set_aside=placement.set_aside,
        annotations=tuple(case_annotations if annotations is None else annotations),
        audit=audit,
        options=options,
        generated_at=generated_at or now_iso(),
        version=core.__version__,
        case_name=name,
    )
