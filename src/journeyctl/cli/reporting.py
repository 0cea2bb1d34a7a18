"""The end of a check run: print the report in the chosen format, the summary, and decide the
exit code from `--fail-on`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK
from journeyctl.diagnostics import VALIDATION_CODES, Diagnostic, Report, Severity

if TYPE_CHECKING:  # a warm run (the cache) prints through here without the configuration
    from journeyctl.config import Settings


def print_report(report: Report, output_format: str) -> None:
    from journeyctl.output import get_streamer, write_chunks

    if output_format == "text":  # streamed, as every format: output is linear in findings
        from journeyctl.cli.console import wants_color
        from journeyctl.output.text import iter_report as text_report

        write_chunks(sys.stdout, text_report(report, color=wants_color(sys.stdout)))
    else:
        write_chunks(sys.stdout, get_streamer(output_format)(report))


def print_summary(report: Report, summary: str, output_format: str, *, statistics: bool) -> None:
    """The summary line goes with text output, and to stderr beside a machine format."""
    stream = sys.stdout if output_format == "text" else sys.stderr
    if statistics:
        stream.write(statistics_table(report))
    stream.write(summary + "\n")


def fail_threshold(option: str | None, settings: Settings | None) -> Severity | None:
    """The lowest severity that fails the run; None for `never`."""
    chosen = option or (settings.fail_on if settings else None) or "error"
    return None if chosen == "never" else Severity.parse(chosen)


def failed(diagnostics: Sequence[Diagnostic], threshold: Severity | None) -> bool:
    if threshold is None:
        return False
    return any(d.code in VALIDATION_CODES or d.severity >= threshold for d in diagnostics)


def exit_code(diagnostics: Sequence[Diagnostic], threshold: Severity | None) -> int:
    return EXIT_FAILED if failed(diagnostics, threshold) else EXIT_OK


def summary_line(report: Report, checked: int, invalid: int, *, lint: bool) -> str:
    files = f"{checked} file{'s' if checked != 1 else ''}"
    if not lint:
        return f"{files} checked, {invalid} invalid"
    counts = {severity: 0 for severity in Severity}
    for diagnostic in report.diagnostics:
        counts[diagnostic.severity] += 1
    total = sum(counts.values())
    if total == 0:
        return f"{files} checked, no problems found"
    parts = [
        f"{counts[s]} {s.label}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    problems = f"{total} problem{'s' if total != 1 else ''}"
    return f"{files} checked, {invalid} invalid, {problems} ({', '.join(parts)})"


def statistics_table(report: Report) -> str:
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in report.diagnostics:
        key = (diagnostic.code, diagnostic.rule)
        counts[key] = counts.get(key, 0) + 1
    lines = [f"{count:>5}  {code}  {rule}" for (code, rule), count in sorted(counts.items())]
    return "".join(line + "\n" for line in lines)
