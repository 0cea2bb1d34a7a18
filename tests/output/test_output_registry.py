"""The format registry: every format by name, loaded lazily."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeyctl.output import FORMATS, get_formatter

from .cases import make_empty_report, make_report

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("rich", "json", "xml", "jsonschema", "pydantic", "ruamel", "typer", "graphviz")


def test_the_five_formats_of_the_design() -> None:
    assert FORMATS == ("text", "json", "sarif", "github", "junit")


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_renders_a_whole_document(name: str) -> None:
    out = get_formatter(name)(make_report())
    assert isinstance(out, str)
    assert out.endswith("\n") and not out.endswith("\n\n")
    empty = get_formatter(name)(make_empty_report())
    # Line formats have nothing to say; document formats still write a document.
    assert empty == "" if name in {"text", "github"} else empty.endswith("\n")


def test_an_unknown_format_is_a_value_error_naming_the_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown output format 'xml'.*text, json, sarif"):
        get_formatter("xml")


def _new_modules(code: str) -> list[str]:
    """Modules that `code` imports in a fresh interpreter, beyond what start-up loaded."""
    program = (
        "import sys\n"
        "before = set(sys.modules)\n"
        f"{code}\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout.split()


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY]


def test_importing_the_package_imports_nothing_heavy() -> None:
    modules = _new_modules("import journeyctl.output")
    assert _heavy(modules) == []
    assert not [m for m in modules if m.startswith("journeyctl.output.")]


def test_plain_text_output_does_not_import_rich() -> None:
    modules = _new_modules(
        "from journeyctl.diagnostics import Report\n"
        "from journeyctl.output import get_formatter\n"
        "get_formatter('text')(Report([], [], '0'))"
    )
    assert _heavy(modules) == []
