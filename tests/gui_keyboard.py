"""Drive a real main window from the keyboard: open a case, press keys, answer modal dialogs."""

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from core.case.store import Case
from core.ingest.sources import load_path
from core.model import Source
from gui.app.main_window import MainWindow
from gui.state.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
ARTICLES = {".txt", ".html"}


def text_source(outlet: str, text: str) -> Source:
    """Return a plain-text source of an invented outlet."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Source(key=outlet.lower(), text=text, sha256=digest, kind="txt", path=f"{outlet.lower()}.txt", outlet=outlet)


def window_on_texts(qtbot, texts: dict[str, str]) -> MainWindow:
    """Return a laptop-sized window without a case, aligned on {outlet: text}, the first pane holding the keyboard."""
    ws = Workspace(debounce_ms=0)
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=10000):
        ws.add_sources([text_source(o, t) for o, t in texts.items()])
    win.pane_area.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.pane_area.panes[0].view, timeout=2000)
    return win


def story_window(qtbot, size=(1366, 740), settings=None) -> MainWindow:
    """Return a shown window on the test doubles' story sources, the claim view holding the keyboard."""
    from gui_doubles import fake_analyze, story_sources

    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws, settings=settings)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    win.claim_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.claim_view, timeout=2000)
    return win


def sample_paths(samples_dir: Path) -> list[Path]:
    """Return the demo articles in name order."""
    return sorted(p for p in Path(samples_dir).iterdir() if p.suffix in ARTICLES)


def make_case(path: Path, sources) -> Path:
    """Create a case file holding these article paths; return its path."""
    with Case.open(path, create=True, author="ana") as case:
        for source_path in sources:
            case.add_source(load_path(source_path))
    return path


def open_window(qtbot, case_path: Path, data_dir: Path | None = None) -> MainWindow:
    """Open a case in a new window, wait for the alignment and give the first pane the keyboard."""
    ws = Workspace(Case.open(case_path, create=False, author="ana"), debounce_ms=0)
    win = MainWindow(ws, data_dir=data_dir)
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: ws.alignment is not None and not ws.busy, timeout=20000)
    focus_pane(qtbot, win, 0)
    return win


def focus_pane(qtbot, win: MainWindow, index: int) -> None:
    """Put the keyboard focus in one pane's text."""
    view = win.pane_area.panes[index].view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=3000)


def press(qtbot, win: MainWindow, key, modifier=NONE) -> None:
    """Press one key where the keyboard focus is, as the user would."""
    if QApplication.activeModalWidget() is None and not win.isActiveWindow():
        # A closed dialog gives the window back under a window manager; offscreen Qt needs asking.
        win.activateWindow()
        QTest.qWaitForWindowActive(win, 2000)
        if not win.isActiveWindow():
            QApplication.setActiveWindow(win)
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)
    QApplication.processEvents()  # a user's next key comes after the event loop has turned
    QApplication.processEvents()  # a user's next key comes after the event loop has turned


def answer_dialog(qtbot, steps, *then) -> list:
    """Arrange for the next modal dialog to get these (key, modifier) or text steps.

    Each further list of steps in `then` answers the next dialog, opened after this one closed.
    Returns a list that receives (dialog class name, sorted child widget class names, label texts)
    when it opens.
    """
    seen = []
    answered = [0]  # how many dialogs were answered; the dialogs themselves are marked, not kept

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.property("answered_by_test"):
            QTimer.singleShot(10, act)
            return
        dialog.setProperty("answered_by_test", True)
        answered[0] += 1
        labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
        seen.append((type(dialog).__name__, sorted({type(w).__name__ for w in dialog.findChildren(QWidget)}), labels))
        # Headless platforms do not activate a new dialog by themselves; a window manager would.
        dialog.activateWindow()
        QTest.qWaitForWindowActive(dialog, 2000)
        for step in steps:
            focus = QApplication.focusWidget()
            target = focus if focus is not None and focus.window() is dialog else dialog.focusWidget() or dialog
            if isinstance(step, str):
                qtbot.keyClicks(target, step)
            else:
                qtbot.keyClick(target, *step)
        if answered[0] <= len(then):
            steps_ = then[answered[0] - 1]
            QTimer.singleShot(0, lambda: _next(steps_))

    def _next(next_steps):
        nonlocal steps
        steps = next_steps
        act()

    QTimer.singleShot(0, act)
    return seen


def wait_aligned(qtbot, ws, timeout: int = 20000) -> None:
    """Wait until no alignment is pending or running."""
    qtbot.waitUntil(lambda: not ws._debounce.isActive() and not ws.busy and ws.alignment is not None, timeout=timeout)
