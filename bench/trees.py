"""Check out an earlier revision of this repository into a folder, to benchmark it in the same run."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export_tree(rev: str, folder: Path) -> Path:
    """Write the files of a git revision into folder (created) and return it."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder
