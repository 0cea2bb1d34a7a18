"""How the `journeyctl` process ends: at once, without the interpreter's teardown, yet with
every byte of its output written, its exit code kept and exit hooks run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

ACME = EXAMPLES / "acme-analytics-b2b.journey.yaml"
TODAY = ("--today", "2026-06-01")
FULL = Path("/dev/full")
"""A device that fails every write with ENOSPC: a full disk behind `> out.txt`."""


def journeyctl(*args: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The installed entry point, as a user runs it (`python -m journeyctl` calls `main`)."""
    env = {**os.environ, "JOURNEYCTL_NO_CACHE": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd,
        env=env,
        text=True,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


def _entry_point(tmp_path: Path, before: str) -> subprocess.CompletedProcess[str]:
    """`main()` after BEFORE, in a fresh interpreter, on one example map."""
    script = f"{before}\nfrom journeyctl.cli import main\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", script, "validate", str(ACME)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_long_report_redirected_to_a_file_is_written_whole(tmp_path: Path) -> None:
    """Ending the process without teardown must not lose what stdout still buffers."""
    maps = tmp_path / "maps"
    maps.mkdir()
    for n in range(150):
        shutil.copy(ACME, maps / f"m{n:03}.journey.yaml")
    redirected = tmp_path / "stdout.json"
    with redirected.open("w", encoding="utf-8") as stdout:
        done = journeyctl("lint", *TODAY, "--format", "json", "maps", cwd=tmp_path, stdout=stdout)
    assert done.returncode == 0
    journeyctl("lint", *TODAY, "--format", "json", "-o", "file.json", "maps", cwd=tmp_path)
    text = redirected.read_text(encoding="utf-8")
    assert text == (tmp_path / "file.json").read_text(encoding="utf-8")
    per_map = Counter(diagnostic["path"] for diagnostic in json.loads(text))
    assert len(per_map) == 150
    assert len(set(per_map.values())) == 1  # the last map's findings are all there too


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["validate", str(ACME)], 0),
        (["lint", *TODAY, "--fail-on", "info", str(ACME)], 1),
        (["lint", "--no-such-option"], 2),
        (["rules", "JM999"], 2),
    ],
)
def test_the_exit_code_is_the_commands(tmp_path: Path, argv: list[str], expected: int) -> None:
    done = journeyctl(*argv, cwd=tmp_path, capture_output=True)
    assert done.returncode == expected, done.stderr
    assert "Traceback" not in done.stderr


def test_exit_hooks_still_run(tmp_path: Path) -> None:
    done = _entry_point(
        tmp_path, "import atexit, sys\natexit.register(lambda: print('hook ran', file=sys.stderr))"
    )
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1] == "hook ran"


def test_the_interpreter_is_not_torn_down(tmp_path: Path) -> None:
    """Objects are not freed one by one at exit: their finalizers never run."""
    done = _entry_point(
        tmp_path,
        "import sys\n"
        "class Witness:\n"
        "    def __del__(self):\n"
        "        print('torn down', file=sys.stderr)\n"
        "witness = Witness()",
    )
    assert done.returncode == 0
    assert "torn down" not in done.stderr
    assert "1 file checked" in done.stdout  # the run itself ended normally


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [["lint", *TODAY, str(ACME)], ["schema"], ["rules"]])
def test_output_to_a_full_disk_is_a_clear_error(tmp_path: Path, command: list[str]) -> None:
    with FULL.open("w") as full:
        done = journeyctl(*command, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr
    assert "internal error" not in done.stderr
