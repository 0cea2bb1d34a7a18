"""The end of a run: baseline, the report's rules, the document, the summary, the exit code.

What `validate` and `lint` print once every file is checked, kept out of the run itself:
`--output-file` (the document to a file, the summary on stderr), `--quiet` (findings only),
`--show-source` (the offending line under each finding, as ruff and rustc print it),
`--statistics` (how often each rule fired, most frequent first), the baseline, and which
rules each file really ran (for SARIF's rule list and JUnit's test cases).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyctl.diagnostics import VALIDATION_CODES, Diagnostic, Report, RuleInfo, Severity
from journeyctl.output._common import sorted_diagnostics, visible


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


def rules_that_ran(enabled: Iterable[frozenset[str] | None]) -> list[RuleInfo]:
    """The validation codes, then every rule that ran for at least one file, by code."""
    from journeyctl.lint.registry import catalogue

    codes = set(VALIDATION_CODES).union(*(e for e in enabled if e is not None))
    return [info for info in catalogue() if info.code in codes]


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """`count  code  rule` lines, most frequent first (ties by code), as ruff prints them."""
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.rule)
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:>5}  {code}  {rule}\n" for (code, rule), count in ordered)


def with_source(report: Report, lines: Sequence[str], read: Callable[[str], str | None]) -> str:
    """Text output (one line per diagnostic, in sorted order) with each finding's source
    line below it and a caret under its column."""
    out: list[str] = []
    cache: dict[str, list[str] | None] = {}
    for line, diagnostic in zip(lines, sorted_diagnostics(report), strict=False):
        out.append(line)
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
        out.append(f"{gutter} |")
        out.append(f"{number} | {shown}")
        out.append(f"{gutter} | {' ' * len(before)}{'^' * max(1, width)}")
        out.append("")
    return "".join(line + "\n" for line in out)


def baseline_relative(baseline: Path) -> Callable[[str], str]:
    folder = Path(baseline).resolve().parent

    def relative(shown: str) -> str:
        try:
            return Path(os.path.relpath(Path(shown).resolve(), folder)).as_posix()
        except ValueError:
            return Path(shown).as_posix()

    return relative


def fail_threshold(chosen: str | None) -> Severity | None:
    """The lowest severity that fails a file; None for `never`."""
    chosen = chosen or "error"
    return None if chosen == "never" else Severity.parse(chosen)


def failed(diagnostics: Sequence[Diagnostic], threshold: Severity | None) -> bool:
    if threshold is None:
        return False
    return any(d.code in VALIDATION_CODES or d.severity >= threshold for d in diagnostics)


def write_document(document: str, output_file: Path | None) -> None:
    """The report to stdout, or to `--output-file` (written whole, as UTF-8)."""
    if output_file is None:
        sys.stdout.write(document)
        return
    output_file.write_text(document, encoding="utf-8", errors="surrogateescape")
