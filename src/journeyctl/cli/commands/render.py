"""`journeyctl render`: journey maps as Graphviz diagrams (SVG, PNG, PDF or DOT)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error
from journeyctl.cli.options import ConfigOption
from journeyctl.render.choices import Format, Slide, ThemeName

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journeyctl.api import CheckResult
    from journeyctl.cli.pipeline import Job
    from journeyctl.diagnostics import Diagnostic
    from journeyctl.diff.sources import Version
    from journeyctl.render.options import RenderOptions

STDOUT = "-"
SUFFIXES = (".journey.yaml", ".journey.yml", ".yaml", ".yml")


@dataclass(slots=True)
class Rendered:
    """What drawing one map sends back from a worker: small and picklable."""

    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    valid: bool = True
    failure: str | None = None
    """Set when the file could not be read or written, or Graphviz failed (exit 2)."""


@dataclass(frozen=True, slots=True)
class _Plan:
    """What every per-map task needs; picklable, for the run pipeline's worker processes."""

    options: RenderOptions
    fmt: Format
    dpi: float | None
    targets: dict[str, str]
    """Shown path of each map -> the file to write, or '-' for stdout."""
    against: dict[str, Version] | None = None
    """With --diff-against: shown path of each map -> the version to compare it with."""
    may_fork: bool = False
    """Whether a task may check a large map's old version in a forked process: only when the
    run pipeline runs the tasks in this process."""


