"""Print the HTML report to an A4 PDF through Qt's rich-text engine (works headless)."""
from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

MARGIN_MM = 15.0
RESOLUTION_DPI = 300
BODY_POINTS = 9


def _ensure_app() -> None:
    """Create a QGuiApplication when the caller (the CLI) has none: Qt's fonts need one."""
    if QGuiApplication.instance() is None:
        # Printing needs no screen: offscreen works on servers without a display or xcb libraries.
        # Kept on the function so it lives as long as the process; the CLI exits right after.
        _ensure_app.app = QGuiApplication(["parallax", "-platform", "offscreen"])


def write_pdf(html: str, path) -> None:
    """Write the HTML as a PDF file at path (A4, 15 mm margins); raise OSError when it cannot."""
    _ensure_app()
    writer = QPdfWriter(os.fspath(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle("Parallax comparison")
    writer.setCreator("Parallax")
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont("DejaVu Sans", BODY_POINTS))
    document.setHtml(html)
    # A paginated document prints as laid out, inside the writer's margins (instead of Qt's own
    # extra 2 cm); Qt lays out text at 96 logical dots per inch, so the page is sized in those.
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width() * 96 / 72, rect.height() * 96 / 72))
    document.print_(writer)
    del writer  # the file is finished when the writer is destroyed
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise OSError(f"Qt could not write {os.fspath(path)}")
