"""Finding 2: a case file holds data only; triggers, views and foreign tables are refused untouched."""

import sqlite3
from pathlib import Path

import pytest

from attack_helpers import make_case, one_line, run_cli, snapshot
from core.case.records import VerdictRecord
from core.case.store import Case
from core.errors import CaseError

TAMPER = [
    "CREATE TRIGGER t AFTER INSERT ON verdicts BEGIN UPDATE verdicts SET verdict='not_significant', "
    "note='tampered' WHERE divergence_key=NEW.divergence_key; END",
    "CREATE TRIGGER hide AFTER INSERT ON audit BEGIN DELETE FROM audit WHERE id = NEW.id; END",
]


def _execute(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _refused(path: Path, match: str) -> None:
    before = snapshot(path)
    with pytest.raises(CaseError, match=match):
        Case.open(path)
    assert snapshot(path) == before
    assert not Path(str(path) + ".lock").exists()


def test_a_case_carrying_triggers_is_refused_before_any_write(tmp_path):
    case = make_case(tmp_path / "sent.parallax")
    _execute(case, *TAMPER)
    _refused(case, r"contains 2 triggers \(hide, t\) that would run hidden SQL")


@pytest.mark.parametrize(
    "statement, named",
    [
        ("CREATE VIEW summary AS SELECT * FROM verdicts", "view summary"),
        ("CREATE TABLE extra (x TEXT)", "table extra"),
        ("CREATE INDEX odd ON verdicts (note)", "index odd"),
    ],
)
def test_views_tables_and_indexes_we_never_create_are_refused(tmp_path, statement, named):
    case = make_case(tmp_path / "sent.parallax")
    _execute(case, statement)
    _refused(case, rf"contains objects Parallax never creates \({named}\)")


def test_a_column_added_to_one_of_our_tables_is_refused(tmp_path):
    case = make_case(tmp_path / "sent.parallax")
    _execute(case, "ALTER TABLE verdicts ADD COLUMN payload TEXT")
    _refused(case, r"has columns Parallax never creates in the table verdicts \(payload\)")


def test_export_of_a_tampered_case_says_so_in_one_line_and_writes_nothing(tmp_path):
    case = make_case(tmp_path / "sent.parallax")
    _execute(case, *TAMPER)
    done = run_cli("export", case, "-o", tmp_path / "out.json")
    assert done.returncode == 2
    assert "triggers" in one_line(done.stderr)
    assert not (tmp_path / "out.json").exists()


def test_strip_case_copies_the_data_into_a_clean_case_where_verdicts_stay_as_set(tmp_path):
    case = make_case(tmp_path / "sent.parallax", verdicts=3)
    _execute(case, *TAMPER, "CREATE VIEW v AS SELECT 1")
    before = snapshot(case)
    copy = tmp_path / "clean.parallax"
    done = run_cli("strip-case", case, copy)
    assert done.returncode == 0, done.stderr
    assert "3 verdicts" in done.stdout and "2 sources" in done.stdout
    assert snapshot(case) == before
    with Case.open(copy, author="ana") as clean:
        assert len(clean.sources()) == 2
        clean.set_verdict(VerdictRecord("key-new", "confirmed"))
        assert clean.verdicts()["key-new"].verdict == "confirmed"
        assert clean.audit()[-1].action == "verdict.set"
        assert clean.labels() == ["verified", "disputed", "needs source", "error"]
    kinds = sqlite3.connect(copy).execute("SELECT DISTINCT type FROM sqlite_master").fetchall()
    assert {k for (k,) in kinds} <= {"table", "index"}
