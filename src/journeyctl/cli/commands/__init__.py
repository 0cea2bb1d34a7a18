"""One module per command, named after it.

A module is imported only when its command runs, or when `journeyctl --help` lists them all:
building every command's options on each run cost more start-up than the whole lint of a
small map. A new command is a module here and its name in `NAMES`.
"""

from __future__ import annotations

NAMES: tuple[str, ...] = (
    # in the order `journeyctl --help` lists them: the daily jobs first
    "validate",
    "lint",
    "rules",
    "render",
    "report",
    "export",
    "diff",
    "fmt",
    "init",
    "schema",
    "clean",
)
"""Each command's name, which is also its module's name in this package."""
