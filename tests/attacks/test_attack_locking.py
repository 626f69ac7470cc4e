"""Finding 5: exactly one writer per case, stale locks judged by the owner's identity, never by guess."""

import json
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from attack_helpers import make_case
from core.case import lock
from core.case.records import VerdictRecord
from core.case.store import Case
from core.errors import CaseError

RACERS = 6
ROUNDS = 40


def _racer(path: str, start, hold, results) -> None:
    start.wait(30)
    case = Case.open(path, author="racer")
    results.put(not case.read_only)
    hold.wait(30)  # everyone holds the case at the same time
    case.close()


def _race(path: Path) -> int:
    context = multiprocessing.get_context("fork")
    start, hold = context.Barrier(RACERS), context.Barrier(RACERS)
    results = context.Queue()
    racers = [context.Process(target=_racer, args=(str(path), start, hold, results)) for _ in range(RACERS)]
    for racer in racers:
        racer.start()
    writers = sum(results.get(timeout=60) for _ in racers)
    for racer in racers:
        racer.join(60)
        assert racer.exitcode == 0
    return writers


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write_lock(path: Path, **record) -> None:
    Path(str(path) + ".lock").write_text(json.dumps(record), encoding="utf-8")


def test_six_processes_opening_one_case_at_once_make_exactly_one_writer(tmp_path):
    case = make_case(tmp_path / "race.parallax")
    assert [_race(case) for _ in range(ROUNDS)] == [1] * ROUNDS
    assert not Path(str(case) + ".lock").exists()


def test_six_processes_breaking_one_stale_lock_make_exactly_one_writer(tmp_path):
    case = make_case(tmp_path / "race.parallax")
    for _ in range(ROUNDS):
        _write_lock(case, pid=_dead_pid(), host=socket.gethostname())
        assert _race(case) == 1


def test_an_empty_lock_being_written_is_not_judged_stale(tmp_path):
    case = make_case(tmp_path / "c.parallax")
    Path(str(case) + ".lock").write_bytes(b"")
    opened = Case.open(case)
    assert opened.read_only and "being opened by another program" in opened.read_only_reason
    opened.close()
    assert Path(str(case) + ".lock").read_bytes() == b""


def test_an_empty_lock_left_long_ago_by_a_crash_is_replaced(tmp_path):
    case = make_case(tmp_path / "c.parallax")
    stale = Path(str(case) + ".lock")
    stale.write_bytes(b"")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    with Case.open(case) as opened:
        assert not opened.read_only


def test_a_lock_whose_pid_now_belongs_to_another_process_is_stale(tmp_path):
    case = make_case(tmp_path / "c.parallax")
    parent = os.getppid()  # alive, but it started at another time than the lock says
    _write_lock(case, pid=parent, host=socket.gethostname(), started="1", boot=lock.boot_id())
    assert lock.process_start(parent) not in ("", "1")
    with Case.open(case) as opened:
        assert not opened.read_only


def test_a_lock_from_a_previous_boot_is_stale(tmp_path):
    if not lock.boot_id():
        pytest.skip("this system does not name its boots")
    case = make_case(tmp_path / "c.parallax")
    _write_lock(
        case,
        pid=os.getpid(),
        host=socket.gethostname(),
        started=lock.process_start(os.getpid()),
        boot="an-earlier-boot",
    )
    with Case.open(case) as opened:
        assert not opened.read_only


def test_a_live_owner_keeps_the_lock(tmp_path):
    case = make_case(tmp_path / "c.parallax")
    with Case.open(case) as first:
        second = Case.open(case)
        assert not first.read_only and second.read_only
        assert f"pid {os.getpid()}" in second.read_only_reason
        second.close()
    assert not Path(str(case) + ".lock").exists()


def test_a_lock_from_another_host_is_never_taken_silently_but_can_be_taken_over(tmp_path):
    case = make_case(tmp_path / "c.parallax")
    _write_lock(case, pid=4242, host="laptop-of-someone-else")
    opened = Case.open(case, author="ana")
    assert opened.read_only and "on laptop-of-someone-else" in opened.read_only_reason
    with pytest.raises(CaseError, match="Not saved"):
        opened.set_verdict(VerdictRecord("k", "confirmed"))
    opened.take_over()
    assert not opened.read_only
    opened.set_verdict(VerdictRecord("k", "confirmed"))
    assert lock.read_owner(str(case)).pid == os.getpid()
    opened.close()
    assert not Path(str(case) + ".lock").exists()
    with Case.open(case) as again:
        assert again.verdicts()["k"].verdict == "confirmed"


def test_the_read_only_banner_offers_take_over_with_a_plain_warning(tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from gui.app.main_window import MainWindow
    from gui.state.workspace import Workspace

    case = make_case(tmp_path / "c.parallax")
    _write_lock(case, pid=4242, host="laptop-of-someone-else")
    window = MainWindow(Workspace(Case.open(case), debounce_ms=0))
    qtbot.addWidget(window)
    window.show()
    assert window.take_over_button.isVisible()
    warnings = []

    def answer(parent, title, text, *args):
        warnings.append(text)
        return QMessageBox.StandardButton.Yes if len(warnings) > 1 else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.take_over_button.click()
    assert window.ws.read_only and "laptop-of-someone-else" in warnings[0]
    assert "both windows will save into the same case" in warnings[0]
    window.take_over_button.click()
    assert not window.ws.read_only and not window.read_only_banner.isVisible()
    window.close()
    assert not Path(str(case) + ".lock").exists()
