"""Compiler-style text: `PATH:LINE:COL: SEVERITY CODE message [rule-name]`, one line each.

The summary line is not part of this output: the CLI writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyctl.diagnostics import Severity
from journeyctl.output._common import sorted_diagnostics, visible

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journeyctl.diagnostics import Diagnostic, Report

_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_SEVERITY_STYLES = {
    Severity.ERROR: "\x1b[1;31m",  # bold red
    Severity.WARNING: "\x1b[1;33m",  # bold yellow
    Severity.INFO: "\x1b[1;34m",  # bold blue
}


def format_line(diagnostic: Diagnostic) -> str:
    """One diagnostic as a plain line, without the newline."""
    d = diagnostic
    return (
        f"{visible(d.path)}:{d.span.line}:{d.span.column}: {d.severity.label} "
        f"{visible(d.code)} {visible(d.message)} [{visible(d.rule)}]"
    )


def format_report(report: Report, *, color: bool = False) -> str:
    """Every diagnostic of `report`, sorted; empty when there is none."""
    return "".join(iter_report(report, color=color))


def iter_report(report: Report, *, color: bool = False) -> Iterator[str]:
    """The lines of `format_report`, one at a time: text output is streamed."""
    line = format_coloured_line if color else format_line
    for diagnostic in sorted_diagnostics(report):
        yield line(diagnostic) + "\n"


def format_coloured_line(diagnostic: Diagnostic) -> str:
    """One diagnostic with ANSI styles (bold path and code, coloured severity, dim rule).

    Written directly, not through rich: the styles are fixed, and rich's Text and Console cost
    seconds and gigabytes on a run with 600,000 findings. Map text is escaped by `visible`
    first, so the only escape sequences in the output are these.
    """
    d = diagnostic
    return (
        f"{_BOLD}{visible(d.path)}{_RESET}:{d.span.line}:{d.span.column}: "
        f"{_SEVERITY_STYLES[d.severity]}{d.severity.label}{_RESET} "
        f"{_BOLD}{visible(d.code)}{_RESET} {visible(d.message)}"
        f"{_DIM} [{visible(d.rule)}]{_RESET}"
    )
