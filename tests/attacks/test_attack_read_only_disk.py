"""Finding 6: on a read-only disk after a crash, the journal's saved changes are shown, never hidden."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from attack_helpers import make_case, snapshot
from core.case import opening, readonly
from core.case.records import VerdictRecord
from core.case.store import Case
from core.errors import CaseError

WRITES = 40


def _crashed_copy(tmp_path: Path) -> Path:
    """Return a case whose last 40 verdicts are only in its journal (-wal), without its -shm index."""
    (tmp_path / "live").mkdir()
    live = make_case(tmp_path / "live" / "c.parallax", verdicts=0)
    case = Case.open(live, author="ana")
    for n in range(WRITES):
        case.set_verdict(VerdictRecord(f"after-{n}", "confirmed"))
    crashed = tmp_path / "ro" / "c.parallax"
    crashed.parent.mkdir()
    shutil.copyfile(live, crashed)  # copied while open: the state a kill -9 leaves on disk
    shutil.copyfile(str(live) + "-wal", str(crashed) + "-wal")
    case.close()
    assert Path(str(crashed) + "-wal").stat().st_size > 0 and not Path(str(crashed) + "-shm").exists()
    return crashed


@pytest.fixture
def read_only_disk(monkeypatch):
    """Make the folder named 'ro' behave like a read-only mount: SQLite cannot create -shm there.

    Tests run as root, where permissions do not stop writes; the open mode is injected instead.
    """
    real_connect = readonly._connect

    def connect(database, *args, **kwargs):
        if "/ro/" in database and "immutable=1" not in database:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(readonly, "_connect", connect)
    monkeypatch.setattr(opening, "disk_read_only", lambda path: "/ro/" in str(path))


def test_a_hot_journal_on_a_read_only_disk_is_shown_with_a_banner_reason(tmp_path, read_only_disk):
    crashed = _crashed_copy(tmp_path)
    before = snapshot(crashed), snapshot(Path(str(crashed) + "-wal"))
    case = Case.open(crashed)
    assert case.read_only
    assert len(case.verdicts()) == WRITES  # none of the 40 saved changes is missing
    assert "holds changes not yet merged into the file" in case.read_only_reason
    case.close()
    assert (snapshot(crashed), snapshot(Path(str(crashed) + "-wal"))) == before
    assert sorted(p.name for p in crashed.parent.iterdir()) == ["c.parallax", "c.parallax-wal"]


def test_a_hot_journal_that_cannot_be_copied_aside_is_refused_naming_the_risk(tmp_path, read_only_disk, monkeypatch):
    crashed = _crashed_copy(tmp_path)

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(readonly.shutil, "copyfile", no_space)
    with pytest.raises(CaseError, match="would show an outdated state"):
        Case.open(crashed)


def test_the_window_banner_names_the_risk(tmp_path, read_only_disk, qtbot):
    from gui.app.main_window import MainWindow
    from gui.state.workspace import Workspace

    window = MainWindow(Workspace(Case.open(_crashed_copy(tmp_path)), debounce_ms=0))
    qtbot.addWidget(window)
    window.show()
    assert "changes not yet merged into the file" in window.read_only_banner.label.text()
    assert not window.take_over_button.isVisible()
    window.close()
