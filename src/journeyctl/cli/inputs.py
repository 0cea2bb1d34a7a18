"""Building a run: which files, each with the configuration that applies to it.

Every per-file command (validate, lint, and the commands stacked on them) turns its PATH
arguments into `Job`s here, so that discovery, configuration and the file limit behave the same
everywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyctl.cli.discover import discover
from journeyctl.cli.pipeline import STDIN, Job
from journeyctl.config import ConfigError, ConfigResolver, Settings
from journeyctl.diagnostics import Diagnostic


class UsageError(Exception):
    """Exit 2: a path that does not exist or cannot be opened, a bad option."""


@dataclass(frozen=True)
class Inputs:
    jobs: list[Job]
    config_problems: list[Diagnostic]


def collect_jobs(
    paths: Sequence[str], resolver: ConfigResolver, stdin_filename: str | None = None
) -> Inputs:
    """One job per file to read, sorted by path, with the configuration that applies to it.

    A file whose configuration is broken is not checked; the configuration's problems are
    returned instead, once per configuration file.
    """
    if not paths:
        paths = ["."]
    jobs: list[Job] = []
    named: list[Path] = []
    problems: dict[str, list[Diagnostic]] = {}

    def settings_for(folder: Path) -> Settings | None:
        try:
            return resolver.for_folder(folder)
        except ConfigError as exc:
            problems.setdefault(exc.diagnostics[0].path, exc.diagnostics)
            return None

    for raw in paths:
        if raw == STDIN:
            shown = stdin_filename or "<stdin>"
            settings = settings_for(Path.cwd())
            text = sys.stdin.buffer.read()
            if settings is not None:
                jobs.append(Job(Path(shown), shown, settings, text))
            continue
        path = Path(raw)
        if path.is_dir():
            settings = settings_for(path.resolve())
            if settings is not None:
                named.extend(discover([path], settings.include, settings.exclude))
        elif path.exists():
            named.append(path)
        else:
            raise UsageError(f"{raw}: no such file or directory")
    seen: set[Path] = set()
    for path in sorted(named, key=lambda p: p.as_posix()):
        if path in seen:
            continue
        seen.add(path)
        settings = settings_for(path.resolve().parent)
        if settings is not None:
            jobs.append(Job(path, path.as_posix(), settings))
    limit = min((job.settings.limits.max_files for job in jobs), default=0)
    if jobs and len(jobs) > limit:
        raise UsageError(
            f"{len(jobs):,} files to check, over the limit of {limit:,} "
            "(raise limits.max_files in the configuration)"
        )
    config_problems = [d for found in problems.values() for d in found]
    return Inputs(jobs, config_problems)
