"""Smoke test of bench/: the corpus generator writes valid maps and the runner starts.

No timing is asserted here, ever: timings belong to `python bench/run.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


def _journeyctl() -> list[str]:
    local = Path(sys.executable).parent / "journeyctl"
    return [str(local)] if local.exists() else [sys.executable, "-m", "journeyctl"]


def test_corpus_maps_are_valid(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(BENCH / "corpus.py"), str(out), "--maps", "3"],
        check=True,
        capture_output=True,
    )
    maps = sorted(out.glob("*.journey.yaml"))
    assert len(maps) == 3
    result = subprocess.run(
        [*_journeyctl(), "validate", *(str(p) for p in maps)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 files checked, 0 invalid" in result.stdout


def test_runner_help() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "--quick" in result.stdout
