"""One writer per case: a lock file next to the case naming the owner's pid and host."""
from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class LockOwner:
    """Who holds a case open for writing."""
    pid: int
    host: str


def lock_path(case_path: str) -> str:
    """Return the lock file that goes with a case file."""
    return case_path + ".lock"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    except OSError:
        return False
    return True


def read_owner(case_path: str) -> Optional[LockOwner]:
    """Return the recorded owner of the lock, or None when there is no readable lock."""
    try:
        with open(lock_path(case_path), encoding="utf-8") as handle:
            data = json.load(handle)
        return LockOwner(int(data["pid"]), str(data["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(owner: Optional[LockOwner]) -> bool:
    """Return True when the lock's owner is a dead process on this host (or the lock is unreadable)."""
    if owner is None:
        return True
    return owner.host == socket.gethostname() and not _pid_alive(owner.pid)


def acquire(case_path: str) -> Optional[LockOwner]:
    """Take the lock; return None on success, else the live owner who holds it."""
    for _attempt in range(2):
        try:
            fd = os.open(lock_path(case_path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            owner = read_owner(case_path)
            if not is_stale(owner):
                return owner
            try:
                os.remove(lock_path(case_path))  # a crashed instance left it behind
            except FileNotFoundError:
                pass
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"pid": os.getpid(), "host": socket.gethostname()}, handle)
        return None
    return read_owner(case_path) or LockOwner(-1, "?")


def release(case_path: str) -> None:
    """Remove the lock if this process holds it."""
    owner = read_owner(case_path)
    if owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname():
        try:
            os.remove(lock_path(case_path))
        except FileNotFoundError:
            pass
