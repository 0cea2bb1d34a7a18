"""The layers of docs/architecture.md, enforced: the library never imports the command line,
the lint engine takes data (no run pipeline, no configuration), and start-up stays lean."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from journeyctl.cli.commands import NAMES
from tests.startup import modules_after

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "journeyctl"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every journeyctl module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("journeyctl")}


MODULES = {_module_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}
COMMAND_LINE = ("journeyctl.cli", "journeyctl.__main__")


def _is_under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def test_the_walk_found_the_package() -> None:
    assert "journeyctl.api" in MODULES and "journeyctl.cli.app" in MODULES
    assert "journeyctl.lint.engine" in MODULES


@pytest.mark.parametrize(
    "module", sorted(name for name in MODULES if not _is_under(name, COMMAND_LINE))
)
def test_library_modules_never_import_the_command_line(module: str) -> None:
    offending = sorted(name for name in MODULES[module] if _is_under(name, COMMAND_LINE))
    assert offending == [], f"{module} imports the command line: {offending}"


@pytest.mark.parametrize(
    "module", sorted(name for name in MODULES if name.startswith("journeyctl.lint"))
)
def test_the_lint_engine_takes_data_not_the_run_or_the_configuration(module: str) -> None:
    forbidden = ("journeyctl.cli", "journeyctl.config", "journeyctl.api")
    offending = sorted(name for name in MODULES[module] if _is_under(name, forbidden))
    assert offending == [], f"{module} imports {offending}"


HEAVY = ("pydantic", "rich", "ruamel", "graphviz", "markdown_it", "json", "xml")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["lint", "--help"]])
def test_start_up_imports_nothing_heavy(argv: list[str]) -> None:
    """`--version` and help must stay cheap with every command registered."""
    loaded = sorted(modules_after(argv).packages & set(HEAVY))
    assert loaded == [], f"journeyctl {' '.join(argv)} imported {loaded}"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lint", "--help"], ["lint"]),
        (["schema"], ["schema"]),
        (["--version"], []),
        (["--help"], sorted(NAMES)),
    ],
)
def test_a_run_imports_only_the_command_it_runs(argv: list[str], expected: list[str]) -> None:
    """Building every command's options on each run cost more than linting a small map."""
    prefix = "journeyctl.cli.commands."
    imported = sorted(
        name[len(prefix) :] for name in modules_after(argv).modules if name.startswith(prefix)
    )
    assert imported == expected, f"journeyctl {' '.join(argv)} imported {imported}"


def test_a_run_without_the_cache_loads_none_of_it(tmp_path: Path) -> None:
    """`--no-cache` (the benchmark's cold runs) pays nothing for the cache's keys and store."""
    journey = tmp_path / "a.journey.yaml"
    journey.write_text("version: 1\n", encoding="utf-8")
    loaded = modules_after(["lint", "--no-cache", str(journey)]).modules
    assert sorted(name for name in loaded if name.startswith("journeyctl.cli.cache.")) == [
        "journeyctl.cli.cache.argv"
    ]
