"""Import articles from files, bytes or pasted text as Sources, refusing what is not text."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from core.ingest.encoding import bom_encoding, decode, sniff_utf16
from core.errors import SourceError
from core.ingest.boilerplate import is_furniture_line
from core.ingest.html import extract_html
from core.model import Source

MAX_BYTES = 20 * 1024 * 1024
# Text, once decoded (an HTML page's markup does not count): alignment time grows faster than
# the text's length, so a limit far above any article (a long read is under 100,000 characters)
# keeps every import within seconds. bench/bench_large_input.py measures it; see the README.
MAX_TEXT_CHARS = 2_000_000
READ_DEADLINE = 30.0  # seconds: a file on a stalled network share is given up, not waited on
_READ_CHUNK = 1024 * 1024

_KINDS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

# Magic numbers of files people drop by mistake, with a readable name.
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio file"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"{\\rtf", "RTF document"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio file", b"AVI ": "AVI video"}

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype\s+)?html)|<(?:p|div|article|br)\b[^>]*>",
    re.I,
)
_HEADLINE_MAX = 150
_TITLE_WORDS = 3  # a shorter top line is a label ("World", "Breaking news"), not a headline
_SOURCE_LINE = re.compile(r"^\s*(?:source|outlet|publication|publisher)\s*:\s*(.{1,80}?)\s*$", re.I | re.M)
# Labelled lines near the top: "Published: 3 March 2025", "URL: https://…" (any case, one per line).
_DATE_LINE = re.compile(r"^\s*(?:published|date|updated|posted)(?:\s+on)?\s*:?\s*(.{6,60}?)\s*$", re.I | re.M)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a date worth parsing names its year (1800-2099)
_URL_LINE = re.compile(
    r"^\s*(?:(?:url|link|source url|canonical|original)\s*:\s*)?(https?://\S{3,500})\s*$", re.I | re.M
)
# A short line holding a year (1800-2099): maybe a date line such as "4 March 2025" or "2025-03-04".
_LONE_DATE = re.compile(r"^\s*(?=[^\n]*\b(?:1[89]|20)\d\d\b)[\w ,./:-]{6,40}$")
_HEAD_LINES = 12  # metadata is looked for in the first lines only: later ones are the story
_BYLINE = re.compile(r"^[ \t]*By[ \t]+([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})\s*(?:[,|]\s*(.{1,60}?))?\s*$", re.M)


def load_path(path: str | os.PathLike) -> Source:
    """Read, check and decode one file into a Source."""
    name = str(path)
    try:
        data = read_regular_file(name)
    except OSError as exc:
        raise SourceError(name, _unreadable(exc)) from None
    return load_bytes(data, name)


def read_regular_file(name: str, limit: int = MAX_BYTES, deadline: float = READ_DEADLINE) -> bytes:
    """Return the bytes of a regular file; refuse pipes, devices, sockets and folders before opening.

    Opening a FIFO for reading blocks until a writer appears, and reading a device never ends:
    the kind is checked with stat first, the file is opened without blocking and checked again
    (it may have been swapped in between), and the read stops at the size limit or the deadline.
    """
    info = os.stat(name)
    _require_regular(name, info.st_mode)
    if info.st_size > limit:  # refused by its size, before a byte is read
        raise SourceError(name, _too_big(info.st_size))
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        _require_regular(name, os.fstat(fd).st_mode)
        chunks, total, started = [], 0, time.monotonic()
        while total <= limit:
            chunk = handle.read(_READ_CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if time.monotonic() - started > deadline:
                raise SourceError(name, f"took longer than {deadline:g} s to read; stopped")
    return b"".join(chunks)


def _require_regular(name: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(name)
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a special file"
    )
    raise SourceError(name, f"is {kind}, not a regular file")


def _unreadable(exc: OSError) -> str:
    """Phrase why a file could not be read, in the one line the user sees."""
    if isinstance(exc, FileNotFoundError):
        return "does not exist"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    return f"cannot be read: {exc.strerror or exc}"


def load_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[Source], list[SourceError]]:
    """Load every path, collecting errors so that one bad file never stops the others."""
    sources: list[Source] = []
    errors: list[SourceError] = []
    for path in paths:
        try:
            sources.append(load_path(path))
        except SourceError as exc:
            errors.append(exc)
    return sources, errors


def load_bytes(data: bytes, name: str, kind: str | None = None) -> Source:
    """Check and decode the bytes of a file called name (kind from its extension or a sniff)."""
    if len(data) > MAX_BYTES:
        raise SourceError(name, _too_big(len(data)))
    if not data:
        raise SourceError(name, "is empty")
    binary = binary_kind(data)
    if binary:
        raise SourceError(name, f"is a binary file ({binary}), not text")
    try:
        text, encoding = decode(data)
    except ValueError:
        raise SourceError(name, "is not valid text in any supported encoding") from None
    if not text.strip():
        raise SourceError(name, "contains only whitespace")
    kind = kind or _kind_of(name, text)
    meta = {"title": "", "outlet": "", "author": "", "published": "", "url": ""}
    if kind == "html":
        try:
            text, meta = extract_html(data)
        except ValueError:
            raise SourceError(name, "is not valid text in any supported encoding") from None
        if not text.strip():
            raise SourceError(name, "has no readable text in its HTML")
        _require_visible(name, text)
    else:
        _require_visible(name, text)
        meta.update(_plain_metadata(text, name))
    digest = hashlib.sha256(data).hexdigest()
    return Source(
        key=digest[:16],
        text=text,
        sha256=digest,
        kind=kind,
        path=name,
        title=meta["title"] or _stem(name),
        outlet=meta["outlet"],
        author=meta["author"],
        published=meta["published"],
        url=meta["url"],
        encoding=encoding,
        imported_at=_now(),
        notice=meta.get("notice", ""),
        original=data,
    )


# A half of a surrogate pair alone is no character: a clipboard can hand one over, and no codec
# (nor the case file) can store it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def load_text(text: str, title: str = "Pasted text") -> Source:
    """Wrap pasted text as a Source (its bytes are the UTF-8 encoding of the text)."""
    if not text:
        raise SourceError(title, "is empty")
    # U+FFFD stands where the broken character stood, as a decoder writes it: one for one, so
    # every other character keeps its offset.
    text = _LONE_SURROGATE.sub("\ufffd", text)
    _require_visible(title, text)
    if "\x00" in text:
        raise SourceError(title, "contains NUL characters, not text")
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise SourceError(title, _too_big(len(data)))
    digest = hashlib.sha256(data).hexdigest()
    meta = _plain_metadata(text, title)
    return Source(
        key=digest[:16],
        text=text,
        sha256=digest,
        kind="paste",
        title=title or meta["title"],
        outlet=meta["outlet"],
        author=meta["author"],
        published=meta["published"],
        url=meta["url"],
        encoding="utf-8",
        imported_at=_now(),
        original=data,
    )


def _require_visible(name: str, text: str) -> None:
    """Refuse text without a visible character, and text too long to align within seconds."""
    if not text.strip():
        raise SourceError(name, "contains only whitespace")
    # Letters, marks, numbers, punctuation, symbols: zero-width and other format characters are none.
    if not any(unicodedata.category(ch)[0] in "LMNPS" for ch in text):
        raise SourceError(name, "contains no visible characters (only invisible formatting characters)")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(
            name,
            f"has {len(text) / 1e6:.1f} million characters of text; the limit is "
            f"{MAX_TEXT_CHARS / 1e6:g} million (far above any article) so that "
            "aligning stays within seconds",
        )


def binary_kind(data: bytes) -> str:
    """Name the binary format of data, or return "" when it looks like text."""
    if bom_encoding(data) or sniff_utf16(data):
        return ""
    for magic, label in _MAGIC:
        if data.startswith(magic):
            return label
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4 or QuickTime media file"
    head = data[:8192]
    if b"\x00" in head:
        return "unknown format with NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > max(2, len(head) // 20):
        return "unknown format with control characters"
    return ""


def _kind_of(name: str, text: str) -> str:
    """Pick the kind from the file extension, sniffing HTML when the extension says nothing."""
    ext = os.path.splitext(name)[1].lower()
    if ext in _KINDS:
        return _KINDS[ext]
    return "html" if _HTML_SNIFF.search(text[:4096].encode("utf-8", "ignore")) else "txt"


def _plain_metadata(text: str, name: str) -> dict:
    """Find a headline-like first line as title and an explicit Source:/byline line."""
    meta = {"title": "", "outlet": "", "author": "", "published": "", "url": ""}
    lines = [line.strip().lstrip("#").strip() for line in text[:3000].splitlines()]
    # A byline, a section label ("World") or a photo credit above the headline is no title: the
    # first of the top lines that reads as a headline is.
    for line in [line for line in lines if line][:_HEAD_LINES]:
        if _BYLINE.match(line) or len(line.split()) < _TITLE_WORDS or is_furniture_line(line):
            continue
        if len(line) <= _HEADLINE_MAX and line[-1] not in ".,;:" and not line.endswith("…"):
            meta["title"] = line
        break
    head = text[:3000]
    outlet = _SOURCE_LINE.search(head)
    if outlet:
        meta["outlet"] = outlet.group(1).strip()
    byline = _BYLINE.search(head)
    if byline:
        meta["author"] = byline.group(1).strip()
        # "By A, B and C, Outlet": the outlet is the last part, never a list of more authors
        tail = (byline.group(2) or "").split(",")[-1].strip()
        # nor a date ("By Ana Roe | June 4, 2025"): an outlet has letters and no figures
        if tail and " and " not in tail and not any(c.isdigit() for c in tail) and not meta["outlet"]:
            meta["outlet"] = tail
    top = "\n".join([line for line in text[:3000].splitlines() if line.strip()][:_HEAD_LINES])
    url = _URL_LINE.search(top)
    if url:
        meta["url"] = url.group(1).rstrip(").,;")
    meta["published"] = _head_date(top)
    return meta


def _head_date(top: str) -> str:
    """Return the ISO date of a "Published: …" line, or of a line that is only a date, in the top lines."""
    labelled = [m.group(1) for m in _DATE_LINE.finditer(top)]
    candidates = [c for c in labelled if _YEAR.search(c)]
    candidates += [line.strip() for line in top.splitlines() if _LONE_DATE.match(line)]
    if not candidates:
        return ""
    import dateparser  # slow to import: only when a line looks like a date

    for candidate in candidates:
        # Strict: day, month and year must all be written, so "Sunday" or "2 hours" never becomes a date.
        # English only: guessing the language of every short line costs seconds per file.
        when = dateparser.parse(
            candidate, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
        )
        if when is not None:
            return when.date().isoformat()
    return ""


def _stem(name: str) -> str:
    """Return the file name without folder or extension."""
    return Path(name).stem if name else ""


def _too_big(size: int) -> str:
    """Word the too-large message with sizes in MB."""
    return f"is {size / (1024 * 1024):.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB"


def _now() -> str:
    """Return the current time as ISO 8601 UTC to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
