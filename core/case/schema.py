"""Checks a file before it is opened as a case, and maps case rows to records and back."""

from __future__ import annotations

import json
import os
import sqlite3

from core.errors import CaseError
from core.model import Source
from core.case.records import Annotation, JudgedVariant, TextSelector, VerdictRecord
from core.case.migrations import APPLICATION_ID, MAGIC, SCHEMA_VERSION
from core.case.readonly import connect_readonly
from core.case.schema_check import check_schema

SQLITE_HEADER = b"SQLite format 3\x00"
SOURCE_COLUMNS = (
    "key",
    "kind",
    "path",
    "title",
    "outlet",
    "author",
    "published",
    "url",
    "encoding",
    "sha256",
    "imported_at",
    "text",
)
EDITABLE_SOURCE_DETAILS = ("outlet", "title", "author", "published", "url")  # what F2 may change


def editable_details(details: dict) -> dict:
    """Return the details trimmed, or raise ValueError when one is not an editable column."""
    unknown = sorted(set(details) - set(EDITABLE_SOURCE_DETAILS))
    if unknown:
        raise ValueError(f"not an editable source detail: {', '.join(unknown)}")
    return {name: str(value).strip() for name, value in details.items()}


def is_blank(path: str) -> bool:
    """Return True for a file that holds nothing yet (empty, created by a crash before its first write)."""
    return os.path.getsize(path) == 0


def inspect_case_file(path: str) -> int:
    """Return the schema version of an existing case file, or raise CaseError saying what is wrong."""
    name = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise CaseError(
            f"{name} cannot be read ({exc.strerror or exc}). Check that the file exists and that you may read it."
        ) from exc
    if header != SQLITE_HEADER:
        raise CaseError(
            f"{name} is not a Parallax case (it is not a SQLite database). "
            "Open it with File > Add sources if it is an article."
        )
    try:
        conn = connect_readonly(path)
    except sqlite3.DatabaseError as exc:
        raise CaseError(
            f"{name} is damaged and cannot be opened ({exc}). Restore it from a backup; the file was left untouched."
        ) from exc
    try:
        return _inspect(conn, name)
    except sqlite3.DatabaseError as exc:
        raise CaseError(f"{name} is damaged ({exc}). Restore it from a backup; the file was left untouched.") from exc
    finally:
        conn.close()


def _inspect(conn: sqlite3.Connection, name: str) -> int:
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    anything = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if application_id == 0 and version == 0 and not anything:
        return 0  # an empty SQLite database: nothing to lose by making it a case
    if application_id != APPLICATION_ID or "meta" not in tables:
        raise CaseError(
            f"{name} is a SQLite database of another application, not a Parallax case. "
            "It was left untouched; choose a .parallax file."
        )
    magic = conn.execute("SELECT value FROM meta WHERE name = 'application'").fetchone()
    if magic is None or magic[0] != MAGIC:
        raise CaseError(
            f"{name} is not a Parallax case (its meta table does not say so). "
            "It was left untouched; choose a .parallax file."
        )
    if version > SCHEMA_VERSION:
        raise CaseError(
            f"{name} was saved by a newer Parallax (case format {version}; this one reads "
            f"up to {SCHEMA_VERSION}). Update Parallax to open it; the file was left untouched."
        )
    problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise CaseError(f"{name} is damaged ({problems[0]}). Restore it from a backup; the file was left untouched.")
    check_schema(conn, version, name)
    return version


ANNOTATION_COLUMNS = (
    "id",
    "target_kind",
    "source_key",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "claim_key",
    "divergence_key",
    "label",
    "status",
    "note",
    "author",
    "created_at",
    "updated_at",
)
ANNOTATION_FIELDS = ", ".join(f'"{c}"' for c in ANNOTATION_COLUMNS)
ANNOTATION_MARKS = ", ".join("?" for _ in ANNOTATION_COLUMNS)


def backup(path: str, target: str) -> None:
    """Copy a case with SQLite's backup API before its format is upgraded."""
    source = connect_readonly(path)
    try:
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()


def source_from_row(r: dict) -> Source:
    return Source(**{c: r[c] if r[c] is not None else "" for c in SOURCE_COLUMNS}, original=bytes(r["original"] or b""))


def variants_json(variants) -> str:
    """Return the judged variants of a verdict as the JSON text stored in its row."""
    return json.dumps([[v.source, v.start, v.end, v.text] for v in variants], ensure_ascii=False)


def verdict_from_row(r: dict) -> VerdictRecord:
    variants = tuple(
        JudgedVariant(str(s), int(a), int(b), str(t)) for s, a, b, t in json.loads(r.get("variants") or "[]")
    )
    return VerdictRecord(
        r["divergence_key"],
        r["verdict"],
        r["note"] or "",
        r["source_key"] or "",
        r["author"] or "",
        r["updated_at"] or "",
        r.get("divergence_type") or "",
        r.get("kind") or "divergence",
        variants,
    )


def annotation_row(a: Annotation) -> list:
    s = a.selector
    return [
        a.id,
        a.target_kind,
        a.source_key,
        s.exact if s else None,
        s.prefix if s else None,
        s.suffix if s else None,
        s.start if s else None,
        s.end if s else None,
        a.claim_key,
        a.divergence_key,
        a.label,
        a.status,
        a.note,
        a.author,
        a.created_at,
        a.updated_at,
    ]


def annotation_from_row(r: dict) -> Annotation:
    selector = None
    if r["exact"] is not None:
        selector = TextSelector(r["exact"], r["prefix"] or "", r["suffix"] or "", r["start"], r["end"])
    return Annotation(
        id=r["id"],
        target_kind=r["target_kind"],
        source_key=r["source_key"] or "",
        selector=selector,
        claim_key=r["claim_key"] or "",
        divergence_key=r["divergence_key"] or "",
        label=r["label"] or "",
        status=r["status"] or "open",
        note=r["note"] or "",
        author=r["author"] or "",
        created_at=r["created_at"] or "",
        updated_at=r["updated_at"] or "",
    )
