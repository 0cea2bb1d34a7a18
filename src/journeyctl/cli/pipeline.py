"""Running one per-file task over many files: in order, in parallel when it pays, with progress.

Generic over the task's result, so that lint, render, report, diff and fmt share it. The task
is a plain picklable callable; results always come back in input order, so a parallel run
prints exactly what a serial one would.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from journeyctl.config import Settings

# Below this many files a process pool costs more than it saves (fork + pickling).
PARALLEL_THRESHOLD = 24
# A progress bar only for runs long enough to wonder about.
PROGRESS_THRESHOLD = 200
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Job:
    """One file of a run, with the configuration that applies to it."""

    path: Path
    shown: str
    settings: Settings
    stdin_text: bytes | None = None

    def read(self) -> bytes:
        if self.stdin_text is not None:
            return self.stdin_text
        from journeyctl.load.files import read_bounded

        return read_bounded(self.path, self.settings.limits.max_file_size)


J = TypeVar("J")
R = TypeVar("R")


def run_jobs(
    jobs: Sequence[J], task: Callable[[J], R], *, description: str = "Checking maps"
) -> list[R]:
    """`[task(job) for job in jobs]`, forked over the cores for large runs."""
    workers = _workers()
    show_progress = len(jobs) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
    if not forks_workers(len(jobs)):
        serial: Iterator[R] = map(task, jobs)
        return list(_with_progress(serial, len(jobs), description) if show_progress else serial)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the already-imported models with the workers instead of importing anew
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(64, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(task, jobs, chunksize=chunk)
        return list(_with_progress(results, len(jobs), description) if show_progress else results)


def forks_workers(count: int) -> bool:
    """Whether `run_jobs` runs COUNT jobs in worker processes; a task run here may fork."""
    return count >= PARALLEL_THRESHOLD and _workers() >= 2


def _workers() -> int:
    return min(os.cpu_count() or 1, 8)


def _with_progress(results: Iterator[R], total: int, description: str) -> Iterator[R]:
    from rich.progress import Progress

    from journeyctl.cli.console import stderr_console

    with Progress(console=stderr_console(), transient=True) as progress:
        bar = progress.add_task(description, total=total)
        for result in results:
            progress.advance(bar)
            yield result
