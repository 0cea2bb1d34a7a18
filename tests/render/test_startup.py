"""The graphviz package is imported by `journeyctl render` only: `--version` and `--help`
must stay fast (bench/README.md, start-up budget)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("graphviz", "journeyctl.render.layout", "journeyctl.render.output")


def _modules_after(argv: list[str]) -> set[str]:
    program = (
        "import sys\n"
        "from journeyctl.cli import main\n"
        f"sys.argv = {['journeyctl', *argv]!r}\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=dict(os.environ)
    )
    return set(done.stderr.split())


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["render", "--help"], ["lint", "--help"]]
)
def test_start_up_does_not_import_graphviz(argv: list[str]) -> None:
    modules = _modules_after(argv)
    assert "journeyctl" in modules  # the probe ran
    assert not [m for m in modules if m.split(".")[0] == "graphviz" or m in HEAVY]
