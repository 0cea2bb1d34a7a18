"""Terminal consoles for the edge: colour only on a terminal, NO_COLOR and FORCE_COLOR honoured."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def wants_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, no_color=not wants_color(sys.stderr))


def stdout_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, no_color=not wants_color(sys.stdout))
