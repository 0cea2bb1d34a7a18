"""The diff benchmark's inputs are what its rows claim: a repository with 10 maps changed, and
an edit of the big map that `diff` reads as changes. No timing is asserted here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import run as bench_run  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_prepare_diff_gives_ten_changed_maps(tmp_path: Path) -> None:
    maps = bench_run.prepare_corpus(tmp_path, 30)
    big = bench_run.prepare_corpus(tmp_path, 1)  # a small stand-in for the 200x25 map
    for _ in range(2):  # the second run reuses the repository and resets its work tree
        inputs = bench_run.prepare_diff(tmp_path, maps, big)
        assert len(inputs.changed) == bench_run.DIFF_CHANGED
        done = subprocess.run(
            [sys.executable, "-m", "journeyctl", "diff", "--base", "HEAD", "-f", "json"],
            cwd=inputs.repo,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout)
        assert sorted(d["new"] for d in found) == sorted(inputs.changed)
        assert all("moment-worse" in d["signals"] for d in found)
    pair = subprocess.run(
        [sys.executable, "-m", "journeyctl", "diff", "old.journey.yaml", "new.journey.yaml",
         "-f", "json"],
        cwd=inputs.big_folder, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert json.loads(pair.stdout)["changes"][0]["field"] == "title"
