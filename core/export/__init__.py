"""Exports of an annotated comparison: HTML, Markdown, CSV and JSON (PDF lives in gui.dialogs.pdf_writer)."""

from importlib import import_module

# Imported on first use: `parallax align --json` needs only core.export.contract, and loading
# every renderer would add to the start-up of each command.
_HOMES = {
    "COLUMNS": "csv_out",
    "render_csv": "csv_out",
    "ExportData": "data",
    "ExportOptions": "data",
    "collect": "data",
    "render_html": "html",
    "render_json": "json_out",
    "render_markdown": "markdown",
}

__all__ = [
    "COLUMNS",
    "ExportData",
    "ExportOptions",
    "collect",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
]


def __getattr__(name: str):
    """Return one of the export names, importing its module now."""
    if name not in _HOMES:
        raise AttributeError(f"module 'core.export' has no attribute {name!r}")
    value = getattr(import_module(f"core.export.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
