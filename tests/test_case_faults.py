"""Bad case files, a second window, a read-only file, a full disk and a killed writer lose nothing."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils import Database

from core.case.store import Case
from core.errors import CaseError
from core.case.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from core.model import Source
from core.case.records import VerdictRecord

ROOT = Path(__file__).resolve().parent.parent


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _refused(path: Path, match: str) -> None:
    before = _snapshot(path)
    with pytest.raises(CaseError, match=match):
        Case.open(path)
    assert _snapshot(path) == before
    assert not Path(str(path) + ".lock").exists()
    assert not Path(str(path) + "-wal").exists()


def _made_case(path: Path) -> Path:
    with Case.open(path, author="ana") as case:
        case.set_verdict(VerdictRecord("k1", "confirmed"))
    return path


def test_a_text_file_is_refused_as_not_a_sqlite_database(tmp_path):
    path = tmp_path / "notes.parallax"
    path.write_text("Trump met Zelensky on Monday.\n", encoding="utf-8")
    _refused(path, "not a Parallax case \\(it is not a SQLite database\\)")


def test_a_sqlite_file_of_another_application_is_refused(tmp_path):
    path = tmp_path / "other.parallax"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.commit()
    conn.close()
    _refused(path, "another application")


def test_a_file_with_our_id_but_without_our_meta_is_refused(tmp_path):
    path = tmp_path / "fake.parallax"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('application', 'imposter')")
    conn.commit()
    conn.close()
    _refused(path, "not a Parallax case")


def test_a_case_from_a_newer_parallax_is_refused_with_both_versions(tmp_path):
    path = _made_case(tmp_path / "future.parallax")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    _refused(path, f"newer Parallax \\(case format {SCHEMA_VERSION + 5}; this one reads up to {SCHEMA_VERSION}\\)")


def test_a_case_with_damaged_pages_is_refused_as_damaged(tmp_path):
    path = _made_case(tmp_path / "broken.parallax")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[page : 2 * page] = b"\xde\xad\xbe\xef" * (page // 4)  # overwrite the second page
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_a_truncated_case_is_refused_as_damaged(tmp_path):
    path = _made_case(tmp_path / "cut.parallax")
    path.write_bytes(path.read_bytes()[:200])
    _refused(path, "damaged|another application")


def test_an_empty_file_becomes_a_new_case(tmp_path):
    path = tmp_path / "empty.parallax"
    path.write_bytes(b"")
    with Case.open(path) as case:
        assert not case.read_only and case.verdicts() == {}


def test_a_second_window_opens_read_only_sees_the_work_and_cannot_write(tmp_path):
    path = tmp_path / "shared.parallax"
    first = Case.open(path, author="ana")
    first.set_verdict(VerdictRecord("k1", "confirmed"))
    second = Case.open(path)
    try:
        assert second.read_only and not first.read_only
        assert second.read_only_reason == (
            f"This case is open in another Parallax window (pid {os.getpid()}); opened read-only."
        )
        assert set(second.verdicts()) == {"k1"}
        with pytest.raises(CaseError, match="opened read-only"):
            second.set_verdict(VerdictRecord("k2", "confirmed"))
        first.set_verdict(VerdictRecord("k3", "follow_up"))
        assert set(second.verdicts()) == {"k1", "k3"}
    finally:
        second.close()
        assert Path(str(path) + ".lock").exists()  # the read-only window does not free the lock
        first.close()
    with Case.open(path) as again:
        assert not again.read_only


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path):
    path = _made_case(tmp_path / "stale.parallax")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    import socket

    Path(str(path) + ".lock").write_text(
        '{"pid": %d, "host": "%s"}' % (int(dead.stdout), socket.gethostname()), encoding="utf-8"
    )
    with Case.open(path) as case:
        assert not case.read_only
        case.set_verdict(VerdictRecord("k2", "confirmed"))
        assert set(case.verdicts()) == {"k1", "k2"}


def test_a_read_only_file_opens_read_only_and_stays_untouched(tmp_path):
    path = _made_case(tmp_path / "frozen.parallax")
    os.chmod(path, 0o444)
    try:
        before = _snapshot(path)
        with Case.open(path) as case:
            assert case.read_only
            assert case.read_only_reason.startswith("This case file is read-only on disk")
            assert set(case.verdicts()) == {"k1"}
            with pytest.raises(CaseError, match="read-only on disk"):
                case.clear_verdict("k1")
        assert _snapshot(path) == before
    finally:
        os.chmod(path, 0o644)


def test_a_full_disk_rolls_the_change_back_and_keeps_earlier_work(tmp_path):
    path = tmp_path / "full.parallax"
    with Case.open(path, author="ana") as case:
        case.set_verdict(VerdictRecord("k1", "confirmed", note="kept"))
        pages = case.db.execute("PRAGMA page_count").fetchone()[0]
        case.db.execute(f"PRAGMA max_page_count = {pages + 1}")
        audit_before = case.audit()
        big = Source(key="big", text="x" * 200_000, sha256="b" * 64, kind="txt", original=b"x" * 200_000)
        with pytest.raises(CaseError, match="^The disk is full: this change was not saved"):
            case.add_source(big)
        assert case.sources() == []
        assert case.audit() == audit_before
        assert case.verdicts()["k1"].note == "kept"
        case.set_verdict(VerdictRecord("k2", "follow_up"))  # small writes still work afterwards
    with Case.open(path) as case:
        assert set(case.verdicts()) == {"k1", "k2"}
        assert case.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_version_1_case_is_migrated_to_the_latest_and_backed_up_first(tmp_path):
    path = tmp_path / "old.parallax"
    db = Database(sqlite3.connect(path, isolation_level=None))
    MIGRATIONS[0](db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO verdicts (divergence_key, verdict, note) VALUES ('k-old', 'confirmed', 'v1 note')")
    db.conn.close()
    with Case.open(path) as case:
        assert case.verdicts()["k-old"].note == "v1 note"
        assert case.labels() == ["verified", "disputed", "needs source", "error"]
        assert case.pivots() == {}
        assert case.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    backup = sqlite3.connect(tmp_path / "old.parallax.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT note FROM verdicts").fetchall() == [("v1 note",)]


WRITER = textwrap.dedent("""
    import sys
    from core.case.store import Case
    from core.case.records import VerdictRecord
    case = Case.open(sys.argv[1], author="writer")
    i = 0
    while True:
        case.set_verdict(VerdictRecord(f"key-{i}", "confirmed", note="n" * 200))
        i += 1
        print(i, flush=True)
