"""One writer per case: a lock file next to the case naming its owner, created in one atomic step.

The owner's record (pid, host, the process's start time, the boot it belongs to, a nonce) is
written to a private temporary file first and then hard-linked to the lock's name: link fails if
the name exists, so exactly one of several racing processes wins and nobody ever sees a lock
without its owner. A lock is stale only when its owner is provably gone: a dead pid on this host,
a pid now used by a process that started at another time, or a previous boot. A lock from
another host is never taken automatically: the user decides (take_over).
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Optional

# An unreadable lock this young may be one being written by a program using plain O_EXCL:
# leave it alone. Older than this, a lock without a readable owner is the remains of a crash.
YOUNG_SECONDS = 10.0
ATTEMPTS = 5


@dataclass(frozen=True)
class LockOwner:
    """Who holds a case open for writing (pid -1: a lock whose owner cannot be read yet)."""

    pid: int
    host: str
    started: str = ""
    boot: str = ""
    nonce: str = ""

    @property
    def unknown(self) -> bool:
        """Return True for a lock whose owner could not be read."""
        return self.pid < 0


def lock_path(case_path: str) -> str:
    """Return the lock file that goes with a case file."""
    return case_path + ".lock"


def _read_small(path: str) -> Optional[str]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(4096)
        return data.decode("utf-8", "replace")
    except OSError:
        return None


def process_start(pid: int) -> str:
    """Return when a process started (clock ticks since boot, from /proc), or "" when unknown."""
    text = _read_small(f"/proc/{pid}/stat")
    if not text or ")" not in text:
        return ""
    fields = text.rsplit(")", 1)[1].split()
    return fields[19] if len(fields) > 19 else ""  # field 22 of stat(5); fields[0] is field 3


def boot_id() -> str:
    """Return this boot's identifier (Linux), or "" when the system does not say."""
    return (_read_small("/proc/sys/kernel/random/boot_id") or "").strip()


def _me() -> LockOwner:
    return LockOwner(os.getpid(), socket.gethostname(), process_start(os.getpid()), boot_id(), uuid.uuid4().hex)


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


def _parse(text: Optional[str]) -> Optional[LockOwner]:
    if not text:
        return None
    try:
        data = json.loads(text)
        return LockOwner(
            int(data["pid"]),
            str(data["host"]),
            str(data.get("started", "")),
            str(data.get("boot", "")),
            str(data.get("nonce", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_owner(case_path: str) -> Optional[LockOwner]:
    """Return the recorded owner of the lock, or None when there is no readable lock."""
    return _parse(_read_small(lock_path(case_path)))


def is_stale(owner: Optional[LockOwner]) -> bool:
    """Return True when the owner is provably gone: dead, its pid reused, or from an earlier boot.

    An unreadable owner (None) is not judged here: its age decides (see acquire).
    """
    if owner is None or owner.host != socket.gethostname():
        return False
    if owner.boot and boot_id() and owner.boot != boot_id():
        return True
    if not _pid_alive(owner.pid):
        return True
    started = process_start(owner.pid)
    return bool(owner.started and started and owner.started != started)


def _age(path: str) -> float:
    try:
        return time.time() - os.stat(path).st_mtime
    except OSError:
        return 0.0


def _create(path: str, owner: LockOwner) -> bool:
    """Create the lock with its content in one step; return False when it already exists."""
    record = json.dumps(
        {"pid": owner.pid, "host": owner.host, "started": owner.started, "boot": owner.boot, "nonce": owner.nonce}
    ).encode("utf-8")
    temp = f"{path}.{owner.nonce}.tmp"
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    try:
        try:
            os.write(fd, record)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # a file system without hard links: fall back to O_EXCL and write at once
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        try:
            os.write(fd, record)
            os.fsync(fd)
        finally:
            os.close(fd)
        return True
    finally:
        try:
            os.remove(temp)
        except FileNotFoundError:
            pass


def _remove_if_unchanged(path: str, seen: Optional[str]) -> None:
    """Delete the lock only if it still holds what was judged stale (one breaker at a time)."""
    breaker = path + ".break"
    try:
        fd = os.open(breaker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        if _age(breaker) > YOUNG_SECONDS:  # a breaker that crashed mid-way
            try:
                os.remove(breaker)
            except FileNotFoundError:
                pass
        return
    try:
        if _read_small(path) == seen:
            os.remove(path)
    except FileNotFoundError:
        pass
    finally:
        os.close(fd)
        os.remove(breaker)


def acquire(case_path: str) -> Optional[LockOwner]:
    """Take the lock; return None on success, else the owner who holds it (pid -1 if unreadable)."""
    path = lock_path(case_path)
    me = _me()
    for _attempt in range(ATTEMPTS):
        if _create(path, me):
            _remember(case_path, me)
            return None
        seen = _read_small(path)
        owner = _parse(seen)
        if owner is None:
            if seen is None:
                continue  # released between our attempt and the read: try again
            if _age(path) <= YOUNG_SECONDS:
                return LockOwner(-1, "")  # being written right now, or just crashed: do not judge yet
        elif not is_stale(owner):
            return owner
        _remove_if_unchanged(path, seen)
    return read_owner(case_path) or LockOwner(-1, "")


def take_over(case_path: str, owner: Optional[LockOwner]) -> Optional[LockOwner]:
    """Replace the lock the user chose to take over (it still names owner); return as acquire does."""
    seen = _read_small(lock_path(case_path))
    current = _parse(seen)
    if seen is not None and (current == owner or (current is None and owner is not None and owner.unknown)):
        _remove_if_unchanged(lock_path(case_path), seen)
    return acquire(case_path)


_HELD: dict[str, str] = {}  # case path -> nonce of the lock this process wrote


def _remember(case_path: str, owner: LockOwner) -> None:
    _HELD[os.path.abspath(case_path)] = owner.nonce


def release(case_path: str) -> None:
    """Remove the lock if this process holds it (the nonce tells it from a lock taken over)."""
    nonce = _HELD.pop(os.path.abspath(case_path), None)
    owner = read_owner(case_path)
    if owner is None or owner.pid != os.getpid() or owner.host != socket.gethostname():
        return
    if nonce is not None and owner.nonce and owner.nonce != nonce:
        return
    try:
        os.remove(lock_path(case_path))
    except FileNotFoundError:
        pass
