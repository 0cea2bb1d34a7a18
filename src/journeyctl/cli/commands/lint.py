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
) -> None:
    """Validate maps, then check them for the gaps that make journey maps untrustworthy.

    Example: journeyctl lint maps/ --format github
    """
    from functools import partial

    from journeyctl.cli.checking import LintOptions, check_task, run_check
    from journeyctl.diagnostics import VALIDATION_CODES
    from journeyctl.lint.policy import UnknownRuleError, codes_of
    from journeyctl.lint.registry import catalogue

    selected, ignored = split_codes(select), split_codes(ignore) or ()
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
    code = run_check(
        paths or [],
        task=partial(check_task, options=options),
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        rules=infos,
        fail_on=fail_on.value if fail_on else None,
        statistics=statistics,
    )
    raise typer.Exit(code)
