"""Reading one input file, bounded: look at what it is before reading any of it.

A pull request can add a FIFO (the read blocks forever), a symbolic link to `/dev/zero` (the
read never ends) or a sparse file of gigabytes (the read takes all memory). So the file is
stat-ed first: anything but a regular file is refused, and so is a regular file larger than the
limit, without reading a byte of it. The read itself is bounded too (at most `max_size + 1`
bytes), because a file can grow between the stat and the read.

This is the only module of the library that opens files; everything else takes bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journeyctl.load.errors import LoadError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefusedError(LoadError):
    """A file that is not read at all: not a regular file, or over the size limit.

    A `LoadError` (JM001 at 1:1), because to the user it is a problem with that file, reported
    like any other while the rest of the run goes on.
    """


def file_kind(mode: int) -> str:
    """What a file mode describes, in words (`a named pipe (FIFO)`); `a regular file`."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


MAP_HINT = "raise limits.max_file_size in the configuration to read it"


def too_large(size: int, max_size: int, hint: str = MAP_HINT) -> str:
    """The one message for a file over the size limit (the loader says the same)."""
    return f"file is {size:,} bytes, over the limit of {max_size:,} bytes ({hint})"


def read_bounded(
    path: Path, max_size: int, *, what: str = "journey map", hint: str = MAP_HINT
) -> bytes:
    """The bytes of a regular file of at most `max_size` bytes; FileRefusedError otherwise.

    Symbolic links are followed (the caller decides which links to read). OSError (missing,
    permission denied, a symlink loop) passes through: that file cannot be opened at all.
    """
    _refuse_unless_regular(path.stat().st_mode, what)  # never open a device or a socket
    # O_NONBLOCK: should a FIFO replace the file after the stat, opening it does not block.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        _refuse_unless_regular(info.st_mode, what)
        if info.st_size > max_size:
            raise FileRefusedError(too_large(info.st_size, max_size, hint))
        chunks: list[bytes] = []
        remaining = max_size + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_size:  # it grew after the stat
        raise FileRefusedError(too_large(len(data), max_size, hint))
    return data


def _refuse_unless_regular(mode: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        raise FileRefusedError(
            f"{file_kind(mode)}, not a regular file; a {what} is read only from a regular file"
        )
