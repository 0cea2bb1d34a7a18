"""The run behind `journeyctl report`: maps to Markdown files, in parallel when it pays.

The library (`journeyctl.report`) turns checked maps into text; this module is the edge: it
finds the maps, names the output files, runs the checks in worker processes, renders SVGs
when asked, writes the files and decides the exit code.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from journeyctl.cli.inputs import UsageError, collect_jobs
from journeyctl.cli.pipeline import Job, run_jobs
from journeyctl.cli.reporting import fail_threshold, failed
from journeyctl.config import ConfigError, ConfigResolver
from journeyctl.diagnostics import Diagnostic, FileReport, Report
from journeyctl.report import MapSummary, ReportOptions, map_report, summarize


@dataclass(frozen=True, slots=True)
class ReportJob:
    job: Job
    name: str
    """The file stem of this map's report (and SVG): unique within the run."""


@dataclass(slots=True)
class Rendered:
    shown: str
    markdown: str = ""
    summary: MapSummary | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    valid: bool = True
    unreadable: str | None = None
    svg_problem: str | None = None


@dataclass(frozen=True, slots=True)
class ReportTask:
    """One map to one report; a picklable callable for the worker processes."""

    today: datetime.date
    diagram: str
    level: int
    svg_dir: Path | None
    """Where to render SVGs (with `--diagram svg` and an output file or folder)."""
    config: Path | None = None
    """`--config`, passed on to `journeyctl render`."""
    out_dir: Path | None = None
    """With `-o DIR/`: the worker writes the map's report there itself and returns no text
    (2,000 reports would otherwise be pickled back to the parent for nothing)."""

    def __call__(self, item: ReportJob) -> Rendered:
        from journeyctl.api import check_bytes, rule_policy

        job = item.job
        try:
            raw = job.read()
        except OSError as exc:
            return Rendered(job.shown, valid=False, unreadable=f"{job.shown}: {exc.strerror}")
        policy = rule_policy(job.settings, today=self.today)
        result = check_bytes(raw, job.shown, job.settings, policy)
        options = ReportOptions(
            self.today,
            "svg" if self.diagram == "svg" else "mermaid",
            f"{item.name}.svg",
            self.level,
        )
        problem = None
        if self.diagram == "svg" and self.svg_dir is not None and result.valid:
            problem = render_svg(job, self.svg_dir / f"{item.name}.svg", self.config)
        markdown = map_report(result, options)
        if self.out_dir is not None:
            _write(self.out_dir / f"{item.name}.md", markdown)
            markdown = ""
        return Rendered(
            job.shown,
            markdown,
            summarize(result),
            result.diagnostics,
            result.valid,
            svg_problem=problem,
        )


def render_svg(job: Job, target: Path, config: Path | None) -> str | None:
    """Draw the map with `journeyctl render` when this installation has that command; the
    problem as text otherwise (the report links the SVG either way).

    The command, not the library: its command line (`MAP -o FILE.svg`) is the renderer's
    stable interface, and a drawing failure stays a message instead of ending the report.
    """
    if importlib.util.find_spec("journeyctl.cli.commands.render") is None:
        return f"{target}: not drawn (run `journeyctl render` to draw it)"
    if job.stdin_text is not None:
        return f"{target}: not drawn (the map came from stdin)"
    import subprocess

    argv = [sys.executable, "-m", "journeyctl", "render", str(job.path), "-o", str(target)]
    if config is not None:
        argv += ["--config", str(config)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return f"{target}: not drawn: {problem}"
    return None


def output_names(jobs: Sequence[Job]) -> list[str]:
    """A unique file stem per map: `maps/onboarding.journey.yaml` -> `onboarding`."""
    names: list[str] = []
    taken: set[str] = {"index"}
    for job in jobs:
        stem = Path(job.shown).name
        for suffix in (".yaml", ".yml", ".journey"):
            stem = stem.removesuffix(suffix)
        stem = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem).strip(".-") or "map"
        name, number = stem, 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}"
        taken.add(name.lower())
        names.append(name)
    return names


