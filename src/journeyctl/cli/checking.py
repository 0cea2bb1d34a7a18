"""`validate` and `lint` over many files: build the run, check each file through the library,
report. Each step is its own function; the commands only parse options and call `run_check`.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.cli import reporting
from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from journeyctl.cli.inputs import Inputs, UsageError, collect_jobs
from journeyctl.cli.pipeline import Job, run_jobs
from journeyctl.cli.reporting import RunOptions, fail_threshold, print_summary, summary_line
from journeyctl.config import ConfigError, ConfigResolver
from journeyctl.diagnostics import Diagnostic, FileReport, Report, RuleInfo
from journeyctl.validation.codes import VALIDATION_RULES

if TYPE_CHECKING:
    from journeyctl.lint.baseline import Entry


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
    enabled_rules: frozenset[str] | None = None
    """The lint codes that ran for this file; None when it was only validated."""


def check_task(job: Job, options: LintOptions | None) -> Outcome:
    """Check one file through the library; `options` None validates without linting."""
    from journeyctl.api import check_bytes, rule_policy
    from journeyctl.load.files import FileRefusedError

    try:
        raw = job.read()
    except FileRefusedError as exc:  # not a regular file, or too large: JM001, the run goes on
        from journeyctl.api import refused

        return Outcome(job.shown, [refused(job.shown, exc)], valid=False)
    except OSError as exc:
        return Outcome(job.shown, valid=False, unreadable=f"{job.shown}: {exc.strerror or exc}")
    policy = None
    if options is not None:
        policy = rule_policy(
            job.settings, select=options.select, ignore=options.ignore, today=options.today
        )
    result = check_bytes(raw, job.shown, job.settings, policy)
    enabled = None
    if policy is not None:
        enabled = policy.enabled if result.valid else frozenset()
    return Outcome(job.shown, result.diagnostics, valid=result.valid, enabled_rules=enabled)


def validate_task(job: Job) -> Outcome:
    return check_task(job, None)


def build_run(
    paths: Sequence[str],
    config: Path | None,
    stdin_filename: str | None,
    *,
    force_exclude: bool = False,
) -> Inputs:
    """The jobs of a run; a broken `--config` becomes the run's only problem."""
    if config is not None and not (config.exists() or config.is_symlink()):
        raise UsageError(f"--config {config}: no such file")
    try:
        resolver = ConfigResolver(config)
    except ConfigError as exc:
        return Inputs([], exc.diagnostics)
    return collect_jobs(
        paths, resolver, stdin_filename, force_exclude=force_exclude, missing_ok=True
    )


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
    options: RunOptions | None = None,
) -> int:
    """Check every input, print the report, and return the exit code.

    Each file fails by its own configuration's `fail-on` (or the option). A missing path or a
    broken configuration is exit 2 once everything else is checked and reported.
    """
    from journeyctl import __version__

    options = options or RunOptions()
    try:
        inputs = build_run(paths, config, stdin_filename, force_exclude=options.force_exclude)
    except (UsageError, ConfigError, OSError) as exc:
        return _usage(exc)
    if inputs.jobs:
        import journeyctl.validation  # noqa: F401 - build the models once, before workers fork
    elif not inputs.config_problems and not inputs.missing and not options.quiet:
        sys.stderr.write(
            "journeyctl: warning: no journey maps found (folders are searched for "
            "*.journey.yaml and *.journey.yml, or the configuration's include globs)\n"
        )

    outcomes = run_jobs(inputs.jobs, task)
    unreadable = [o.unreadable for o in outcomes if o.unreadable]
    if unreadable:
        return _usage("; ".join(unreadable))

    files = _file_reports(outcomes, inputs.jobs, fail_on)
    try:
        fixed = _apply_baseline(files, inputs.jobs, options)
    except (OSError, ValueError) as exc:
        return _usage(exc)
    failed = any(reporting.failed(file.diagnostics, file.fail_on) for file in files)
    files = _with_config_problems(files, inputs.config_problems)
    if lint:
        rules = reporting.rules_that_ran(o.enabled_rules for o in outcomes)
    report = Report(files, list(rules), __version__)
    try:
        reporting.print_report(
            report, output_format, options, _source_reader(inputs.jobs, inputs.config_problems)
        )
    except OSError as exc:
        where = options.output_file or "cannot write the output"
        return _usage(f"{where}: {exc.strerror or exc}")
    if not options.quiet:
        for entry in fixed:
            sys.stderr.write(
                f"journeyctl: fixed since the baseline: {entry.path}: {entry.code} "
                f"{entry.message}\n"
            )
    invalid = sum(1 for o in outcomes if not o.valid)
    summary: str | None = summary_line(report, len(outcomes), invalid, lint=lint)
    if fixed:
        summary = f"{summary}; {len(fixed)} fixed since the baseline"
    if not outcomes and (inputs.missing or inputs.config_problems):
        summary = None  # nothing was checked: the errors below say why
    print_summary(report, summary, output_format, statistics=statistics, options=options)

    for raw in inputs.missing:
        _usage(f"{raw}: no such file or directory")
    if inputs.config_problems:
        broken = sorted({d.path for d in inputs.config_problems})
        _usage(
            f"cannot use the configuration {', '.join(broken)} (problems above); "
            "the maps it applies to were not checked"
        )
    if inputs.config_problems or inputs.missing:
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK


