"""File > Open recent: the cases of core.case.settings' recent list, newest first, missing ones greyed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtWidgets import QMenu, QWidget

from core.case.settings import forget_recent, load_recent, recent_cases_file


class RecentMenu(QMenu):
    """List the recent cases; choosing one calls open_case(path); rebuilt each time it opens."""

    def __init__(self, data_dir: Optional[Path], open_case: Callable[[str], None], parent: QWidget | None = None):
        super().__init__("Open &recent", parent)
        self.setObjectName("file.recent")
        self._data_dir = Path(data_dir) if data_dir is not None else None
        self._open_case = open_case
        self.aboutToShow.connect(self.refresh)
        self.refresh()

    def paths(self) -> list[str]:
        """Return the listed case paths, newest first (missing files included, greyed)."""
        if self._data_dir is None:
            return []
        return load_recent(recent_cases_file(self._data_dir))

    def refresh(self) -> None:
        """Rebuild the entries from the recent list on disk."""
        self.clear()
        paths = self.paths()
        if not paths:
            self.addAction("No recent cases").setEnabled(False)
            return
        for number, path in enumerate(paths, 1):
            exists = os.path.isfile(path)
            # &1..&9 let the keyboard pick an entry once the menu is open.
            prefix = f"&{number} " if number < 10 else "  "
            action = self.addAction(prefix + Path(path).name + ("" if exists else "  (missing)"))
            action.setData(path)
            action.setToolTip(path if exists else f"{path} no longer exists")
            action.setStatusTip(action.toolTip())
            action.setEnabled(exists)
            action.triggered.connect(lambda _=False, p=path: self._open_case(p))
        self.addSeparator()
        self.addAction("Forget missing cases", self.forget_missing).setEnabled(
            any(not os.path.isfile(p) for p in paths)
        )

    def forget_missing(self) -> None:
        """Drop the cases that no longer exist from the recent list."""
        list_file = recent_cases_file(self._data_dir)
        for path in self.paths():
            if not os.path.isfile(path):
                forget_recent(list_file, path)
        self.refresh()