@dataclass(frozen=True, slots=True)
class ReportRun:
    paths: Sequence[str]
    output: str | None
    config: Path | None
    today: datetime.date
    fail_on: str
    diagram: str
    stdin_filename: str | None = None


def run_report(run: ReportRun) -> int:
    """Write the reports; return the exit code (2 for usage errors, printed here)."""
    from journeyctl.report import combined_report, index_report

    try:
        inputs = collect_jobs(run.paths, ConfigResolver(run.config), run.stdin_filename)
    except ConfigError as exc:
        _print_diagnostics(exc.diagnostics)
        return EXIT_FAILED
    except (UsageError, OSError) as exc:
        return _usage(str(exc))
    if inputs.config_problems:
        _print_diagnostics(inputs.config_problems)
    if not inputs.jobs:
        if not inputs.config_problems:
            sys.stderr.write("journeyctl: warning: no journey maps found\n")
        return EXIT_FAILED if inputs.config_problems else EXIT_OK

    paths = run.paths or ["."]
    several = len(inputs.jobs) > 1 or any(Path(p).is_dir() for p in paths)
    out_dir = _output_dir(run.output)
    out_file = Path(run.output) if run.output and out_dir is None else None
    # the folder the files go to (made if missing): SVGs go there too
    folder = out_dir if out_dir is not None else (out_file.parent if out_file else None)
    svg_dir = folder if run.diagram == "svg" else None
    level = 2 if several and out_dir is None else 1
    names = output_names(inputs.jobs)
    task = ReportTask(run.today, run.diagram, level, svg_dir, run.config, out_dir)
    try:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        import journeyctl.validation  # noqa: F401 - build the models once, before workers fork

        items = [ReportJob(j, n) for j, n in zip(inputs.jobs, names, strict=True)]
        rendered = run_jobs(items, task, description="Writing reports")
    except OSError as exc:
        return _usage(f"{exc.filename}: {exc.strerror}")
    unreadable = [r.unreadable for r in rendered if r.unreadable]
    if unreadable:
        return _usage("; ".join(unreadable))

    summaries = [r.summary for r in rendered if r.summary is not None]
    try:
        if out_dir is not None:
            targets = [f"{name}.md" for name in names]
            _write(out_dir / "index.md", index_report(summaries, targets, today=run.today))
        else:
            if several:
                document = combined_report(
                    summaries, [r.markdown for r in rendered], today=run.today
                )
            else:
                document = rendered[0].markdown
            if out_file is not None:
                _write(out_file, document)
            else:
                sys.stdout.write(document)
    except OSError as exc:
        return _usage(f"{exc.filename}: {exc.strerror}")

    for item in rendered:
        if item.svg_problem:
            sys.stderr.write(f"journeyctl: warning: {item.svg_problem}\n")
    if run.diagram == "svg" and folder is None:
        sys.stderr.write(
            "journeyctl: note: the report links <map>.svg; draw it with `journeyctl render`\n"
        )
    invalid = [r for r in rendered if not r.valid]
    _print_diagnostics([d for r in invalid for d in r.diagnostics])
    if invalid or inputs.config_problems:
        return EXIT_FAILED
    threshold = fail_threshold(run.fail_on, None)
    return (
        EXIT_FAILED if failed([d for r in rendered for d in r.diagnostics], threshold) else EXIT_OK
    )


def _output_dir(output: str | None) -> Path | None:
    if output is None:
        return None
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return Path(output)
    return None


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", errors="surrogateescape")


def _print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    """Problems that stop a report, on stderr in lint's text format."""
    if not diagnostics:
        return
    from journeyctl import __version__
    from journeyctl.output.text import format_report

    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    report = Report([FileReport(p, found) for p, found in by_path.items()], [], __version__)
    sys.stderr.write(format_report(report))


def _usage(message: str) -> int:
    sys.stderr.write(f"journeyctl: error: {message}\n")
    return EXIT_USAGE