""")


def test_killing_a_writer_mid_work_keeps_every_committed_verdict(tmp_path):
    path = tmp_path / "killed.parallax"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    committed = 0
    try:
        for line in proc.stdout:
            committed = int(line)
            if committed >= 40:
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # Whatever it printed before dying was committed too: read the rest of the pipe.
        for line in proc.stdout:
            committed = int(line)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert committed >= 40
    with Case.open(path) as case:
        assert not case.read_only  # the dead writer's lock is stale
        stored = case.verdicts()
        assert {f"key-{i}" for i in range(committed)} <= set(stored)
        assert len(stored) in (committed, committed + 1)  # at most the one it was printing
        assert case.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert len([e for e in case.audit() if e.action == "verdict.set"]) == len(stored)


def test_another_process_opening_a_held_case_gets_it_read_only_with_the_holders_pid(tmp_path):
    path = tmp_path / "held.parallax"
    probe = (
        "import sys\nfrom core.case.store import Case\nc = Case.open(sys.argv[1])\n"
        "print(c.read_only)\nprint(c.read_only_reason)\nprint(sorted(c.verdicts()))\nc.close()"
    )
    with Case.open(path) as case:
        case.set_verdict(VerdictRecord("k1", "confirmed"))
        out = subprocess.run(
            [sys.executable, "-c", probe, str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            check=True,
        ).stdout
        assert out.splitlines() == [
            "True",
            f"This case is open in another Parallax window (pid {os.getpid()}); opened read-only.",
            "['k1']",
        ]
        assert not case.read_only


def test_a_migration_that_fails_leaves_the_file_at_the_last_finished_version(tmp_path, monkeypatch):
    from core.case import migrations

    def broken_step(db):
        db["half_done"].create({"x": int})
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "MIGRATIONS", (MIGRATIONS[0], broken_step))
    db = Database(sqlite3.connect(tmp_path / "m.parallax", isolation_level=None))
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(db, target=2)
    assert migrations.user_version(db) == 1
    assert "half_done" not in db.table_names() and "verdicts" in db.table_names()