def _file_reports(
    outcomes: Sequence[Outcome], jobs: Sequence[Job], fail_on: str | None
) -> list[FileReport]:
    """One report per checked file, with the rules that ran for it and its own fail-on."""
    return [
        FileReport(
            o.shown,
            sorted(o.diagnostics, key=lambda d: d.sort_key),
            o.enabled_rules,
            fail_threshold(fail_on, job.settings),
        )
        for o, job in zip(outcomes, jobs, strict=True)
    ]


def _with_config_problems(
    files: list[FileReport], config_problems: Sequence[Diagnostic]
) -> list[FileReport]:
    if config_problems:
        by_path: dict[str, list[Diagnostic]] = {}
        for problem in config_problems:
            by_path.setdefault(problem.path, []).append(problem)
        files.extend(FileReport(path, found) for path, found in by_path.items())
        files.sort(key=lambda f: f.path)
    return files


def _source_reader(
    jobs: Sequence[Job], config_problems: Sequence[Diagnostic]
) -> Callable[[str], str | None]:
    """The text of a reported file by its shown path, for `--show-source`."""
    by_shown = {job.shown: job for job in jobs}
    configurations = {d.path for d in config_problems}

    def read(shown: str) -> str | None:
        job = by_shown.get(shown)
        try:
            if job is not None:
                return job.read().decode("utf-8", errors="replace")
            if shown in configurations:
                return Path(shown).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        return None

    return read


def _apply_baseline(
    files: list[FileReport], jobs: Sequence[Job], options: RunOptions
) -> list[Entry]:
    """Write the baseline (`--write-baseline`), then drop the findings a baseline holds:
    the option's for every file, or each file's configuration's `baseline`. Returns the
    baseline entries that no finding of a checked file matches any more."""
    from journeyctl.cli.reporting import baseline_relative
    from journeyctl.lint.baseline import (
        BaselineError,
        baseline_text,
        entries_for,
        parse_baseline,
        split,
    )

    if options.write_baseline is not None:
        relative = baseline_relative(options.write_baseline)
        entries = entries_for((d for f in files for d in f.diagnostics), relative)
        options.write_baseline.write_text(baseline_text(entries), encoding="utf-8")
        sys.stderr.write(
            f"journeyctl: wrote {len(entries)} finding{'s' if len(entries) != 1 else ''} "
            f"to the baseline {options.write_baseline}\n"
        )
    fixed: list[Entry] = []
    groups: dict[Path, list[FileReport]] = {}
    for file, job in zip(files, jobs, strict=True):
        chosen = options.write_baseline or options.baseline or job.settings.baseline
        if chosen is not None:
            groups.setdefault(Path(chosen), []).append(file)
    for baseline, members in groups.items():
        try:
            entries = parse_baseline(baseline.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ValueError(
                f"baseline {baseline}: no such file (write one with `journeyctl lint "
                f"--write-baseline {baseline}`)"
            ) from None
        except OSError as exc:
            raise ValueError(f"baseline {baseline}: {exc.strerror or exc}") from None
        except BaselineError as exc:
            raise ValueError(f"baseline {baseline}: {exc}") from None
        relative = baseline_relative(baseline)
        for file in members:
            kept, gone = split(file.diagnostics, entries, relative, [file.path])
            file.diagnostics = kept
            fixed.extend(gone)
    return fixed


def _usage(problem: Exception | str) -> int:
    if isinstance(problem, OSError):
        problem = f"{problem.filename}: {problem.strerror or problem}"
    from journeyctl.output._common import visible

    # escaped like stdout: a file name holding a newline and `::error` forges no annotation
    sys.stderr.write(f"journeyctl: error: {visible(str(problem))}\n")
    return EXIT_USAGE
