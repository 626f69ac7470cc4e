"""File > Add from URL: a download off the UI thread, added as a source, or one clear message."""

import threading
import urllib.error
import urllib.request
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication

import pytest

from core.errors import SourceError
from core.ingest.sources import load_bytes
from gui.app.main_window import MainWindow
from gui.state.workspace import Workspace
from gui_doubles import fake_analyze, make_source, story_sources

ARTICLE = (
    b"<html><head><title>Quarry road closes - Valley Post</title></head><body><article>"
    b"<h1>Quarry road closes</h1><p>The mayor opened the bridge on Friday after the quarry road closed.</p>"
    b"<p>Crowds cheered at the river while crews worked through the night.</p></article></body></html>"
)


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/story":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def local_fetch(url: str):
    """Fetch from the test server (the real fetcher may refuse loopback addresses by design)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            data = response.read()
    except urllib.error.HTTPError as exc:
        raise SourceError(url, f"the server answered {exc.code} {exc.reason}") from None
    return replace(load_bytes(data, "story.html", kind="html"), url=url, path="")


@pytest.fixture
def window(qtbot):
    ws = Workspace(analyze=fake_analyze, debounce_ms=0)
    win = MainWindow(ws, fetch_url=local_fetch)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(ws.alignmentChanged, timeout=3000):
        ws.add_sources(story_sources())
    win.claim_view.setFocus()
    yield win
    win.close()


def _type_address(url: str):
    def fill():
        dialog = QApplication.activeModalWidget()
        dialog.setTextValue(url)
        dialog.accept()

    QTimer.singleShot(100, fill)


def test_ctrl_u_downloads_the_page_in_the_background_and_adds_it_as_a_source(window, qtbot, server):
    ws = window.ws
    _type_address(server + "/story")
    qtbot.keyClick(window.claim_view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(ws.sources) == 4, timeout=5000)
    added = ws.sources[-1]
    assert added.url == server + "/story"
    assert "quarry road closed" in added.text
    assert window.pane_area.pane(added.key) is not None
    assert not window.url_fetcher.busy


def test_a_failed_download_says_what_went_wrong_and_adds_nothing(window, qtbot, server):
    ws = window.ws
    messages = []
    ws.message.connect(messages.append)
    window.url_fetcher.start(server + "/missing")
    qtbot.waitUntil(lambda: any(m.startswith("Could not add") for m in messages), timeout=5000)
    assert len(ws.sources) == 3
    assert window.notice.isVisible() and "404" in window.notice.label.text()
    assert window.progress.isHidden()


def test_add_from_url_is_in_the_file_menu_and_the_palette(window):
    from gui.dialogs.command_palette import rank_actions
    from gui.state.actions import ACTIONS

    file_menu = window.menuBar().actions()[0].menu()
    assert "Add from URL…" in [a.text() for a in file_menu.actions()]
    assert rank_actions("url", ACTIONS)[0].id == "file.add_url"


def test_open_original_without_an_address_or_file_says_so(window, qtbot):
    messages = []
    window.ws.message.connect(messages.append)
    window.source_list.setCurrentRow(0)
    window.files.open_original()
    assert "has no web address or file to open" in messages[-1]


def test_a_slow_download_shows_the_moving_bar_and_ctrl_period_drops_it(qtbot):
    import time

    ws = Workspace(analyze=fake_analyze, debounce_ms=0)

    def slow_fetch(url):
        time.sleep(1.2)
        return make_source("late", "A late article that nobody waits for any more.")

    win = MainWindow(ws, fetch_url=slow_fetch)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitExposed(win)
    messages = []
    ws.message.connect(messages.append)
    win.url_fetcher.start("https://news.example/slow")
    qtbot.waitUntil(lambda: win.progress.isVisible(), timeout=3000)
    assert (win.progress.minimum(), win.progress.maximum()) == (0, 0)  # busy, no false percentage
    assert win.cancel_button.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.url_fetcher.busy, timeout=3000)
    assert "Stopped downloading https://news.example/slow." in messages
    qtbot.wait(1500)  # the worker finishes its sleep; its result must not be added
    assert ws.sources == []
    assert win.progress.isHidden()
    win.close()
