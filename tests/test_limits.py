"""Each configurable limit holds exactly at its boundary (README "Safety and limits")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from journeyctl.load import Limits, LoadError, load_text
from tests.conftest import ROOT

EXAMPLE = (ROOT / "tests" / "data" / "format-example.journey.yaml").read_text()


def aliases(uses: int) -> str:
    # the anchored list is 4 nodes (the list and three scalars); each alias revisits all four
    return "a: &x [1, 2, 3]\n" + "".join(f"b{n}: *x\n" for n in range(uses))


def test_alias_expansion_up_to_the_budget_loads() -> None:
    document = load_text(aliases(2), Limits(max_alias_nodes=8))
    assert document.data["b1"] == [1, 2, 3]


def test_alias_expansion_one_node_over_the_budget_fails_at_the_alias() -> None:
    with pytest.raises(LoadError) as caught:
        load_text(aliases(3), Limits(max_alias_nodes=11))
    assert "more than 11 extra nodes" in caught.value.message
    assert caught.value.span.line == 4  # `b2: *x`, the use that crosses the budget


@pytest.mark.parametrize(("depth", "fails"), [(64, False), (65, True)])
def test_flow_nesting_at_the_depth_limit(depth: int, fails: bool) -> None:
    # the mapping `a:` is one block level; the brackets add the rest
    text = "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"
    if fails:
        with pytest.raises(LoadError, match="deeper than 64"):
            load_text(text)
    else:
        load_text(text)


def run_lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", "validate", "."],
        cwd=cwd, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize(("files", "expected"), [(2, 0), (3, 2)])
def test_max_files_per_run(tmp_path: Path, files: int, expected: int) -> None:
    (tmp_path / ".journeyctl.yaml").write_text("limits: {max_files: 2}\n")
    for index in range(files):
        (tmp_path / f"m{index}.journey.yaml").write_text(EXAMPLE)
    result = run_lint(tmp_path)
    assert result.returncode == expected
    if expected == 2:
        assert "3 files to check, over the limit of 2" in result.stderr
