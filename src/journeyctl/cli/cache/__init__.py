"""The result cache of `validate` and `lint` (docs/cache.md).

Each checked file's diagnostics and validity are kept in `.journeyctl_cache/`, under a key that
holds everything they depend on: the file's bytes, journeyctl's code, the bytes of every
configuration file that applies, and the options that change results. A run whose named files
are all cached (`warm.serve_warm`) reads bytes, hashes, reads entries and prints: it imports
neither pydantic nor ruamel.yaml. Any other run is a full run in which each file's check looks
in the cache first (`task.CachedTask`).

Everything here imports only the standard library and `journeyctl.diagnostics` at the top:
the heavy modules are imported inside the functions of a full run. This package's own
`__init__` imports nothing, so that `journeyctl --version` loads no more than `cache.argv`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from pathlib import Path

    from journeyctl.cli.cache.entries import CacheOptions

__all__ = ["cache_options"]


def cache_options(
    *,
    no_cache: bool,
    config: Path | None,
    lint: bool,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
    today: datetime.date | None = None,
) -> CacheOptions | None:
    """The cache of this run, from its options: None with `--no-cache` (the run then loads
    none of this package), `root` None when no cache folder can be found."""
    if no_cache:
        return None
    from pathlib import Path

    from journeyctl.cli.cache.entries import CacheOptions
    from journeyctl.cli.cache.store import cache_root

    try:
        root = cache_root(Path.cwd(), config)
    except Exception:  # the cache is only ever a shortcut: on any surprise, do without
        root = None
    return CacheOptions(root, config, lint, select, ignore, today)
