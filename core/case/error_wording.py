"""Word a case's failures for the user: a failed write, a case held by another program, unread values."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

from core.case.lock import LockOwner
from core.errors import CaseError


def write_error(exc: sqlite3.DatabaseError) -> CaseError:
    """Word a failed write: what was lost (this change only) and what to do."""
    text = str(exc).lower()
    if "full" in text:
        return CaseError(
            "The disk is full: this change was not saved; everything saved before it "
            "is intact. Free some disk space and try again."
        )
    if "locked" in text or "busy" in text:
        return CaseError("The case is busy in another program: this change was not saved. Try again.")
    if "readonly" in text or "read-only" in text:
        return CaseError(
            "The case file has become read-only: this change was not saved. "
            "Check the file's permissions, or save a copy elsewhere."
        )
    return CaseError(f"This change could not be saved ({exc}); everything saved before it is intact.")


def held_reason(owner: LockOwner) -> str:
    """Word why a case opened read-only because another program holds its lock."""
    if owner.unknown:
        return "This case is being opened by another program right now; opened read-only."
    where = "" if owner.host == socket.gethostname() else f" on {owner.host}"
    return f"This case is open in another Parallax window (pid {owner.pid}{where}); opened read-only."


def skipped_message(case) -> str:
    """Word the values of a case that could not be read and were left out, or "" when none."""
    problems = getattr(case, "problems", None)
    if not problems:
        return ""
    return f"Could not read parts of {Path(case.path).name}; they were left out: {'; '.join(problems)}."
