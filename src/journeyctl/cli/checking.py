"""What `validate` and `lint` share: inputs to jobs, the validation task, and exit codes."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from journeyctl.cli.pipeline import Job, Outcome, read_or_report, run_jobs
from journeyctl.config import ConfigError, ConfigResolver, Settings
from journeyctl.diagnostics import (
    Diagnostic,
    FileReport,
    Report,
    RuleInfo,
    Severity,
)
from journeyctl.validation.codes import VALIDATION_RULES

if TYPE_CHECKING:
    from journeyctl.cli.reporting import RunOptions
    from journeyctl.lint.baseline import Entry


class UsageError(Exception):
    """Exit 2: a path that does not exist or cannot be opened, a bad option."""


@dataclass(frozen=True)
class Inputs:
    jobs: list[Job]
    config_problems: list[Diagnostic]
    missing: list[str] = field(default_factory=list)
    """PATH arguments that do not exist: reported at the end, exit 2."""


def collect_jobs(
    paths: Sequence[str],
    resolver: ConfigResolver,
    stdin_filename: str | None = None,
    *,
    force_exclude: bool = False,
) -> Inputs:
    """One job per file to read, sorted by path, with the configuration that applies to it
    (see `cli.inputs`). A file whose configuration is broken is not checked; the
    configuration's problems are returned instead, once per configuration file."""
    from journeyctl.cli.inputs import TooManyFilesError, collect_inputs

    try:
        found = collect_inputs(paths, resolver, stdin_filename, force_exclude=force_exclude)
    except TooManyFilesError as exc:
        raise UsageError(str(exc)) from None
    return Inputs(found.jobs, found.config_problems, found.missing)


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
    enabled = None
    if policy is not None:
        enabled = policy.enabled if result.valid else frozenset()
    return Outcome(job.shown, result.diagnostics, valid=result.valid, enabled_rules=enabled)


def validate_task(job: Job) -> Outcome:
    return check_task(job, None)


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What the command line says for every file; the configuration adds per-file settings."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None


def fail_threshold(option: str | None, settings: Settings | None) -> Severity | None:
    """The lowest severity that fails a file: the option, else its configuration's `fail-on`,
    else error; None for `never`."""
    from journeyctl.cli.reporting import fail_threshold as threshold

    return threshold(option or (settings.fail_on if settings else None))


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
    """Check every input, print the report, and return the exit code."""
    from journeyctl import __version__
    from journeyctl.cli import reporting
    from journeyctl.output import get_formatter

    options = options or reporting.RunOptions()
    if config is not None and not config.is_file():
        return _usage(f"--config {config}: no such file")
    try:
        resolver = ConfigResolver(config)
        inputs = collect_jobs(paths, resolver, stdin_filename, force_exclude=options.force_exclude)
    except ConfigError as exc:
        inputs = Inputs([], exc.diagnostics)
    except (UsageError, OSError) as exc:
        return _usage(str(exc))
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

    files = [
        FileReport(
            o.shown,
            sorted(o.diagnostics, key=lambda d: d.sort_key),
            o.enabled_rules,
            fail_threshold(fail_on, job.settings),
        )
        for o, job in zip(outcomes, inputs.jobs, strict=True)
    ]
    try:
        fixed = _apply_baseline(files, inputs.jobs, options)
    except (OSError, ValueError) as exc:
        return _usage(str(exc))
    failed = any(reporting.failed(file.diagnostics, file.fail_on) for file in files)
    if inputs.config_problems:
        by_path: dict[str, list[Diagnostic]] = {}
        for problem in inputs.config_problems:
            by_path.setdefault(problem.path, []).append(problem)
        files.extend(FileReport(path, found) for path, found in by_path.items())
        files.sort(key=lambda f: f.path)
    if lint:
        rules = reporting.rules_that_ran(o.enabled_rules for o in outcomes)
    report = Report(files, list(rules), __version__)

    if output_format == "text":
        from journeyctl.cli.console import wants_color
        from journeyctl.output.text import format_report as format_text

        on_stdout = options.output_file is None
        document = format_text(report, color=on_stdout and wants_color(sys.stdout))
        show_source = options.show_source
        if show_source is None:
            show_source = on_stdout and sys.stdout.isatty()
        if show_source and report.diagnostics:
            reader = _source_reader(inputs.jobs, inputs.config_problems)
            document = reporting.with_source(report, document.splitlines(), reader)
    else:
        document = get_formatter(output_format)(report)
    try:
        reporting.write_document(document, options.output_file)
    except OSError as exc:
        return _usage(f"{options.output_file}: {exc.strerror or exc}")

    text_on_stdout = output_format == "text" and options.output_file is None
    summary_stream = sys.stdout if text_on_stdout else sys.stderr
    if statistics:
        summary_stream.write(reporting.statistics(report.diagnostics))
    if not options.quiet:
        for entry in fixed:
            sys.stderr.write(
                f"journeyctl: fixed since the baseline: {entry.path}: {entry.code} "
                f"{entry.message}\n"
            )
        summary = _summary(report, outcomes, lint=lint)
        if fixed:
            summary += f"; {len(fixed)} fixed since the baseline"
        if outcomes or not (inputs.missing or inputs.config_problems):
            summary_stream.write(summary + "\n")

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


def _usage(message: str) -> int:
    sys.stderr.write(f"journeyctl: error: {message}\n")
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
