"""Options that several commands share, declared once so that they read the same everywhere."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from journeyctl.output import FORMATS
from journeyctl.severity_names import FAIL_ON_LEVELS

# Choices for typer, built from the library's own lists so that each is defined once.
OutputFormat = StrEnum("OutputFormat", {name: name for name in FORMATS})  # type: ignore[misc]
"""The diagnostic formats of `validate` and `lint` (the `output` package has one each)."""
TEXT = OutputFormat("text")
"""The default format: for people, with colour on a terminal."""
FailOn = StrEnum("FailOn", {level: level for level in FAIL_ON_LEVELS})  # type: ignore[misc]


PathsArgument = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional here
    typer.Argument(
        help="Files or folders (searched for *.journey.yaml); '-' reads stdin. "
        "Default: the current folder.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format of the diagnostics.")
]
ConfigOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--config",
        help="Use this configuration for every input (turns discovery off).",
        dir_okay=False,
    ),
]
StdinFilenameOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--stdin-filename",
        help="The path of the input read from '-': reported, and used to find its configuration.",
    ),
]
TodayOption = Annotated[
    Optional[datetime],  # noqa: UP045
    typer.Option(formats=["%Y-%m-%d"], help="The date evidence age is measured against."),
]
SelectOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="Run only these rules: codes or names, comma-separated."),
]
IgnoreOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="Skip these rules: codes or names, comma-separated."),
]


def split_codes(value: str | None) -> tuple[str, ...] | None:
    """`--select JM201,stale-evidence` as a tuple; None when the option is absent."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


ForceExcludeOption = Annotated[
    bool,
    typer.Option(
        "--force-exclude",
        help="Apply the configuration's exclude globs to files named on the command line too "
        "(as pre-commit and the GitHub Action do).",
    ),
]
OutputFileOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output-file",
        "-o",
        help="Write the report to this file; the summary still goes to stderr.",
        dir_okay=False,
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print the findings only: no summary, no warnings.")
]
ShowSourceOption = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option(
        "--show-source/--no-show-source",
        help="Show the offending line under each finding, with a caret under the column "
        "(text format; default: on when stdout is a terminal).",
        show_default=False,
    ),
]
StatisticsOption = Annotated[
    bool,
    typer.Option("--statistics", help="Also print how often each rule fired, most often first."),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="JOURNEYCTL_NO_CACHE",
        help="Check every file anew: neither read nor write the result cache.",
    ),
]
