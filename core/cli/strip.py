"""`parallax strip-case CASE COPY`: save a refused case's data into a clean case, leaving it untouched."""

from __future__ import annotations

import argparse
import sys


def strip_main(argv: list[str]) -> int:
    """Run `parallax strip-case`; return 0 when the copy was written, 2 otherwise (one line on stderr)."""
    parser = argparse.ArgumentParser(
        prog="parallax strip-case",
        description="Copy the data of a case that was refused (triggers, views or tables Parallax never "
        "creates) into a new clean case. The original is only read.",
    )
    parser.add_argument("case", metavar="CASE", help="the refused .parallax file")
    parser.add_argument("copy", metavar="COPY", help="the new .parallax file to create")
    args = parser.parse_args(argv)
    from core.case.strip import strip_into_copy
    from core.cli.output import OutputFailed, check_output
    from core.errors import ParallaxError

    try:
        check_output(args.copy, [args.case])
        counts = strip_into_copy(args.case, args.copy)
    except (ParallaxError, OutputFailed) as error:
        print(f"parallax strip-case: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"parallax strip-case: {args.case}: cannot be read ({error.strerror or error})", file=sys.stderr)
        return 2
    except Exception as error:  # a damaged file can fail in SQLite in many ways; say so in one line
        print(f"parallax strip-case: {args.case} could not be copied ({error})", file=sys.stderr)
        return 2
    skipped = counts.pop("skipped")
    rows = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    print(f"Wrote {args.copy}: {rows or 'no rows'}" + (f"; {skipped} unusable rows skipped" if skipped else ""))
    return 0
