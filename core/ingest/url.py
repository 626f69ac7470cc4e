"""Fetch a news article from an http(s) URL as a Source, with size, time and redirect limits."""

from __future__ import annotations

import hashlib
import http.client
import posixpath
import socket
import ssl
import threading
import time
import urllib.parse
import zlib
from dataclasses import replace
from email.message import Message
from pathlib import PurePath
from typing import Optional

from core.errors import SourceError
from core.model import Source
from core.ingest.sources import MAX_BYTES, load_bytes
from core.ingest.url_policy import Policy, is_public, resolve

USER_AGENT = "Parallax/0.1 (fact-checking article comparison; +https://example.invalid/parallax)"
ALLOWED_SCHEMES = ("http", "https")
CHUNK = 64 * 1024

# Media types an article page can come as; the value is the Source kind they become.
_TEXT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
}
# Readable names for what people paste by mistake (a PDF link, an image link).
_BINARY_NAMES = {
    "application/pdf": "a PDF document",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary download",
    "application/msword": "a Word document",
    "application/gzip": "a gzip archive",
    "application/json": "JSON data",
}


def check_url(url: str) -> str:
    """Return the URL stripped of spaces when it is an http(s) address with a host; else raise SourceError."""
    url = (url or "").strip()
    if not url:
        raise SourceError("", "no address given")
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as exc:
        raise SourceError(url, f"is not a valid web address ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "an address without http:// or https://"
        raise SourceError(url, f"only http and https addresses can be fetched, not {shown}")
    try:
        host = parts.hostname
    except ValueError as exc:
        raise SourceError(url, f"is not a valid web address ({exc})") from None
    if not host:
        raise SourceError(url, "has no host name")
    return url


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the address that was checked, whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, addresses: list[str], deadline: float):
        super().__init__(host, port, timeout=max(0.001, deadline - time.monotonic()))
        self.addresses = addresses
        self.deadline = deadline

    def connect(self) -> None:
        """Connect to the first checked address that answers (a name may have IPv6 and IPv4 ones)."""
        failure: OSError = OSError("no address")
        for address in self.addresses:
            try:
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.sock = socket.create_connection((address, self.port), remaining)
                self.sock.settimeout(self.timeout)
                return
            except OSError as exc:
                failure = exc
        raise failure

    def abort(self) -> None:
        """Cut the connection from another thread (the overall deadline passed)."""
        sock = self.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _PinnedHTTPS(_PinnedHTTP):
    """The same over TLS; the certificate is checked against the host name, not the address."""

    default_port = 443

    def connect(self) -> None:
        """Connect to the checked address and verify the server's certificate for the host name."""
        super().connect()
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def fetch_url(
    url: str, *, timeout: float = 15, max_bytes: int = MAX_BYTES, max_redirects: int = 5, allow: Optional[Policy] = None
) -> Source:
    """Download an article page or text file and return it as a Source that keeps its URL.

    Only public addresses are fetched (allow replaces that policy, for tests); every redirect is
    checked again; one deadline covers the lookup, connecting, the headers and the body.
    """
    url = check_url(url)
    policy = allow or is_public
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(max_redirects + 1):
        conn = _pinned(url, current, policy, deadline, timeout)
        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), conn.abort)
        watchdog.daemon = True
        watchdog.start()
        stage = "answer"
        try:
            _connect(conn, url, deadline, timeout)
            response = _get(conn, current)
            if time.monotonic() >= deadline:  # the watchdog cut the headers short: not an answer
                raise SourceError(url, f"did not answer within {timeout:g} s")
            stage = "body"
            if response.status in (301, 302, 303, 307, 308):
                current = _redirect_target(current, response)
                continue
            if response.status >= 400:
                raise SourceError(url, f"the server answered {response.status} {response.reason}")
            headers = response.msg
            kind, charset = _content_kind(url, headers)
            _check_declared_length(url, headers, max_bytes)
            raw = _read_bounded(url, response, max_bytes, deadline, timeout)
        except SourceError:
            raise
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise SourceError(url, _failure(exc, stage, deadline, timeout)) from None
        finally:
            watchdog.cancel()
            conn.close()
        data = _decompressed(url, raw, headers.get("Content-Encoding", ""), max_bytes)
        return _to_source(url, current, data, kind, charset)
    raise SourceError(current, f"redirects more than {max_redirects} times; stopped following")


def _pinned(url: str, current: str, policy: Policy, deadline: float, timeout: float) -> _PinnedHTTP:
    """Resolve and check the host of current; return a connection bound to the checked addresses."""
    parts = urllib.parse.urlsplit(current)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise SourceError(url, "has an invalid port number") from None
    host = parts.hostname
    if not host:
        raise SourceError(url, "has no host name")
    addresses = resolve(url, host, port, policy, deadline)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise SourceError(url, f"did not answer within {timeout:g} s")
    kind = _PinnedHTTPS if parts.scheme.lower() == "https" else _PinnedHTTP
    return kind(host, port, addresses, deadline)


def _connect(conn: _PinnedHTTP, url: str, deadline: float, timeout: float) -> None:
    """Connect (and shake hands over TLS) within the deadline, wording a failure in one line."""
    try:
        conn.connect()
    except ssl.SSLError as exc:
        conn.close()
        raise SourceError(url, f"its secure connection failed ({_describe(exc)})") from None
    except OSError as exc:
        conn.close()
        raise SourceError(
            url, _reason(exc, timeout) if time.monotonic() < deadline else f"did not answer within {timeout:g} s"
        ) from None


