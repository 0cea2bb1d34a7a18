"""The end of a check run: the report in the chosen format, the summary, the exit code.

Also what the options of a run add there: `--output-file` (the document to a file, the summary
on stderr), `--quiet` (findings only), `--show-source` (the offending line under each finding,
as ruff and rustc print it), `--statistics` (how often each rule fired, most often first), and
which rules each file really ran (SARIF's rule list, JUnit's test cases).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK
from journeyctl.diagnostics import VALIDATION_CODES, Diagnostic, Report, RuleInfo, Severity
from journeyctl.output._common import sorted_diagnostics, visible

if TYPE_CHECKING:  # a warm run (the cache) prints through here without the configuration
    from journeyctl.config import Settings


@dataclass(frozen=True, slots=True)
class RunOptions:
    """The options of a run that are not about which rules run."""

    force_exclude: bool = False
    output_file: Path | None = None
    quiet: bool = False
    show_source: bool | None = None
    """None: on for text on a terminal, off otherwise."""
    baseline: Path | None = None
    write_baseline: Path | None = None

    @property
    def plain(self) -> bool:
        """No option of the report itself and no baseline: what a warm run can print."""
        return self == RunOptions()


def print_report(
    report: Report,
    output_format: str,
    options: RunOptions | None = None,
    read: Callable[[str], str | None] | None = None,
) -> None:
    """The document, streamed, to stdout or `--output-file`; `read` gives a file's text for
    `--show-source`."""
    from journeyctl.output import get_streamer, write_chunks

    options = options or RunOptions()
    on_stdout = options.output_file is None
    chunks: Iterable[str]
    if output_format == "text":  # streamed, as every format: output is linear in findings
        from journeyctl.cli.console import wants_color
        from journeyctl.output.text import iter_report as text_report

        chunks = text_report(report, color=on_stdout and wants_color(sys.stdout))
        show_source = options.show_source
        if show_source is None:
            show_source = on_stdout and sys.stdout.isatty()
        if show_source and read is not None:
            chunks = with_source(report, chunks, read)
    else:
        chunks = get_streamer(output_format)(report)
    if options.output_file is None:
        write_chunks(sys.stdout, chunks)
        return
    # OSError: the caller reports it (exit 2)
    with options.output_file.open("w", encoding="utf-8", errors="surrogateescape") as stream:
        write_chunks(stream, chunks)


def print_summary(
    report: Report,
    summary: str | None,
    output_format: str,
    *,
    statistics: bool,
    options: RunOptions | None = None,
) -> None:
    """The summary line goes with text output, and to stderr beside a machine format or a
    report written to a file; `--quiet` leaves it out."""
    options = options or RunOptions()
    on_stdout = output_format == "text" and options.output_file is None
    stream = sys.stdout if on_stdout else sys.stderr
    if statistics:
        stream.write(statistics_table(report))
    if summary is not None and not options.quiet:
        stream.write(summary + "\n")


def fail_threshold(option: str | None, settings: Settings | None = None) -> Severity | None:
    """The lowest severity that fails a file: the option, else the configuration's `fail-on`
    that applies to it, else error; None for `never`."""
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
    """`count  code  rule` lines, most frequent first (ties by code), as ruff prints them."""
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in report.diagnostics:
        key = (diagnostic.code, diagnostic.rule)
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:>5}  {code}  {rule}\n" for (code, rule), count in ordered)


def rules_that_ran(
    enabled: Iterable[frozenset[str] | None], known: Sequence[RuleInfo] | None = None
) -> list[RuleInfo]:
    """The validation codes, then every rule that ran for at least one file, by code.

    `known`: the rule catalogue, when the caller has it without importing the rules (a warm
    run reads the one a full run recorded in the cache)."""
    if known is None:
        from journeyctl.lint.registry import catalogue

        known = catalogue()
    codes = set(VALIDATION_CODES).union(*(e for e in enabled if e is not None))
    return [info for info in known if info.code in codes]


def with_source(
    report: Report, lines: Iterable[str], read: Callable[[str], str | None]
) -> Iterator[str]:
    """Text output (one line per diagnostic, in sorted order) with each finding's source
    line below it and a caret under its column."""
    cache: dict[str, list[str] | None] = {}
    for line, diagnostic in zip(lines, sorted_diagnostics(report), strict=False):
        yield line
        if diagnostic.path not in cache:
            text = read(diagnostic.path)
            cache[diagnostic.path] = text.splitlines() if text is not None else None
        source = cache[diagnostic.path]
        number = diagnostic.span.line
        if not source or not 1 <= number <= len(source):
            continue
        raw = source[number - 1]
        shown = visible(raw.expandtabs(4) if "\t" in raw else raw)
        column = max(1, diagnostic.span.column)
        before = visible(raw[: column - 1].expandtabs(4))
        width = 1
        if diagnostic.span.end_line == number and diagnostic.span.end_column > column:
            width = len(visible(raw[column - 1 : diagnostic.span.end_column - 1]))
        gutter = " " * len(str(number))
        yield f"{gutter} |\n{number} | {shown}\n{gutter} | {' ' * len(before)}{'^' * width}\n\n"


def baseline_relative(baseline: Path) -> Callable[[str], str]:
    folder = Path(baseline).resolve().parent

    def relative(shown: str) -> str:
        try:
            return Path(os.path.relpath(Path(shown).resolve(), folder)).as_posix()
        except ValueError:
            return Path(shown).as_posix()

    return relative
