"""`journeyctl fmt`: rewrite maps in the canonical layout, keeping every comment and value."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyctl.cli.app import app
from journeyctl.cli.options import (
    ConfigOption,
    ForceExcludeOption,
    PathsArgument,
    StdinFilenameOption,
)


@app.command(short_help="Rewrite maps in the canonical layout (comments kept).")
def fmt(
    paths: PathsArgument = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing; list the files that would change and exit 1 if any would.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="Write nothing; print a unified diff and exit 1 if a file would change."
        ),
    ] = False,
    config: ConfigOption = None,
    stdin_filename: StdinFilenameOption = None,
    force_exclude: ForceExcludeOption = False,
) -> None:
    """Rewrite maps in one canonical layout: two-space indentation, keys in the format's
    order, short lists of scalars on one line. Comments and values are kept exactly; a file is
    only written when the result reads to the same data, lints the same and keeps every
    comment. Invalid maps are reported (exit 1) and left alone. PATH '-' formats stdin to
    stdout.

    Example: journeyctl fmt maps/ --check
    """
    from journeyctl.cli.formatting import FmtMode, run_fmt

    code = run_fmt(
        paths or [],
        FmtMode(check=check, diff=diff),
        config=config,
        stdin_filename=stdin_filename,
        force_exclude=force_exclude,
    )
    raise typer.Exit(code)
