"""Writing a formatted map back: atomically, keeping the file's mode (the edge of fmt)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path`'s content with `data` so that a reader never sees half a file.

    The new content goes to a temporary file in the same folder (a rename is atomic only
    within one file system), gets the old file's permission bits, and is renamed over it. A
    symbolic link is followed: its target is rewritten, the link stays a link.
    """
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(mode)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
