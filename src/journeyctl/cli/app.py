"""The `journeyctl` application: its root options, and the entry point that keeps tracebacks
from users. Each command lives in its own module under `commands/`.

Heavy modules (pydantic models, rich rendering, output formats) are imported inside the
commands that need them, so that `--version` and `--help` start fast.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, NoReturn

import typer

from journeyctl import __version__
from journeyctl.cli.exit_codes import EXIT_OK, EXIT_USAGE

app = typer.Typer(
    name="journeyctl",
    help="Customer journey maps as code: validate, lint, render, report and diff YAML maps.",
    epilog="The map format: docs/format.md. Each rule: journeyctl rules CODE.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain click help: rendering it with rich costs more start-up than the budget allows.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
    """Customer journey maps as code: validate, lint, render, report and diff YAML journey maps."""


def usage_error(message: str) -> NoReturn:
    """Exit 2 with one line on stderr: a bad option, path or rule name."""
    from journeyctl.output._common import visible

    # escaped like stdout: a file name holding a newline and `::error` forges no annotation
    sys.stderr.write(f"journeyctl: error: {visible(message)}\n")
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
        from journeyctl.output._common import visible

        sys.stderr.write(
            f"journeyctl: internal error: {type(exc).__name__}: {visible(str(exc)[:2000])}\n"
            "Run again with JOURNEYCTL_DEBUG=1 for the traceback, and please report it.\n"
        )
        sys.exit(EXIT_USAGE)
