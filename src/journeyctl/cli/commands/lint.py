"""`journeyctl lint`: validate, then run the rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

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

if TYPE_CHECKING:
    from journeyctl.cli.checking import Outcome
    from journeyctl.cli.pipeline import Job
    from journeyctl.diagnostics import RuleInfo


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
    from journeyctl.cli.cache import cache_options
    from journeyctl.cli.cached_check import run_cached_check
    from journeyctl.cli.reporting import RunOptions

    selected, ignored = split_codes(select), split_codes(ignore) or ()
    day = today.date() if today else None

    def task() -> Callable[[Job], Outcome]:
        from functools import partial

        from journeyctl.cli.checking import LintOptions, check_task
        from journeyctl.lint.policy import UnknownRuleError, codes_of

        try:
            codes_of(selected or ())
            codes_of(ignored)
        except UnknownRuleError as exc:
            usage_error(str(exc))
        if baseline is not None and write_baseline is not None:
            usage_error("--baseline and --write-baseline cannot be used together")
        return partial(check_task, options=LintOptions(selected, ignored, day))

    def rules() -> list[RuleInfo]:
        from journeyctl.lint.registry import catalogue

        return list(catalogue())

    code = run_cached_check(
        paths or [],
        cache_options(
            no_cache=no_cache, config=config, lint=True, select=selected, ignore=ignored, today=day
        ),
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
            baseline=baseline,
            write_baseline=write_baseline,
        ),
        lint=True,
        fail_on=fail_on.value if fail_on else None,
        statistics=statistics,
    )
    raise typer.Exit(code)
