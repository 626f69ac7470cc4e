"""Print the HTML report to an A4 PDF through Qt's rich-text engine (works headless and off the UI thread)."""

from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from core.errors import Cancelled

MARGIN_MM = 15.0
RESOLUTION_DPI = 300
BODY_POINTS = 9
LAYOUT_SHARE = 0.3  # of the progress bar: laying the report out, before the first page prints

_app: QGuiApplication | None = None  # the CLI's own application, kept as long as the process


def _ensure_app() -> None:
    """Create a QGuiApplication when the caller (the CLI) has none: Qt's fonts need one."""
    if QGuiApplication.instance() is None:
        # Printing needs no screen: offscreen works on servers without a display or xcb libraries.
        # Kept in the module so it lives as long as the process; the CLI exits right after.
        global _app
        _app = QGuiApplication(["parallax", "-platform", "offscreen"])


def write_pdf(html: str, path, progress=None, should_cancel=None) -> None:
    """Write the HTML as a PDF file at path (A4, 15 mm margins), page by page; raise OSError when it cannot.

    progress(fraction) is told after the layout and after every page; should_cancel() is asked
    between pages, and a cancelled export raises Cancelled (the caller drops the partial file).
    """
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
    # A paginated document prints as laid out, inside the writer's margins; Qt lays out text at
    # 96 logical dots per inch, so the page is sized in those and the painter scaled to the writer.
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    page = QSizeF(rect.width() * 96 / 72, rect.height() * 96 / 72)
    document.setPageSize(page)
    pages = document.pageCount()
    if progress is not None:
        progress(LAYOUT_SHARE)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Qt could not write {os.fspath(path)}")
    try:
        scale = writer.resolution() / 96
        painter.scale(scale, scale)
        for number in range(pages):
            if should_cancel is not None and should_cancel():
                raise Cancelled("PDF export cancelled")
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
            painter.restore()
            if progress is not None:
                progress(LAYOUT_SHARE + (1 - LAYOUT_SHARE) * (number + 1) / pages)
    finally:
        painter.end()
        del writer  # the file is finished when the writer is destroyed
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise OSError(f"Qt could not write {os.fspath(path)}")
