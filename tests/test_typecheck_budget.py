"""The type-check budget: mypy errors counted per top-level package, and only ever allowed to fall."""

import importlib.util
from collections import Counter
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "typecheck.py"
spec = importlib.util.spec_from_file_location("typecheck", SCRIPT)
typecheck = importlib.util.module_from_spec(spec)
spec.loader.exec_module(typecheck)

OUTPUT = """\
core/case/store.py:147: error: Incompatible types in assignment  [assignment]
gui/app/main_window.py:115: error: "SourcePane" has no attribute "_wired"  [attr-defined]
gui/app/main_window.py:115: note: a note is not an error
gui/panes/ruler.py:12:5: error: Missing return statement  [return]
Found 3 errors in 3 files (checked 90 source files)
"""


def test_errors_are_counted_by_top_level_package_and_notes_are_not():
    assert typecheck.count_errors(OUTPUT) == Counter({"core": 1, "gui": 2})
    assert typecheck.count_errors("Success: no issues found in 90 source files\n") == Counter()


def test_a_package_over_its_budget_fails_and_one_under_it_asks_to_lower_it():
    over, under = typecheck.compare(Counter({"core": 1, "gui": 2}), {"core": 0, "gui": 5})
    assert over == ["core: 1 mypy errors, budget 0 (+1)"]
    assert under == ["gui: 2 mypy errors, budget 5 (-3)"]


def test_a_package_missing_from_the_budget_is_allowed_no_errors():
    over, _ = typecheck.compare(Counter({"tools": 1}), {"core": 0})
    assert over == ["tools: 1 mypy errors, budget 0 (+1)"]
    assert typecheck.compare(Counter(), {"core": 0}) == ([], [])


def test_the_committed_budget_names_core_and_gui():
    import json

    budget = json.loads(typecheck.BUDGET.read_text(encoding="utf-8"))
    assert set(budget) == {"core", "gui"} and all(isinstance(n, int) and n >= 0 for n in budget.values())


def test_writing_the_budget_keeps_a_package_that_reached_zero():
    assert typecheck.updated_budget(Counter({"gui": 3}), {"core": 2, "gui": 5}) == {"core": 0, "gui": 3}
    assert typecheck.updated_budget(Counter(), {"core": 0, "gui": 0}) == {"core": 0, "gui": 0}
