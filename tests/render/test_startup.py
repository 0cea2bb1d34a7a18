"""The graphviz package is imported by `journeyctl render` only: `--version` and `--help`
must stay fast (bench/README.md, start-up budget)."""

from __future__ import annotations

import pytest

from tests.startup import modules_after

HEAVY = ("graphviz", "journeyctl.render.layout", "journeyctl.render.output")


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["render", "--help"], ["lint", "--help"]]
)
def test_start_up_does_not_import_graphviz(argv: list[str]) -> None:
    modules = modules_after(argv).modules
    assert not [m for m in modules if m.split(".")[0] == "graphviz" or m in HEAVY]
