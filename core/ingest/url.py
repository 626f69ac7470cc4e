"""Fetch a news article from an http(s) URL as a Source, with size, time and redirect limits."""
from __future__ import annotations

import hashlib
import http.client
import posixpath
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import replace
from email.message import Message
from pathlib import PurePath
from typing import Optional

from core.errors import SourceError
from core.model import Source
from core.ingest.sources import MAX_BYTES, load_bytes

USER_AGENT = "Parallax/0.1 (fact-checking article comparison; +https://example.invalid/parallax)"
ALLOWED_SCHEMES = ("http", "https")
CHUNK = 64 * 1024

# Media types an article page can come as; the value is the Source kind they become.
_TEXT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt",
    "text/markdown": "md", "text/x-markdown": "md",
}
# Readable names for what people paste by mistake (a PDF link, an image link).
_BINARY_NAMES = {
    "application/pdf": "a PDF document", "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary download", "application/msword": "a Word document",
    "application/gzip": "a gzip archive", "application/json": "JSON data",
}


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most `limit` redirects per fetch, and only to http or https addresses."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        # urllib's own loop guards would otherwise fire first with a vaguer HTTP 30x error.
        self.max_repeats = self.max_redirections = limit + 1
        self.followed = 0

    def http_error_302(self, req, fp, code, msg, headers):
        """Refuse a redirect past the limit or to another scheme; otherwise follow it."""
        location = headers.get("location") or headers.get("uri")
        if location:
            # urllib checks the scheme itself but words it as an HTTP error; say it plainly first.
            scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, location)).scheme.lower()
            if scheme not in ALLOWED_SCHEMES:
                fp.close()
                raise SourceError(req.full_url, f"redirects to a {scheme}: address, which is refused")
            self.followed += 1
            if self.followed > self.limit:
                fp.close()
                raise SourceError(req.full_url, f"redirects more than {self.limit} times; stopped following")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


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


def fetch_url(url: str, *, timeout: float = 15, max_bytes: int = MAX_BYTES, max_redirects: int = 5,
              opener: Optional[urllib.request.OpenerDirector] = None) -> Source:
    """Download an article page or text file and return it as a Source that keeps its URL."""
    url = check_url(url)
    deadline = time.monotonic() + timeout
    if opener is None:
        opener = urllib.request.build_opener(_BoundedRedirects(max_redirects))
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, identity",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"})
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl() or url
            headers = response.headers
            kind, charset = _content_kind(url, headers)
            _check_declared_length(url, headers, max_bytes)
            raw = _read_bounded(url, response, max_bytes, deadline, timeout)
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        raise SourceError(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise SourceError(url, _reason(exc.reason, timeout)) from None
    except (TimeoutError, socket.timeout):
        raise SourceError(url, f"did not answer within {timeout:g} s") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise SourceError(url, f"the download failed ({_describe(exc)})") from None
    data = _decompressed(url, raw, headers.get("Content-Encoding", ""), max_bytes)
    return _to_source(url, final_url, data, kind, charset)


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
    name = _BINARY_NAMES.get(media) or (f"an {media.split('/')[0]} file" if media.startswith(("image/", "audio/"))
                                        else f"a {media.split('/')[0]} file" if media.startswith("video/")
                                        else f"a {media} file")
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
        source, key=digest[:16], sha256=digest, original=data, path="", url=final_url,
        encoding=encoding or source.encoding, title=title,
        outlet=source.outlet or _host(final_url))


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
