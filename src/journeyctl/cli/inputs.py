"""Building a run: the PATH arguments to files, each with the configuration that applies to it.

Every per-file command (validate, lint, and the commands stacked on them) turns its PATH
arguments into `Job`s here, so that discovery, configuration and the file limit behave the same
everywhere.

As in ruff:
- a folder is searched; each file found is kept when its own configuration (the closest one
  to the file, not to the folder searched) includes it and does not exclude it, with globs
  relative to the configuration file's folder;
- a file named on the command line is always checked, unless `--force-exclude` is given and
  its configuration excludes it (pre-commit names files one by one);
- `-` reads stdin; `--stdin-filename` names it and picks the configuration of that path;
- a path that does not exist is reported at the end (exit 2) while the others are checked.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.cli.discover import search, unique_files
from journeyctl.cli.pipeline import STDIN, Job
from journeyctl.config import ConfigError, ConfigResolver, Settings
from journeyctl.diagnostics import Diagnostic


class UsageError(Exception):
    """Exit 2: a path that does not exist or cannot be opened, a bad option."""


@dataclass(slots=True)
class Inputs:
    jobs: list[Job] = field(default_factory=list)
    config_problems: list[Diagnostic] = field(default_factory=list)
    """Problems of broken configurations, once per configuration file."""
    missing: list[str] = field(default_factory=list)
    """PATH arguments that do not exist (collected with `missing_ok`)."""


def collect_jobs(
    paths: Sequence[str],
    resolver: ConfigResolver,
    stdin_filename: str | None = None,
    *,
    force_exclude: bool = False,
    missing_ok: bool = False,
) -> Inputs:
    """One job per file to read, sorted by path, each with its configuration.

    A file whose configuration is broken is not checked; the configuration's problems are
    returned instead, once per configuration file. A PATH that does not exist is a UsageError,
    or with `missing_ok` listed in `missing` while the others are collected.
    """
    if not paths:
        paths = ["."]
    found = Inputs()
    problems: dict[str, list[Diagnostic]] = {}

    def settings_for(folder: Path) -> Settings | None:
        try:
            return resolver.for_folder(folder)
        except ConfigError as exc:
            problems.setdefault(exc.diagnostics[0].path, exc.diagnostics)
            return None

    files: list[Path] = []
    for raw in paths:
        if raw == STDIN:
            shown = stdin_filename or "<stdin>"
            at = Path(stdin_filename) if stdin_filename else Path("<stdin>")
            settings = settings_for(at.parent.resolve())
            text = sys.stdin.buffer.read()
            if settings is None or (force_exclude and stdin_filename and settings.excludes(at)):
                continue
            found.jobs.append(Job(at, shown, settings, text))
            continue
        path = Path(raw)
        if path.is_dir():

            def wanted(candidate: Path) -> bool:
                settings = settings_for(candidate.parent.resolve())
                return (
                    settings is not None
                    and settings.includes(candidate)
                    and not settings.excludes(candidate)
                )

            files.extend(search(path, wanted))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            if not missing_ok:
                raise UsageError(f"{raw}: no such file or directory")
            found.missing.append(raw)  # said at the end of the run, after the others
    for path in unique_files(files):
        settings = settings_for(path.parent.resolve())
        if settings is None or (force_exclude and settings.excludes(path)):
            continue
        found.jobs.append(Job(path, path.as_posix(), settings))
    limit = min((job.settings.limits.max_files for job in found.jobs), default=0)
    if found.jobs and len(found.jobs) > limit:
        raise UsageError(
            f"{len(found.jobs):,} files to check, over the limit of {limit:,} "
            "(raise limits.max_files in the configuration)"
        )
    found.config_problems = [d for listed in problems.values() for d in listed]
    return found
