"""The background runner: token-stamped results, stale results dropped, progress, cancel, errors."""

import threading
import time

import pytest

pytest.importorskip("PySide6")

from core.errors import Cancelled  # noqa: E402
from gui.state.tasks import TaskRunner  # noqa: E402


def _slow(value, delay, gate=None, progress=None, should_cancel=None):
    if gate is not None:
        gate.wait(5)
    time.sleep(delay)
    progress(1.0)
    return value


def test_a_finished_job_reports_its_result_with_its_token(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.finished, timeout=3000) as blocker:
        token = runner.start(_slow, "done", 0.0)
    assert blocker.args == [token, "done"]
    assert runner.busy is False


def test_a_slow_job_that_finishes_after_a_newer_one_started_is_dropped(qtbot):
    runner = TaskRunner()
    results = []
    runner.finished.connect(lambda token, value: results.append((token, value)))
    gate = threading.Event()
    old = runner.start(_slow, "old", 0.0, gate)
    new = runner.start(_slow, "new", 0.0)
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    gate.set()
    runner.wait(3000)
    qtbot.wait(50)
    assert results == [(new, "new")]
    assert old != new


def test_progress_is_reported_on_the_ui_thread_for_the_current_job(qtbot):
    runner = TaskRunner()
    seen = []

    def work(progress=None, should_cancel=None):
        for i in range(1, 5):
            progress(i / 4)
        return 4

    runner.progress.connect(lambda token, f: seen.append((threading.current_thread() is threading.main_thread(), f)))
    with qtbot.waitSignal(runner.finished, timeout=3000):
        runner.start(work)
    assert seen == [(True, 0.25), (True, 0.5), (True, 0.75), (True, 1.0)]


def test_cancel_stops_a_job_that_polls_should_cancel(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def work(progress=None, should_cancel=None):
        started.set()
        for _ in range(500):
            if should_cancel():
                raise Cancelled("stopped")
            time.sleep(0.01)
        return "finished"

    finished = []
    runner.finished.connect(lambda t, v: finished.append(v))
    with qtbot.waitSignal(runner.cancelled, timeout=3000):
        runner.start(work)
        started.wait(2)
        runner.cancel()
    assert finished == []
    assert runner.busy is False


def test_an_exception_in_the_job_is_reported_not_lost(qtbot):
    runner = TaskRunner()

    def work(progress=None, should_cancel=None):
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.failed, timeout=3000) as blocker:
        runner.start(work)
    assert isinstance(blocker.args[1], ValueError)
    assert str(blocker.args[1]) == "bad input"


def test_busy_changes_once_for_overlapping_jobs(qtbot):
    runner = TaskRunner()
    states = []
    runner.busyChanged.connect(states.append)
    with qtbot.waitSignal(runner.finished, timeout=3000):
        runner.start(_slow, 1, 0.05)
        runner.start(_slow, 2, 0.0)
    runner.wait(3000)
    qtbot.wait(50)
    assert states == [True, False]


def test_with_keep_all_every_job_delivers_its_result(qtbot):
    runner = TaskRunner(keep_all=True)
    results = []
    runner.finished.connect(lambda token, value: results.append(value))
    runner.start(_slow, "first", 0.05)
    runner.start(_slow, "second", 0.0)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=3000)
    assert sorted(results) == ["first", "second"]
    qtbot.waitUntil(lambda: runner.busy is False, timeout=3000)


def _two_stages(value, gate, progress=None, should_cancel=None, on_partial=None):
    on_partial(value + " claims")
    gate.wait(5)
    return value


def test_a_partial_result_arrives_before_the_whole_one(qtbot):
    runner = TaskRunner()
    seen = []
    runner.partial.connect(lambda token, value: seen.append(("partial", value)))
    runner.finished.connect(lambda token, value: seen.append(("finished", value)))
    gate = threading.Event()
    runner.start(_two_stages, "run", gate, partial=True)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [("partial", "run claims")] and runner.busy
    gate.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen[1] == ("finished", "run")


def test_a_partial_result_of_a_job_superseded_before_it_arrived_is_dropped(qtbot):
    runner = TaskRunner()
    seen = []
    runner.partial.connect(lambda token, value: seen.append(value))
    old_gate, new_gate = threading.Event(), threading.Event()
    runner.start(_two_stages, "old", old_gate, partial=True)
    runner.start(_two_stages, "new", new_gate, partial=True)  # queued on the UI thread after "old claims"
    qtbot.waitUntil(lambda: "new claims" in seen, timeout=3000)
    old_gate.set()
    new_gate.set()
    runner.wait(3000)
    assert seen == ["new claims"]
