"""The command line: parse options, call the library, print, choose the exit code.

Nothing in the library (`load`, `model`, `validation`, `lint`, `output`, `config`, `api`)
imports this package; the run pipeline, file discovery and the terminal live here.

`main` first offers the arguments to the result cache (`cache.argv`): a `validate` or `lint`
run whose files are all cached is answered before typer is even imported. Everything else runs
through the typer application, which imports only the command it runs.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from journeyctl.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `journeyctl` command and of `python -m journeyctl`."""
    try:
        from journeyctl.cli.cache.argv import warm_from_argv

        warm = warm_from_argv(sys.argv[1:])
    except KeyboardInterrupt:
        _interrupted()
    except Exception:  # never a traceback from a cache lookup: the full run decides
        warm = None
    if warm is not None:
        try:
            code = warm()
        except KeyboardInterrupt:
            _interrupted()
        except Exception as exc:  # as `journeyctl.cli.app.main` reports it
            if os.environ.get("JOURNEYCTL_DEBUG") == "1":
                raise
            from journeyctl.output._common import visible

            sys.stderr.write(
                f"journeyctl: internal error: {type(exc).__name__}: "
                f"{visible(str(exc)[:2000])}\n"
                "Run again with JOURNEYCTL_DEBUG=1 for the traceback, and please report it.\n"
            )
            code = 2
        sys.exit(code)
    from journeyctl.cli.app import main as run_application

    run_application()


def _interrupted() -> NoReturn:
    sys.stderr.write("journeyctl: interrupted\n")
    sys.exit(130)


def __getattr__(name: str) -> Any:
    if name == "app":
        from journeyctl.cli.app import app

        return app
    raise AttributeError(f"module 'journeyctl.cli' has no attribute {name!r}")
