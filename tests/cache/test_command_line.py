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

# options of the report itself, and baselines: never served from the cache, neither before
# typer nor by the command; a full run (which imports pydantic) reads each file's entry
FULL_RUNS = [
    ["lint", NAME, "-o", "out.txt"],
    ["lint", NAME, "--output-file=out.sarif", "-f", "sarif"],
    ["validate", NAME, "-o", "out.json", "-f", "json"],
    ["lint", NAME, "--quiet"],
    ["lint", NAME, "-q"],
    ["validate", NAME, "--quiet"],
    ["lint", NAME, "--show-source"],
    ["lint", NAME, "--no-show-source"],
    ["validate", NAME, "--show-source"],
    ["lint", NAME, "--force-exclude"],
    ["validate", NAME, "--force-exclude"],
    ["lint", NAME, "--baseline", "baseline.json"],
    ["lint", NAME, "--write-baseline", "written.json"],
    ["lint", NAME, "--stdin-filename", "x.journey.yaml"],
    ["lint", NAME, "--no-cache"],
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("argv") / "project"
    (root / ".git").mkdir(parents=True)
    shutil.copy(EXAMPLES / NAME, root / NAME)
    (root / ".journeyctl.yaml").write_text("severity: {JM204: error}\n")
    made = journeyctl("lint", NAME, "--write-baseline", "baseline.json", "--no-cache", cwd=root)
    assert made.returncode == 0, made.stderr
    return root


@pytest.mark.parametrize(
    ("args", "served"), COMMAND_LINES, ids=[" ".join(args[1:]) for args, _ in COMMAND_LINES]
)
def test_a_command_line_means_the_same_with_the_cache(
    folder: Path, args: list[str], served: bool
) -> None:
    uncached = journeyctl(*args, cwd=folder, env={"JOURNEYCTL_NO_CACHE": "1"})
    written = _written(folder)
    journeyctl(*args, cwd=folder)  # fills the cache when the command line is valid
    warm = journeyctl(*args, cwd=folder)
    assert warm.output == uncached.output
    assert _written(folder) == written  # `-o`, `--write-baseline`: the same file either way
    assert (warm.loaded == []) is served, warm.loaded


def _written(folder: Path) -> dict[str, str]:
    kept = (".txt", ".json", ".sarif")
    return {p.name: p.read_text() for p in folder.glob("*") if p.suffix in kept}


@pytest.mark.parametrize("args", FULL_RUNS, ids=[" ".join(args) for args in FULL_RUNS])
def test_report_options_and_baselines_always_take_the_full_run(
    folder: Path, args: list[str]
) -> None:
    uncached = journeyctl(*args, cwd=folder, env={"JOURNEYCTL_NO_CACHE": "1"})
    written = _written(folder)
    plain = args[:2]
    journeyctl(*plain, cwd=folder)  # the file's entry and the run's rules are in the cache
    assert journeyctl(*plain, cwd=folder).loaded == []
    again = journeyctl(*args, cwd=folder)
    assert again.output == uncached.output
    assert _written(folder) == written
    assert not again.warm, again.loaded  # pydantic: the run was checked in full
