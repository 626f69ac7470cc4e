"""Finding 3: inputs are read from regular files only, with a limit, and split in linear time."""

import os
import socket
from pathlib import Path

import pytest

from attack_helpers import one_line, run_cli, write_articles
from core.errors import SourceError
from core.ingest.sentences import MAX_SENTENCE, split_sentences
from core.ingest.sources import MAX_TEXT_CHARS, load_bytes, load_path, load_paths


def test_a_fifo_named_like_an_article_is_refused_at_once_and_the_others_align(tmp_path):
    articles = write_articles(tmp_path)
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    done = run_cli("align", fifo, *articles, "--json", timeout=60)  # no writer: reading would block forever
    assert done.returncode == 1
    assert done.stderr == f"parallax align: {fifo}: is a named pipe (FIFO), not a regular file\n"
    assert done.stdout.startswith("{")


def test_devices_and_sockets_are_refused_before_reading(tmp_path):
    with pytest.raises(SourceError, match=r"is a device, not a regular file"):
        load_path("/dev/zero")  # reading it would never end
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "s.txt"))
    try:
        with pytest.raises(SourceError, match=r"is a socket, not a regular file"):
            load_path(tmp_path / "s.txt")
    finally:
        server.close()


def test_a_file_swapped_for_a_fifo_after_the_check_is_still_refused(tmp_path, monkeypatch):
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    real_stat = os.stat
    # The first look sees a regular file (a race); the non-blocking open and fstat catch the FIFO.
    monkeypatch.setattr(
        os, "stat", lambda p, *a, **k: real_stat(__file__) if str(p) == str(fifo) else real_stat(p, *a, **k)
    )
    sources, errors = load_paths([fifo])
    assert sources == [] and [e.reason for e in errors] == ["is a named pipe (FIFO), not a regular file"]


def test_a_megabyte_of_initials_becomes_many_bounded_passages():
    text = "A. " * (1_000_000 // 3)
    spans = split_sentences(text)
    assert len(spans) > 900
    assert max(s.end - s.start for s in spans) <= MAX_SENTENCE + len("A. A.")  # cut at the next stop
    assert "".join(text[s.start : s.end] for s in spans).replace(" ", "") == text.replace(" ", "")


def test_a_text_longer_than_the_limit_is_refused_up_front_with_the_figures(tmp_path):
    big = tmp_path / "big.txt"
    sentence = b"The council met again on Tuesday to discuss the budget. "
    big.write_bytes(sentence * (19 * 1024 * 1024 // len(sentence)))
    done = run_cli("align", big, *write_articles(tmp_path), timeout=120)
    assert done.returncode == 1
    line = [ln for ln in done.stderr.splitlines() if str(big) in ln]
    assert line == [
        f"parallax align: {big}: has 19.9 million characters of text; the limit is "
        f"{MAX_TEXT_CHARS / 1e6:g} million (far above any article) so that aligning stays within seconds"
    ]


def test_the_window_loads_the_rest_of_a_batch_holding_a_fifo_and_ctrl_q_closes_it(tmp_path, qtbot):
    from PySide6.QtCore import Qt
    from gui.app.main_window import MainWindow
    from gui.state.workspace import Workspace
    from core.case.store import Case

    articles = write_articles(tmp_path)
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    ws = Workspace(Case.open(tmp_path / "c.parallax"), debounce_ms=0)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    messages = []
    ws.message.connect(messages.append)
    ws.add_files([fifo, *articles])
    qtbot.waitUntil(lambda: len(ws.sources) == 2 and not ws.loader.busy, timeout=20000)
    assert any("is a named pipe (FIFO), not a regular file" in m for m in messages)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not Path(str(tmp_path / "c.parallax") + ".lock").exists()


def test_text_made_only_of_invisible_characters_counts_as_empty():
    with pytest.raises(SourceError, match=r"contains no visible characters"):
        load_bytes("\u200b\u200c\u200d\u2060\ufeff\u200b".encode("utf-8") * 50, "blank.txt")


def test_a_fifo_named_like_a_case_is_refused_at_once(tmp_path):
    fifo = tmp_path / "x.parallax"
    os.mkfifo(fifo)
    done = run_cli("export", fifo, "-o", tmp_path / "out.json", timeout=60)
    assert done.returncode == 2
    assert "is not a regular file (a pipe or a device), not a Parallax case" in one_line(done.stderr)
    assert not (tmp_path / "x.parallax.lock").exists()
