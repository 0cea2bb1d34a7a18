"""Running one check over many files: in order, in parallel when it pays, with progress.

The per-file task is a plain picklable callable; results always come back in input order, so
a parallel run prints exactly what a serial one would.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from journeyctl.config import Settings
from journeyctl.diagnostics import Diagnostic

# Below this many files a process pool costs more than it saves (fork + pickling).
PARALLEL_THRESHOLD = 24
# A progress bar only for runs long enough to wonder about.
PROGRESS_THRESHOLD = 200
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    shown: str
    settings: Settings
    stdin_text: bytes | None = None

    def read(self) -> bytes:
        if self.stdin_text is not None:
            return self.stdin_text
        from journeyctl.load.files import read_bounded

        return read_bounded(self.path, self.settings.limits.max_file_size)


@dataclass(slots=True)
class Outcome:
    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    valid: bool = True
    unreadable: str | None = None
    """Set when the file could not be read: a usage error (exit 2), not a diagnostic."""


T = TypeVar("T")


def run_jobs(jobs: Sequence[Job], task: Callable[[Job], Outcome]) -> list[Outcome]:
    workers = min(os.cpu_count() or 1, 8)
    show_progress = len(jobs) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
    if len(jobs) < PARALLEL_THRESHOLD or workers < 2:
        serial: Iterator[Outcome] = map(task, jobs)
        return list(_with_progress(serial, len(jobs)) if show_progress else serial)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the already-imported models with the workers instead of importing anew
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(64, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(task, jobs, chunksize=chunk)
        return list(_with_progress(results, len(jobs)) if show_progress else results)


def _with_progress(results: Iterator[T], total: int) -> Iterator[T]:
    from rich.progress import Progress

    from journeyctl.cli.console import stderr_console

    with Progress(console=stderr_console(), transient=True) as progress:
        bar = progress.add_task("Checking maps", total=total)
        for result in results:
            progress.advance(bar)
            yield result


def read_or_report(job: Job) -> bytes | Outcome:
    """The file's bytes; or its JM001 when it is refused (not a regular file, too large); or
    `unreadable` when it cannot be opened at all."""
    from journeyctl.load.files import FileRefusedError

    try:
        return job.read()
    except FileRefusedError as exc:
        from journeyctl.api import refused

        return Outcome(job.shown, [refused(job.shown, exc)], valid=False)
    except OSError as exc:
        return Outcome(job.shown, valid=False, unreadable=f"{job.shown}: {exc.strerror or exc}")
