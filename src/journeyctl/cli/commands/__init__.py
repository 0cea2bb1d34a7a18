"""One module per command; importing this package registers them all on the application."""

from journeyctl.cli.commands import (
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
