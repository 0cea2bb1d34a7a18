"""The command line: parse options, call the library, print, choose the exit code.

Nothing in the library (`load`, `model`, `validation`, `lint`, `output`, `config`, `api`)
imports this package; the run pipeline, file discovery and the terminal live here.

`run` first offers the arguments to the result cache (`cache.argv`): a `validate` or `lint`
run whose files are all cached is answered before typer is even imported. Everything else runs
through the typer application, which imports only the command it runs. `main`, the command's
entry point, then ends the process without the interpreter's teardown (`exit_now`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from journeyctl.cli.exit_codes import EXIT_USAGE
from journeyctl.cli.failures import interrupted, unexpected

if TYPE_CHECKING:
    from journeyctl.cli.app import app

__all__ = ["app", "exit_now", "main", "run"]


def main() -> NoReturn:
    """Entry point of the `journeyctl` command and of `python -m journeyctl`."""
    exit_now(run(sys.argv[1:]))


def run(argv: Sequence[str]) -> int:
    """Run `journeyctl ARGV` in this process and return its exit code.

    The arguments are first offered to the result cache (`cache.argv`); a run it cannot serve
    whole goes to the typer application.
    """
    try:
        _run(argv)
    except SystemExit as done:
        return _exit_code(done.code)
    return 0


def exit_now(code: int) -> NoReturn:
    """End the process once its output is flushed, without tearing the interpreter down.

    A normal exit frees every object one by one: the models' validators, the rules, every
    imported module. On a cold one-map run that teardown was a fifth of the run (50-80 ms)
    and freed nothing the operating system does not reclaim at once; mypy ends its runs the
    same way. Exit hooks (`atexit`) still run. Commands close their own files and join their
    worker pools before they return, so stdout and stderr are the only buffers left.
    """
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader stopped reading (`| head`): what it read is what it wanted
    except OSError as exc:  # a full disk behind `> report.txt`
        sys.stderr.write(f"journeyctl: error: cannot write the output: {exc.strerror or exc}\n")
        code = max(code, EXIT_USAGE)
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


def _run(argv: Sequence[str]) -> None:
    try:
        from journeyctl.cli.cache.argv import warm_from_argv

        warm = warm_from_argv(argv)
    except KeyboardInterrupt:
        interrupted()
    except Exception:  # never a traceback from a cache lookup: the full run decides
        warm = None
    if warm is not None:
        try:
            code = warm()
        except KeyboardInterrupt:
            interrupted()
        except Exception as exc:
            code = unexpected(exc)
        sys.exit(code)
    from journeyctl.cli.app import main as run_application

    run_application(argv)


def _exit_code(code: object) -> int:
    """The status `sys.exit(code)` would end the process with."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def __getattr__(name: str) -> Any:
    if name == "app":
        from journeyctl.cli.app import app

        return app
    raise AttributeError(f"module 'journeyctl.cli' has no attribute {name!r}")
