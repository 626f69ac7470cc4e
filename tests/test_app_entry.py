"""The `parallax` command answers --help and --version without opening a window."""

import subprocess
import sys
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parent.parent


def _parallax(*args):
    return subprocess.run([sys.executable, str(ROOT / "app.py"), *args], capture_output=True, text=True, timeout=60)


def test_version_prints_the_package_version_and_exits():
    from core import __version__

    done = _parallax("--version")
    assert (done.returncode, done.stdout) == (0, f"parallax {__version__}\n")


def test_help_lists_the_three_commands_and_exits():
    done = _parallax("--help")
    assert done.returncode == 0
    assert "parallax align FILE..." in done.stdout and "parallax export" in done.stdout


def test_align_help_and_export_help_print_their_options():
    align = _parallax("align", "--help")
    export = _parallax("export", "--help")
    assert align.returncode == 0 and "--json" in align.stdout
    assert export.returncode == 0 and "--format" in export.stdout


def test_a_missing_xcb_cursor_library_is_named_instead_of_a_qt_abort(monkeypatch):
    import ctypes.util

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert "libxcb-cursor0" in app.missing_qt_system_library()


def test_every_missing_xcb_library_is_named_with_its_package_in_one_line(monkeypatch):
    import ctypes.util

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    absent = {"xcb-icccm", "xcb-keysyms"}
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name in absent else f"lib{name}.so")
    message = app.missing_qt_system_library()
    assert message == (
        "Qt's X11 plugin needs libxcb-icccm, libxcb-keysyms; install them "
        "(Debian/Ubuntu: apt install libxcb-icccm4 libxcb-keysyms1; "
        "Fedora: dnf install xcb-util-wm xcb-util-keysyms)"
    )


def test_a_standalone_build_counts_the_libraries_it_carries(monkeypatch, tmp_path):
    import ctypes.util

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    for name, _, _ in app.QT_XCB_LIBRARIES:
        (tmp_path / f"lib{name}.so.0").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert app.missing_qt_system_library() == ""


def test_the_offscreen_platform_needs_no_x11_library(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_qt_system_library() == ""
