"""The cache folder: where it is, reading and writing entries safely, and emptying it.

Every entry is a small JSON file. A read that fails in any way (missing, truncated, corrupt,
written by another version, unreadable) is a miss. A write goes to a temporary file in the same
folder and is renamed over the entry, so that two runs at once, or the workers of one parallel
run, never leave a torn entry. A folder that cannot be written (read-only, disk full) only
means no caching: the main process says so once on stderr, workers say nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeyctl.cli.cache.keys import CACHE_FORMAT, Chain, absolute, chain_for, git_root

FOLDER_NAME = ".journeyctl_cache"
ENV_VARIABLE = "JOURNEYCTL_CACHE_DIR"
KINDS = ("files", "settings", "runs")
"""The subfolders: one entry per checked file, per configuration, per set of run options."""
_TAG = "CACHEDIR.TAG"
_TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache of journeyctl's results (journeyctl clean empties it).\n"
)
_warned: list[bool] = []


@dataclass(slots=True)
class Store:
    """One cache folder; `writable` turns false after the first failed write."""

    root: Path
    writable: bool = True
    main_pid: int = field(default_factory=os.getpid)

    def path(self, kind: str, name: str) -> Path:
        return self.root / kind / f"{name}.json"

    def read(self, kind: str, name: str, key: str) -> dict[str, Any] | None:
        """The entry in slot `name` if it was written for `key`; None for every kind of miss.

        An entry's file name is its slot (which file, which options); the key inside says
        what it was computed from. A changed file or a new day overwrites its slot, so the
        folder holds one entry per file and set of options, however often they change.
        """
        try:
            value = json.loads(self.path(kind, name).read_bytes())
        except (OSError, ValueError, RecursionError):
            return None
        if (
            not isinstance(value, dict)
            or value.get("format") != CACHE_FORMAT
            or value.get("key") != key
        ):
            return None
        return value

    def write(self, kind: str, name: str, key: str, value: dict[str, Any]) -> None:
        if not self.writable:
            return
        target = self.path(kind, name)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            if not self.prepare():
                return
            data = json.dumps({"format": CACHE_FORMAT, "key": key, **value}, separators=(",", ":"))
            with temporary.open("x", encoding="utf-8") as handle:
                handle.write(data)
            temporary.replace(target)  # atomic: readers see the old entry or the new one
        except OSError as exc:
            self.writable = False
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            self.warn(exc)

    def prepare(self) -> bool:
        """Create the folder with its `.gitignore` and CACHEDIR.TAG; raise OSError if it
        cannot be written."""
        gitignore = self.root / ".gitignore"
        if gitignore.exists() and all((self.root / kind).is_dir() for kind in KINDS):
            return True
        for kind in KINDS:
            (self.root / kind).mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG_TEXT), (".gitignore", "*\n")):
            if not (self.root / name).exists():
                temporary = self.root / f".{name}.{os.getpid()}.tmp"
                temporary.write_text(text, encoding="utf-8")
                temporary.replace(self.root / name)
        return True

    def warn(self, problem: OSError) -> None:
        if os.getpid() != self.main_pid or _warned:
            return
        _warned.append(True)
        reason = problem.strerror or str(problem)
        sys.stderr.write(
            f"journeyctl: warning: cannot write the cache in {self.root} ({reason}); "
            "results are not cached (--no-cache turns the cache off)\n"
        )


def cache_root(cwd: Path, explicit_config: Path | None) -> Path | None:
    """Where this run's cache is: JOURNEYCTL_CACHE_DIR, else the `cache-dir` of the
    configuration of the current folder, else `.journeyctl_cache` at the root of the git work
    tree, else in the folder of that configuration, else in the current folder.

    None when the configuration of the current folder cannot be read with certainty.
    """
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return absolute(from_env)
    chain = chain_for(cwd, explicit_config)
    if chain is None:
        return None
    return _configured(chain) or (git_root(cwd) or _folder(chain) or cwd) / FOLDER_NAME


def _configured(chain: Chain) -> Path | None:
    for config in chain:
        value = config.values.get("cache-dir")
        if value:
            return absolute(config.path.parent / value)
    return None


def _folder(chain: Chain) -> Path | None:
    return chain[0].path.parent if chain else None


def clean(root: Path, *, stale_only: bool = False) -> tuple[int, int]:
    """Remove the cache's own files (never anything else: `cache-dir` may name any folder).

    With `stale_only`, remove only the entries of files that no longer exist, and entries
    that cannot be read. Returns (entries removed, bytes freed).
    """
    removed = freed = 0
    for kind in KINDS:
        folder = root / kind
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if not entry.name.endswith((".json", ".tmp")):
                continue
            if stale_only and not _stale(entry):
                continue
            try:
                size = entry.stat().st_size
                entry.unlink()
            except OSError:
                continue
            removed += 1
            freed += size
        if not stale_only:
            with contextlib.suppress(OSError):
                folder.rmdir()
    if not stale_only:
        for name in (".gitignore", _TAG):
            with contextlib.suppress(OSError):
                (root / name).unlink()
        with contextlib.suppress(OSError):
            root.rmdir()
    return removed, freed


def _stale(entry: Path) -> bool:
    if entry.name.endswith(".tmp"):
        return True
    try:
        value = json.loads(entry.read_bytes())
    except (OSError, ValueError, RecursionError):
        return True
    source = value.get("file") if isinstance(value, dict) else None
    if not isinstance(source, str):
        return entry.parent.name == "files"
    return not Path(source).exists()
