"""Start the window: parse the command line, open the demo, a case or files, align in the background."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from core.case.error_wording import skipped_message
from gui.app.recent_cases import recent_cases, remember_case

APP_NAME = "Parallax"
ORGANIZATION = "Parallax"
DEMO_CASE = "demo.parallax"
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


@dataclass
class LaunchRequest:
    """What the command line asks for."""

    demo: bool = False
    case: str | None = None
    files: list[str] = field(default_factory=list)
    error: str = ""


def parse_args(args: list[str]) -> LaunchRequest:
    """Read `--demo`, `--case FILE`, a .parallax file and article files from the command line."""
    request = LaunchRequest()
    items = list(args)
    while items:
        arg = items.pop(0)
        if arg == "--demo":
            request.demo = True
        elif arg == "--case":
            if not items:
                request.error = "--case needs a file name"
                break
            request.case = items.pop(0)
        elif arg.startswith("--case="):
            request.case = arg.split("=", 1)[1]
        elif arg.endswith(".parallax") and request.case is None:
            request.case = arg
        elif arg.startswith("-"):
            request.error = f"unknown option {arg}"
            break
        else:
            request.files.append(arg)
    return request


def user_data_dir() -> Path:
    """Return the per-user folder of the demo case and the recent-cases list."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, ORGANIZATION)


def demo_files(resources_dir: Path) -> list[Path]:
    """Return the demo articles shipped in resources/samples, in name order."""
    samples = Path(resources_dir) / "samples"
    if not samples.is_dir():
        return []
    return sorted(
        p for p in samples.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.upper().startswith("README")
    )


def choose_case(request: LaunchRequest, data_dir: Path, resources_dir: Path) -> tuple[str, list[str]]:
    """Return the case path to open and the files to add to it."""
    data_dir = Path(data_dir)
    demo_path = str(data_dir / DEMO_CASE)
    demo = [str(p) for p in demo_files(resources_dir)]
    if request.case:
        return request.case, request.files
    if request.demo:
        return demo_path, demo
    if request.files:
        stem = Path(request.files[0]).stem or "sources"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return str(data_dir / "cases" / f"{stem}-{stamp}.parallax"), request.files
    recent = recent_cases(data_dir)
    if recent:
        return recent[0], []
    return demo_path, demo


def open_workspace(request: LaunchRequest, data_dir: Path, resources_dir: Path):
    """Open the case the request names; return the Workspace, a problem to report, the files to add."""
    from core.case.store import Case
    from core.errors import CaseError
    from gui.state.workspace import Workspace

    path, files = choose_case(request, data_dir, resources_dir)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    problem = ""
    try:
        case = Case.open(path, create=True)
    except CaseError as exc:
        # A corrupt or foreign case must not lose anything: leave it alone, work in a fresh one.
        problem = f"Could not open {Path(path).name}: {str(exc).rstrip('.')}. Opened a new case instead."
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = str(Path(data_dir) / "cases" / f"recovered-{stamp}.parallax")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        case = Case.open(path, create=True)
    workspace = Workspace(case)
    skipped = skipped_message(case)
    if skipped:
        problem = (problem + " " if problem else "") + skipped
    # The demo is copied in once; later launches show it as the checker left it.
    demo_like = request.case is None and not request.files
    to_add = files if files and (not demo_like or not workspace.sources) else []
    remember_case(data_dir, path)
    return workspace, problem, to_add


def build_window(args: list[str], resources_dir: Path, data_dir: Path | None = None):
    """Create the Workspace and the MainWindow for a command line (the QApplication must exist)."""
    from PySide6.QtCore import QSettings

    from gui.app.main_window import MainWindow

    request = parse_args(args)
    data_dir = Path(data_dir) if data_dir is not None else user_data_dir()
    workspace, problem, files = open_workspace(request, data_dir, resources_dir)
    # Window layout is remembered per user, beside the user's recent cases.
    settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
    if files:
        # Loading starts before the window is built: the files are read while Qt makes the widgets,
        # and they join the case on the event loop's first turn.
        workspace.add_files(files)
    window = MainWindow(workspace, resources_dir, data_dir, settings=settings)
    if request.error:
        workspace.message.emit(f"Ignored the command line: {request.error}.")
    if problem:
        workspace.message.emit(problem)
    return window


def run_window(args: list[str], resources_dir: Path) -> int:
    """Run the application window until it closes; return the exit status."""
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from gui.style import theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)
    # Lets Wayland and X11 docks match the window to resources/desktop/parallax.desktop and its icon.
    QGuiApplication.setDesktopFileName("parallax")
    icon = Path(resources_dir) / "icons" / "parallax.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyleSheet(theme.style_sheet(Path(resources_dir)))
    window = build_window(args, Path(resources_dir))
    window.show()
    return app.exec()
