"""A warm run before the command line framework starts.

typer and click cost more start-up than a whole warm run (importing them and building the
commands: about two thirds of it), so `journeyctl.cli.main` first offers the arguments to
`serve_from_argv`. It understands only the plain forms of `validate` and `lint` that the cache
can serve: file arguments and the options below, each at most once, with valid values. Anything
else (help, an unknown or repeated option, `-`, `--`, a value it would have to guess about, a
file that is not cached) returns None, and typer parses the arguments as always; so a command
line means the same with the cache as without it.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

_VALUES = {
    "--format": "format",
    "-f": "format",
    "--select": "select",
    "--ignore": "ignore",
    "--fail-on": "fail_on",
    "--config": "config",
    "--today": "today",
}
_FLAGS = {"--statistics": "statistics"}
_LINT_ONLY = {"select", "ignore", "fail_on", "today", "statistics"}

attempted = False
"""Set once the cache was asked here, so that the command does not ask it again."""


def warm_from_argv(argv: Sequence[str]) -> Callable[[], int] | None:
    """What prints a run served whole from the cache and returns its exit code; None when
    typer should take over. Nothing is printed before it is called."""
    global attempted
    if os.environ.get("JOURNEYCTL_NO_CACHE") or not argv or argv[0] not in ("lint", "validate"):
        return None
    parsed = _parse(argv[0], argv[1:])
    if parsed is None:
        return None
    paths, values = parsed
    from journeyctl.cli.cache import cache_options
    from journeyctl.cli.cache.warm import find_warm, print_warm

    lint = argv[0] == "lint"
    select, ignore = _codes(values.get("select")), _codes(values.get("ignore")) or ()
    config = Path(values["config"]) if "config" in values else None
    if config is not None and not config.is_file():
        return None  # typer's own check says what is wrong with it
    today = None
    if "today" in values:
        try:
            today = datetime.datetime.strptime(values["today"], "%Y-%m-%d").date()
        except ValueError:
            return None
    attempted = True
    cache = cache_options(
        no_cache=False, config=config, lint=lint, select=select, ignore=ignore, today=today
    )
    warm = find_warm(cache, paths) if cache is not None else None
    if warm is None:
        return None
    return partial(
        print_warm,
        warm,
        lint=lint,
        output_format=values.get("format", "text"),
        fail_on=values.get("fail_on"),
        statistics="statistics" in values,
    )


def _parse(command: str, args: Sequence[str]) -> tuple[list[str], dict[str, str]] | None:
    from journeyctl.output import FORMATS
    from journeyctl.severity_names import FAIL_ON_LEVELS

    paths: list[str] = []
    values: dict[str, str] = {}
    tokens = list(args)
    while tokens:
        token = tokens.pop(0)
        if not token.startswith("-"):
            paths.append(token)
            continue
        name, _, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in _FLAGS and not inline:
            key, value = _FLAGS[name], ""
        elif name in _VALUES:
            if inline:
                value = inline
            elif tokens and not tokens[0].startswith("-"):
                value = tokens.pop(0)
            else:
                return None
            key = _VALUES[name]
        else:
            return None  # -, --, --help, --no-cache, short clusters, anything unknown
        if (
            key in values
            or (command != "lint" and key in _LINT_ONLY)
            or (not value and key != "statistics")
        ):
            return None
        values[key] = value
    if values.get("format", "text") not in FORMATS:
        return None
    if values.get("fail_on", "error") not in FAIL_ON_LEVELS:
        return None
    return (paths, values) if paths else None


def _codes(value: str | None) -> tuple[str, ...] | None:
    """As `journeyctl.cli.options.split_codes`, which this module cannot import (typer)."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())
