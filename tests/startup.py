"""What a run of journeyctl leaves imported, measured in a fresh interpreter.

Start-up stays lean only while tests say which modules a command may import: help and
`--version` import nothing heavy, a command imports only its own module, a cache hit imports
neither pydantic nor ruamel.yaml.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

# `run` rather than `main`: `main` ends the process at once, before the probe could look.
_PROBE = """\
import sys
from journeyctl.cli import run
sys.argv[0] = "journeyctl"
run(sys.argv[1:])
sys.stdout.flush()
sys.stderr.write("\\n" + repr(sorted(sys.modules)) + "\\n")
"""


@dataclass(frozen=True)
class Probe:
    stdout: str
    modules: frozenset[str]
    """Every module imported by the end of the run, by its full name."""

    @property
    def packages(self) -> frozenset[str]:
        """The top-level packages among `modules`: `pydantic` for `pydantic.main`."""
        return frozenset(name.split(".")[0] for name in self.modules)


def modules_after(argv: Sequence[str]) -> Probe:
    """Run `journeyctl ARGV` in a fresh interpreter and list what it imported."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=False
    )
    modules: list[str] = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    assert "journeyctl.cli" in modules, done.stderr  # the probe ran to its end
    return Probe(done.stdout, frozenset(modules))
