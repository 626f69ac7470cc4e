"""Bad files mixed with good ones: each refused with one clear line, the good ones still load."""

import importlib
import io
import os
import zipfile
from pathlib import Path

import pytest

import core.ingest.sources
from core.errors import SourceError
from core.ingest.sources import MAX_BYTES, load_paths

GOOD_A = (
    "The council approved the new tram line on Tuesday by 31 votes to 12.\n\n"
    "Construction is expected to start in April and last two years.\n"
)
GOOD_B = (
    "Councillors voted 31 to 12 on Tuesday in favour of the tram line.\n\n"
    "Work should begin in April, officials said, and take about two years.\n"
)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", GOOD_A)
    return buffer.getvalue()


@pytest.fixture
def good(tmp_path) -> list[Path]:
    a, b = tmp_path / "good_a.txt", tmp_path / "good_b.txt"
    a.write_text(GOOD_A, encoding="utf-8")
    b.write_text(GOOD_B, encoding="utf-8")
    return [a, b]


def _bad_file(tmp_path: Path, case: str) -> Path:
    """Write one kind of bad input into tmp_path and return its path."""
    path = (
        tmp_path
        / {
            "pdf": "report.pdf",
            "png": "photo.txt",
            "zip": "story.txt.zip",
            "empty": "empty.txt",
            "blank": "blank.txt",
            "huge": "huge.txt",
            "garbage": "garbage.txt",
            "directory": "folder.txt",
            "missing": "missing.txt",
        }[case]
    )
    if case == "pdf":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    elif case == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))
    elif case == "zip":
        path.write_bytes(_zip_bytes())
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "blank":
        path.write_bytes(b"  \r\n\t\n \n")
    elif case == "huge":
        with open(path, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
            handle.truncate(50 * 1024 * 1024)
    elif case == "garbage":
        path.write_bytes(b"Caf\xc3 \xff\xfe broken \x81\x8d bytes here.\n")
    elif case == "directory":
        path.mkdir()
    return path


BAD_CASES = {
    "pdf": "is a binary file (PDF document), not text",
    "png": "is a binary file (PNG image), not text",
    "zip": "is a binary file (ZIP archive or Office document), not text",
    "empty": "is empty",
    "blank": "contains only whitespace",
    "huge": "is 50.0 MB; the limit is 20 MB",
    "garbage": "is not valid text in any supported encoding",
    "directory": "is a directory",
    "missing": "does not exist",
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_a_bad_file_between_two_good_ones_gets_one_clear_line_and_the_good_ones_load(tmp_path, good, case):
    bad = _bad_file(tmp_path, case)
    sources, errors = load_paths([good[0], bad, good[1]])
    assert [s.path for s in sources] == [str(good[0]), str(good[1])]
    assert [s.text for s in sources] == [GOOD_A, GOOD_B]
    assert len(errors) == 1
    error = errors[0]
    assert isinstance(error, SourceError)
    assert error.path == str(bad)
    assert error.reason == BAD_CASES[case]
    assert str(error) == f"{bad}: {BAD_CASES[case]}"
    assert "\n" not in str(error)


def test_every_bad_file_in_one_call_is_reported_in_the_order_given(tmp_path, good):
    bad = [_bad_file(tmp_path, case) for case in sorted(BAD_CASES)]
    sources, errors = load_paths([good[0], *bad, good[1]])
    assert len(sources) == 2
    assert [e.path for e in errors] == [str(p) for p in bad]
    assert [e.reason for e in errors] == [BAD_CASES[c] for c in sorted(BAD_CASES)]


def test_a_50_mb_file_is_refused_by_its_size_without_being_opened(tmp_path, good, monkeypatch):
    huge = _bad_file(tmp_path, "huge")
    assert huge.stat().st_size == 50 * 1024 * 1024 > MAX_BYTES
    opened = []
    real_open = os.open

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(core.ingest.sources.os, "open", spy_open)
    sources, errors = load_paths([huge, good[0]])
    assert opened == [str(good[0])]
    assert [e.reason for e in errors] == ["is 50.0 MB; the limit is 20 MB"]
    assert len(sources) == 1


def test_utf16_text_with_a_byte_order_mark_loads_with_exact_text(tmp_path, good):
    path = tmp_path / "utf16.txt"
    text = "Le conseil a approuvé la ligne de tramway mardi, à São Paulo comme à Genève.\n"
    path.write_bytes(text.encode("utf-16"))
    sources, errors = load_paths([good[0], path, good[1]])
    assert errors == []
    assert sources[1].text == text
    assert sources[1].encoding == "utf-16"
    assert sources[1].original == text.encode("utf-16")


def test_utf16_text_without_a_byte_order_mark_loads(tmp_path):
    path = tmp_path / "utf16le.txt"
    text = "The council approved the new tram line on Tuesday.\n"
    path.write_bytes(text.encode("utf-16-le"))
    sources, errors = load_paths([path])
    assert errors == []
    assert sources[0].text == text


def test_utf8_text_cut_inside_its_last_character_still_loads(tmp_path):
    text = "Le café de São Paulo a rouvert ses portes — “enfin”, dit le maire.\n" * 5
    path = tmp_path / "truncated.txt"
    path.write_bytes(text.encode("utf-8")[:-3] + "”".encode("utf-8")[:2])
    sources, errors = load_paths([path])
    assert errors == []
    assert sources[0].text.startswith(text[:-4])


def test_invalid_utf8_that_is_valid_windows_1252_loads_as_cp1252(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Le café a rouvert – “enfin”, dit le maire.\n".encode("cp1252"))
    sources, errors = load_paths([path])
    assert errors == []
    assert sources[0].text == "Le café a rouvert – “enfin”, dit le maire.\n"
    assert sources[0].encoding == "cp1252"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file_is_refused_for_permission(tmp_path, good):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD_A, encoding="utf-8")
    locked.chmod(0)
    try:
        sources, errors = load_paths([good[0], locked, good[1]])
    finally:
        locked.chmod(0o600)
    assert len(sources) == 2
    assert [e.reason for e in errors] == ["cannot be read: permission denied"]


# ----- the window: six bad files at once -----------------------------------------------------


@pytest.fixture
def window(qtbot):
    pytest.importorskip("PySide6")
    workspace_module = importlib.import_module("gui.state.workspace")
    main_window = importlib.import_module("gui.app.main_window")
    from gui_doubles import fake_analyze  # the engine is not under test here, the file handling is

    ws = workspace_module.Workspace(analyze=fake_analyze, debounce_ms=0)
    win = main_window.MainWindow(ws)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_six_bad_files_dropped_at_once_give_one_non_blocking_message_and_the_good_ones_load(
    window, qtbot, tmp_path, good, monkeypatch
):
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    dialogs = []
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: dialogs.append(_n)))
    cases = ["pdf", "png", "zip", "empty", "huge", "directory"]
    bad = [_bad_file(tmp_path, case) for case in cases]
    messages = []
    window.ws.message.connect(messages.append)
    with qtbot.waitSignal(window.ws.alignmentChanged, timeout=15000):
        window.files.open_paths([good[0], *bad, good[1]])
    assert len(messages) == 1
    line = messages[0]
    assert "\n" not in line
    assert line.startswith("Added 2 sources. Refused 6 files: ")
    for path, case in zip(bad, cases):
        assert f"{path.name} ({BAD_CASES[case]})" in line
    assert dialogs == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert window.notice.isVisible()
    assert window.notice.label.text() == line
    assert [s.text for s in window.ws.sources] == [GOOD_A, GOOD_B]
    assert len(window.ws.alignment.documents) == 2
    assert len(window.pane_area.panes) == 2


def test_a_long_session_of_qt_calls_does_not_abort_the_process():
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call and aborted (none_dealloc)."""
    pytest.importorskip("PySide6")
    import subprocess
    import sys

    script = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for n in range(200_000):\n"
        "    label.setText('claim')\n"
        "print('done')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert "none_dealloc" not in done.stderr
    assert done.returncode == 0
    assert done.stdout == "done\n"
