"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per diagnostic.

Escaping follows the runner's parser (actions/runner, ActionCommand.TryParseV2): in the message
`%`, CR and LF; in property values also `:` and `,`, so that no map text can end the property
list, add a property or start a second command. Other control characters (an ANSI escape
would colour the log) are written as backslash escapes.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from journeyctl.diagnostics import Severity
from journeyctl.output._common import sorted_diagnostics, visible_inline

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journeyctl.diagnostics import Diagnostic, Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    """A command's message."""
    return visible_inline(text).translate(_DATA_ESCAPES)


def escape_property(text: str) -> str:
    """A property's value."""
    return visible_inline(text).translate(_PROPERTY_ESCAPES)


def format_line(diagnostic: Diagnostic) -> str:
    """One diagnostic as a workflow command, without the newline."""
    d = diagnostic
    line = max(1, d.span.line)
    column = max(1, d.span.column)
    end_line = max(line, d.span.end_line)
    # Numbers need no escaping; the file and the title repeat, so their escapes are cached.
    if end_line == line:
        # The runner drops columns from an annotation that spans several lines.
        place = (
            f"line={line},col={column},endLine={end_line},"
            f"endColumn={max(column, d.span.end_column)}"
        )
    else:
        place = f"line={line},endLine={end_line}"
    return (
        f"::{COMMANDS[d.severity]} file={_cached_property(d.path)},{place},"
        f"title={_cached_property(f'{d.code} {d.rule}')}::{escape_data(d.message)}"
    )


@functools.lru_cache(maxsize=1024)
def _cached_property(text: str) -> str:
    return escape_property(text)


def format_report(report: Report) -> str:
    """Every diagnostic of `report` as a workflow command, sorted; empty when there is none."""
    return "".join(iter_report(report))


def iter_report(report: Report) -> Iterator[str]:
    """The lines of `format_report`, one at a time."""
    for diagnostic in sorted_diagnostics(report):
        yield format_line(diagnostic) + "\n"
