"""Launching: command line parsing, demo on first run, recent case afterwards, files into a case."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui.app.launch import (
    APP_NAME,
    DEMO_CASE,
    LaunchRequest,
    choose_case,
    demo_files,
    parse_args,
    recent_cases,
    remember_case,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def test_the_command_line_names_demo_case_and_files():
    assert parse_args(["--demo"]) == LaunchRequest(demo=True)
    assert parse_args(["--case", "x.parallax", "a.txt"]) == LaunchRequest(case="x.parallax", files=["a.txt"])
    assert parse_args(["story.parallax"]) == LaunchRequest(case="story.parallax")
    assert parse_args(["a.txt", "b.html"]) == LaunchRequest(files=["a.txt", "b.html"])
    assert parse_args(["--case"]).error == "--case needs a file name"
    assert parse_args(["--bogus"]).error == "unknown option --bogus"


def test_first_run_opens_the_demo_case_with_the_sample_articles(tmp_path):
    path, files = choose_case(LaunchRequest(), tmp_path, RESOURCES)
    assert path == str(tmp_path / DEMO_CASE)
    assert files == [str(p) for p in demo_files(RESOURCES)]


def test_later_runs_open_the_most_recent_case(tmp_path):
    older, newer = tmp_path / "older.parallax", tmp_path / "newer.parallax"
    older.write_bytes(b"x")
    newer.write_bytes(b"x")
    remember_case(tmp_path, str(older))
    remember_case(tmp_path, str(newer))
    assert recent_cases(tmp_path) == [str(newer.resolve()), str(older.resolve())]
    assert choose_case(LaunchRequest(), tmp_path, RESOURCES) == (str(newer.resolve()), [])
    newer.unlink()
    assert recent_cases(tmp_path) == [str(older.resolve())]


def test_files_alone_go_into_a_new_case_in_the_data_folder(tmp_path):
    path, files = choose_case(LaunchRequest(files=["/x/story.txt"]), tmp_path, RESOURCES)
    assert Path(path).parent == tmp_path / "cases"
    assert Path(path).name.startswith("story-") and path.endswith(".parallax")
    assert files == ["/x/story.txt"]


def test_a_corrupt_recent_list_is_ignored(tmp_path):
    (tmp_path / "recent-cases.json").write_text("{not json", encoding="utf-8")
    assert recent_cases(tmp_path) == []


def test_the_window_shows_a_five_source_case_quickly_and_aligns_in_the_background(qtbot, tmp_path):
    from gui.app.launch import build_window

    if len(demo_files(RESOURCES)) < 2:
        pytest.skip("the demo articles are not in resources/samples yet")
    started = time.perf_counter()
    window = build_window(["--demo"], RESOURCES, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shown_after = time.perf_counter() - started
    assert window.windowTitle() == "demo — Parallax"
    # ends with the display name the launch sets, so the desktop shows "Parallax" once, not appended again
    assert window.windowTitle().endswith(APP_NAME)
    # The articles load and align in the background: the window is already up and responsive.
    qtbot.waitUntil(lambda: window.ws.alignment is not None, timeout=15000)
    assert len(window.pane_area.panes) == len(demo_files(RESOURCES))
    assert len(window.ws.alignment.documents) == len(demo_files(RESOURCES))
    print(f"window shown after {shown_after * 1000:.0f} ms")
    window.close()
    # A second launch reopens the demo as left, without adding the articles again.
    again = build_window([], RESOURCES, tmp_path)
    qtbot.addWidget(again)
    assert len(again.ws.sources) == len(demo_files(RESOURCES))
    again.close()


def test_a_corrupt_case_is_left_alone_and_a_new_case_opens_with_a_notice(qtbot, tmp_path):
    from gui.app.launch import build_window

    corrupt = tmp_path / "broken.parallax"
    corrupt.write_bytes(b"this is not a database" * 100)
    window = build_window(["--case", str(corrupt)], RESOURCES, tmp_path)
    qtbot.addWidget(window)
    assert corrupt.read_bytes() == b"this is not a database" * 100
    assert window.windowTitle().startswith("recovered-")
    assert window.notice.label.text().startswith("Could not open broken.parallax: ")
    assert window.notice.label.text().endswith("Opened a new case instead.")
    window.close()


def test_the_files_on_the_command_line_are_loading_before_the_window_is_built(qtbot, tmp_path, monkeypatch):
    import gui.app.main_window as main_window
    from gui.app.launch import build_window

    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(f"The {name} council met on Tuesday. It voted on the budget.\n")
    loading = []
    real = main_window.MainWindow

    def window_noting_the_loader(workspace, *args, **kwargs):
        loading.append(workspace.loader.busy)
        return real(workspace, *args, **kwargs)

    monkeypatch.setattr(main_window, "MainWindow", window_noting_the_loader)
    window = build_window([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], RESOURCES, tmp_path / "data")
    qtbot.addWidget(window)
    assert loading == [True]  # read on a worker while the window's widgets are made
    qtbot.waitUntil(lambda: len(window.ws.sources) == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.ws.alignment is not None, timeout=15000)
    window.close()


def test_opening_the_window_leaves_the_comparison_engine_unloaded_until_an_alignment_needs_it():
    code = (
        "import json, sys; import gui.app.launch, gui.app.main_window, gui.state.workspace; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('core.compare.', 'core.align.')))))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    # What the window draws with before any alignment (summaries, word diffs) may load; the
    # divergence finder, the contradiction finder and the aligner load with the first alignment.
    assert not [
        m for m in loaded if m.startswith(("core.compare.divergence", "core.compare.contradictions", "core.align."))
    ]
