"""`validate` and `lint` over many files: build the run, check each file through the library,
report. Each step is its own function; the commands only parse options and call `run_check`.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_USAGE
from journeyctl.cli.inputs import Inputs, UsageError, collect_jobs
from journeyctl.cli.pipeline import Job, run_jobs
from journeyctl.cli.reporting import (
    exit_code,
    fail_threshold,
    print_report,
    print_summary,
    summary_line,
)
from journeyctl.config import ConfigError, ConfigResolver, Settings
from journeyctl.diagnostics import Diagnostic, FileReport, Report, RuleInfo
from journeyctl.validation.codes import VALIDATION_RULES


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What the command line says for every file; the configuration adds per-file settings."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None


@dataclass(slots=True)
class Outcome:
    """What a check of one file sends back from a worker: small and picklable."""

    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    valid: bool = True
    unreadable: str | None = None
    """Set when the file could not be read: a usage error (exit 2), not a diagnostic."""


def check_task(job: Job, options: LintOptions | None) -> Outcome:
    """Check one file through the library; `options` None validates without linting."""
    from journeyctl.api import check_bytes, rule_policy

    try:
        raw = job.read()
    except OSError as exc:
        return Outcome(job.shown, valid=False, unreadable=f"{job.shown}: {exc.strerror or exc}")
    policy = None
    if options is not None:
        policy = rule_policy(
            job.settings, select=options.select, ignore=options.ignore, today=options.today
        )
    result = check_bytes(raw, job.shown, job.settings, policy)
    return Outcome(job.shown, result.diagnostics, valid=result.valid)


def validate_task(job: Job) -> Outcome:
    return check_task(job, None)


def build_run(
    paths: Sequence[str], config: Path | None, stdin_filename: str | None
) -> tuple[Inputs, ConfigResolver | None]:
    """The jobs of a run; a broken `--config` becomes the run's only problem."""
    try:
        resolver = ConfigResolver(config)
    except ConfigError as exc:
        return Inputs([], exc.diagnostics), None
    return collect_jobs(paths, resolver, stdin_filename), resolver


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

    try:
        inputs, resolver = build_run(paths, config, stdin_filename)
    except (UsageError, ConfigError, OSError) as exc:
        return _usage(exc)
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

    report = Report(_file_reports(outcomes, inputs.config_problems), list(rules), __version__)
    print_report(report, output_format)
    invalid = sum(1 for o in outcomes if not o.valid)
    summary = summary_line(report, len(outcomes), invalid, lint=lint)
    print_summary(report, summary, output_format, statistics=statistics)

    threshold = fail_threshold(fail_on, _settings_here(resolver))
    if inputs.config_problems and threshold is not None:
        return EXIT_FAILED
    return exit_code(report.diagnostics, threshold)


def _file_reports(
    outcomes: Sequence[Outcome], config_problems: Sequence[Diagnostic]
) -> list[FileReport]:
    files = [FileReport(o.shown, sorted(o.diagnostics, key=lambda d: d.sort_key)) for o in outcomes]
    if config_problems:
        by_path: dict[str, list[Diagnostic]] = {}
        for problem in config_problems:
            by_path.setdefault(problem.path, []).append(problem)
        files.extend(FileReport(path, found) for path, found in by_path.items())
        files.sort(key=lambda f: f.path)
    return files


def _settings_here(resolver: ConfigResolver | None) -> Settings | None:
    """The configuration of the current folder, for options that apply to the whole run."""
    if resolver is None:
        return None
    try:
        return resolver.for_folder(Path.cwd())
    except ConfigError:
        return None


def _usage(problem: Exception | str) -> int:
    if isinstance(problem, OSError):
        problem = f"{problem.filename}: {problem.strerror or problem}"
    sys.stderr.write(f"journeyctl: error: {problem}\n")
    return EXIT_USAGE
