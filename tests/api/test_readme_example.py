"""The README's "Using journeyctl from Python" example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using journeyctl from Python", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README lost its Python example"
    return match.group(1)


def test_the_readme_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        exec(compile(_readme_example(), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1] == "Customer Success"
    findings = [line.split() for line in printed[:-1]]
    assert [f[1] for f in findings] == ["JM201", "JM603", "JM604", "JM504"]
    assert all(len(f[3]) == 16 for f in findings)
