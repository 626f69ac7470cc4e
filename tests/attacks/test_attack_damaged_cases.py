"""Finding 4: a damaged case gives one message, never a traceback nor a stale lock."""

import sqlite3
from pathlib import Path

import pytest

from attack_helpers import make_case, one_line, run_cli, snapshot
from core.case.store import Case
from core.errors import CaseError


def _execute(path: Path, statement: str, params=()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement, params)
    conn.commit()
    conn.close()


def _no_lock(path: Path) -> bool:
    return not Path(str(path) + ".lock").exists()


def test_a_case_missing_a_column_is_refused_in_one_line_by_export(tmp_path):
    case = make_case(tmp_path / "d.parallax")
    _execute(case, "ALTER TABLE sources DROP COLUMN title")
    done = run_cli("export", case, "-o", tmp_path / "out.html")
    assert done.returncode == 2
    assert "the table sources lacks the column title" in one_line(done.stderr)
    assert _no_lock(case)


def test_a_setting_that_is_not_json_is_skipped_and_reported(tmp_path):
    case = make_case(tmp_path / "d.parallax")
    _execute(case, "INSERT INTO settings (name, value) VALUES ('author', '{not json')")
    done = run_cli("export", case, "-o", tmp_path / "out.md")
    assert done.returncode == 0, done.stderr
    assert "the setting 'author' is unreadable; its default is used" in one_line(done.stderr)
    assert (tmp_path / "out.md").exists() and _no_lock(case)


def test_a_split_past_the_end_of_the_text_is_ignored_and_reported(tmp_path):
    case = make_case(tmp_path / "d.parallax")
    with Case.open(case) as opened:
        key = opened.sources()[0].key
    _execute(
        case, "INSERT INTO edits (kind, a_source, a_start, a_end, \"at\") VALUES ('split', ?, 0, 90000, 80000)", [key]
    )
    done = run_cli("export", case, "-o", tmp_path / "out.json")
    assert done.returncode == 0, done.stderr
    assert "1 alignment edit pointing outside their source's text ignored" in one_line(done.stderr)
    assert _no_lock(case)


def test_unreadable_rows_are_skipped_not_raised(tmp_path):
    case = make_case(tmp_path / "d.parallax", verdicts=2)
    _execute(case, "INSERT INTO pivots (claim_key, source, start, \"end\") VALUES ('c', 's', 'x', 'y')")
    with Case.open(case) as opened:
        assert opened.pivots() == {}
        assert len(opened.verdicts()) == 2
        assert opened.problems == ["1 unreadable row of chosen pivots skipped"]


def test_another_applications_database_holding_only_a_view_is_not_turned_into_a_case(tmp_path):
    path = tmp_path / "other.parallax"
    _execute(path, "CREATE VIEW numbers AS SELECT 1 AS n")
    before = snapshot(path)
    with pytest.raises(CaseError, match="another application"):
        Case.open(path)
    assert snapshot(path) == before and _no_lock(path)
    done = run_cli("export", path, "-o", tmp_path / "out.json")
    assert done.returncode == 2 and "another application" in one_line(done.stderr)


def test_the_window_opens_a_damaged_case_with_one_message_and_leaves_no_lock(tmp_path, qtbot):
    from gui.app.launch import build_window

    case = make_case(tmp_path / "d.parallax")
    _execute(case, "ALTER TABLE sources DROP COLUMN title")
    before = snapshot(case)
    window = build_window(["--case", str(case)], Path(__file__).resolve().parents[2] / "resources", tmp_path / "data")
    qtbot.addWidget(window)
    assert window.notice.label.text().startswith(
        "Could not open d.parallax: d.parallax is damaged: the table sources lacks the column title"
    )
    assert snapshot(case) == before and _no_lock(case)
    window.close()


def test_the_window_reports_skipped_values_of_a_case_it_opens(tmp_path, qtbot):
    from gui.app.launch import build_window

    case = make_case(tmp_path / "d.parallax")
    _execute(case, "INSERT INTO settings (name, value) VALUES ('author', 'nope')")
    window = build_window(["--case", str(case)], Path(__file__).resolve().parents[2] / "resources", tmp_path / "data")
    qtbot.addWidget(window)
    assert window.notice.label.text() == (
        "Could not read parts of d.parallax; they were left out: "
        "the setting 'author' is unreadable; its default is used."
    )
    window.close()
    assert _no_lock(case)


def test_opening_a_case_with_unreadable_rows_from_the_window_names_what_was_left_out(tmp_path, qtbot):
    from gui.app.main_window import MainWindow
    from gui.state.workspace import Workspace

    case = make_case(tmp_path / "d.parallax", verdicts=2)
    _execute(case, "INSERT INTO edits (kind, a_source, a_start, a_end) VALUES ('twist', 's', 0, 1)")
    window = MainWindow(Workspace(Case.open(tmp_path / "first.parallax"), debounce_ms=0))
    qtbot.addWidget(window)
    window.show()
    window.files.open_case(str(case))
    assert window.notice.label.text() == (
        "Could not read parts of d.parallax; they were left out: 1 unreadable row of alignment edits skipped."
    )
    assert len(window.ws.stored_verdicts) == 2  # read; placed or set aside once the sources are aligned
    window.close()
    assert _no_lock(case)
