"""Fetching an article by URL: a local server plays every good and hostile web page (no network)."""

import gzip
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.errors import SourceError
import core.ingest.url
from core.ingest.url import USER_AGENT, check_url, fetch_url

ARTICLE_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Ferry service resumes on the Lune estuary | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post">
<meta name="author" content="Ines Varga">
<meta property="article:published_time" content="2026-03-14T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Ferry service resumes on the Lune estuary</h1>
<p>The ferry between Eastholm and Carrow resumed service on Saturday after a three-week
suspension caused by a damaged landing ramp, the harbour authority said.</p>
<p>About 1,400 passengers used the crossing on the first day, according to the operator, which
added two extra sailings in the evening to absorb the backlog.</p>
<p>Harbour master Tomas Reyne told reporters that the repaired ramp had passed a load test on
Thursday and that inspections would continue every month until the end of the year.</p>
<p>Commuters who had driven the 40-kilometre detour via the Brannock bridge welcomed the
reopening, though several complained that tickets now cost 20 per cent more than in January.</p>
</article><footer>Copyright Harbour Post</footer></body></html>
"""
ARTICLE_TEXT = (
    "Ferry service resumes\n\nThe ferry between Eastholm and Carrow resumed service on "
    "Saturday. About 1,400 passengers used the crossing on the first day.\n"
)
LATIN1_TEXT = "Le maire de São Tomé a visité le café de la Grève à 9 h.\n"


class _Handler(BaseHTTPRequestHandler):
    """Serve the invented pages; each path plays one kind of web page."""

    seen_agents: list[str] = []

    def log_message(self, *args):  # keep the test output quiet
        pass

    def _send(self, body: bytes, content_type: str | None, status: int = 200, extra=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # noqa: C901 - one branch per invented page is the clearest table
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        try:
            if path == "/news/ferry-service-resumes.html":
                self._send(ARTICLE_HTML.encode(), "text/html; charset=utf-8")
            elif path == "/plain.txt":
                self._send(ARTICLE_TEXT.encode(), "text/plain")
            elif path == "/latin1.txt":
                self._send(LATIN1_TEXT.encode("iso-8859-1"), "text/plain; charset=iso-8859-1")
            elif path == "/untyped":
                self._send(ARTICLE_TEXT.encode(), None)
            elif path == "/gzipped":
                self._send(gzip.compress(ARTICLE_HTML.encode()), "text/html", extra=[("Content-Encoding", "gzip")])
            elif path == "/gzip-bomb":
                self._send(gzip.compress(b"a" * 3_000_000), "text/plain", extra=[("Content-Encoding", "gzip")])
            elif path.startswith("/hop/"):
                left = int(path.rsplit("/", 1)[1])
                self._redirect("/news/ferry-service-resumes.html" if left == 0 else f"/hop/{left - 1}")
            elif path == "/loop":
                self._redirect("/loop")
            elif path == "/to-file":
                self._redirect("file:///etc/passwd")
            elif path == "/to-ftp":
                self._redirect("ftp://127.0.0.1/article.txt")
            elif path == "/endless":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                line = b"The ferry resumed service on Saturday after three weeks. " * 100 + b"\n"
                for _ in range(20_000):  # about 115 MB if nobody stops reading
                    self.wfile.write(line)
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(500 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b"<html>")
            elif path == "/dribble":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(200):
                    self.wfile.write(b"The ferry resumed. ")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif path == "/silent":
                time.sleep(3)
                self._send(ARTICLE_TEXT.encode(), "text/plain")
            elif path == "/report.pdf":
                self._send(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf")
            elif path == "/photo":
                self._send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            elif path == "/png-called-html":
                self._send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "text/html")
            elif path == "/empty":
                self._send(b"", "text/html")
            else:
                self._send(b"<html><body>Not here</body></html>", "text/html", status=404)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading on purpose (size or time limit)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def local_server_allowed(monkeypatch):
    """Let these tests reach the server on 127.0.0.1, which the public-only policy refuses."""
    monkeypatch.setattr(core.ingest.url, "is_public", lambda ip: ip.is_loopback)


def test_an_html_article_is_fetched_extracted_and_keeps_its_url_bytes_and_hash(server):
    url = server + "/news/ferry-service-resumes.html"
    source = fetch_url(url)
    assert source.kind == "html"
    assert source.url == url
    assert source.path == ""
    assert source.original == ARTICLE_HTML.encode()
    assert source.sha256 == hashlib.sha256(ARTICLE_HTML.encode()).hexdigest()
    assert source.key == source.sha256[:16]
    assert source.outlet == "Harbour Post"
    assert source.title.startswith("Ferry service resumes on the Lune estuary")
    assert "About 1,400 passengers used the crossing on the first day" in source.text
    assert "Home" not in source.text.split("\n")[0]
    assert "<p>" not in source.text


def test_the_request_names_parallax_in_its_user_agent(server):
    _Handler.seen_agents.clear()
    fetch_url(server + "/plain.txt")
    assert _Handler.seen_agents == [USER_AGENT]
    assert USER_AGENT.startswith("Parallax/")


def test_a_plain_text_page_becomes_a_txt_source_titled_by_its_first_line(server):
    source = fetch_url(server + "/plain.txt")
    assert source.kind == "txt"
    assert source.text == ARTICLE_TEXT
    assert source.title == "Ferry service resumes"
    assert source.outlet == "127.0.0.1"


def test_the_charset_of_the_http_header_decodes_a_latin1_page(server):
    source = fetch_url(server + "/latin1.txt")
    assert source.text == LATIN1_TEXT
    assert source.encoding == "iso-8859-1"
    assert source.original == LATIN1_TEXT.encode("iso-8859-1")
    assert source.sha256 == hashlib.sha256(LATIN1_TEXT.encode("iso-8859-1")).hexdigest()


def test_a_page_without_content_type_is_sniffed_as_text(server):
    source = fetch_url(server + "/untyped")
    assert source.kind == "txt"
    assert source.text == ARTICLE_TEXT


def test_a_gzip_compressed_page_is_decompressed_and_hashed_as_received_plain(server):
    source = fetch_url(server + "/gzipped")
    assert source.kind == "html"
    assert "About 1,400 passengers" in source.text
    assert source.original == ARTICLE_HTML.encode()


def test_a_compressed_page_that_inflates_past_the_limit_is_refused(server):
    with pytest.raises(SourceError, match=r"larger than the limit of 1.0 MB once decompressed"):
        fetch_url(server + "/gzip-bomb", max_bytes=1024 * 1024)


def test_a_short_redirect_chain_is_followed_and_the_final_url_kept(server):
    source = fetch_url(server + "/hop/3", max_redirects=5)
    assert source.url == server + "/news/ferry-service-resumes.html"
    assert source.outlet == "Harbour Post"


def test_a_redirect_chain_longer_than_the_limit_is_refused(server):
    with pytest.raises(SourceError, match=r"redirects more than 5 times; stopped following") as info:
        fetch_url(server + "/hop/6", max_redirects=5)
    assert info.value.path.startswith(server + "/hop/")


def test_a_redirect_loop_is_stopped_by_the_limit(server):
    with pytest.raises(SourceError, match=r"redirects more than 2 times"):
        fetch_url(server + "/loop", max_redirects=2)


@pytest.mark.parametrize("path, scheme", [("/to-file", "file"), ("/to-ftp", "ftp")])
def test_a_redirect_to_a_non_web_scheme_is_refused(server, path, scheme):
    with pytest.raises(SourceError, match=rf"redirects to a {scheme}: address, which is refused"):
        fetch_url(server + path)


def test_an_endless_body_is_cut_off_at_the_size_limit(server):
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"larger than the limit of 2.0 MB; stopped reading"):
        fetch_url(server + "/endless", max_bytes=2 * 1024 * 1024)
    assert time.monotonic() - started < 10


def test_a_declared_length_over_the_limit_is_refused_before_reading(server):
    with pytest.raises(SourceError, match=r"is 500.0 MB; the limit is 20.0 MB"):
        fetch_url(server + "/huge-declared")


def test_a_body_that_trickles_in_is_stopped_at_the_total_time_limit(server):
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"took longer than 1 s to download; stopped"):
        fetch_url(server + "/dribble", timeout=1)
    assert time.monotonic() - started < 3


def test_a_server_that_never_answers_times_out(server):
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"did not answer within 0.5 s"):
        fetch_url(server + "/silent", timeout=0.5)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    "path, message",
    [
        ("/report.pdf", r"is a PDF document \(application/pdf\), not an article page or text"),
        ("/photo", r"is an image file \(image/png\), not an article page or text"),
        ("/png-called-html", r"is a binary file \(PNG image\), not text"),
        ("/empty", r"is empty"),
    ],
)
def test_binary_or_empty_responses_are_refused_with_a_clear_reason(server, path, message):
    with pytest.raises(SourceError, match=message) as info:
        fetch_url(server + path)
    assert "\n" not in str(info.value)


def test_an_http_error_status_is_reported_with_its_code(server):
    with pytest.raises(SourceError, match=r"the server answered 404 Not Found"):
        fetch_url(server + "/missing")


def test_a_closed_port_is_reported_as_refused_connection():
    with pytest.raises(SourceError, match=r"refused the connection|cannot be reached"):
        fetch_url("http://127.0.0.1:9/article.html", timeout=2)


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", r"only http and https addresses can be fetched, not file:"),
        ("ftp://example.org/a.txt", r"not ftp:"),
        ("data:text/html,<p>hi</p>", r"not data:"),
        ("javascript:alert(1)", r"not javascript:"),
        ("example.org/news", r"not an address without http:// or https://"),
        ("http:///nohost", r"has no host name"),
        ("http://[::1/", r"is not a valid web address"),
        ("   ", r"no address given"),
    ],
)
def test_non_web_addresses_are_refused_before_any_connection(url, message):
    with pytest.raises(SourceError, match=message):
        fetch_url(url)


def test_check_url_strips_spaces_and_accepts_upper_case_schemes():
    assert check_url("  HTTPS://Example.org/a  ") == "HTTPS://Example.org/a"
