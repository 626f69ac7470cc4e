"""The hint over the pane row that names the current claim's sources scrolled out of its view."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

HINT_NAMES = 3  # out-of-view panes the hint names; more are counted by side
SHORTER_NAMES = (24, 16, 10)  # characters a name is cut to, in turn, when the hint does not fit
EDGE = 8  # px between the hint and the row's bottom right corner, and the least left of it
EDGE_PX = 45  # px of a pane that may show at the row's edge while it still counts as out of view


def _sources(count: int) -> str:
    """Return "1 source" or "n sources"."""
    return f"{count} source" + ("" if count == 1 else "s")


def _advice(is_claim: bool, focus_mode: str) -> str:
    """Return the key that brings the panes in."""
    # Ctrl+Shift+C shows a claim's sources only; it does nothing for a claim-less item and, once
    # on, shows every source again: then only smaller text fits more panes in the row.
    return "Ctrl+Shift+C shows only its sources" if is_claim and focus_mode != "claim" else "Ctrl+- fits more panes"


def _lead(is_claim: bool) -> str:
    return f"Also in this {'claim' if is_claim else 'item'}, out of view:"


def hint_text(before: list[str], after: list[str], is_claim: bool, focus_mode: str) -> str:
    """Return the hint for the sources out of view to the left (`before`) and right (`after`)."""
    if len(before) + len(after) <= HINT_NAMES:
        names = [f"← {name}" for name in before] + [f"{name} →" for name in after]
    else:  # twenty sources' names would run off the window: count them by side
        names = [f"← {_sources(len(before))}"] * bool(before) + [f"{_sources(len(after))} →"] * bool(after)
    return f"{_lead(is_claim)} {', '.join(names)} · {_advice(is_claim, focus_mode)}"


def _cut(name: str, chars: int) -> str:
    """Return a name cut to about `chars` characters in its middle, or whole when it is short enough."""
    # Both ends stay: outlets often share a first word ("The Daily …") and differ at the end.
    if len(name) <= chars:
        return name
    head = chars // 2
    return name[:head].rstrip() + "…" + name[len(name) - (chars - head - 1) :].lstrip()


def fitted_hint_text(
    before: list[str], after: list[str], is_claim: bool, focus_mode: str, room: int, width_of: Callable[[str], int]
) -> str:
    """Return the first hint that fits `room` px: names whole, then cut shorter, then counted by side.

    The key that brings the panes in goes last (the tooltip still says it): a name tells the
    checker which source is missing, the key only how to see it.
    """
    lead, advice = _lead(is_claim), _advice(is_claim, focus_mode)
    counted = [f"← {_sources(len(before))}"] * bool(before) + [f"{_sources(len(after))} →"] * bool(after)
    shapes: list[list[str]] = []
    if len(before) + len(after) <= HINT_NAMES:
        for chars in (0, *SHORTER_NAMES):
            cut = (lambda n: n) if not chars else (lambda n, c=chars: _cut(n, c))
            shapes.append([f"← {cut(n)}" for n in before] + [f"{cut(n)} →" for n in after])
    candidates = [f"{lead} {', '.join(names)} · {advice}" for names in shapes]
    candidates += [f"{lead} {', '.join(shapes[-1])}"] if shapes else []
    candidates += [f"{lead} {', '.join(counted)} · {advice}", f"{lead} {', '.join(counted)}"]
    return next((text for text in candidates if width_of(text) <= room), candidates[-1])


def hint_tooltip(before: list[str], after: list[str], is_claim: bool, focus_mode: str) -> str:
    """Return every out-of-view source by its whole name, one a line, and the key that brings them in."""
    lines = [f"← {name}" for name in before] + [f"{name} →" for name in after]
    return "\n".join([_lead(is_claim), *lines, _advice(is_claim, focus_mode)])


class OffscreenHint:
    """Name the panes of the current claim (or item) scrolled out of the row's view, at its bottom right."""

    def __init__(self, area):
        self.area = area
        scroller = area.scroller
        # Five sources do not fit side by side on a laptop: the checker knows they exist and how to see them.
        self.label = QLabel(scroller)
        self.label.setObjectName("offscreenHint")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAutoFillBackground(True)
        self.label.hide()
        self._room = QSize()  # the viewport size the hint was placed for
        self._asked: tuple | None = None  # what the hint was last worked out for
        bar = scroller.horizontalScrollBar()
        bar.valueChanged.connect(lambda _value: self.update())
        # The row's width changes when panes show or hide (Ctrl+Shift+C): look again once laid out.
        bar.rangeChanged.connect(lambda *_: QTimer.singleShot(0, self.update))

    def forget(self) -> None:
        """Work the hint out again on its next update (names or panes may have changed)."""
        self._asked = None

    def follow_resize(self) -> None:
        """Keep the hint at the row's bottom right after the row changed size."""
        if self.label.isVisible():
            QTimer.singleShot(0, self.update)

    def out_of_view(self) -> tuple[list, list]:
        """Return the panes holding the current claim or item that lie left and right of the row's view."""
        area, ws = self.area, self.area.ws
        claim = ws.current_claim()
        holders = [p for p in area.panes if p.member_passages(claim)] if claim is not None else area.item_panes()
        bar = area.scroller.horizontalScrollBar()
        left, right = bar.value(), bar.value() + area.scroller.viewport().width()
        before, after = [], []
        for pane in holders:
            cell = pane.parentWidget()
            if cell is None:
                continue
            if cell.x() + cell.width() <= left + EDGE_PX:
                before.append(pane)
            elif cell.x() >= right - EDGE_PX:
                after.append(pane)
        return before, after

    def update(self) -> None:
        """Show which panes holding the current claim (or item) are out of the row's view, or hide the hint."""
        area, ws = self.area, self.area.ws
        claim = ws.current_claim()
        bar = area.scroller.horizontalScrollBar()
        viewport = area.scroller.viewport()
        # Asked after every move: the same claim in the same row at the same scroll gives the same hint.
        asked = (
            claim.id if claim is not None else None,  # within one alignment (a new one starts afresh)
            None if claim is not None else ws.current_divergence_key,
            area.focus_mode,
            bar.value(),
            viewport.size().toTuple(),
            tuple(area.splitter.sizes()),
            tuple(area.panes),
        )
        if asked == self._asked:
            return
        self._asked = asked
        before, after = ([_name(p) for p in side] for side in self.out_of_view())
        if not before and not after:
            self.label.hide()
            return
        self.label.ensurePolished()  # the style sheet's font, padding and border
        metrics = QFontMetrics(self.label.font())
        frame = self.label.sizeHint().width() - metrics.horizontalAdvance(self.label.text())
        room = viewport.width() - 2 * EDGE - frame
        text = fitted_hint_text(
            before, after, claim is not None, area.focus_mode, room, lambda t: metrics.horizontalAdvance(t)
        )
        if self.label.isVisible() and text == self.label.text() and viewport.size() == self._room:
            return  # most J presses: the same hint in the same place, no text layout again
        self._room = viewport.size()
        self.label.setText(text)
        self.label.setToolTip(hint_tooltip(before, after, claim is not None, area.focus_mode))
        self.label.adjustSize()
        # Bottom right, over the last lines of text rather than over a pane's name.
        self.label.move(
            max(0, viewport.width() - self.label.width() - EDGE), max(0, viewport.height() - self.label.height() - EDGE)
        )
        self.label.show()
        self.label.raise_()


def _name(pane) -> str:
    """Return the name a pane's source goes by in the window."""
    source = pane.source()
    return source.label if source is not None else pane.source_key
