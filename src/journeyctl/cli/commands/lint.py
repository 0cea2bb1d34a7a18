"""`journeyctl lint`: validate, then run the rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error
from journeyctl.cli.options import (
    TEXT,
    ConfigOption,
    FailOn,
    ForceExcludeOption,
    FormatOption,
    IgnoreOption,
    NoCacheOption,
    OutputFileOption,
    PathsArgument,
    QuietOption,
    SelectOption,
    ShowSourceOption,
    StatisticsOption,
    StdinFilenameOption,
    TodayOption,
    split_codes,
)


@app.command(short_help="Validate, then check maps for gaps (the rules).")
def lint(
    paths: PathsArgument = None,
    output_format: FormatOption = TEXT,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: Annotated[
        Optional[FailOn],  # noqa: UP045
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is at least this severe (default: error, or the "
            "configuration's fail-on that applies to each file). Validation errors fail at "
            "every level but never.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
    today: TodayOption = None,
    statistics: StatisticsOption = False,
    stdin_filename: StdinFilenameOption = None,
    force_exclude: ForceExcludeOption = False,
    output_file: OutputFileOption = None,
    quiet: QuietOption = False,
    show_source: ShowSourceOption = None,
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--baseline",
            help="Report only findings that this baseline file does not hold "
            "(default: the configuration's baseline).",
            dir_okay=False,
        ),
    ] = None,
    write_baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--write-baseline",
            help="Record today's findings in this file, to be left out of later runs.",
            dir_okay=False,
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Validate maps, then check them for the gaps that make journey maps untrustworthy.

    Example: journeyctl lint maps/ --format github
    """
    from journeyctl.cli.cache import argv, cache_options
    from journeyctl.cli.cache.warm import serve_warm

    selected, ignored = split_codes(select), split_codes(ignore) or ()
    cache = cache_options(
        no_cache=no_cache,
        config=config,
        lint=True,
        select=selected,
        ignore=ignored,
        today=today.date() if today else None,
    )
    # a warm run prints a plain report only: any option of the report itself, or a baseline,
    # takes the full run (which still reads each file's result from the cache)
    plain = not (
        force_exclude
        or output_file is not None
        or quiet
        or show_source is not None
        or baseline is not None
        or write_baseline is not None
        or stdin_filename is not None
    )
    served = (
        None
        if argv.attempted or not plain
        else serve_warm(
            cache,
            paths or [],
            output_format=output_format.value,
            fail_on=fail_on.value if fail_on else None,
            statistics=statistics,
        )
    )
    if served is not None:
        raise typer.Exit(served)

    from functools import partial

    from journeyctl.cli.cache.task import CachedTask, open_store, remember_run
    from journeyctl.cli.checking import LintOptions, check_task, run_check
    from journeyctl.cli.reporting import RunOptions
    from journeyctl.lint.policy import UnknownRuleError, codes_of

    try:
        codes_of(selected or ())
        codes_of(ignored)
    except UnknownRuleError as exc:
        usage_error(str(exc))
    if baseline is not None and write_baseline is not None:
        usage_error("--baseline and --write-baseline cannot be used together")
    options = LintOptions(selected, ignored, today.date() if today else None)
    cache = open_store(cache)
    code = run_check(
        paths or [],
        task=CachedTask(partial(check_task, options=options), cache),
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        fail_on=fail_on.value if fail_on else None,
        statistics=statistics,
        options=RunOptions(
            force_exclude=force_exclude,
            output_file=output_file,
            quiet=quiet,
            show_source=show_source,
            baseline=baseline,
            write_baseline=write_baseline,
        ),
    )
    from journeyctl.lint.registry import catalogue

    remember_run(cache, list(catalogue()))
    raise typer.Exit(code)