def _get(conn: _PinnedHTTP, current: str) -> http.client.HTTPResponse:
    parts = urllib.parse.urlsplit(current)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn.request(
        "GET",
        target,
        headers={
            "User-Agent": USER_AGENT,
            "Accept-Encoding": "gzip, deflate, identity",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Connection": "close",
        },
    )
    return conn.getresponse()


def _redirect_target(current: str, response) -> str:
    """Return where a redirect points, refusing other schemes (the caller checks its address)."""
    location = response.getheader("Location") or response.getheader("URI")
    if not location:
        raise SourceError(current, f"the server answered {response.status} without saying where to go")
    target = urllib.parse.urljoin(current, location.strip())
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise SourceError(current, f"redirects to a {scheme}: address, which is refused")
    return check_url(target)


def _failure(exc: BaseException, stage: str, deadline: float, timeout: float) -> str:
    """Word a failed exchange; past the deadline it is the deadline that cut it."""
    if time.monotonic() >= deadline - 0.01 or isinstance(exc, (TimeoutError, socket.timeout)):
        if stage == "answer":
            return f"did not answer within {timeout:g} s"
        return f"took longer than {timeout:g} s to download; stopped"
    return f"the download failed ({_describe(exc)})"


def _content_kind(url: str, headers: Message) -> tuple[str | None, str]:
    """Return (Source kind or None to sniff, declared charset) or refuse a binary media type."""
    media = headers.get_content_type() if headers.get("Content-Type") else ""
    charset = headers.get_content_charset() or ""
    if not media:
        return None, charset
    if media in _TEXT_TYPES:
        return _TEXT_TYPES[media], charset
    if media.startswith("text/"):
        return "txt", charset
    if media.endswith("+xml") or media == "application/xml":
        return "html", charset
    name = _BINARY_NAMES.get(media) or (
        f"an {media.split('/')[0]} file"
        if media.startswith(("image/", "audio/"))
        else f"a {media.split('/')[0]} file"
        if media.startswith("video/")
        else f"a {media} file"
    )
    raise SourceError(url, f"is {name} ({media}), not an article page or text")


def _check_declared_length(url: str, headers: Message, max_bytes: int) -> None:
    """Refuse at once a response whose Content-Length is over the limit."""
    try:
        declared = int(headers.get("Content-Length", "") or -1)
    except ValueError:
        return
    if declared > max_bytes:
        raise SourceError(url, _too_big(declared, max_bytes))


def _read_bounded(url: str, response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """Read the body in chunks, stopping past max_bytes or past the total time limit."""
    chunks: list[bytes] = []
    total = 0
    read = getattr(response, "read1", None) or response.read
    while True:
        if time.monotonic() > deadline:
            raise SourceError(url, f"took longer than {timeout:g} s to download; stopped")
        chunk = read(CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise SourceError(url, f"is larger than the limit of {_mb(max_bytes)}; stopped reading")
        chunks.append(chunk)
    if time.monotonic() > deadline:
        raise SourceError(url, f"took longer than {timeout:g} s to download; stopped")
    return b"".join(chunks)


def _decompressed(url: str, raw: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate transfer compression without letting a small bomb grow past max_bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise SourceError(url, f"is sent with an unsupported compression ({encoding})")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        data = inflater.decompress(raw, max_bytes + 1)
    except zlib.error:
        try:  # some servers send raw deflate without the zlib header
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            data = inflater.decompress(raw, max_bytes + 1)
        except zlib.error:
            raise SourceError(url, f"is corrupt ({encoding} data that does not decompress)") from None
    if len(data) > max_bytes:
        raise SourceError(url, f"is larger than the limit of {_mb(max_bytes)} once decompressed; refused")
    return data


def _to_source(url: str, final_url: str, data: bytes, kind: str | None, charset: str) -> Source:
    """Turn the downloaded bytes into a Source keeping the URL, the original bytes and their hash."""
    payload, encoding = data, ""
    if charset and charset.replace("_", "-").lower() not in ("utf-8", "utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            # The HTTP header is the page's own word on its encoding: trust it over detection.
            try:
                payload, encoding = data.decode(charset).encode("utf-8"), charset.lower()
            except (LookupError, UnicodeDecodeError):
                payload = data
    if kind is None and url.lower().endswith((".md", ".markdown")):
        kind = "md"
    source = load_bytes(payload, url, kind)
    digest = hashlib.sha256(data).hexdigest()
    # load_bytes falls back to the "file name" for a title; for a URL that is usually noise.
    title = source.title if source.title != PurePath(url).stem else _url_title(final_url)
    return replace(
        source,
        key=digest[:16],
        sha256=digest,
        original=data,
        path="",
        url=final_url,
        encoding=encoding or source.encoding,
        title=title,
        outlet=source.outlet or _host(final_url),
    )


def _host(url: str) -> str:
    """Return the host of a URL without a leading www."""
    host = urllib.parse.urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _url_title(url: str) -> str:
    """Return a readable title from the last path segment of a URL, else its host."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).rstrip("/")
    stem = posixpath.splitext(posixpath.basename(path))[0].replace("-", " ").replace("_", " ").strip()
    return stem or _host(url)


def _reason(reason, timeout: float) -> str:
    """Word a URLError reason for the user."""
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"did not answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "the host name could not be found (offline, or a typo in the address?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    return f"cannot be reached ({_describe(reason)})"


def _describe(exc) -> str:
    """Return a short one-line description of an exception or reason."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _mb(size: int) -> str:
    """Word a byte count in MB (or KB for small limits)."""
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _too_big(size: int, limit: int) -> str:
    """Word the too-large message."""
    return f"is {_mb(size)}; the limit is {_mb(limit)}"
