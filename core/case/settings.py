"""User-level settings: the checker's name and the recent-cases list (platformdirs locations)."""

from __future__ import annotations

import getpass
import json
import os
import tempfile
from pathlib import Path
from typing import Optional

import platformdirs

APP_NAME = "Parallax"
RECENT_FILE = "recent-cases.json"
RECENT_LIMIT = 10


def default_user_name() -> str:
    """Return the login name, the author written into audit entries unless the user sets another."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no passwd entry and no LOGNAME/USER (containers)
        name = ""
    return name.strip() or "unknown"


def data_dir() -> Path:
    """Return the per-user folder where Parallax keeps its cases and lists."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def recent_cases_file(folder: Optional[Path] = None) -> Path:
    """Return the file that lists recently opened cases."""
    return Path(folder if folder is not None else data_dir()) / RECENT_FILE


def load_recent(list_file: Path) -> list[str]:
    """Return the recent case paths, newest first; an unreadable list counts as empty."""
    try:
        data = json.loads(Path(list_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [p for p in data if isinstance(p, str) and p]


def existing_recent(list_file: Path) -> list[str]:
    """Return the recent case paths that still exist on disk, newest first."""
    return [p for p in load_recent(list_file) if os.path.isfile(p)]


def _write_atomically(target: Path, text: str) -> None:
    # Write next to the target then rename, so a crash never leaves half a list.
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".recent-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def remember_recent(list_file: Path, case_path: str, limit: int = RECENT_LIMIT) -> list[str]:
    """Put a case at the top of the recent list (once), keep at most limit, and return the list."""
    absolute = os.path.abspath(case_path)
    paths = [absolute] + [p for p in load_recent(list_file) if p != absolute]
    paths = paths[:limit]
    _write_atomically(Path(list_file), json.dumps(paths, indent=1))
    return paths


def forget_recent(list_file: Path, case_path: str) -> list[str]:
    """Remove a case from the recent list and return the list."""
    absolute = os.path.abspath(case_path)
    paths = [p for p in load_recent(list_file) if p != absolute]
    _write_atomically(Path(list_file), json.dumps(paths, indent=1))
    return paths
