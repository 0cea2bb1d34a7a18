"""The command line: parse options, call the library, print, choose the exit code.

Nothing in the library (`load`, `model`, `validation`, `lint`, `output`, `config`, `api`)
imports this package; the run pipeline, file discovery and the terminal live here.
"""

from journeyctl.cli import commands as _commands  # noqa: F401 - registers every command
from journeyctl.cli.app import app, main

__all__ = ["app", "main"]
