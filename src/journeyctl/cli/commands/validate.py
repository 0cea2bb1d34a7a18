"""`journeyctl validate`: the format only (YAML, schema, references), no rules."""

from __future__ import annotations

import typer

from journeyctl.cli.app import app
from journeyctl.cli.options import (
    TEXT,
    ConfigOption,
    ForceExcludeOption,
    FormatOption,
    OutputFileOption,
    PathsArgument,
    QuietOption,
    ShowSourceOption,
    StdinFilenameOption,
)


@app.command(short_help="Check maps against the format (YAML, schema, references).")
def validate(
    paths: PathsArgument = None,
    output_format: FormatOption = TEXT,
    config: ConfigOption = None,
    stdin_filename: StdinFilenameOption = None,
    force_exclude: ForceExcludeOption = False,
    output_file: OutputFileOption = None,
    quiet: QuietOption = False,
    show_source: ShowSourceOption = None,
) -> None:
    """Check maps against the format: YAML, schema and references, nothing else.

    Example: journeyctl validate maps/
    """
    from journeyctl.cli.checking import run_check, validate_task
    from journeyctl.cli.reporting import RunOptions

    code = run_check(
        paths or [],
        task=validate_task,
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        lint=False,
        options=RunOptions(
            force_exclude=force_exclude,
            output_file=output_file,
            quiet=quiet,
            show_source=show_source,
        ),
    )
    raise typer.Exit(code)
