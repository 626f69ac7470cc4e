"""The case file: sources, alignment edits, verdicts, annotations and audit in one SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import datetime, timezone
from typing import Iterator, Optional

from core.case import lock as case_lock
from core.case import opening
from core.case.connection import CaseDb
from core.case.error_wording import held_reason, write_error
from core.case.readers import edits_from_rows, note, parse_rows
from core.case.readonly import open_readonly
from core.case.schema import (
    ANNOTATION_COLUMNS,
    ANNOTATION_FIELDS,
    ANNOTATION_MARKS,
    SOURCE_COLUMNS,
    annotation_from_row,
    annotation_row,
    editable_details,
    source_from_row,
    variants_json,
    verdict_from_row,
)
from core.errors import CaseError
from core.case.migrations import SCHEMA_VERSION
from core.model import VERDICTS, AlignmentEdit, PassageRef, Source
from core.case.records import Annotation, AuditEntry, VerdictRecord
from core.case.settings import default_user_name


def utc_now() -> str:
    """Return the current time as ISO 8601 UTC with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Case:
    """An open case file; every mutating method is one transaction with its audit entry."""

    def __init__(
        self,
        path: str,
        db: CaseDb,
        *,
        read_only: bool,
        read_only_reason: str,
        author: str,
        holds_lock: bool,
        lock_owner: Optional[case_lock.LockOwner] = None,
        readonly_open=None,
    ):
        self.path = path
        self._db: Optional[CaseDb] = db  # None once closed
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.author = author
        self._holds_lock = holds_lock
        self.lock_owner = lock_owner  # who holds the case when it opened read-only for that reason
        self._readonly_open = readonly_open
        self.problems: list[str] = []  # values that could not be read, skipped and reported

    @property
    def db(self) -> CaseDb:
        """Return the open database; raise CaseError once the case is closed."""
        if self._db is None:
            raise CaseError("The case is closed.")
        return self._db

    # ----- opening and closing ---------------------------------------------------------------
    @classmethod
    def open(cls, path, *, create: bool = True, author: Optional[str] = None) -> "Case":
        """Open (or create) a case file; raise CaseError saying what is wrong and what to do."""
        path = os.fspath(path)
        version = opening.checked_version(path, create)
        if os.path.exists(path) and opening.disk_read_only(path):
            return cls._open_read_only(path, version, author, opening.READ_ONLY_ON_DISK)
        try:
            owner = case_lock.acquire(path)
        except OSError as exc:  # the folder refuses the lock file: never risk two writers
            return cls._open_read_only(
                path,
                version,
                author,
                f"The case's lock file cannot be written ({exc.strerror or exc}); opened read-only.",
            )
        if owner is not None:
            return cls._open_read_only(path, version, author, held_reason(owner), owner)
        try:
            db = opening.open_writable(path, version)
            case = cls(path, db, read_only=False, read_only_reason="", author=author or "", holds_lock=True)
            case.author = author or case.get_setting("author") or default_user_name()
        except BaseException:
            case_lock.release(path)  # never leave a lock behind a case that did not open
            raise
        return case

    @classmethod
    def _open_read_only(
        cls, path: str, version: int, author: Optional[str], reason: str, owner: Optional[case_lock.LockOwner] = None
    ) -> "Case":
        if version < SCHEMA_VERSION:
            raise opening.older_format_error(path, reason)
        try:
            opened = open_readonly(path)
        except sqlite3.DatabaseError as exc:
            raise CaseError(f"{os.path.basename(path)} cannot be read: {exc}.") from exc
        if opened.note:
            reason = f"{reason.rstrip('.')}; {opened.note}."
        case = cls(
            path,
            CaseDb(opened.conn),
            read_only=True,
            read_only_reason=reason,
            author="",
            holds_lock=False,
            lock_owner=owner,
            readonly_open=opened,
        )
        case.author = author or case.get_setting("author") or default_user_name()
        return case

    def take_over(self) -> None:
        """Become this case's writer although a lock names another owner (the user confirmed it is gone)."""
        if self._db is None or not self.read_only or self.lock_owner is None:
            raise CaseError("This case is not held by another window; there is nothing to take over.")
        try:
            owner = case_lock.take_over(self.path, self.lock_owner)
        except OSError as exc:
            raise CaseError(
                f"Could not take over the case: its lock cannot be written ({exc.strerror or exc})."
            ) from exc
        if owner is not None:
            self.lock_owner = owner
            raise CaseError(f"Could not take over: {held_reason(owner)}")
        try:
            db = opening.open_writable(self.path, SCHEMA_VERSION)
        except BaseException:
            case_lock.release(self.path)
            raise
        self._close_connection()
        self._db, self.read_only, self.read_only_reason = db, False, ""
        self.lock_owner, self._holds_lock = None, True

    def close(self) -> None:
        """Checkpoint the journal into the file, close it and release the lock."""
        if self._db is None:
            return
        try:
            if not self.read_only:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass  # the WAL stays next to the file and is replayed on the next open
        finally:
            self._close_connection()
            if self._holds_lock:
                case_lock.release(self.path)
                self._holds_lock = False

    def _close_connection(self) -> None:
        if self._readonly_open is not None:
            self._readonly_open.close()  # also deletes a private copy
            self._readonly_open = None
        else:
            self.db.conn.close()
        self._db = None

    def __enter__(self) -> "Case":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----- the one way to write ----------------------------------------------------------------
    @contextmanager
    def _write(self, action: str, target: str, detail: Optional[dict] = None) -> Iterator[dict]:
        """Run the body and its audit entry as one transaction; yield the audit detail to fill."""
        if self._db is None:
            raise CaseError("The case is closed.")
        if self.read_only:
            raise CaseError(f"Not saved: {self.read_only_reason}")
        entry = dict(detail or {})
        try:
            with self.db.atomic():
                yield entry
                if not entry.pop("_skip", False):
                    self.db.execute(
                        "INSERT INTO audit (at, author, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                        [utc_now(), self.author, action, target, json.dumps(entry, ensure_ascii=False, sort_keys=True)],
                    )
        except sqlite3.DatabaseError as exc:
            raise write_error(exc) from exc

    def _rows(self, sql: str, params=()) -> list[dict]:
        cursor = self.db.execute(sql, list(params))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    # ----- sources -------------------------------------------------------------------------------
    def add_source(self, source: Source) -> Source:
        """Store a source (text, metadata, original bytes); an identical one returns the stored copy."""
        existing = self._rows("SELECT * FROM sources WHERE sha256 = ?", [source.sha256])
        if existing:
            return source_from_row(existing[0])
        with self._write("source.add", source.key) as detail:
            key = base = source.key or source.sha256[:16]
            taken = {r["key"] for r in self._rows("SELECT key FROM sources")}
            n = 1
            while key in taken:
                n += 1
                key = f"{base}-{n}"
            position = self.db.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM sources").fetchone()[0]
            stored = replace(source, key=key, imported_at=source.imported_at or utc_now())
            row = {c: getattr(stored, c) for c in SOURCE_COLUMNS}
            row.update(position=position, hidden=0, original=bytes(source.original or b""))
            names = list(row)  # our own column names (schema.SOURCE_COLUMNS), never user text
            self.db.execute(
                f"INSERT INTO sources ({', '.join(chr(34) + n + chr(34) for n in names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [row[n] for n in names],
            )
            detail.update(key=key, title=stored.title, outlet=stored.outlet, sha256=stored.sha256, path=stored.path)
        return stored

    def remove_source(self, key: str) -> None:
        """Remove a source; verdicts, annotations and edits that name it are kept for a re-import."""
        with self._write("source.remove", key) as detail:
            row = self._rows("SELECT key, title, outlet, sha256, path FROM sources WHERE key = ?", [key])
            self.db.execute("DELETE FROM sources WHERE key = ?", [key])
            detail.update(row[0] if row else {"_skip": True})

    def update_source(self, key: str, **details: str) -> Source:
        """Change a source's editable details (outlet, title, author, published, url); return it."""
        details = editable_details(details)
        with self._write("source.update", key, dict(details)):
            for name, value in details.items():  # a name from the fixed tuple, never the caller's text
                self.db.execute(f"UPDATE sources SET {name} = ? WHERE key = ?", [value, key])
        return source_from_row(self._rows("SELECT * FROM sources WHERE key = ?", [key])[0])

    def sources(self) -> list[Source]:
        """Return the sources in stored order, original bytes included."""
        return parse_rows(
            self._rows("SELECT * FROM sources ORDER BY position, key"), source_from_row, "sources", self.problems
        )

    def set_source_hidden(self, key: str, hidden: bool) -> None:
        """Include or exclude a source from the panes and the alignment."""
        with self._write("source.hide" if hidden else "source.show", key):
            self.db.execute("UPDATE sources SET hidden = ? WHERE key = ?", [int(bool(hidden)), key])

    def hidden_sources(self) -> set[str]:
        """Return the keys of hidden sources."""
        return {r["key"] for r in self._rows("SELECT key FROM sources WHERE hidden = 1")}

    def set_source_order(self, keys) -> None:
        """Put the sources in this order; keys not listed keep their order after the listed ones."""
        keys = list(dict.fromkeys(keys))
        current = [s["key"] for s in self._rows("SELECT key FROM sources ORDER BY position, key")]
        order = [k for k in keys if k in current] + [k for k in current if k not in keys]
        with self._write("source.order", "", {"order": order}):
            for position, key in enumerate(order):
                self.db.execute("UPDATE sources SET position = ? WHERE key = ?", [position, key])

    # ----- alignment edits -----------------------------------------------------------------------
    def add_edit(self, edit: AlignmentEdit) -> int:
        """Store a manual link/unlink/split/merge and return its id."""
        if edit.kind not in ("link", "unlink", "split", "merge"):
            raise ValueError(f"unknown alignment edit kind {edit.kind!r}")
        b = edit.b
        with self._write(f"edit.{edit.kind}", edit.a.source, {"edit": asdict(edit)}) as detail:
            cursor = self.db.execute(
                'INSERT INTO edits (kind, a_source, a_start, a_end, b_source, b_start, b_end, "at", '
                "created_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    edit.kind,
                    edit.a.source,
                    edit.a.start,
                    edit.a.end,
                    b.source if b else None,
                    b.start if b else None,
                    b.end if b else None,
                    edit.at,
                    utc_now(),
                    self.author,
                ],
            )
            detail["id"] = cursor.lastrowid
        return int(detail["id"])

    def remove_edit(self, edit_id: int) -> None:
        """Forget a manual alignment edit."""
        with self._write("edit.remove", str(edit_id)) as detail:
            found = [e for i, e in self.edits() if i == edit_id]
            self.db.execute("DELETE FROM edits WHERE id = ?", [edit_id])
            detail.update({"edit": asdict(found[0])} if found else {"_skip": True})

    def edits(self) -> list[tuple[int, AlignmentEdit]]:
        """Return the manual edits in the order they were made."""
        lengths = {r["key"]: r["n"] for r in self._rows("SELECT key, length(text) AS n FROM sources")}
        return edits_from_rows(self._rows("SELECT * FROM edits ORDER BY id"), lengths, self.problems)

    # ----- verdicts ------------------------------------------------------------------------------
    def set_verdict(self, record: VerdictRecord, replaces: str = "") -> None:
        """Store (or replace) the verdict on one divergence; `replaces` names the key it moves from."""
        # Verdict "" is a note on a divergence not yet triaged.
        if record.verdict not in VERDICTS + ("",):
            raise ValueError(f'unknown verdict {record.verdict!r}; expected one of {VERDICTS} or ""')
        if not record.verdict and not record.note:
            raise ValueError("a record without a verdict must carry a note")
        stored = replace(record, author=record.author or self.author, updated_at=utc_now())
        action = "verdict.set" if record.verdict else "note.set"
        with self._write(action, record.divergence_key) as detail:
            previous = self.verdicts_for([record.divergence_key])
            if replaces and replaces != record.divergence_key:  # moved to a re-found divergence
                self.db.execute("DELETE FROM verdicts WHERE divergence_key = ?", [replaces])
                detail["replaces"] = replaces
            self.db.execute(
                "INSERT INTO verdicts (divergence_key, verdict, note, source_key, author, updated_at, "
                "divergence_type, kind, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(divergence_key) DO UPDATE SET "
                "verdict = excluded.verdict, note = excluded.note, source_key = excluded.source_key, "
                "author = excluded.author, updated_at = excluded.updated_at, divergence_type = "
                "excluded.divergence_type, kind = excluded.kind, variants = excluded.variants",
                [
                    stored.divergence_key,
                    stored.verdict,
                    stored.note,
                    stored.source_key,
                    stored.author,
                    stored.updated_at,
                    stored.divergence_type,
                    stored.kind,
                    variants_json(stored.variants),
                ],
            )
            detail.update(verdict=stored.verdict, note=stored.note, source_key=stored.source_key)
            if previous:
                old = previous[record.divergence_key]
                detail["previous"] = {"verdict": old.verdict, "note": old.note, "source_key": old.source_key}

    def clear_verdict(self, divergence_key: str) -> None:
        """Remove the verdict on one divergence (the audit keeps what it was)."""
        with self._write("verdict.clear", divergence_key) as detail:
            previous = self.verdicts_for([divergence_key])
            self.db.execute("DELETE FROM verdicts WHERE divergence_key = ?", [divergence_key])
            if previous:
                old = previous[divergence_key]
                detail["previous"] = {"verdict": old.verdict, "note": old.note, "source_key": old.source_key}
            else:
                detail["_skip"] = True

    def verdicts(self) -> dict[str, VerdictRecord]:
        """Return every verdict by divergence key."""
        records = parse_rows(self._rows("SELECT * FROM verdicts"), verdict_from_row, "verdicts", self.problems)
        return {r.divergence_key: r for r in records}

    def verdicts_for(self, keys) -> dict[str, VerdictRecord]:
        """Return the verdicts of these divergence keys."""
        keys = list(keys)
        marks = ", ".join("?" for _ in keys)
        if not keys:
            return {}
        rows = self._rows(f"SELECT * FROM verdicts WHERE divergence_key IN ({marks})", keys)
        return {r["divergence_key"]: verdict_from_row(r) for r in rows}

    # ----- annotations ---------------------------------------------------------------------------
    def add_annotation(self, a: Annotation) -> Annotation:
        """Store a new annotation and return it with its id, author and timestamps."""
        now = utc_now()
        stored = replace(
            a,
            id=a.id or uuid.uuid4().hex,
            author=a.author or self.author,
            created_at=a.created_at or now,
            updated_at=now,
        )
        with self._write("annotation.add", stored.id, asdict(stored)):
            self.db.execute(
                f"INSERT INTO annotations ({ANNOTATION_FIELDS}) VALUES ({ANNOTATION_MARKS})", annotation_row(stored)
            )
        return stored

    def update_annotation(self, a: Annotation) -> None:
        """Replace the label, status, note and anchor of a stored annotation."""
        stored = replace(a, author=a.author or self.author, updated_at=utc_now())
        with self._write("annotation.update", a.id, asdict(stored)):
            row = annotation_row(stored)
            assignments = ", ".join(f'"{c}" = ?' for c in ANNOTATION_COLUMNS[1:] if c != "created_at")
            values = [v for c, v in zip(ANNOTATION_COLUMNS[1:], row[1:]) if c != "created_at"]
            cursor = self.db.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", values + [a.id])
            if cursor.rowcount == 0:
                raise CaseError(f"Annotation {a.id} is not in this case (it may have been deleted).")

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete an annotation; its full content stays in the audit log."""
        with self._write("annotation.delete", annotation_id) as detail:
            found = [x for x in self.annotations() if x.id == annotation_id]
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            detail.update(asdict(found[0]) if found else {"_skip": True})

    def annotations(self) -> list[Annotation]:
        """Return every annotation, oldest first."""
        return parse_rows(
            self._rows("SELECT * FROM annotations ORDER BY created_at, rowid"),
            annotation_from_row,
            "annotations",
            self.problems,
        )

    def labels(self) -> list[str]:
        """Return the annotation labels in display order."""
        return [r["name"] for r in self._rows("SELECT name FROM labels ORDER BY position, name")]

    # ----- pivots, settings, audit ---------------------------------------------------------------
    def set_pivot(self, claim_key: str, passage_ref: Optional[PassageRef]) -> None:
        """Remember which passage the user chose as a claim's pivot (None restores the automatic one)."""
        detail = asdict(passage_ref) if passage_ref else {"cleared": True}
        with self._write("pivot.set", claim_key, detail):
            self.db.execute("DELETE FROM pivots WHERE claim_key = ?", [claim_key])
            if passage_ref is not None:
                self.db.execute(
                    'INSERT INTO pivots (claim_key, source, start, "end") VALUES (?, ?, ?, ?)',
                    [claim_key, passage_ref.source, passage_ref.start, passage_ref.end],
                )

    def pivots(self) -> dict[str, PassageRef]:
        """Return the chosen pivots by claim key."""
        refs = parse_rows(
            self._rows("SELECT * FROM pivots"),
            lambda r: (r["claim_key"], PassageRef(r["source"], int(r["start"]), int(r["end"]))),
            "chosen pivots",
            self.problems,
        )
        return dict(refs)

    def get_setting(self, name: str, default=None):
        """Return a case setting (any JSON value), or default."""
        row = self.db.execute("SELECT value FROM settings WHERE name = ?", [name]).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except (TypeError, ValueError):
            note(self.problems, f"the setting {name!r} is unreadable; its default is used")
            return default

    def set_setting(self, name: str, value) -> None:
        """Store a case setting as JSON (auto-advance after a verdict is one)."""
        text = json.dumps(value, ensure_ascii=False)
        with self._write("setting.set", name, {"value": value}):
            self.db.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                [name, text],
            )

    def audit(self) -> list[AuditEntry]:
        """Return the change log, oldest first."""
        return [
            AuditEntry(r["id"], r["at"], r["author"] or "", r["action"], r["target"] or "", r["detail"] or "")
            for r in self._rows("SELECT * FROM audit ORDER BY id")
        ]
