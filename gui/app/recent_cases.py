"""The recent-cases list of the window (no Qt): read it and put a case on top."""

from __future__ import annotations

from pathlib import Path

from core.case.settings import existing_recent, recent_cases_file, remember_recent

MAX_RECENT = 10


def recent_cases(data_dir: Path) -> list[str]:
    """Return the recently opened case paths that still exist, newest first."""
    return existing_recent(recent_cases_file(data_dir))


def remember_case(data_dir: Path, path: str) -> None:
    """Put a case at the top of the recent-cases list (core.case.settings' list, shared with the menu)."""
    try:
        remember_recent(recent_cases_file(data_dir), str(Path(path).resolve()), MAX_RECENT)
    except OSError:
        pass  # the recent list is a convenience; failing to write it must not stop the window
