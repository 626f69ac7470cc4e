"""File > Open recent, and `parallax --case FILE [SOURCES...]` from the command line."""

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from core.case.store import Case  # noqa: E402
from core.case.settings import load_recent, recent_cases_file, remember_recent  # noqa: E402
from gui.app.launch import build_window, parse_args  # noqa: E402
from gui.app.main_window import MainWindow  # noqa: E402
from gui.state.workspace import Workspace  # noqa: E402
from gui_keyboard import sample_paths  # noqa: E402

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _entries(window):
    return [(a.text(), a.data(), a.isEnabled()) for a in window.recent_menu.actions() if not a.isSeparator()]


def _empty_case(path: Path) -> str:
    Case.open(path, create=True).close()
    return str(path)


def test_open_recent_lists_cases_newest_first_and_greys_out_missing_ones(qtbot, tmp_path):
    data = tmp_path / "data"
    old, gone, new = (_empty_case(tmp_path / f"{n}.parallax") for n in ("old", "gone", "new"))
    for path in (old, gone, new):
        remember_recent(recent_cases_file(data), path)
    Path(gone).unlink()
    window = MainWindow(Workspace(debounce_ms=0), data_dir=data)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recent_menu.menuAction() in file_menu.actions()
    assert _entries(window) == [
        ("&1 new.parallax", new, True),
        ("&2 gone.parallax  (missing)", gone, False),
        ("&3 old.parallax", old, True),
        ("Forget missing cases", None, True),
    ]
    window.recent_menu.actions()[-1].trigger()
    assert load_recent(recent_cases_file(data)) == [new, old]
    assert [e[1] for e in _entries(window)] == [new, old, None]


def test_choosing_a_recent_case_opens_it_and_moves_it_to_the_top(qtbot, tmp_path):
    data = tmp_path / "data"
    first, second = _empty_case(tmp_path / "first.parallax"), _empty_case(tmp_path / "second.parallax")
    remember_recent(recent_cases_file(data), first)
    remember_recent(recent_cases_file(data), second)
    window = MainWindow(Workspace(debounce_ms=0), data_dir=data)
    qtbot.addWidget(window)
    assert [e[1] for e in _entries(window)][:2] == [second, first]
    window.recent_menu.actions()[1].trigger()
    assert window.ws.case.path == first
    assert window.windowTitle() == "first — Parallax"
    assert [e[1] for e in _entries(window)][:2] == [first, second]
    # A case created from the window joins the list at once.
    window.files.open_case(str(tmp_path / "third.parallax"))
    assert [e[1] for e in _entries(window)][:3] == [str(tmp_path / "third.parallax"), first, second]
    window.close()


def test_without_a_data_folder_the_menu_says_there_are_no_recent_cases(qtbot):
    window = MainWindow(Workspace(debounce_ms=0))
    qtbot.addWidget(window)
    assert _entries(window) == [("No recent cases", None, False)]


def test_case_option_creates_the_case_adds_the_sources_and_remembers_it(qtbot, tmp_path, samples_dir):
    articles = [str(p) for p in sample_paths(samples_dir)[:3]]
    case_file = tmp_path / "work" / "inquiry.parallax"
    case_file.parent.mkdir()
    request = parse_args(["--case", str(case_file), *articles])
    assert (request.case, request.files, request.error) == (str(case_file), articles, "")
    window = build_window(["--case", str(case_file), *articles], RESOURCES, tmp_path / "data")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.ws.sources) == 3 and window.ws.alignment is not None, timeout=20000)
    assert window.windowTitle() == "inquiry — Parallax"
    assert [s.path for s in window.ws.case.sources()] == articles
    assert load_recent(recent_cases_file(tmp_path / "data"))[0] == str(case_file.resolve())
    assert [e[1] for e in _entries(window)][0] == str(case_file.resolve())
    window.close()
    # Given again with one more source, the case keeps the three and gains the fourth (no duplicates).
    more = articles + [str(sample_paths(samples_dir)[3])]
    window = build_window(["--case", str(case_file), *more], RESOURCES, tmp_path / "data")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.ws.sources) == 4, timeout=20000)
    assert [s.path for s in window.ws.case.sources()] == more
    window.close()


def test_a_corrupt_case_on_the_command_line_is_never_overwritten(qtbot, tmp_path, samples_dir):
    corrupt = tmp_path / "broken.parallax"
    garbage = b"SQLite format 3\x00" + b"\xde\xad" * 4000
    corrupt.write_bytes(garbage)
    article = str(sample_paths(samples_dir)[0])
    window = build_window(["--case", str(corrupt), article], RESOURCES, tmp_path / "data")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.ws.sources) == 1, timeout=20000)
    assert corrupt.read_bytes() == garbage
    assert window.notice.label.text().startswith("Could not open broken.parallax: ")
    assert window.notice.label.text().endswith("Opened a new case instead.")
    assert Path(window.ws.case.path).parent == tmp_path / "data" / "cases"
    assert str(corrupt.resolve()) not in load_recent(recent_cases_file(tmp_path / "data"))
    window.close()
    assert corrupt.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.parallax", "data"]
