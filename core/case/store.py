"""The case file: opening, closing, sources, settings and audit in one SQLite file (judgements in judgements.py)."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator, Optional

from core.case import lock as case_lock
from core.case import opening
from core.case.connection import CaseDb
from core.case.error_wording import held_reason, write_error
from core.case.readers import note, parse_rows
from core.case.readonly import open_readonly
from core.case.schema import SOURCE_COLUMNS, editable_details, source_from_row
from core.errors import CaseError
from core.case.migrations import SCHEMA_VERSION
from core.model import Source
from core.case.judgements import CaseJudgements
from core.case.records import AuditEntry, utc_now
from core.case.settings import default_user_name


class Case(CaseJudgements):
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

    # ----- settings and audit --------------------------------------------------------------------

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
