"""`journeyctl clean`: empty the result cache of `validate` and `lint` (docs/cache.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error


@app.command(short_help="Empty the result cache (.journeyctl_cache).")
def clean(
    stale: Annotated[
        bool,
        typer.Option(
            "--stale",
            help="Only drop the entries of files that no longer exist (and unreadable ones).",
        ),
    ] = False,
    config: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Option(
            "--config",
            help="The configuration whose cache-dir applies (as given to lint or validate).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Empty the result cache that validate and lint keep, or with --stale only drop the
    entries of files that no longer exist.

    The cache is the one a run in the current folder uses: JOURNEYCTL_CACHE_DIR, the
    configuration's cache-dir, or .journeyctl_cache at the root of the git work tree.
    Only the cache's own files are removed.

    Example: journeyctl clean
    """
    from journeyctl.cli.cache.store import cache_root
    from journeyctl.cli.cache.store import clean as clean_folder

    root = cache_root(Path.cwd(), config)
    if root is None:
        usage_error(
            "cannot tell where the cache is: the configuration's cache-dir or extend is not "
            "written as a plain `key: value` line (set JOURNEYCTL_CACHE_DIR instead)"
        )
    removed, freed = clean_folder(root, stale_only=stale)
    what = "stale entries" if stale else "entries"
    sys.stdout.write(f"{root}: removed {removed:,} {what} ({freed:,} bytes)\n")
