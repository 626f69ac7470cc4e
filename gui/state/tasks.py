"""Run plain functions on QThreadPool with progress, cancel and token-stamped results."""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.errors import Cancelled


class _Relay(QObject):
    """Carry a worker's reports back to the UI thread (queued signals)."""

    progress = Signal(int, float)
    partial = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)


class _Job(QRunnable):
    """Call fn(*args, progress=..., should_cancel=...) on a pool thread and report through a relay."""

    def __init__(
        self, token: int, fn: Callable, args: tuple, relay: _Relay, flag: threading.Event, partial: bool = False
    ):
        super().__init__()
        self.setAutoDelete(True)
        self._token, self._fn, self._args, self._relay, self._flag = token, fn, args, relay, flag
        self._partial = partial  # fn takes on_partial=: a first result before the whole one

    def run(self) -> None:
        token, relay, flag = self._token, self._relay, self._flag

        def emit(signal, *args) -> None:
            try:
                signal.emit(*args)
            except RuntimeError:
                pass  # the runner was destroyed (window closed) while this job ran: nobody listens

        def progress(fraction: float) -> None:
            emit(relay.progress, token, float(fraction))

        def should_cancel() -> bool:
            return flag.is_set()

        def on_partial(result: object) -> None:
            if not flag.is_set():
                emit(relay.partial, token, result)

        extra = {"on_partial": on_partial} if self._partial else {}
        try:
            result = self._fn(*self._args, progress=progress, should_cancel=should_cancel, **extra)
        except Cancelled:
            emit(relay.cancelled, token)
        except Exception as exc:  # report every failure to the UI (it keeps its traceback) instead of losing it
            emit(relay.failed, token, exc)
        else:
            if flag.is_set():
                emit(relay.cancelled, token)
            else:
                emit(relay.finished, token, result)


class TaskRunner(QObject):
    """Run one kind of background job at a time; a newer job makes every older result stale."""

    # Signals carry the job's token; only the latest token's results reach `finished`, `failed`
    # and `progress`, so a slow job that ends after the user moved on never overwrites the view.
    # With keep_all, jobs run side by side and every result is delivered (file loading).
    started = Signal(int)
    progress = Signal(int, float)
    partial = Signal(int, object)  # a first result of the latest job (on_partial), before `finished`
    finished = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None, keep_all: bool = False):
        super().__init__(parent)
        self._keep_all = keep_all  # True: every job's result counts (loading files), none is stale
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.partial.connect(self._on_partial)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.cancelled.connect(self._on_cancelled)
        self._token = 0
        self._flags: dict[int, threading.Event] = {}
        self._busy = False

    @property
    def token(self) -> int:
        """Return the token of the latest job started."""
        return self._token

    @property
    def busy(self) -> bool:
        """Return True while the latest job has not reported back."""
        return self._busy

    def start(self, fn: Callable[..., Any], *args: Any, partial: bool = False) -> int:
        """Start fn(*args, progress=, should_cancel=) in the pool, cancel older jobs, return the token.

        partial: fn also takes on_partial=, a callable it may call with a first result; the latest
        job's first results arrive as `partial`, always before its `finished`.
        """
        if not self._keep_all:
            for flag in self._flags.values():
                flag.set()
        self._token += 1
        flag = threading.Event()
        self._flags[self._token] = flag
        self._pool.start(_Job(self._token, fn, args, self._relay, flag, partial))
        self._set_busy(True)
        self.started.emit(self._token)
        return self._token

    def cancel(self) -> None:
        """Ask every running job to stop; the latest one reports `cancelled`."""
        for flag in self._flags.values():
            flag.set()

    def is_current(self, token: int) -> bool:
        """Return True when token belongs to the latest job."""
        return token == self._token

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used on close and in tests)."""
        return self._pool.waitForDone(msecs)

    def _retire(self, token: int) -> bool:
        self._flags.pop(token, None)
        if self._keep_all:
            if not self._flags:
                self._set_busy(False)
            return True
        if token != self._token:
            return False
        self._set_busy(False)
        return True

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    @Slot(int, float)
    def _on_progress(self, token: int, fraction: float) -> None:
        if token == self._token or self._keep_all:
            self.progress.emit(token, fraction)

    @Slot(int, object)
    def _on_partial(self, token: int, result: object) -> None:
        # Queued signals from one job arrive in order: a partial result always precedes `finished`.
        flag = self._flags.get(token)
        if flag is not None and not flag.is_set() and (token == self._token or self._keep_all):
            self.partial.emit(token, result)

    @Slot(int, object)
    def _on_finished(self, token: int, result: object) -> None:
        if self._retire(token):
            self.finished.emit(token, result)

    @Slot(int, object)
    def _on_failed(self, token: int, exc: object) -> None:
        if self._retire(token):
            self.failed.emit(token, exc)

    @Slot(int)
    def _on_cancelled(self, token: int) -> None:
        if self._retire(token):
            self.cancelled.emit(token)
