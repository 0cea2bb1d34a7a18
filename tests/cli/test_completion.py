"""Shell completion (typer's): command names and each command's options complete, although
a command's module is imported only when it is needed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def complete(words: str) -> list[str]:
    """What bash completion offers for the last word of `words`."""
    env = dict(
        os.environ,
        _JOURNEYCTL_COMPLETE="complete_bash",
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split()) - 1),
    )
    script = "import sys; sys.argv[0] = 'journeyctl'; from journeyctl.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("journeyctl li", ["lint"]),
        ("journeyctl re", ["render", "report"]),
        ("journeyctl lint --for", ["--format", "--force-exclude"]),
        ("journeyctl diff --fail", ["--fail-on"]),
    ],
)
def test_commands_and_their_options_complete(words: str, expected: list[str]) -> None:
    assert sorted(complete(words)) == sorted(expected)
