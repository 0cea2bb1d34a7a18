"""What `validate` and `lint` share: inputs to jobs, the validation task, and exit codes."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyctl.cli.discover import discover, unique_files
from journeyctl.cli.pipeline import STDIN, Job, Outcome, read_or_report, run_jobs
from journeyctl.config import ConfigError, ConfigResolver, Settings
from journeyctl.diagnostics import (
    VALIDATION_CODES,
    Diagnostic,
    FileReport,
    Report,
    RuleInfo,
    Severity,
)
from journeyctl.validation.codes import VALIDATION_RULES


class UsageError(Exception):
    """Exit 2: a path that does not exist or cannot be opened, a bad option."""


@dataclass(frozen=True)
class Inputs:
    jobs: list[Job]
    config_problems: list[Diagnostic]


def collect_jobs(
    paths: Sequence[str], resolver: ConfigResolver, stdin_filename: str | None = None
) -> Inputs:
    """One job per file to read, sorted by path, with the configuration that applies to it.

    A file whose configuration is broken is not checked; the configuration's problems are
    returned instead, once per configuration file.
    """
    if not paths:
        paths = ["."]
    jobs: list[Job] = []
    named: list[Path] = []
    problems: dict[str, list[Diagnostic]] = {}

    def settings_for(folder: Path) -> Settings | None:
        try:
            return resolver.for_folder(folder)
        except ConfigError as exc:
            problems.setdefault(exc.diagnostics[0].path, exc.diagnostics)
            return None

    for raw in paths:
        if raw == STDIN:
            shown = stdin_filename or "<stdin>"
            settings = settings_for(Path.cwd())
            text = sys.stdin.buffer.read()
            if settings is not None:
                jobs.append(Job(Path(shown), shown, settings, text))
            continue
        path = Path(raw)
        if path.is_dir():
            settings = settings_for(path.resolve())
            if settings is not None:
                named.extend(discover([path], settings.include, settings.exclude))
        elif path.exists():
            named.append(path)
        else:
            raise UsageError(f"{raw}: no such file or directory")
    for path in unique_files(named):
        settings = settings_for(path.resolve().parent)
        if settings is not None:
            jobs.append(Job(path, path.as_posix(), settings))
    limit = min((job.settings.limits.max_files for job in jobs), default=0)
    if jobs and len(jobs) > limit:
        raise UsageError(
            f"{len(jobs):,} files to check, over the limit of {limit:,} "
            "(raise limits.max_files in the configuration)"
        )
    config_problems = [d for found in problems.values() for d in found]
    return Inputs(jobs, config_problems)


def check_task(job: Job, options: LintOptions | None) -> Outcome:
    """Check one file through the library; `options` None validates without linting."""
    from journeyctl.api import check_bytes, rule_policy

    raw = read_or_report(job)
    if isinstance(raw, Outcome):
        return raw
    policy = None
    if options is not None:
        policy = rule_policy(
            job.settings, select=options.select, ignore=options.ignore, today=options.today
        )
    result = check_bytes(raw, job.shown, job.settings, policy)
    return Outcome(job.shown, result.diagnostics, valid=result.valid)


def validate_task(job: Job) -> Outcome:
    return check_task(job, None)


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What the command line says for every file; the configuration adds per-file settings."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None


def fail_threshold(option: str | None, settings: Settings | None) -> Severity | None:
    """The lowest severity that fails the run; None for `never`."""
    chosen = option or (settings.fail_on if settings else None) or "error"
    return None if chosen == "never" else Severity.parse(chosen)


def failed(diagnostics: Sequence[Diagnostic], threshold: Severity | None) -> bool:
    if threshold is None:
        return False
    return any(d.code in VALIDATION_CODES or d.severity >= threshold for d in diagnostics)


def run_check(
    paths: Sequence[str],
    *,
    task: Callable[[Job], Outcome],
    output_format: str,
    config: Path | None,
    stdin_filename: str | None,
    rules: Sequence[RuleInfo] = VALIDATION_RULES,
    fail_on: str | None = None,
    statistics: bool = False,
    lint: bool = True,
) -> int:
    """Check every input, print the report, and return the exit code."""
    from journeyctl import __version__
    from journeyctl.output import get_streamer, write_chunks

    try:
        resolver = ConfigResolver(config)
        inputs = collect_jobs(paths, resolver, stdin_filename)
    except ConfigError as exc:
        inputs = Inputs([], exc.diagnostics)
        resolver = None
    except (UsageError, OSError) as exc:
        return _usage(str(exc))
    if inputs.jobs:
        import journeyctl.validation  # noqa: F401 - build the models once, before workers fork
    elif not inputs.config_problems:
        sys.stderr.write(
            "journeyctl: warning: no journey maps found (folders are searched for "
            "*.journey.yaml and *.journey.yml, or the configuration's include globs)\n"
        )

    outcomes = run_jobs(inputs.jobs, task)
    unreadable = [o.unreadable for o in outcomes if o.unreadable]
    if unreadable:
        return _usage("; ".join(unreadable))

    files = [FileReport(o.shown, sorted(o.diagnostics, key=lambda d: d.sort_key)) for o in outcomes]
    if inputs.config_problems:
        by_path: dict[str, list[Diagnostic]] = {}
        for problem in inputs.config_problems:
            by_path.setdefault(problem.path, []).append(problem)
        files.extend(FileReport(path, found) for path, found in by_path.items())
        files.sort(key=lambda f: f.path)
    report = Report(files, list(rules), __version__)

    if output_format == "text":  # streamed, as every format: output is linear in findings
        from journeyctl.cli.console import wants_color
        from journeyctl.output.text import iter_report as text_report

        write_chunks(sys.stdout, text_report(report, color=wants_color(sys.stdout)))
    else:
        write_chunks(sys.stdout, get_streamer(output_format)(report))

    summary = _summary(report, outcomes, lint=lint)
    summary_stream = sys.stdout if output_format == "text" else sys.stderr
    if statistics:
        summary_stream.write(_statistics(report))
    summary_stream.write(summary + "\n")

    threshold = fail_threshold(fail_on, _settings_here(resolver))
    if inputs.config_problems and threshold is not None:
        return 1
    return 1 if failed(report.diagnostics, threshold) else 0


def _settings_here(resolver: ConfigResolver | None) -> Settings | None:
    """The configuration of the current folder, for options that apply to the whole run."""
    if resolver is None:
        return None
    try:
        return resolver.for_folder(Path.cwd())
    except ConfigError:
        return None


def _usage(message: str) -> int:
    from journeyctl.output._common import visible

    # escaped like stdout: a file name holding a newline and `::error` forges no annotation
    sys.stderr.write(f"journeyctl: error: {visible(message)}\n")
    return 2


def _summary(report: Report, outcomes: Sequence[Outcome], *, lint: bool) -> str:
    checked = len(outcomes)
    files = f"{checked} file{'s' if checked != 1 else ''}"
    invalid = sum(1 for o in outcomes if not o.valid)
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


def _statistics(report: Report) -> str:
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in report.diagnostics:
        key = (diagnostic.code, diagnostic.rule)
        counts[key] = counts.get(key, 0) + 1
    lines = [f"{count:>5}  {code}  {rule}" for (code, rule), count in sorted(counts.items())]
    return "".join(line + "\n" for line in lines)
