"""Parallax entry point: `parallax [CASE_OR_FILES...]` opens the window; `align` and `export` run headless."""

from __future__ import annotations

import sys
from pathlib import Path

# In a checkout and in an installed wheel alike, the resources package sits beside this module.
RESOURCES = Path(__file__).resolve().parent / "resources"

USAGE = """\
usage: parallax [--demo] [--case CASE.parallax] [CASE_OR_FILES...]
       parallax align FILE... [--json] [-o OUT]
       parallax export CASE_OR_FILES... --format html|pdf|md|csv|json -o OUT
       parallax strip-case CASE COPY
       parallax --version | --help

Compare how several outlets reported the same event: align the passages that report the same
fact, list where the sources diverge, triage every divergence from the keyboard.

  (no command)   open the window on a case or on article files (.txt, .md, .html);
                 the demo case on first run
  align          print the alignment of 2 to 50 articles (readable, or --json contract v1)
  export         write an annotated comparison of a case or of article files
  strip-case     copy the data of a refused case (hidden triggers, views) into a clean case

`parallax align --help` and `parallax export --help` list their options.
"""


def _qt_pdf_writer(html: str, path: str) -> None:
    """Print HTML to PDF through Qt; imported only when a PDF export is asked for."""
    from gui.dialogs.pdf_writer import write_pdf

    write_pdf(html, path)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the headless commands or open the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0
    if args and args[0] in ("-V", "--version"):
        from core import __version__

        print(f"parallax {__version__}")
        return 0
    if args and args[0] == "align":
        from core.cli.align import align_main  # keeps PySide6 out of the headless path

        return align_main(args[1:])
    if args and args[0] == "export":
        from core.cli.export import export_main

        return export_main(args[1:], pdf_writer=_qt_pdf_writer)
    if args and args[0] == "strip-case":
        from core.cli.strip import strip_main

        return strip_main(args[1:])
    missing = missing_qt_system_library()
    if missing:
        print(f"parallax: the window cannot start: {missing}", file=sys.stderr)
        return 1
    from gui.app.launch import run_window

    return run_window(args, RESOURCES)


def missing_qt_system_library() -> str:
    """Name the system package Qt's X11 plugin needs when it is absent (Linux only), else ""."""
    import os

    if not sys.platform.startswith("linux"):
        return ""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return ""  # offscreen, wayland, vnc...: the xcb plugin is not loaded
    if not os.environ.get("DISPLAY") and platform != "xcb":
        return ""  # Qt will pick another plugin or say itself that there is no display
    missing = [lib for lib in QT_XCB_LIBRARIES if not _library_present(lib[0])]
    if not missing:
        return ""
    names = ", ".join(f"lib{name}" for name, _, _ in missing)
    return (
        f"Qt's X11 plugin needs {names}; install {'it' if len(missing) == 1 else 'them'} "
        f"(Debian/Ubuntu: apt install {' '.join(deb for _, deb, _ in missing)}; "
        f"Fedora: dnf install {' '.join(rpm for _, _, rpm in missing)})"
    )


# The libraries Qt 6's xcb plugin links that desktop installs often lack (`ldd libqxcb.so`):
# (library, Debian/Ubuntu package, Fedora package).
QT_XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0", "xcb-util-cursor"),
    ("xcb-icccm", "libxcb-icccm4", "xcb-util-wm"),
    ("xcb-keysyms", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("xcb-image", "libxcb-image0", "xcb-util-image"),
    ("xcb-render-util", "libxcb-render-util0", "xcb-util-renderutil"),
    ("xkbcommon-x11", "libxkbcommon-x11-0", "libxkbcommon-x11"),
)


def _library_present(name: str) -> bool:
    """Tell whether the system, or the standalone build's own folder, has lib<name>."""
    import ctypes.util

    if ctypes.util.find_library(name) is not None:
        return True
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller build carries the libraries it found
    return bundle is not None and any(Path(bundle).glob(f"lib{name}.so*"))


def gui_main() -> int:
    """Entry point of the `parallax-gui` launcher (no console window on Windows)."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
