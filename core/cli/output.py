"""Where an output may go: never over a case, an input or a special file; always written atomically."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from typing import Iterable

from core.case.migrations import APPLICATION_ID as CASE_APPLICATION_ID
from core.errors import ParallaxError

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID_OFFSET = 68  # where SQLite keeps PRAGMA application_id in the file header
# Files that live next to a case and belong to it: replacing one loses or damages the case.
CASE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


class OutputFailed(ParallaxError):
    """An output refused (it would replace a case, an input, a device) or not written, in one line."""


def _kind_of_special(mode: int) -> str:
    """Name what a non-regular file is."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def is_case_file(path: str) -> bool:
    """Return True when path is a SQLite file stamped with Parallax's application id."""
    try:
        with open(path, "rb", opener=_nonblocking) as handle:
            header = handle.read(APPLICATION_ID_OFFSET + 4)
    except OSError:
        return False
    if not header.startswith(SQLITE_HEADER) or len(header) < APPLICATION_ID_OFFSET + 4:
        return False
    return int.from_bytes(header[APPLICATION_ID_OFFSET : APPLICATION_ID_OFFSET + 4], "big") == CASE_APPLICATION_ID


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: str, inputs: Iterable[str] = ()) -> None:
    """Raise OutputFailed when writing path would replace a case, an input, or a non-regular file."""
    path = os.fspath(path)
    inputs = [os.fspath(p) for p in inputs if p]
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputFailed(f"{path}: cannot be checked ({error.strerror or error}); nothing was written") from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise OutputFailed(f"{path} is {_kind_of_special(info.st_mode)}, not a regular file; nothing was written")
        if is_case_file(path) or path.lower().endswith(".parallax"):  # also a case not yet written
            raise OutputFailed(
                f"{path} is a Parallax case; an export never replaces a case. Choose another output file"
            )
        for source in inputs:
            if _same_file(path, source):
                raise OutputFailed(f"{path} is one of the inputs; choose another output file")
    target = os.path.abspath(path)
    for source in inputs:
        for companion in CASE_COMPANIONS:
            if target == os.path.abspath(source + companion):
                raise OutputFailed(f"{path} belongs to the case {source}; choose another output file")


def disk_message(path: str, error: OSError) -> str:
    """Word a failed write in one line."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{path}: the disk is full; nothing was written"
    return f"{path}: cannot write ({error.strerror or error})"


def _file_mode(path: str) -> int:
    """Return the mode the output should get: the replaced file's, else 0o666 minus the umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: str, fmt: str, text: str, pdf_writer=None, inputs: Iterable[str] = ()) -> None:
    """Write the output next to its destination, then rename it over, so no half file is ever left.

    The destination is checked first (check_output). PDF is printed by Qt, which `core` never
    imports: the caller passes `pdf_writer(html, path)`.
    """
    check_output(path, inputs)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputFailed(f"{path}: the folder {folder} does not exist")
    try:
        handle, temp = tempfile.mkstemp(prefix=".parallax-export-", suffix="." + fmt, dir=folder)
    except OSError as error:
        raise OutputFailed(disk_message(path, error)) from None
    try:
        if fmt == "pdf":
            os.close(handle)
            if pdf_writer is None:
                raise OutputFailed("PDF export needs the window's Qt printer; run `parallax export`")
            pdf_writer(text, temp)
        else:
            # CSV keeps its \r\n rows; the other formats are written as generated.
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temp, _file_mode(path))
        check_output(path, inputs)  # the destination may have changed while we rendered
        os.replace(temp, path)
    except OSError as error:
        raise OutputFailed(disk_message(path, error)) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
