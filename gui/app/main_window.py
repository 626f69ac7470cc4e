"""The main window: assembles the widgets around the Workspace and builds menus from the registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.case.claim_wording import claim_heading
from gui.app.claim_card_fit import ClaimCardFit
from gui.app.edit_commands import EditCommands
from gui.app.file_commands import FileCommands
from gui.app.judgement_dialogs import JudgementDialogs
from gui.app.recent_menu import RecentMenu
from gui.app.triage_commands import BURST_METHODS, TriageCommands
from gui.app.url_fetch import UrlFetcher
from gui.app.view_commands import ViewCommands
from gui.app.window_chrome import Banner, build_docks, build_status_bar
from gui.app.window_settings import restore_window, save_window
from gui.panels.annotations_panel import AnnotationsPanel
from gui.panels.claim_view import ClaimView
from gui.panels.steady_label import SteadyLabel
from gui.panels.claims_table import ClaimsTable
from gui.panels.facts_view import FactsView
from gui.panels.inspector import Inspector
from gui.panels.set_aside_panel import SetAsidePanel
from gui.panels.source_list import SourceList
from gui.panels.triage_panel import TriagePanel
from gui.panes.find_bar import FindBar
from gui.panes.pane_area import PaneArea
from gui.state.actions import ACTIONS, MENUS

BUSY_DELAY_MS = 500  # work shorter than this shows no progress bar (no flicker)
NOTICE_MS = 12000
NARROW_WINDOW = 1400  # px of window width below which the side panel starts at its narrow width
LEFT_DOCK_NARROW, LEFT_DOCK_WIDE = 270, 360  # px of the Sources/Triage panel as it starts
INSPECTOR_MIN_WINDOW = 1800  # px of window width below which a 4+ pane case starts without the inspector
COMMAND_GROUPS = (
    "files",
    "edits",
    "triage",
    "judgements",
    "views",
)  # the "group" of an action's "group.method" handler


class MainWindow(QMainWindow):
    """Show a case: claim view, panes, claims table, source list, inspector, triage; actions from the registry."""

    # Built by window_chrome.build_docks and build_status_bar.
    source_list: SourceList
    triage_panel: TriagePanel
    left_dock: QDockWidget
    inspector: Inspector
    inspector_dock: QDockWidget
    annotations_panel: AnnotationsPanel
    annotations_dock: QDockWidget
    set_aside_panel: SetAsidePanel
    set_aside_dock: QDockWidget
    current_label: QLabel
    triage_label: SteadyLabel
    progress: QProgressBar
    cancel_button: QPushButton

    def __init__(
        self,
        workspace,
        resources_dir: Path | None = None,
        data_dir: Path | None = None,
        settings: QSettings | None = None,
        fetch_url=None,
    ):
        super().__init__()
        self.ws = workspace
        self.resources_dir = Path(resources_dir) if resources_dir else None
        self.data_dir = Path(data_dir) if data_dir else None
        self.settings = settings  # None: nothing remembered (tests, scripts)
        self.actions_by_id: dict[str, QAction] = {}
        self.click_history: list = []  # PassageRefs clicked, newest last (for link); ids change on re-align
        self.files, self.edits = FileCommands(self), EditCommands(self)
        self.triage, self.views = TriageCommands(self), ViewCommands(self)
        self.judgements = JudgementDialogs(self)
        self.url_fetcher = UrlFetcher(workspace, fetch_url, self)
        self.url_fetcher.busyChanged.connect(self._on_busy)
        self._fit_to_screen()
        self.setAcceptDrops(True)
        if self.resources_dir and (self.resources_dir / "icons" / "parallax.svg").is_file():
            self.setWindowIcon(QIcon(str(self.resources_dir / "icons" / "parallax.svg")))
        self._build_central()
        build_docks(self)
        self.claim_view.queue_filters = self.triage_panel.filters
        self._docks_sized = False
        build_status_bar(self)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._build_menus()
        workspace.message.connect(self._on_message)
        workspace.busyChanged.connect(self._on_busy)
        workspace.progressChanged.connect(lambda f: self.progress.setValue(int(f * 100)))
        workspace.verdictsChanged.connect(self._update_status)
        workspace.setAsideChanged.connect(self._update_status)
        workspace.alignmentChanged.connect(self._update_status)
        workspace.currentChanged.connect(self._update_status)
        workspace.sourcesChanged.connect(self.update_title)
        workspace.sourcesChanged.connect(self._size_docks)
        workspace.undo_stack.indexChanged.connect(self._update_status)
        self.update_title()
        self._update_status()
        self._restored = settings is not None and restore_window(self, settings)
        self.card_fit = ClaimCardFit(self, settings)  # the claim view as tall as its claim needs

    def _fit_to_screen(self) -> None:
        """Start within the screen's free area (a 1366x768 laptop included), status bar on screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is None:
            self.resize(1500, 920)
            return
        # The frame (title bar, borders) is not in the widget size: leave room for it.
        self.resize(min(1800, free.width() - 16), min(1000, free.height() - 40))
        self.move(free.x() + max(0, (free.width() - self.width()) // 2), free.y())

    # ----- assembly -------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = Banner("#ffe08a", False, central)
        self.take_over_button = self.read_only_banner.add_button("Take over…", self.files.take_over_case)
        self.notice = Banner("#f8c4b4", True, central)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.hide)
        self.reading = QSplitter(Qt.Orientation.Vertical, central)
        self.reading.setObjectName("reading")
        self.reading.setChildrenCollapsible(False)
        self.claim_view = ClaimView(self.ws, self.reading)
        self.claim_view.setMinimumHeight(120)
        self.pane_area = PaneArea(self.ws, self.reading)
        self.pane_area.setMinimumHeight(160)
        self.reading.addWidget(self.claim_view)
        self.reading.addWidget(self.pane_area)
        self.reading.setStretchFactor(0, 2)
        self.reading.setStretchFactor(1, 3)
        self.pane_area.splitter.splitterMoved.connect(lambda *_: self.pane_area.show_current())
        self.reading.splitterMoved.connect(lambda *_: self.pane_area.show_current())
        self.stack = QStackedWidget(central)
        self.stack.addWidget(self.reading)
        self.claims_table = ClaimsTable(self.ws, self.stack)
        self.stack.addWidget(self.claims_table)
        self.facts_view = FactsView(self.ws, self.stack)
        self.stack.addWidget(self.facts_view)
        self.facts_view.cellChosen.connect(self.views.show_fact_cell)
        self.find_bar = FindBar(self.pane_area, central)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.notice)
        column.addWidget(self.stack, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.ws.sourcesChanged.connect(self._wire_panes)
        self._wire_panes()

    def _wire_panes(self) -> None:
        for pane in self.pane_area.panes:
            if not pane.clicks_wired:
                pane.passageClicked.connect(self._remember_click)
                pane.clicks_wired = True

    def _remember_click(self, passage_id: str) -> None:
        ref = self.ws.passage_ref(passage_id)
        if ref is not None:
            self.click_history = [r for r in self.click_history if r != ref][-15:] + [ref]

    def current_pane(self):
        """Return the pane with the keyboard focus, else the current passage's, else the first."""
        focus = QGuiApplication.focusObject()
        for pane in self.pane_area.panes:
            if focus is pane.view or focus is pane.view.viewport():
                return pane
        return self.pane_area.pane_of_passage(self.ws.current_passage_id) or (
            self.pane_area.panes[0] if self.pane_area.panes else None
        )

    def focus_reading(self) -> None:
        """Give the keyboard to the claim view when shown, else to the pane in use (J/K/1-4 work there)."""
        if self.stack.currentWidget() is self.reading and self.claim_view.isVisible():
            self.claim_view.setFocus()
            return
        pane = self.current_pane()
        if pane is not None:
            pane.view.setFocus()

    def toggle_dock(self, dock) -> None:
        """Show or hide a side panel."""
        if dock is not None:
            dock.setVisible(not dock.isVisible())
            if dock.isVisible():
                self.statusBar().clearMessage()  # e.g. "Inspector hidden…" would now be false

    def triage_progress_text(self) -> str:
        """Return the queue's one count line ("12 of 47 triaged · 2 set aside")."""
        return self.triage.triage_progress_text()

    def _build_menus(self) -> None:
        menus = {name: self.menuBar().addMenu("&" + name) for name in MENUS}
        for spec in ACTIONS:
            action = QAction(spec.text, self)
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(spec.shortcuts[0] not in {"1", "2", "3", "4", "0"})
            action.setStatusTip(spec.help)
            action.setToolTip(f"{spec.text} ({', '.join(spec.shortcuts)})")
            action.setObjectName(spec.id)
            group, method = spec.handler.split(".", 1)
            if group != "triage" or method not in BURST_METHODS:
                action.triggered.connect(self.triage.key_burst.settle)  # act where the waiting keys lead
            action.triggered.connect(self.handler(spec.handler))
            menus[spec.menu].addAction(action)
            self.addAction(action)  # shortcuts work with the menu bar hidden too
            self.actions_by_id[spec.id] = action
        self.source_list.context_actions = [
            self.actions_by_id[i] for i in ("file.source_details", "file.open_original")
        ]
        self.recent_menu = RecentMenu(self.data_dir, self.files.open_case, self)
        menus["File"].insertMenu(self.actions_by_id["file.export"], self.recent_menu)

    def handler(self, name: str):
        """Return the method an action's "group.method" handler names ("window.close" is the window's)."""
        group, method = name.split(".", 1)
        if group == "window":
            return getattr(self, method)
        if group not in COMMAND_GROUPS:
            raise KeyError(name)
        return getattr(getattr(self, group), method)

    # ----- status -------------------------------------------------------------------------------
    def update_title(self) -> None:
        """Name the case in the title bar and show the read-only banner when edits cannot be saved."""
        case = self.ws.case
        name = Path(case.path).stem if case is not None and case.path else "unsaved"
        # "document — application", the desktop's own order; ending in the application's display
        # name also keeps Qt from appending it a second time ("Parallax — demo — Parallax").
        self.setWindowTitle(f"{name}" + (" (read-only)" if self.ws.read_only else "") + " — Parallax")
        if self.ws.read_only:
            reason = getattr(case, "read_only_reason", "") or "opened in another window"
            self.read_only_banner.show_text(
                f"Read-only: {reason.rstrip('. ')}. You can read and export; changes are blocked."
            )
            self.take_over_button.setVisible(getattr(case, "lock_owner", None) is not None)
        else:
            self.read_only_banner.hide()

    def _update_status(self) -> None:
        self.triage_label.setText(self.triage_progress_text())
        div = self.ws.current_divergence()
        if div is not None:
            verdict = self.ws.verdicts.get(div.key)
            state = verdict.verdict.replace("_", " ") if verdict and verdict.verdict else "untriaged"
            self.current_label.setText(f"{div.type}: {div.summary}  [{state}]")
        elif self.ws.current_claim() is not None:
            claim = self.ws.current_claim()
            found = self.ws.analysis_status() or f"{len(claim.divergences)} divergences"
            self.current_label.setText(
                f"{claim_heading(claim, self.ws.alignment)}: {len(claim.members)} passages, {found}"
            )
        elif self.ws.loader.busy:
            self.current_label.setText("Loading sources…")
        elif self.ws.alignment is None and self.ws.visible_sources():
            self.current_label.setText("Aligning…")
        else:
            self.current_label.setText("")

    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(text, NOTICE_MS)
        if any(word in text for word in ("Refused", "Not saved", "Alignment failed", "Could not", "Read-only")):
            self.notice.show_text(text)
            self._notice_timer.start(NOTICE_MS)

    def _others_busy(self) -> bool:
        export = getattr(self, "_export_runner", None)
        return self.ws.busy or self.url_fetcher.busy or (export is not None and export.busy)

    def _on_busy(self, busy: bool) -> None:
        still = self._others_busy()
        if busy:
            self.progress.setValue(0)
            self._busy_timer.start()
        elif not still:
            self._busy_timer.stop()
            self.progress.hide()
            self.cancel_button.hide()
        self._update_status()

    def _show_busy(self) -> None:
        if self._others_busy():
            # A download cannot say how far it is: the bar then moves without a percentage.
            downloading_only = self.url_fetcher.busy and not self.ws.busy
            self.progress.setRange(0, 0 if downloading_only else 100)
            self.progress.show()
            self.cancel_button.show()

    # ----- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        self.files.open_paths(paths)
        event.acceptProposedAction()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            QTimer.singleShot(0, self._size_docks)

    def _size_docks(self) -> None:
        """Give the docks only what they need, once, when the first panes are shown."""
        if self._docks_sized or not self.isVisible() or not self.pane_area.panes:
            return
        self._docks_sized = True
        if self._restored:
            return  # the checker's own layout from the last run wins
        # Five panes need about 1,200 px; on a narrower screen the inspector waits for Ctrl+I.
        if self.width() < INSPECTOR_MIN_WINDOW and len(self.pane_area.panes) >= 4:
            self.inspector_dock.hide()
            self.ws.message.emit("Inspector hidden to give the panes room: Ctrl+I shows it.")
        # On a laptop the side panel starts narrow: three panes of a readable measure then fit.
        left = LEFT_DOCK_NARROW if self.width() < NARROW_WINDOW else LEFT_DOCK_WIDE
        self.resizeDocks([self.left_dock, self.inspector_dock], [left, 360], Qt.Orientation.Horizontal)
        self.card_fit.fit()

    def closeEvent(self, event) -> None:
        if self.settings is not None:
            save_window(self, self.settings)
        self.url_fetcher.cancel()
        self.ws.close()
        super().closeEvent(event)
