"""The command line: parse options, call the library, print, choose the exit code.

Heavy modules (pydantic models, rich rendering, output formats) are imported inside the
commands that need them, so that `--version` and `--help` start fast.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from journeyctl import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as code: validate and lint YAML journey maps.",
    epilog="The map format: docs/format.md. Each rule: journeyctl rules CODE.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain click help: rendering it with rich costs more start-up than the budget allows.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyctl {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Customer journey maps as code: validate and lint YAML journey maps."""


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


@app.command(short_help="Check maps against the format (YAML, schema, references).")
def validate(
    paths: PathsArgument = None,
    output_format: FormatOption = OutputFormat.text,
    config: ConfigOption = None,
    stdin_filename: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--stdin-filename", help="The name to report for input read from '-'."),
    ] = None,
) -> None:
    """Check maps against the format: YAML, schema and references, nothing else.

    Example: journeyctl validate maps/
    """
    from journeyctl.checking import run_check, validate_task

    code = run_check(
        paths or [],
        task=validate_task,
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        lint=False,
    )
    raise typer.Exit(code)


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


@app.command(short_help="Validate, then check maps for gaps (the rules).")
def lint(
    paths: PathsArgument = None,
    output_format: FormatOption = OutputFormat.text,
    select: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Run only these rules: codes or names, comma-separated."),
    ] = None,
    ignore: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Skip these rules: codes or names, comma-separated."),
    ] = None,
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
    today: Annotated[
        Optional[datetime],  # noqa: UP045
        typer.Option(formats=["%Y-%m-%d"], help="The date evidence age is measured against."),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also print how often each rule fired.")
    ] = False,
    stdin_filename: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--stdin-filename", help="The name to report for input read from '-'."),
    ] = None,
) -> None:
    """Validate maps, then check them for the gaps that make journey maps untrustworthy.

    Example: journeyctl lint maps/ --format github
    """
    from functools import partial

    from journeyctl.checking import run_check
    from journeyctl.diagnostics import VALIDATION_CODES
    from journeyctl.lint.engine import LintOptions, UnknownRuleError, codes_of, lint_task
    from journeyctl.lint.registry import catalogue

    selected, ignored = _codes(select), _codes(ignore) or ()
    try:
        enabled = codes_of(selected) if selected is not None else None
        disabled = codes_of(ignored)
    except UnknownRuleError as exc:
        _usage_error(str(exc))
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
        task=partial(lint_task, options=options),
        output_format=output_format.value,
        config=config,
        stdin_filename=stdin_filename,
        rules=infos,
        fail_on=fail_on.value if fail_on else None,
        statistics=statistics,
    )
    raise typer.Exit(code)


@app.command(short_help="List the rules, or show one rule's documentation.")
def rules(
    rule: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="A rule code or name; without it, the whole catalogue."),
    ] = None,
) -> None:
    """List the rules, or show one rule's documentation.

    Example: journeyctl rules JM304
    """
    from journeyctl.lint.catalogue_view import show_catalogue, show_rule
    from journeyctl.lint.registry import lookup

    if rule is None:
        show_catalogue()
        return
    info = lookup(rule)
    if info is None:
        _usage_error(f"unknown rule {rule!r}; `journeyctl rules` lists them all")
    show_rule(info)


@app.command(short_help="Print the JSON Schema of the map format.")
def schema(
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the schema to this file instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of the map format (for editors and other validators).

    Example: journeyctl schema -o schemas/journey-map.schema.json
    """
    from journeyctl.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            _usage_error(f"{output}: {exc.strerror or exc}")


def _usage_error(message: str) -> NoReturn:
    sys.stderr.write(f"journeyctl: error: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Entry point: no traceback reaches the user unless JOURNEYCTL_DEBUG=1."""
    # journeyctl uses no pydantic plugins; looking them up costs start-up time on every run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("journeyctl: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as exc:
        if os.environ.get("JOURNEYCTL_DEBUG") == "1":
            raise
        sys.stderr.write(
            f"journeyctl: internal error: {type(exc).__name__}: {exc}\n"
            "Run again with JOURNEYCTL_DEBUG=1 for the traceback, and please report it.\n"
        )
        sys.exit(EXIT_USAGE)
