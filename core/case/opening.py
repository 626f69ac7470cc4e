"""Check a case file's path and prepare its writable connection before the Case opens it."""

from __future__ import annotations

import os
import sqlite3

from core.case.connection import CaseDb
from core.case.migrations import SCHEMA_VERSION, migrate
from core.case.schema import backup, inspect_case_file, is_blank
from core.errors import CaseError

READ_ONLY_ON_DISK = "This case file is read-only on disk; opened read-only. Copy it to a writable folder to edit it."


def disk_read_only(path: str) -> bool:
    """Return whether the file or its folder refuses writes."""
    # The write bits are checked as well as access() so that root honours a file marked read-only.
    folder = os.path.dirname(os.path.abspath(path))
    mode_ro = not (os.stat(path).st_mode & 0o222)
    return mode_ro or not os.access(path, os.W_OK) or not os.access(folder, os.W_OK)


def checked_version(path: str, create: bool) -> int:
    """Return the schema version of the file at path (0 when new or blank); raise CaseError if unusable."""
    name = os.path.basename(path)
    if not os.path.exists(path):
        if not create:
            raise CaseError(f"{name} does not exist. Check the path or create a new case.")
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
            raise CaseError(f"Cannot create {name}: the folder {folder} is missing or not writable.")
        return 0
    if os.path.isdir(path):
        raise CaseError(f"{name} is a folder, not a Parallax case.")
    if not os.path.isfile(path):  # reading a FIFO or a device would block or never end
        raise CaseError(f"{name} is not a regular file (a pipe or a device), not a Parallax case.")
    return 0 if is_blank(path) else inspect_case_file(path)


def older_format_error(path: str, reason: str) -> CaseError:
    """Return the error for an old-format file that cannot be upgraded now."""
    return CaseError(
        f"{os.path.basename(path)} uses an older case format that must be upgraded, "
        f"but it cannot be written now ({reason.split(';')[0]}). "
        "Close the other window or make the file writable, then open it again."
    )


def open_writable(path: str, version: int) -> CaseDb:
    """Back up an old-format file, connect in WAL mode and migrate the schema."""
    try:
        if 0 < version < SCHEMA_VERSION:
            backup(path, f"{path}.v{version}.bak")
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        db = CaseDb(conn)
        # WAL + synchronous=FULL: every committed verdict is fsynced before the key that gave it
        # returns, so an acknowledged verdict survives a crash of the window and a power cut.
        # NORMAL would lose the last transactions on a power cut, and a commit on another thread
        # would acknowledge verdicts not yet on disk; neither is needed: one verdict's transaction
        # takes under a millisecond here (bench/bench_keys.py, "case write ms"), and a burst of
        # keys applies about a frame of verdicts per event-loop turn, so a slower disk makes a
        # burst take longer, never freezes the window.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        migrate(db)
        return db
    except sqlite3.DatabaseError as exc:
        raise CaseError(f"{os.path.basename(path)} could not be prepared ({exc}); it was left as it was.") from exc
