"""Run one journeyctl command in this process with the process pool off, for profilers.

    .venv/bin/pyinstrument -r text bench/inprocess.py lint --today 2026-11-27 FILES...
    .venv/bin/python -m cProfile -s cumtime bench/inprocess.py lint FILES...

With the pool on, a profiler of the parent sees only waiting; with it off, every file is
checked in this process, and the profile shows where the time of one worker goes.
"""

from __future__ import annotations

import sys

import journeyctl.cli.pipeline
from journeyctl.cli import app


def main(argv: list[str]) -> int:
    journeyctl.cli.pipeline.PARALLEL_THRESHOLD = sys.maxsize
    try:
        code = app(args=argv, prog_name="journeyctl", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
