"""`journeyctl fmt` over many files: the per-file task the run pipeline forks, and the report.

Each worker formats, checks and (when asked) writes its own file, so a large run writes in
parallel; what comes back is only what the report needs.
"""

from __future__ import annotations

import codecs
import datetime
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from journeyctl.cli.inputs import Inputs, UsageError, collect_jobs
from journeyctl.cli.pipeline import STDIN, Job, run_jobs
from journeyctl.config import ConfigError, ConfigResolver
from journeyctl.diagnostics import Diagnostic
from journeyctl.output._common import visible


@dataclass(frozen=True, slots=True)
class FmtMode:
    check: bool = False
    diff: bool = False
    today: datetime.date | None = None

    @property
    def writes(self) -> bool:
        return not (self.check or self.diff)


@dataclass(slots=True)
class FmtOutcome:
    """What formatting one file sends back from a worker: small and picklable."""

    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Validation problems of an invalid map."""
    unreadable: str | None = None
    """The file could not be read or written: a usage error (exit 2)."""
    changed: bool = False
    text: str | None = None
    """The formatted text, for input read from stdin."""
    diff: str = ""
    refusal: str | None = None


def fmt_task(job: Job, mode: FmtMode) -> FmtOutcome:
    """Format one file; write it back when the mode says so and it changed."""
    from journeyctl.fmt import format_map

    try:
        raw = job.read()
    except OSError as exc:
        return FmtOutcome(job.shown, unreadable=f"{job.shown}: {exc.strerror or exc}")
    result = format_map(raw, path=job.shown, settings=job.settings, today=mode.today)
    if result.diagnostics:
        return FmtOutcome(job.shown, result.diagnostics)
    if result.text is None:
        reason = f"{visible(job.shown)}:{result.refusal_line}: not formatted: {result.refusal}"
        return FmtOutcome(job.shown, refusal=reason)
    outcome = FmtOutcome(job.shown, changed=result.changed)
    if job.stdin_text is not None:
        outcome.text = result.text
    if mode.diff and result.changed:
        outcome.diff = _unified_diff(result.original, result.text, job.shown)
    if mode.writes and result.changed and job.stdin_text is None:
        from journeyctl.fmt.files import write_atomically

        bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
        try:
            write_atomically(job.path, bom + result.text.encode("utf-8"))
        except OSError as exc:
            outcome.unreadable = f"{job.shown}: cannot write: {exc.strerror or exc}"
    return outcome


def _unified_diff(before: str, after: str, shown: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=visible(shown),
        tofile=visible(shown),
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def run_fmt(
    paths: Sequence[str],
    mode: FmtMode,
    *,
    config: Path | None,
    stdin_filename: str | None,
    force_exclude: bool = False,
) -> int:
    """Format every input, print what happened, and return the exit code."""
    from functools import partial

    from journeyctl.output.text import format_line

    if STDIN in paths and len(paths) > 1:
        return _usage("'-' (stdin) cannot be combined with other paths")
    try:
        inputs = collect_jobs(
            paths, ConfigResolver(config), stdin_filename, force_exclude=force_exclude
        )
    except ConfigError as exc:
        inputs = Inputs([], exc.diagnostics)
    except (UsageError, OSError) as exc:
        return _usage(str(exc))
    if inputs.config_problems:
        sys.stdout.write("".join(format_line(d) + "\n" for d in inputs.config_problems))
        return EXIT_FAILED
    if not inputs.jobs:
        sys.stderr.write(
            "journeyctl: warning: no journey maps found (folders are searched for "
            "*.journey.yaml and *.journey.yml, or the configuration's include globs)\n"
        )
        return EXIT_OK
    import journeyctl.validation  # noqa: F401 - build the models once, before workers fork
    from journeyctl.fmt.order import map_shape

    map_shape()
    task = partial(fmt_task, mode=mode)
    outcomes = run_jobs(inputs.jobs, task, description="Formatting maps")
    unreadable = [o.unreadable for o in outcomes if o.unreadable]
    if unreadable:
        return _usage("; ".join(unreadable))
    stdin = inputs.jobs[0].stdin_text is not None
    problems = sys.stderr if stdin else sys.stdout
    changed = failed = 0
    for outcome in outcomes:
        if outcome.diagnostics:
            failed += 1
            problems.write("".join(format_line(d) + "\n" for d in outcome.diagnostics))
            continue
        if outcome.refusal is not None:
            failed += 1
            sys.stderr.write(outcome.refusal + "\n")
            continue
        changed += outcome.changed
        if mode.diff:
            sys.stdout.write(outcome.diff)
        elif mode.check:
            if outcome.changed:
                sys.stdout.write(visible(outcome.shown) + "\n")
        elif stdin:
            sys.stdout.write(outcome.text or "")
        elif outcome.changed:
            sys.stderr.write(f"reformatted {visible(outcome.shown)}\n")
    if not stdin:
        sys.stderr.write(_summary(len(outcomes), changed, failed, mode) + "\n")
    if failed or (changed and not mode.writes):
        return EXIT_FAILED
    return EXIT_OK


def _summary(total: int, changed: int, failed: int, mode: FmtMode) -> str:
    def files(count: int) -> str:
        return f"{count} file{'s' if count != 1 else ''}"

    unchanged = total - changed - failed
    if mode.writes:
        parts = [f"{files(changed)} reformatted", f"{unchanged} left unchanged"]
    else:
        parts = [f"{files(changed)} would be reformatted", f"{unchanged} already formatted"]
    if failed:
        parts.append(f"{failed} not formatted (invalid or refused)")
    return ", ".join(parts)


def _usage(message: str) -> int:
    sys.stderr.write(f"journeyctl: error: {message}\n")
    return EXIT_USAGE
