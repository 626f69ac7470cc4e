"""Coalesce bursts of triage keys: moves and verdicts that arrive faster than the window paints."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

# An intent is (family, argument): ("divergence", ±1), ("claim", ±1), ("unique", 1), ("verdict", "confirmed").
Intent = tuple[str, object]


class KeyBurst(QObject):
    """Apply the first key at once; keys that arrive before the next event-loop turn wait and apply together.

    A user holding J, or typing "j2j2j2" faster than a large case repaints, would otherwise queue
    one full repaint per key and freeze the window for seconds.  Here the keys pressed while the
    window was busy are applied in one go on the next turn: every verdict still lands on the item
    it was meant for (in order), but the selection and its repaint happen once per turn.  The
    apply function may stop when its time budget is spent and return the intents it left, so a
    long burst of verdicts (each one a case write) never holds the event loop for long.
    """

    def __init__(self, apply: Callable[[list[Intent]], list[Intent] | None], parent: QObject | None = None):
        super().__init__(parent)
        self._apply = apply
        self._pending: list[Intent] = []
        self._turn_open = False  # True from an apply until the event loop has turned once
        # The next turn is a timer, not a posted call: Qt delivers every posted event (the keys
        # that arrived, the repaint this batch asked for) before its timers, and a chain of
        # posted calls would hold other timers back for as long as the burst lasts.
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._next_turn)

    def push(self, intent: Intent) -> None:
        """Apply an intent now when the window is idle, or keep it for the next event-loop turn."""
        if self._turn_open:
            self._pending.append(intent)
            return
        self._run([intent])

    def settle(self) -> None:
        """Apply the waiting intents now (before an action that reads the current item)."""
        while self._pending:
            batch, self._pending = self._pending, []
            self._pending = list(self._apply(batch) or []) + self._pending

    def pending(self) -> int:
        """Return the number of intents waiting for the next turn."""
        return len(self._pending)

    def _run(self, batch: list[Intent]) -> None:
        self._turn_open = True
        try:
            # apply() may stop at its time budget and hand back the rest: it goes first next turn.
            self._pending = list(self._apply(batch) or []) + self._pending
        finally:
            # The keys that arrived while this batch ran are delivered before the timer fires,
            # so they join the next batch; the window paints this one first.
            self._turn.start()

    def _next_turn(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self._run(batch)
        else:
            self._turn_open = False
