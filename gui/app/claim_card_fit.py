"""Keep the claim view above the panes as tall as the current claim needs, up to the user's chosen height."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

# Without a height of the user's own, the claim view takes at most this share of the reading
# area: a claim of twenty sources scrolls inside it, and the panes keep the rest.
DEFAULT_SHARE = 0.4
# A new height is set only when the content needs this many px more or less than shown: each
# change re-lays out every pane's text, and a line more or less is not worth it on every J.
SLACK_PX = 24
SETTING = "window/claim_view_height"  # the height the user dragged the claim view to, in px
# The claim view is fitted to a new current item once no key came for this long: a new height
# re-lays out the panes (about 90 ms at 20 sources), so a burst of keys ("j 2 j 2 ...") gets one fit.
SETTLE_MS = 200


class ClaimCardFit(QObject):
    """Fit the reading splitter's claim view to its content when the claim changes, within a cap.

    The cap is the height the user last dragged the claim view to (remembered between runs), else
    `DEFAULT_SHARE` of the reading area; a short claim leaves the rest to the panes.
    """

    def __init__(self, window, settings=None):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.cap: int | None = None  # px the user chose; None: DEFAULT_SHARE of the reading area
        if settings is not None:
            saved = settings.value(SETTING)
            if saved is not None and str(saved).isdigit():
                self.cap = int(saved)
        self._due = False
        self._fitting = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.fit)
        window.reading.splitterMoved.connect(self._dragged)
        window.ws.currentChanged.connect(self._current_changed)
        window.ws.alignmentChanged.connect(self.fit_soon)
        window.reading.installEventFilter(self)  # a taller or shorter window: fit again
        window.claim_view.installEventFilter(self)  # shown again (Ctrl+1): fit what it shows now

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        win = self.window
        if (obj is win.reading and event.type() == QEvent.Type.Resize) or (
            obj is win.claim_view and event.type() == QEvent.Type.Show
        ):
            self.fit_soon()
        return False

    def _current_changed(self, *_args) -> None:
        """Fit for a new current item once the keys rest: the claim shows at once, its height follows.

        A new height re-lays out every pane (about 90 ms at 20 sources), more than a key may take;
        "j 2 j 2 ..." never waits for it, and one fit follows the last key.
        """
        self._settle.start()  # (re)started on every change

    def fit_soon(self) -> None:
        """Fit once the claim view has drawn the new claim (at the end of this event-loop turn)."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self, self.fit)

    def limit(self) -> int:
        """Return the most px the claim view takes: the user's height, else a share of the reading area."""
        reading = self.window.reading.height()
        cap = self.cap if self.cap is not None else int(reading * DEFAULT_SHARE)
        view = self.window.claim_view
        # Never so tall that the panes go below their own minimum, nor past the view's own bounds.
        cap = min(cap, reading - self.window.pane_area.minimumHeight(), view.maximumHeight())
        return max(view.minimumHeight(), cap)

    def fit(self) -> None:
        """Give the claim view the height its content needs, between its minimum and the limit."""
        self._due = False
        self._settle.stop()
        win = self.window
        view, reading = win.claim_view, win.reading
        if not view.isVisible() or reading.height() <= 0:
            return
        limit = self.limit()
        wanted = max(view.minimumHeight(), min(limit, content_height(view, limit)))
        sizes = reading.sizes()
        if len(sizes) != 2 or abs(sizes[0] - wanted) <= SLACK_PX and sizes[0] <= limit:
            return
        self._fitting = True
        try:
            reading.setSizes([wanted, sum(sizes) - wanted])
        finally:
            self._fitting = False
        win.pane_area.show_current()  # levelled again for the panes' new height

    def _dragged(self, _pos: int, _index: int) -> None:
        """Take the height the user dragged the claim view to as the cap, and remember it."""
        if self._fitting:
            return
        self.cap = self.window.claim_view.height()
        if self.settings is not None:
            self.settings.setValue(SETTING, self.cap)


def content_height(view, limit: int) -> int:
    """Return the px the claim view's content needs at its width (rows past `limit` are not laid out)."""
    body = view.body
    layout = body.layout()
    margins = layout.contentsMargins()
    width = view.viewport().width() - margins.left() - margins.right()
    spacing = layout.spacing()
    height = margins.top() + margins.bottom()
    for label in (view.title, view.majority, view.hint):
        if label.isVisibleTo(body):
            height += label.heightForWidth(width) + spacing
    for row in view.rows:
        if height > limit:
            break  # the view scrolls from here: the rows further down keep waiting to be drawn
        if row.isVisibleTo(body):
            row.fill()
            height += row.expected_height()
    return height