@app.command(short_help="Draw maps as diagrams for a slide deck (SVG, PNG, PDF, DOT).")
def render(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Map files or folders (searched for *.journey.yaml); '-' reads stdin.",
            show_default=False,
            metavar="MAP...",
        ),
    ],
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="File to write (its suffix picks the format), a folder for several maps "
            "(one file per map), or '-' for stdout (svg or dot). Default: MAP's name with "
            "the format's suffix, in the current folder.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Optional[Format],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="Overrides the suffix of -o. Default: svg.",
            show_default=False,
        ),
    ] = None,
    theme: Annotated[
        ThemeName, typer.Option(help="Colours: light, dark, or print (greyscale-safe).")
    ] = ThemeName.light,
    slide: Annotated[
        Slide, typer.Option(help="Pad the picture to a slide's shape (never stretched).")
    ] = Slide.wide,
    dpi: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            min=10,
            max=2400,
            help="PNG resolution. Default: the one that makes the image 1920 pixels wide.",
            show_default=False,
        ),
    ] = None,
    lanes: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="Lanes to draw, comma-separated: goals, actions, thoughts, touchpoints, "
            "emotion, pain-points, opportunities, milestones, metrics. Default: every lane "
            "that some stage has content for.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        bool, typer.Option("--title/--no-title", help="Draw the map's title and persona.")
    ] = True,
    diff_against: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--diff-against",
            metavar="REV|FILE",
            help="Mark what changed since another version: a file, REV:PATH, or a git "
            "revision (each MAP's path at REV). An existing file wins. Added elements are "
            "marked +, removed ones drawn faded where they were, changed ones outlined (~), "
            "moved ones marked ↔, with a legend.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Draw journey maps the way CX teams draw them on a wall: stages as columns, lanes as
    rows, handoffs and root causes as arrows, with a key beside every lane.

    Examples: journeyctl render maps/onboarding.journey.yaml -o deck/onboarding.png;
    journeyctl render maps/onboarding.journey.yaml --diff-against main -o changes.png
    """
    from functools import partial

    from journeyctl.cli.inputs import UsageError, collect_jobs
    from journeyctl.cli.pipeline import forks_workers, run_jobs
    from journeyctl.config import ConfigError, ConfigResolver
    from journeyctl.render.options import ALL_LANES, RenderOptions, UnknownLaneError, parse_lanes
    from journeyctl.render.output import find_dot, install_hint

    try:
        chosen = parse_lanes(lanes) if lanes is not None else None
    except UnknownLaneError as exc:
        usage_error(str(exc))
    options = RenderOptions(theme, slide, chosen if chosen is not None else ALL_LANES, title)
    fmt = _format(output, output_format)
    if fmt is not Format.dot and find_dot() is None:
        usage_error(install_hint(fmt))
    try:
        inputs = collect_jobs(paths, ConfigResolver(config))
    except ConfigError as exc:
        _print_problems(exc.diagnostics)
        raise typer.Exit(1) from None
    except (UsageError, OSError) as exc:
        usage_error(str(exc))
    if inputs.config_problems:
        _print_problems(inputs.config_problems)
        raise typer.Exit(1)
    if not inputs.jobs:
        usage_error("no journey maps found (folders are searched for *.journey.yaml)")
    targets = _targets(inputs.jobs, output, fmt, several=len(paths) > 1 or Path(paths[0]).is_dir())
    against = _other_versions(diff_against, inputs.jobs) if diff_against is not None else None
    plan = _Plan(options, fmt, dpi, targets, against, not forks_workers(len(inputs.jobs)))
    outcomes = run_jobs(inputs.jobs, partial(render_task, plan=plan), description="Drawing maps")
    failures = [o.failure for o in outcomes if o.failure]
    _print_problems([d for o in outcomes for d in o.diagnostics])
    if failures:
        usage_error("; ".join(failures))
    raise typer.Exit(1 if any(not o.valid for o in outcomes) else 0)


def render_task(job: Job, plan: _Plan) -> Rendered:
    """Check one map and, when it is valid, draw it and write its file (or stdout)."""
    from journeyctl.api import check_bytes
    from journeyctl.cli.diffing import checked_side_by_side, worth_forking
    from journeyctl.diff.sources import Version
    from journeyctl.render.layout import build_diagram
    from journeyctl.render.output import RenderError, render, write_atomic

    try:
        raw = job.read()
    except OSError as exc:
        return Rendered(job.shown, valid=False, failure=f"{job.shown}: {exc.strerror or exc}")
    other = plan.against[job.shown] if plan.against is not None else None
    old: CheckResult | None = None
    if other is not None and plan.may_fork and worth_forking(len(raw) + len(other.content)):
        # the map's own configuration for both versions, as `journeyctl diff` does
        here = Version(job.shown, raw, other.config_path)
        old, result = checked_side_by_side(other, here, job.settings, None)
    else:
        result = check_bytes(raw, job.shown, job.settings, None)
    if not result.valid:
        return Rendered(job.shown, result.diagnostics, valid=False)
    diff = None
    if other is not None:
        from journeyctl.render.compare import compare_results

        if old is None:
            old = check_bytes(other.content, other.shown, job.settings, None)
        if not old.valid:
            return Rendered(job.shown, old.diagnostics, valid=False)
        diff = compare_results(old, result, against=other.shown)
    target = plan.targets[job.shown]
    try:
        picture = render(
            build_diagram(result, plan.options, diff),
            plan.fmt,
            ratio=plan.options.slide.ratio,
            dpi=plan.dpi,
        )
        if target == STDOUT:
            sys.stdout.buffer.write(picture)
            sys.stdout.flush()
        else:
            write_atomic(Path(target), picture)
    except RenderError as exc:
        return Rendered(job.shown, valid=False, failure=f"{job.shown}: {exc}")
    except OSError as exc:
        return Rendered(job.shown, valid=False, failure=f"{target}: {exc.strerror or exc}")
    return Rendered(job.shown)


def _other_versions(value: str, jobs: list[Job]) -> dict[str, Version]:
    """The version each map is compared with. An existing file, or `REV:PATH`, is one version
    (for one map); anything else is a revision, and each map is compared with its own path at
    that revision (all read in one git process). Exit 2 when a version cannot be read."""
    from journeyctl.diff.git import GitError, verify_revision
    from journeyctl.diff.sources import SourceError, read_at_revision, read_side

    cwd = Path.cwd()
    try:
        if Path(value).exists() or ":" in value:
            if len(jobs) > 1:
                usage_error(
                    f"--diff-against {value}: one version compares with one map; give a "
                    "revision (REV) to compare each map with its own path at REV"
                )
            return {jobs[0].shown: read_side(value, cwd)}
        for job in jobs:
            if job.stdin_text is not None:
                usage_error(f"a map read from stdin has no path at {value}; use REV:PATH")
        # the revision of the maps' repository, wherever the command runs
        where = jobs[0].path.resolve().parent
        try:
            verify_revision(value, where)
        except GitError:
            usage_error(f"--diff-against {value}: no such file, and not a git revision")
        found = read_at_revision(value, [job.path for job in jobs], where)
    except SourceError as exc:
        usage_error(str(exc))
    return {job.shown: version for job, version in zip(jobs, found, strict=True)}


def _format(output: str | None, option: Format | None) -> Format:
    if option is not None:
        return option
    if output is None or output == STDOUT or output.endswith(("/", "\\")) or Path(output).is_dir():
        return Format.svg
    found = Format.of_path(Path(output))
    if found is None:
        usage_error(
            f"cannot tell the format from {output!r}: name it .svg, .png, .pdf or .dot, "
            "or give --format"
        )
    return found


def _targets(jobs: list[Job], output: str | None, fmt: Format, *, several: bool) -> dict[str, str]:
    """Each map's output file: `-o FILE` for one map, else `FOLDER/NAME.FORMAT`."""
    if output == STDOUT:
        if len(jobs) > 1 or several:
            usage_error("-o - writes one map to stdout; give a folder for several maps")
        if fmt.binary:
            usage_error(f"-o - writes svg or dot; write {fmt.value} to a file")
        return {jobs[0].shown: STDOUT}
    folder_wanted = several or len(jobs) > 1
    as_folder = output is None or output.endswith(("/", "\\")) or Path(output).is_dir()
    if output is not None and not folder_wanted and not as_folder:
        return {jobs[0].shown: output}
    folder = Path(output) if output is not None else Path()
    if folder.exists() and not folder.is_dir():
        usage_error(f"{output}: not a folder (several maps write one file each)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        usage_error(f"{folder}: {exc.strerror or exc}")
    targets: dict[str, str] = {}
    taken: dict[Path, str] = {}
    for job in jobs:
        name = "stdin" if job.stdin_text is not None else _stem(job.path.name)
        target = folder / f"{name}.{fmt.value}"
        if target in taken:
            usage_error(f"{taken[target]} and {job.shown} would both be written to {target}")
        taken[target] = job.shown
        targets[job.shown] = str(target)
    return targets


def _stem(name: str) -> str:
    lowered = name.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _print_problems(diagnostics: Sequence[Diagnostic]) -> None:
    """Diagnostics as lint prints them (compiler-style text), on stderr: stdout may be the
    picture."""
    if not diagnostics:
        return
    from journeyctl import __version__
    from journeyctl.cli.console import wants_color
    from journeyctl.diagnostics import FileReport, Report
    from journeyctl.output.text import format_report

    by_path: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    files = [FileReport(path, items) for path, items in sorted(by_path.items())]
    report = Report(files, [], __version__)
    sys.stderr.write(format_report(report, color=wants_color(sys.stderr)))
