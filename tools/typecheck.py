"""Run mypy and fail when a top-level package has more errors than mypy-budget.json allows.

`python tools/typecheck.py` checks; `python tools/typecheck.py --update` writes today's counts as
the new budget (use it when a count fell, or when the team agrees to take on new errors).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = ROOT / "mypy-budget.json"
ERROR_RE = re.compile(r"^(?P<path>[^:\s]+\.py):\d+(?::\d+)?: error: ")


def count_errors(mypy_output: str) -> Counter[str]:
    """Return the number of errors per top-level package ("core", "gui") in mypy's output."""
    counts: Counter[str] = Counter()
    for line in mypy_output.splitlines():
        match = ERROR_RE.match(line)
        if match:
            counts[Path(match["path"]).parts[0]] += 1
    return counts


def compare(counts: Counter[str], budget: dict[str, int]) -> tuple[list[str], list[str]]:
    """Return (packages over their budget, packages under it) as readable lines."""
    over, under = [], []
    for package in sorted(set(budget) | set(counts)):
        found, allowed = counts.get(package, 0), budget.get(package, 0)
        if found > allowed:
            over.append(f"{package}: {found} mypy errors, budget {allowed} (+{found - allowed})")
        elif found < allowed:
            under.append(f"{package}: {found} mypy errors, budget {allowed} (-{allowed - found})")
    return over, under


def updated_budget(counts: Counter[str], budget: dict[str, int]) -> dict[str, int]:
    """Return today's counts as a budget; a package down to zero keeps its entry (it must stay there)."""
    return {package: counts.get(package, 0) for package in sorted(set(budget) | set(counts))}


def run_mypy() -> tuple[str, int]:
    """Run mypy with the pyproject.toml configuration; return its output and exit code."""
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr, done.returncode


def main(argv: list[str]) -> int:
    """Check the counts against the budget (or write them with --update); return the exit code."""
    output, code = run_mypy()
    counts = count_errors(output)
    if code not in (0, 1) or (code == 1 and not counts):
        sys.stderr.write(output)
        print("typecheck: mypy itself failed (see above)", file=sys.stderr)
        return 2
    budget = json.loads(BUDGET.read_text(encoding="utf-8"))
    if "--update" in argv:
        new = updated_budget(counts, budget)
        BUDGET.write_text(json.dumps(new, indent=1) + "\n", encoding="utf-8")
        print(f"typecheck: budget written: {new}")
        return 0
    over, under = compare(counts, budget)
    for package in sorted(budget | counts):
        print(f"typecheck: {package}: {counts.get(package, 0)} errors (budget {budget.get(package, 0)})")
    for line in under:
        print(f"typecheck: fewer errors than the budget, lower it with `make typecheck-budget`: {line}")
    if over:
        print(
            "typecheck: more mypy errors than the budget allows (see them with .venv/bin/mypy):\n  "
            + "\n  ".join(over),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
