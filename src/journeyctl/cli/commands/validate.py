"""`journeyctl validate`: the format only (YAML, schema, references), no rules."""

from __future__ import annotations

import typer

from journeyctl.cli.app import app
from journeyctl.cli.options import (
    TEXT,
    ConfigOption,
    FormatOption,
    PathsArgument,
    StdinFilenameOption,
)


@app.command(short_help="Check maps against the format (YAML, schema, references).")
def validate(
    paths: PathsArgument = None,
    output_format: FormatOption = TEXT,
    config: ConfigOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Check maps against the format: YAML, schema and references, nothing else.

    Example: journeyctl validate maps/
    """
    from journeyctl.cli.checking import run_check, validate_task

    code = run_check(
        paths or [],
        task=validate_task,
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        lint=False,
    )
    raise typer.Exit(code)
