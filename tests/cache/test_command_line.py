"""The cache answers some command lines before typer parses them (`cli.cache.argv`): every
command line must mean exactly what it means without the cache, whoever parses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cache.conftest import journeyctl
from tests.conftest import EXAMPLES

NAME = sorted(p.name for p in EXAMPLES.glob("*.journey.yaml"))[0]

# (arguments, whether the cache may answer them before typer)
COMMAND_LINES = [
    (["lint", NAME, "--today", "2026-11-27"], True),
    (["lint", "--today=2026-11-27", "--format=json", NAME], True),
    (["lint", NAME, "-f", "junit", "--select", "JM204,thin-evidence", "--statistics"], True),
    (["lint", NAME, "--ignore", "JM204", "--fail-on", "never"], True),
    (["lint", NAME, "--config", ".journeyctl.yaml", "--fail-on", "info"], True),
    (["validate", NAME, "-f", "github"], True),
    (["lint", NAME, NAME, f"./{NAME}"], True),
    # typer decides all of these, as it does without the cache
    (["lint", NAME, "-f", "json", "-f", "text"], False),
    (["lint", NAME, "--format", "xml"], False),
    (["lint", NAME, "--select"], False),
    (["lint", NAME, "--select="], False),
    (["lint", NAME, "--today", "2026-13-01"], False),
    (["lint", NAME, "--fail-on", "ERROR"], False),
    (["validate", NAME, "--select", "JM204"], False),
    (["lint", "--", NAME], False),
    (["lint", NAME, "-fjson"], False),
    (["lint", NAME, "--statistic"], False),
    (["lint", NAME, "--config", "missing.yaml"], False),
    (["lint", NAME, "--config", "."], False),
    (["lint", NAME, "--help"], False),
    (["lint", "missing.journey.yaml"], False),
    (["lint", NAME, "--select", "JM999"], False),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("argv") / "project"
    (root / ".git").mkdir(parents=True)
    shutil.copy(EXAMPLES / NAME, root / NAME)
    (root / ".journeyctl.yaml").write_text("severity: {JM204: error}\n")
    return root


@pytest.mark.parametrize(
    ("args", "served"), COMMAND_LINES, ids=[" ".join(args[1:]) for args, _ in COMMAND_LINES]
)
def test_a_command_line_means_the_same_with_the_cache(
    folder: Path, args: list[str], served: bool
) -> None:
    uncached = journeyctl(*args, cwd=folder, env={"JOURNEYCTL_NO_CACHE": "1"})
    journeyctl(*args, cwd=folder)  # fills the cache when the command line is valid
    warm = journeyctl(*args, cwd=folder)
    assert warm.output == uncached.output
    assert (warm.loaded == []) is served, warm.loaded
