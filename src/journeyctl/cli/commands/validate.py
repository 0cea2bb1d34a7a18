"""`journeyctl validate`: the format only (YAML, schema, references), no rules."""

from __future__ import annotations

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
    from journeyctl.cli.cache import argv, cache_options
    from journeyctl.cli.cache.warm import serve_warm

    cache = cache_options(no_cache=no_cache, config=config, lint=False)
    # a warm run prints a plain report only: any option of the report itself takes the full
    # run (which still reads each file's result from the cache)
    plain = not (
        force_exclude
        or output_file is not None
        or quiet
        or show_source is not None
        or stdin_filename is not None
    )
    served = (
        None
        if argv.attempted or not plain
        else serve_warm(
            cache, paths or [], output_format=output_format.value, fail_on=None, statistics=False
        )
    )
    if served is not None:
        raise typer.Exit(served)

    from journeyctl.cli.cache.task import CachedTask, open_store, remember_run
    from journeyctl.cli.checking import run_check, validate_task
    from journeyctl.cli.reporting import RunOptions
    from journeyctl.validation.codes import VALIDATION_RULES

    cache = open_store(cache)
    code = run_check(
        paths or [],
        task=CachedTask(validate_task, cache),
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
    remember_run(cache, list(VALIDATION_RULES))
    raise typer.Exit(code)
