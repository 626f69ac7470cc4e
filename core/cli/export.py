"""`parallax export CASE_OR_FILES... --format html|pdf|md|csv|json -o OUT`: write an annotated comparison."""

from __future__ import annotations

import argparse
import os
import sys

from core.cli.output import OutputFailed, check_output, disk_message, write_atomically
from core.errors import ParallaxError

FORMATS = ("html", "pdf", "md", "csv", "json")
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".json": "json",
}


# One error for every export that cannot be written; the window catches it by this name.
ExportFailed = OutputFailed
__all__ = ["ExportFailed", "check_output", "export_main", "write_atomically", "write_export"]


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser of `parallax export`."""
    parser = argparse.ArgumentParser(
        prog="parallax export",
        description="Export an annotated comparison of a case (.parallax) or of 2 to 50 article files.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="CASE_OR_FILES",
        help="one .parallax case file, or article files (.txt, .md, .html)",
    )
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from OUT's extension)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    parser.add_argument(
        "--scope",
        choices=("all", "divergent"),
        help="all claims, or only those with divergences, verdicts or notes "
        "(default: divergent for PDF, whose every claim is a printed page's worth; all otherwise)",
    )
    parser.add_argument("--full-texts", action="store_true", help="append each source's full text")
    return parser


def default_scope(fmt: str) -> str:
    """Return the scope an export gets unless asked: PDF prints only divergent claims by default."""
    return "divergent" if fmt == "pdf" else "all"


def _fail(message: str) -> None:
    """Print one clear line on stderr."""
    print(f"parallax export: {message}", file=sys.stderr)


def _from_case(path: str, options):
    """Return export data for a case: its visible sources, edits, verdicts and annotations."""
    from core.analysis import analyze
    from core.case.store import Case
    from core.export.data import collect

    case = Case.open(path, create=False)
    try:
        hidden = case.hidden_sources()
        sources = [s for s in case.sources() if s.key not in hidden]
        if not sources:
            raise ExportFailed(f"{path}: the case has no visible sources")
        alignment = analyze(sources, [edit for _, edit in case.edits()])
        data = collect(case, alignment, options)
        for problem in case.problems:  # damaged values were skipped: say so, once each
            _fail(f"note: {path}: {problem}")
        return data
    finally:
        case.close()


def _from_files(paths: list[str], options):
    """Return export data for article files aligned on the spot (no verdicts or notes)."""
    from core.analysis import analyze
    from core.export.data import collect
    from core.ingest.sources import load_paths

    sources, errors = load_paths(paths)
    for error in errors:
        _fail(str(error))
    if len(sources) < 2:
        raise ExportFailed(f"need at least 2 usable sources, {len(sources)} left")
    return collect(None, analyze(sources), options)


def _render(fmt: str, data) -> str:
    """Return the text of a text format, or the HTML the PDF is printed from."""
    from core.export import render_csv, render_html, render_json, render_markdown

    return {"html": render_html, "pdf": render_html, "md": render_markdown, "csv": render_csv, "json": render_json}[
        fmt
    ](data)


def write_export(data, fmt: str, path: str, pdf_writer=None, inputs=()) -> None:
    """Render export data in a format and write it atomically (the window's Export action calls this).

    Raises ExportFailed, with a one-line message, when the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ExportFailed(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    write_atomically(path, fmt, _render(fmt, data), pdf_writer, inputs)


def export_main(argv: list[str], pdf_writer=None) -> int:
    """Run `parallax export`; return 0 on success, 2 on any failure (one line on stderr).

    `pdf_writer(html, path)` prints PDF; app.py passes the Qt one, loaded only when asked for.
    """
    args = _parser().parse_args(argv)
    fmt = args.format or EXTENSIONS.get(os.path.splitext(args.output)[1].lower())
    if fmt is None:
        _fail(f"{args.output}: cannot tell the format from the extension; give --format")
        return 2
    from core.export.data import ExportOptions

    options = ExportOptions(scope=args.scope or default_scope(fmt), include_full_texts=args.full_texts)
    cases = [p for p in args.inputs if p.endswith(".parallax")]
    try:
        if cases and len(args.inputs) > 1:
            raise ExportFailed("give either one .parallax case or article files, not both")
        if cases and not os.path.exists(cases[0]):
            raise ExportFailed(f"{cases[0]}: no such case file")
        check_output(args.output, args.inputs)  # before any work: never replace the case or an input
        data = _from_case(cases[0], options) if cases else _from_files(args.inputs, options)
        write_export(data, fmt, args.output, pdf_writer, args.inputs)
    except (ExportFailed, ParallaxError) as error:
        _fail(str(error))
        return 2
    except OSError as error:
        _fail(disk_message(getattr(error, "filename", None) or args.output, error))
        return 2
    except ModuleNotFoundError as error:
        _fail(f"this build of Parallax lacks {error.name}")
        return 2
    return 0
