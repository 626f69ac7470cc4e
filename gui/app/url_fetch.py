"""Add from URL: download an article off the UI thread, with progress, cancel and a clear failure."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from core.errors import Cancelled, SourceError
from gui.state.tasks import TaskRunner


def _default_fetch(url: str):
    from core.ingest.url import fetch_url

    return fetch_url(url)


class UrlFetcher(QObject):
    """Fetch one URL at a time with a fetch function (injectable for tests); add the result to the case."""

    busyChanged = Signal(bool)

    def __init__(self, workspace, fetch: Callable | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = workspace
        self._fetch = fetch or _default_fetch
        self._url = ""
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_fetched)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(lambda _t: self.ws.message.emit(f"Stopped downloading {self._url}."))
        self.runner.busyChanged.connect(self.busyChanged)

    @property
    def busy(self) -> bool:
        """Return True while a download runs."""
        return self.runner.busy

    def start(self, url: str) -> None:
        """Download url in the background; a newer request replaces an older one."""
        self._url = url.strip()
        if not self._url:
            return
        self.ws.message.emit(f"Downloading {self._url}…")
        self.runner.start(self._download, self._url)

    def cancel(self) -> None:
        """Stop waiting for the download (its result is dropped)."""
        self.runner.cancel()

    def _download(self, url: str, progress=None, should_cancel=None):
        # urllib cannot report progress or stop mid-read: the bar shows "working", cancel drops the result.
        if progress is not None:
            progress(0.0)
        source = self._fetch(url)
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        return source

    def _on_fetched(self, _token: int, source) -> None:
        self.ws.add_sources([source])
        self.ws.message.emit(f"Added {source.label} from {self._url}.")

    def _on_failed(self, _token: int, exc: object) -> None:
        if isinstance(exc, SourceError):
            self.ws.message.emit(f"Could not add {self._url}: {exc.reason.rstrip('.')}.")
        else:
            self.ws.message.emit(f"Could not add {self._url}: {type(exc).__name__}: {exc}")
