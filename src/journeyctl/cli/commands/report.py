"""`journeyctl report`: Markdown reports for a wiki or a pull request."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app
from journeyctl.cli.options import (
    ConfigOption,
    FailOn,
    PathsArgument,
    StdinFilenameOption,
    TodayOption,
)

NEVER = FailOn("never")
"""Report's default `--fail-on`: the report is written for reading, whatever it finds."""


class DiagramKind(StrEnum):
    mermaid = "mermaid"
    svg = "svg"


@app.command(short_help="Write Markdown reports of maps (an index and coverage for many).")
def report(
    paths: PathsArgument = None,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write to this file, or with a trailing '/' (or an existing folder) one file "
            "per map plus index.md. Default: stdout.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
    today: TodayOption = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at least this severe. Default never: the report is "
            "the point, findings are in it. Invalid maps always exit 1.",
        ),
    ] = NEVER,
    diagram: Annotated[
        DiagramKind,
        typer.Option(
            "--diagram",
            help="mermaid: a Mermaid journey diagram in the report (GitHub and GitLab draw "
            "it); svg: a link to <map>.svg next to the report.",
        ),
    ] = DiagramKind.mermaid,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Write Markdown reports of maps: summary, diagram, stages, pain points, evidence and
    lint findings. Several maps or a folder give an index and a coverage matrix.

    Example: journeyctl report maps/ -o wiki/journeys/
    """
    import datetime

    from journeyctl.cli.report_run import ReportRun, run_report

    code = run_report(
        ReportRun(
            paths or [],
            output,
            config,
            today.date() if today else datetime.date.today(),
            fail_on.value,
            diagram.value,
            stdin_filename,
        )
    )
    raise typer.Exit(code)
