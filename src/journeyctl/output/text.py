"""Compiler-style text: `PATH:LINE:COL: SEVERITY CODE message [rule-name]`, one line each.

The summary line is not part of this output: the CLI writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyctl.diagnostics import Severity
from journeyctl.output._common import sorted_diagnostics, visible

if TYPE_CHECKING:
    from journeyctl.diagnostics import Diagnostic, Report

_SEVERITY_STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold blue",
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
    diagnostics = sorted_diagnostics(report)
    if not diagnostics:
        return ""
    if not color:
        return "".join(format_line(d) + "\n" for d in diagnostics)
    return _format_coloured(diagnostics)


def _format_coloured(diagnostics: list[Diagnostic]) -> str:
    # rich costs tens of milliseconds to import: only coloured output pays for it.
    import io

    from rich.console import Console
    from rich.text import Text

    # Text objects, never markup strings: map text such as `[/x]` must come out literally.
    text = Text()
    for index, d in enumerate(diagnostics):
        if index:
            text.append("\n")
        text.append(visible(d.path), style="bold")
        text.append(f":{d.span.line}:{d.span.column}: ")
        text.append(d.severity.label, style=_SEVERITY_STYLES[d.severity])
        text.append(" ")
        text.append(visible(d.code), style="bold")
        text.append(" ")
        text.append(visible(d.message))
        text.append(f" [{visible(d.rule)}]", style="dim")
    buffer = io.StringIO()
    # Every setting explicit, so that neither the environment (NO_COLOR, COLUMNS, TERM) nor
    # the real stdout changes the result: the caller has already decided on colour.
    console = Console(
        file=buffer,
        force_terminal=True,
        force_jupyter=False,
        force_interactive=False,
        color_system="standard",
        no_color=False,
        width=max(80, max(len(line) for line in text.plain.split("\n")) + 1),
        soft_wrap=True,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    console.print(text, soft_wrap=True)
    return buffer.getvalue()
