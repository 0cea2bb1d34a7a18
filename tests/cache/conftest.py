"""Running journeyctl in a subprocess, and telling whether the cache served the run."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HEAVY = ("pydantic", "ruamel", "rich", "typer")

# journeyctl's own entry point, then one line on a side file: which heavy packages it loaded.
_SCRIPT = (
    "import atexit, os, sys\n"
    f"HEAVY = {HEAVY!r}\n"
    + """\
def _report():
    loaded = sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))
    with open(os.environ["LOADED_OUT"], "w") as out:
        out.write(",".join(loaded))
atexit.register(_report)
from journeyctl.cli import main
sys.argv = ["journeyctl", *sys.argv[1:]]
main()
"""
)


@dataclass
class Run:
    stdout: str
    stderr: str
    returncode: int
    loaded: list[str]
    """The heavy packages the run imported: empty for a run served from the cache, which
    answers before the command line framework (typer) is even imported."""

    @property
    def warm(self) -> bool:
        return "pydantic" not in self.loaded and "ruamel" not in self.loaded

    @property
    def output(self) -> tuple[str, str, int]:
        return self.stdout, self.stderr, self.returncode


def journeyctl(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> Run:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "JOURNEYCTL_CACHE_DIR")
    }
    environment["NO_COLOR"] = "1"
    loaded_file = cwd / ".loaded-modules"
    environment["LOADED_OUT"] = str(loaded_file)
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, env=environment, timeout=300,
    )  # fmt: skip
    loaded = loaded_file.read_text().split(",") if loaded_file.exists() else ["?"]
    loaded_file.unlink(missing_ok=True)
    return Run(result.stdout, result.stderr, result.returncode, [m for m in loaded if m])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty git work tree (git init is not needed: a `.git` folder marks the root)."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    return root
