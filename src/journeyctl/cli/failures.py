"""What the user reads when a run stops for a reason other than its maps: an interrupt, a full
disk, a bug. Never a traceback, unless JOURNEYCTL_DEBUG=1 asks for one."""

from __future__ import annotations

import errno
import os
import sys
from typing import NoReturn

from journeyctl.cli.exit_codes import EXIT_INTERRUPTED, EXIT_USAGE

_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


def interrupted() -> NoReturn:
    sys.stderr.write("journeyctl: interrupted\n")
    sys.exit(EXIT_INTERRUPTED)


def unexpected(exc: BaseException) -> int:
    """Say on stderr why the run stopped and return its exit code; with JOURNEYCTL_DEBUG=1,
    raise `exc` again for its traceback."""
    if os.environ.get("JOURNEYCTL_DEBUG") == "1":
        raise exc
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL:  # `> out.txt` on a full disk
        sys.stderr.write(f"journeyctl: error: cannot write: {exc.strerror}\n")
        return EXIT_USAGE
    from journeyctl.output._common import visible

    sys.stderr.write(
        f"journeyctl: internal error: {type(exc).__name__}: {visible(str(exc)[:2000])}\n"
        "Run again with JOURNEYCTL_DEBUG=1 for the traceback, and please report it.\n"
    )
    return EXIT_USAGE
