"""Exports of an annotated comparison: HTML, Markdown, CSV and JSON (PDF lives in gui.dialogs.pdf_writer)."""
from core.export.csv_out import COLUMNS, render_csv
from core.export.data import ExportData, ExportOptions, collect
from core.export.html import render_html
from core.export.json_out import render_json
from core.export.markdown import render_markdown

__all__ = ["COLUMNS", "ExportData", "ExportOptions", "collect", "render_csv", "render_html",
           "render_json", "render_markdown"]
