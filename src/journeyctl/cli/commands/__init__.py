"""One module per command; importing this package registers them all on the application."""

from journeyctl.cli.commands import (
    clean,
    diff,
    export,
    fmt,
    init,
    lint,
    render,
    report,
    rules,
    schema,
    validate,
)

__all__ = [
    "clean",
    "diff",
    "export",
    "fmt",
    "init",
    "lint",
    "render",
    "report",
    "rules",
    "schema",
    "validate",
]
