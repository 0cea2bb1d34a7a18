"""The `journeyctl` application: its root options, the lazy table of its commands, and the
entry point that keeps tracebacks from users. Each command lives in its own module under
`commands/`.

Start-up is kept lean in two ways: a command's module is imported, and its options built,
only when that command runs (`LazyCommands`); and heavy modules (pydantic models, rich
rendering, output formats) are imported inside the commands that need them.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info

from journeyctl import __version__
from journeyctl.cli.commands import NAMES
from journeyctl.cli.exit_codes import EXIT_OK, EXIT_USAGE
from journeyctl.cli.failures import interrupted, unexpected


class LazyCommands(Mapping[str, Any]):
    """The application's commands by name, each built on first use.

    Typer builds the click command of every registered function on every run; importing
    eleven modules and building their options took about 25 ms, for one command used.
    Here a name is known up front, and its module (which registers the function on `app`)
    is imported when click first asks for that command.
    """

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in NAMES:
                raise KeyError(name)
            module = f"journeyctl.cli.commands.{name}"
            importlib.import_module(module)
            registered = app.registered_commands
            info = next(i for i in registered if getattr(i.callback, "__module__", "") == module)
            self._built[name] = get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)


class LazyGroup(TyperGroup):
    """The root group, whose commands come from `LazyCommands` (help, completion and
    "did you mean" suggestions all read them through `commands`)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands()  # type: ignore[assignment]


app = typer.Typer(
    cls=LazyGroup,
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


def main(argv: Sequence[str]) -> None:
    """Run the application on ARGV; no traceback reaches the user unless JOURNEYCTL_DEBUG=1."""
    # journeyctl uses no pydantic plugins; looking them up costs start-up time on every run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app(args=list(argv))
    except KeyboardInterrupt:
        interrupted()
    except SystemExit:
        raise
    except BaseException as exc:
        sys.exit(unexpected(exc))
