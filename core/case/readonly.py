"""Open a case without ever writing to it, showing its latest committed state even on a read-only disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Tests replace this to simulate a folder where SQLite may not create the journal's index.
_connect = sqlite3.connect


def readonly_uri(path: str, immutable: bool = False) -> str:
    """Return a SQLite URI that opens path without ever writing to it."""
    quoted = Path(path).resolve().as_posix().replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


@dataclass
class ReadOnlyOpen:
    """A read-only connection, with a note for the user when it reads a private copy."""

    conn: sqlite3.Connection
    note: str = ""
    copy_dir: str = ""

    def close(self) -> None:
        """Close the connection and delete the private copy, if any."""
        self.conn.close()
        if self.copy_dir:
            shutil.rmtree(self.copy_dir, ignore_errors=True)
            self.copy_dir = ""


def _try(uri: str) -> sqlite3.Connection:
    conn = _connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def _hot_journal(path: str) -> bool:
    try:
        return os.path.getsize(path + "-wal") > 0
    except OSError:
        return False


def open_readonly(path: str) -> ReadOnlyOpen:
    """Open path read-only; a journal that cannot be replayed in place is replayed in a private copy.

    Without a journal next to the file there is nothing live to follow: immutable creates nothing.
    With one, SQLite needs to write its index (-shm) beside the case; where it cannot (a read-only
    disk after a crash), reading the main file alone would show the state before the last saved
    changes, so the case and its journal are copied to a private folder and read there.
    """
    if not os.path.exists(path + "-wal"):
        return ReadOnlyOpen(_try(readonly_uri(path, immutable=True)))
    try:
        return ReadOnlyOpen(_try(readonly_uri(path)))
    except sqlite3.DatabaseError:
        if not _hot_journal(path):
            return ReadOnlyOpen(_try(readonly_uri(path, immutable=True)))
    folder = tempfile.mkdtemp(prefix="parallax-readonly-")
    try:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        shutil.copyfile(path + "-wal", copy + "-wal")
        conn = _try(readonly_uri(copy))
    except (OSError, sqlite3.DatabaseError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise sqlite3.OperationalError(
            "its journal holds saved changes that cannot be read on this read-only disk and could "
            f"not be copied aside ({exc}); opening it would show an outdated state"
        ) from None
    return ReadOnlyOpen(
        conn,
        "its folder is read-only and it holds changes not yet merged into the file "
        "(left by a crash); they are shown from a private copy",
        folder,
    )


def connect_readonly(path: str) -> sqlite3.Connection:
    """Open a connection that never writes the case (inspection and backup only; no private copy)."""
    opened = open_readonly(path)
    if opened.copy_dir:
        # The caller only reads once and closes; copy the replayed state into memory and drop the copy.
        memory = sqlite3.connect(":memory:", isolation_level=None)
        opened.conn.backup(memory)
        opened.close()
        return memory
    return opened.conn
