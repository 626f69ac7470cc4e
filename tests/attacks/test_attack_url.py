"""Finding 8: URL import reaches public addresses only and gives up at one overall deadline."""

import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import core.ingest.url_policy
from core.errors import SourceError
from core.ingest.url import fetch_url
from core.ingest.url_policy import is_public

PAGE = b"Ferry back in service\n\nThe Dunmere ferry returned to service on Tuesday after four weeks.\n"
LOCAL_ONLY = ipaddress.ip_address("127.0.0.1")


def only_this_loopback(ip) -> bool:
    """The policy for these tests: the test server's address, and nothing else local."""
    return ip == LOCAL_ONLY


class _Handler(BaseHTTPRequestHandler):
    hosts: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.hosts.append(self.headers.get("Host"))
        if self.path == "/article.txt":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/") :].replace("_", "/"))
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def no_connection(monkeypatch):
    """Fail the test if anything connects: refusals happen before any connection."""

    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://localhost/", "this computer"),
        ("http://127.0.0.1/", "this computer"),
        ("http://127.1/", "this computer"),
        ("http://2130706433/", "this computer"),
        ("http://0x7f000001/", "this computer"),
        ("http://0177.0.0.1/", "this computer"),
        ("http://[::1]/", "this computer"),
        ("http://[::ffff:127.0.0.1]/", "this computer"),
        ("http://[64:ff9b::7f00:1]/", "this computer"),
        ("http://0.0.0.0/", "the unspecified address"),
        ("http://[::]/", "the unspecified address"),
        ("http://10.1.2.3/", "a private network"),
        ("http://172.16.5.4/", "a private network"),
        ("http://192.168.1.1/", "a private network"),
        ("https://[fd00::1]/", "a private network"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[fe80::1]/", "a link-local address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://240.0.0.1/", "a reserved address"),
        ("http://100.64.0.1/", "an address that is not on the public internet"),
    ],
)
def test_non_public_addresses_in_every_spelling_are_refused_before_connecting(url, kind, no_connection):
    with pytest.raises(SourceError, match=rf"points to {kind}") as info:
        fetch_url(url, timeout=5)
    assert "only public web addresses are fetched" in str(info.value)


def test_public_addresses_pass_the_default_policy():
    assert is_public(ipaddress.ip_address("93.184.216.34"))
    assert is_public(ipaddress.ip_address("2606:4700::1111"))
    assert not is_public(ipaddress.ip_address("::ffff:10.0.0.1"))


def test_a_redirect_to_a_refused_address_is_checked_again_and_refused(server):
    start = f"http://127.0.0.1:{server}/to/http:__127.0.0.2:{server}_article.txt"
    with pytest.raises(SourceError, match=r"points to this computer \(loopback\) \(127\.0\.0\.2\)"):
        fetch_url(start, allow=only_this_loopback, timeout=5)


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch):
    # A rebinding name answers the check with an allowed address and any later lookup with another.
    answers = iter(["127.0.0.1"] + ["10.0.0.9"] * 10)
    real = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    source = fetch_url(f"http://news.example:{server}/article.txt", allow=only_this_loopback, timeout=5)
    assert source.text.startswith("Ferry back in service")
    assert _Handler.hosts[-1] == f"news.example:{server}"


def _slow_headers_server(stop: threading.Event) -> int:
    """Serve one client that gets a header line every 0.2 s, for ever: no single read times out."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve():
        conn, _ = listener.accept()
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        n = 0
        while not stop.is_set():
            try:
                conn.sendall(f"X-Slow-{n}: {n}\r\n".encode())
            except OSError:
                break
            n += 1
            time.sleep(0.2)
        conn.close()
        listener.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def test_headers_sent_slowly_are_cut_at_the_overall_deadline():
    stop = threading.Event()
    port = _slow_headers_server(stop)
    started = time.monotonic()
    try:
        with pytest.raises(SourceError, match=r"did not answer within 1 s"):
            fetch_url(f"http://127.0.0.1:{port}/article.txt", allow=only_this_loopback, timeout=1)
        assert time.monotonic() - started < 4  # the 45 s of the finding came from per-read timeouts
    finally:
        stop.set()


def test_a_lookup_that_hangs_is_cut_at_the_deadline(monkeypatch):
    monkeypatch.setattr(core.ingest.url_policy.socket, "getaddrinfo", lambda *a, **k: time.sleep(2) or [])
    with pytest.raises(SourceError, match=r"could not be looked up in time"):
        fetch_url("http://slow-dns.example/", timeout=0.5)


def test_every_address_of_a_name_is_checked_and_the_next_one_tried_when_one_does_not_answer(server, monkeypatch):
    real = socket.getaddrinfo

    def two_addresses(host, port, *args, **kwargs):
        if host == "twice.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in ("127.0.0.3", "127.0.0.1")]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", two_addresses)
    with pytest.raises(SourceError, match=r"points to this computer \(loopback\) \(127\.0\.0\.3\)"):
        fetch_url(f"http://twice.example:{server}/article.txt", allow=only_this_loopback, timeout=5)
    source = fetch_url(f"http://twice.example:{server}/article.txt", allow=lambda ip: ip.is_loopback, timeout=5)
    assert source.text.startswith("Ferry back in service")
