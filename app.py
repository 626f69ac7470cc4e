"""Parallax entry point: `parallax [CASE_OR_FILES...]` opens the window; `align` and `export` run headless."""
from __future__ import annotations

import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent / "resources"


def _qt_pdf_writer(html: str, path: str) -> None:
    """Print HTML to PDF through Qt; imported only when a PDF export is asked for."""
    from gui.export_pdf import write_pdf
    write_pdf(html, path)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the headless commands or open the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "align":
        from core.cli import align_main  # keeps PySide6 out of the headless path
        return align_main(args[1:])
    if args and args[0] == "export":
        from core.export.command import export_main
        return export_main(args[1:], pdf_writer=_qt_pdf_writer)
    from gui.launch import run_window
    return run_window(args, RESOURCES)


if __name__ == "__main__":
    sys.exit(main())
