"""`journeyctl validate`: the format only (YAML, schema, references), no rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

from journeyctl.cli.app import app
from journeyctl.cli.options import (
    TEXT,
    ConfigOption,
    ForceExcludeOption,
    FormatOption,
    NoCacheOption,
    OutputFileOption,
    PathsArgument,
    QuietOption,
    ShowSourceOption,
    StdinFilenameOption,
)

if TYPE_CHECKING:
    from journeyctl.cli.checking import Outcome
    from journeyctl.cli.pipeline import Job
    from journeyctl.diagnostics import RuleInfo


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
    no_cache: NoCacheOption = False,
) -> None:
    """Check maps against the format: YAML, schema and references, nothing else.

    Example: journeyctl validate maps/
    """
    from journeyctl.cli.cache import cache_options
    from journeyctl.cli.cached_check import run_cached_check
    from journeyctl.cli.reporting import RunOptions

    def task() -> Callable[[Job], Outcome]:
        from journeyctl.cli.checking import validate_task

        return validate_task

    def rules() -> list[RuleInfo]:
        from journeyctl.validation.codes import VALIDATION_RULES

        return list(VALIDATION_RULES)

    code = run_cached_check(
        paths or [],
        cache_options(no_cache=no_cache, config=config, lint=False),
        task=task,
        rules=rules,
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        options=RunOptions(
            force_exclude=force_exclude,
            output_file=output_file,
            quiet=quiet,
            show_source=show_source,
        ),
        lint=False,
    )
    raise typer.Exit(code)
