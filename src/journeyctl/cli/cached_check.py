"""`validate` and `lint` with the result cache, in one place for both commands.

A run whose files are all cached and that asks for a plain report is printed from the cache
without importing the validator; any other run is the full run, which still reads and writes
each file's entry. This module stays light: the full run's modules are imported only after a
miss.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.cli.reporting import RunOptions

if TYPE_CHECKING:
    from journeyctl.cli.cache.entries import CacheOptions
    from journeyctl.cli.checking import Outcome
    from journeyctl.cli.pipeline import Job
    from journeyctl.diagnostics import RuleInfo


def run_cached_check(
    paths: Sequence[str],
    cache: CacheOptions | None,
    *,
    task: Callable[[], Callable[[Job], Outcome]],
    rules: Callable[[], list[RuleInfo]],
    output_format: str,
    config: Path | None,
    stdin_filename: str | None,
    options: RunOptions,
    lint: bool,
    fail_on: str | None = None,
    statistics: bool = False,
) -> int:
    """The exit code of the run. `task` and `rules` are called only for a full run: they are
    what imports the validator (and, for lint, the rules). Without a cache (`--no-cache`)
    the run imports nothing of the cache."""

    def run(check: Callable[[Job], Outcome]) -> int:
        from journeyctl.cli.checking import run_check  # the validator: only on a full run

        return run_check(
            paths,
            task=check,
            output_format=output_format,
            config=config,
            stdin_filename=stdin_filename,
            fail_on=fail_on,
            statistics=statistics,
            lint=lint,
            options=options,
        )

    if cache is None:
        return run(task())

    from journeyctl.cli.cache import argv
    from journeyctl.cli.cache.warm import serve_warm

    if not argv.attempted and options.plain and stdin_filename is None:
        served = serve_warm(
            cache, paths, output_format=output_format, fail_on=fail_on, statistics=statistics
        )
        if served is not None:
            return served

    from journeyctl.cli.cache.task import CachedTask, open_store, remember_run

    cache = open_store(cache)
    code = run(CachedTask(task(), cache))
    remember_run(cache, rules())
    return code
