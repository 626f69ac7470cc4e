"""`parallax align FILE... [--json] [-o OUT]`: align articles without opening the window."""

from __future__ import annotations

import argparse
import json
import sys

MIN_FILES, MAX_FILES = 2, 50


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser of `parallax align`."""
    parser = argparse.ArgumentParser(
        prog="parallax align",
        description="Align the passages of 2 to 50 articles about one event and list where they diverge.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .md, .html)")
    parser.add_argument("--json", action="store_true", help="print the version-1 JSON contract")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    return parser


def _fail(message: str) -> None:
    """Print one clear line on stderr."""
    print(f"parallax align: {message}", file=sys.stderr)


def align_main(argv: list[str]) -> int:
    """Run `parallax align`; return 0 on success, 1 when some files failed, 2 when nothing to align."""
    args = _parser().parse_args(argv)
    if not MIN_FILES <= len(args.files) <= MAX_FILES:
        _fail(f"give {MIN_FILES} to {MAX_FILES} files (got {len(args.files)})")
        return 2
    from core.cli.output import OutputFailed, check_output, write_atomically

    if args.output:
        try:
            check_output(args.output, args.files)  # before the work: never replace an input
        except OutputFailed as error:
            _fail(str(error))
            return 2
    from core.analysis import analyze
    from core.errors import ParallaxError
    from core.ingest.sources import load_paths

    sources, errors = load_paths(args.files)
    for problem in errors:
        _fail(str(problem))
    for source in sources:
        if source.notice:
            _fail(f"{source.path}: {source.notice}")
    if len(sources) < MIN_FILES:
        _fail(f"need at least {MIN_FILES} usable sources, {len(sources)} left")
        return 2
    try:
        alignment = analyze(sources)
    except ParallaxError as error:
        _fail(str(error))
        return 2
    if args.json:
        from core.export.contract import alignment_to_json

        output = json.dumps(alignment_to_json(alignment), ensure_ascii=False, indent=1) + "\n"
    else:
        from core.export.report import alignment_to_text

        output = alignment_to_text(alignment)
    if args.output:
        try:
            write_atomically(args.output, "json" if args.json else "txt", output, inputs=args.files)
        except OutputFailed as error:
            _fail(str(error))
            return 2
    else:
        sys.stdout.write(output)
    return 1 if errors else 0
