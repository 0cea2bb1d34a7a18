"""`journeyctl lint`: validate, then run the rules."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error
from journeyctl.cli.options import (
    TEXT,
    ConfigOption,
    FailOn,
    FormatOption,
    IgnoreOption,
    NoCacheOption,
    PathsArgument,
    SelectOption,
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
            "configuration's fail-on). Validation errors fail at every level but never.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
    today: TodayOption = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print how often each rule fired.")
    ] = False,
    stdin_filename: StdinFilenameOption = None,
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
    served = (
        None
        if argv.attempted
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
    from journeyctl.diagnostics import VALIDATION_CODES
    from journeyctl.lint.policy import UnknownRuleError, codes_of
    from journeyctl.lint.registry import catalogue

    try:
        enabled = codes_of(selected) if selected is not None else None
        disabled = codes_of(ignored)
    except UnknownRuleError as exc:
        usage_error(str(exc))
    options = LintOptions(selected, ignored, today.date() if today else None)
    # what SARIF and JUnit list: the validation codes always, and the rules that run
    infos = [
        info
        for info in catalogue()
        if info.code in VALIDATION_CODES
        or ((enabled is None or info.code in enabled) and info.code not in disabled)
    ]
    cache = open_store(cache)
    code = run_check(
        paths or [],
        task=CachedTask(partial(check_task, options=options), cache),
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        rules=infos,
        fail_on=fail_on.value if fail_on else None,
        statistics=statistics,
    )
    remember_run(cache, infos)
    raise typer.Exit(code)
