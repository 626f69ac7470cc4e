"""The row of source panes in a splitter, scrolled together by alignment."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from gui.panes.linkmap import LinkMap
from gui.panes.ruler import OverviewRuler
from gui.panes.offscreen_hint import OffscreenHint
from gui.panes.source_pane import SourcePane

MAX_PANES = 8
# Above this many characters shown, a new alignment fills the panes in one per event-loop turn
# (the current claim's pane first), so the window answers keys while a large case paints.
PROGRESSIVE_CHARS = 60_000
MEASURE = 45  # characters a pane's line must hold at least: below this, reading is scrolling
FOCUS_MODES = ("all", "claim", "pair")


def measure_width(view, chars: int = MEASURE) -> int:
    """Return the width in px of a text view that shows `chars` average characters a line."""
    metrics = QFontMetrics(view.font())
    margins = 2 * int(view.document().documentMargin()) + view.verticalScrollBar().sizeHint().width()
    return chars * metrics.averageCharWidth() + margins + view.viewportMargins().left()


def _pane_in(cell: QWidget) -> SourcePane:
    """Return the source pane of a cell of the row."""
    return cast(SourcePane, cell.findChild(SourcePane))  # _make_cell puts one in every cell


class PaneArea(QWidget):
    """Show the visible sources side by side and keep their aligned passages level."""

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.panes: list[SourcePane] = []
        self._cells: dict[str, QWidget] = {}
        self._syncing = False
        self._fill_token = 0
        self._to_fill: list[SourcePane] = []
        self.focus_mode = "all"  # which panes show: every source, the current claim's, a chosen pair
        self._pair: list[str] = []
        self.tint_all = False  # tint every claim's passages, not only the current claim's
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(3)
        # Beyond what fits, the row scrolls sideways: panes never shrink below a readable measure.
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.splitter)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Names the current claim's sources whose panes are scrolled out of the row's view.
        self.hint = OffscreenHint(self)
        self.offscreen = self.hint.label
        self.empty = QLabel("Add articles with Ctrl+O, drop files here, or paste text with Ctrl+Shift+V.", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroller, 1)
        workspace.sourcesChanged.connect(self.rebuild)
        workspace.alignmentChanged.connect(self._on_alignment)
        workspace.currentChanged.connect(self._on_current)
        self.rebuild()

    def pane(self, source_key: str) -> SourcePane | None:
        """Return the pane showing a source."""
        return next((p for p in self.panes if p.source_key == source_key), None)

    def pane_of_passage(self, passage_id: str | None) -> SourcePane | None:
        """Return the pane whose document holds a passage."""
        if not passage_id or self.ws.alignment is None:
            return None
        try:
            key = self.ws.alignment.document_of(passage_id).source.key
        except (IndexError, ValueError):
            return None
        return self.pane(key)

    def set_focus(self, mode: str, pair: list[str] | None = None) -> None:
        """Show every pane ("all"), the current claim's sources' ("claim") or two chosen ones ("pair")."""
        if mode not in FOCUS_MODES:
            raise ValueError(mode)
        self.focus_mode = mode
        self._pair = list(pair or [])
        self.rebuild()
        QTimer.singleShot(0, self.show_current)

    def focused_keys(self) -> list[str]:
        """Return the keys of the sources whose panes show under the focus mode, in pane order."""
        keys = [s.key for s in self.ws.visible_sources()]
        if self.focus_mode == "pair":
            chosen = [k for k in keys if k in self._pair]
            return chosen if len(chosen) == 2 else keys
        if self.focus_mode == "claim":
            claim = self.ws.current_claim()
            al = self.ws.alignment
            if claim is not None and al is not None:
                docs = {m.split(":")[0] for m in claim.members}
                members = [d.source.key for d in al.documents if d.id in docs]
                return [k for k in keys if k in members] or keys
        return keys

    def set_tint_all(self, on: bool) -> None:
        """Tint every claim's passages (True) or only the current claim's (False)."""
        self.tint_all = bool(on)
        for cell in self._cells.values():
            pane = _pane_in(cell)
            pane.tint_all = self.tint_all
            pane.refresh()

    def rebuild(self) -> None:
        """Put one pane per visible source in the row, in order, reusing existing panes."""
        self.hint.forget()  # names or panes may have changed: the hint is worked out again
        visible = self.ws.visible_sources()[:MAX_PANES]
        if len(self.ws.visible_sources()) > MAX_PANES:
            self.ws.message.emit(f"Showing the first {MAX_PANES} sources; hide some (Ctrl+H) to see others.")
        all_keys = [s.key for s in visible]
        focused = [k for k in self.focused_keys() if k in all_keys]
        keys = all_keys
        for key in list(self._cells):
            if key not in keys:
                cell = self._cells.pop(key)
                cell.setParent(None)
                cell.deleteLater()
        for i, key in enumerate(keys):
            if key not in self._cells:
                self._cells[key] = self._make_cell(key)
            self.splitter.insertWidget(i, self._cells[key])
        for key in keys:
            self._cells[key].setVisible(key in focused)
        self.panes = [_pane_in(self._cells[k]) for k in focused]
        for i, pane in enumerate(self.panes):
            link = getattr(pane, "_linkmap", None)
            if link is not None:
                right = self.panes[i + 1] if i + 1 < len(self.panes) else None
                link.setVisible(right is not None)
                if right is not None and (link.left, link.right) != (pane, right):
                    link.set_panes(pane, right)
            pane.refresh()
        self._to_fill = []  # every shown pane has just taken the current alignment
        if self.panes:
            self.splitter.setSizes([1000] * self.splitter.count())
        self.empty.setVisible(not self.panes)
        self.splitter.setVisible(bool(self.panes))
        if self.panes and QApplication.focusWidget() is None:
            self.panes[0].view.setFocus()  # arrows and Page Down work at once, without a click

    def _make_cell(self, key: str) -> QWidget:
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        pane = SourcePane(self.ws, key, cell)
        pane.tint_all = self.tint_all
        pane.setMinimumWidth(measure_width(pane.view))
        pane.scrolledByUser.connect(self._sync_from)
        row.addWidget(pane, 1)
        pane._ruler = OverviewRuler(self.ws, pane, cell)
        row.addWidget(pane._ruler)
        pane._linkmap = LinkMap(self.ws, cell)
        row.addWidget(pane._linkmap)
        return cell

    def _on_alignment(self) -> None:
        self._fill_token += 1
        self.hint.forget()
        shown = sum(len(getattr(p.source(), "text", "") or "") for p in self.panes)
        if shown <= PROGRESSIVE_CHARS:
            self._to_fill = []
            for pane in self.panes:
                pane.refresh()
            return
        first = self.pane_of_passage(self.ws.current_passage_id) or (self.panes[0] if self.panes else None)
        self._to_fill = [first] + [p for p in self.panes if p is not first] if first is not None else []
        self._fill_next(self._fill_token)

    def filling(self) -> bool:
        """Return True while some panes still wait for the marks of the new alignment."""
        return bool(self._to_fill)

    def _fill_next(self, token: int) -> None:
        """Mark one more pane with the new alignment; its ruler and link maps follow it."""
        if token != self._fill_token or not self._to_fill:
            return
        pane = self._to_fill.pop(0)
        if pane in self.panes:
            pane.refresh()
            index = self.panes.index(pane)
            neighbours = [pane] + ([self.panes[index - 1]] if index > 0 else [])
            for widget in [pane._ruler] + [p._linkmap for p in neighbours]:
                widget.update()
        if self._to_fill:
            QTimer.singleShot(0, self, lambda: self._fill_next(token))

    def _on_current(self) -> None:
        if self.focus_mode == "claim" and self.focused_keys() != [p.source_key for p in self.panes]:
            self.rebuild()
        for pane in self.panes:
            pane.update_current()
        # Layout must be settled before positions are measured (first show, new text).
        QTimer.singleShot(0, self.show_current)

    def show_current(self) -> None:
        """Scroll every pane so that its member of the current claim is in view, all level."""
        for each in self.panes:
            each.view.settle_padding()
        claim = self.ws.current_claim()
        ref_pane = self.pane_of_passage(self.ws.current_passage_id)
        if claim is None:
            if ref_pane is not None:
                if self.scroller.horizontalScrollBar().maximum() > 0:
                    # A contradiction or a fact row: show the panes its words are in.
                    self._bring_into_view(self.item_panes() or [ref_pane], ref_pane)
                # Every pane holding the item's words shows them (the current passage in its own pane).
                al = self.ws.alignment
                shown = {id(ref_pane): (ref_pane, al.passage(self.ws.current_passage_id))}
                item = self.ws.current_divergence()
                for variant in item.variants if item is not None else ():
                    pane = self.pane_of_passage(variant.passage)
                    if pane is not None:
                        shown.setdefault(id(pane), (pane, al.passage(variant.passage)))
                for pane, p in shown.values():
                    if not pane.is_visible_y(pane.passage_y(p)):
                        pane.scroll_passage_to(p, pane.level_y())
            self.hint.update()
            return
        members = {id(p): p.member_passages(claim) for p in self.panes}
        if ref_pane is None or not members.get(id(ref_pane)):
            ref_pane = next((p for p in self.panes if members[id(p)]), None)
        if ref_pane is None:
            self.hint.update()
            return
        if self.scroller.horizontalScrollBar().maximum() > 0:
            self._bring_into_view([p for p in self.panes if members[id(p)]], ref_pane)
        # Each holder's first member: where it is now and the pane's offset in the row, measured once.
        holders = [(p, members[id(p)][0], self._offset(p)) for p in self.panes if members[id(p)]]
        now = {id(p): p.passage_y(first) for p, first, _off in holders}
        y = now[id(ref_pane)]
        if not ref_pane.is_visible_y(y) or y > ref_pane.view.viewport().height() * 0.6:
            y = ref_pane.level_y()
        # Each pane can only put its member within the range its scroll bar allows: pick the y
        # nearest the wish that every pane can reach, so the passages really sit level.
        # Work in the row's coordinates: headers of different heights shift each pane's text.
        y += self._offset(ref_pane)
        low, high = -(10**9), 10**9
        for pane, first, offset in holders:
            lo, hi = pane.reachable_y(first, now[id(pane)])
            low, high = max(low, lo + offset), min(high, hi + offset)
        if low <= high:
            y = max(low, min(high, y))
        self._syncing = True
        try:
            for pane, first, offset in holders:
                pane.scroll_passage_to(first, y - offset, now[id(pane)])
        finally:
            self._syncing = False
        self.hint.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Keep the out-of-view hint at the row's bottom right (a taller window moves the bottom)."""
        super().resizeEvent(event)
        self.hint.follow_resize()

    def item_panes(self) -> list[SourcePane]:
        """Return the panes holding the current queue item's words (a claim-less item), in pane order."""
        item = self.ws.current_divergence()
        if item is None:
            return []
        holders = [self.pane_of_passage(v.passage) for v in item.variants]
        return [p for p in self.panes if any(h is p for h in holders)]

    def _bring_into_view(self, holders: list, ref_pane: SourcePane) -> None:
        """Scroll the row sideways so the panes holding the current claim show, whole when they fit."""
        bar = self.scroller.horizontalScrollBar()
        width = self.scroller.viewport().width()
        cells = sorted((c for c in (p.parentWidget() for p in holders) if c is not None), key=lambda c: c.x())
        ref = ref_pane.parentWidget()
        if ref is None or not cells:
            return
        right = max(c.x() + c.width() for c in cells)
        if right - cells[0].x() > width:
            # Not all fit: keep the reference pane whole with as many holders before it as fit.
            cells = [c for c in cells if c.x() <= ref.x() and ref.x() + ref.width() - c.x() <= width] or [ref]
            right = ref.x() + ref.width()
        left = cells[0].x()
        if left < bar.value() or right > bar.value() + width:
            # Start the row at a pane's edge: a pane cut at the left shows neither its name nor its margin.
            bar.setValue(left)

    def _sync_from(self, source: SourcePane) -> None:
        """Level the other panes on the counterparts of the passage at the top of the scrolled pane."""
        if self._syncing:
            return
        doc = source.document()
        top = source.top_passage()
        if doc is None or top is None:
            return
        # The first aligned passage from the top decides: unique or boilerplate ones have no partner.
        claim, anchor = None, None
        for p in doc.passages[top.index : top.index + 12]:
            claim = self.ws.claim_of_passage(p.id)
            if claim is not None:
                anchor = p
                break
        if claim is None:
            return
        y = source.passage_y(anchor) + self._offset(source)
        self._syncing = True
        try:
            for pane in self.panes:
                if pane is source:
                    continue
                members = pane.member_passages(claim)
                if members:
                    pane.scroll_passage_to(members[0], y - self._offset(pane))
        finally:
            self._syncing = False

    def _offset(self, pane: SourcePane) -> int:
        """Return how far below the row's top a pane's text area starts."""
        return pane.view.viewport().mapTo(self, QPoint(0, 0)).y()

    def row_y(self, pane: SourcePane, passage) -> int:
        """Return a passage's first line in the row's coordinates (equal = level on screen)."""
        return pane.passage_y(passage) + self._offset(pane)

    def zoom(self, steps: int) -> None:
        """Zoom every pane's text."""
        for cell in self._cells.values():  # hidden panes too: they come back at the same size
            pane = _pane_in(cell)
            pane.zoom(steps)
            pane.setMinimumWidth(measure_width(pane.view))
        QTimer.singleShot(0, self.show_current)
