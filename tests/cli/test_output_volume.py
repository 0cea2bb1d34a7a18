"""Output grows with the findings, never faster: a map of many stages in every format.

Each run is a child of a small wrapper process, which reports the run's wall time and peak
memory (`getrusage(RUSAGE_CHILDREN)`): the cost must not depend much on the format (text was
streamed, coloured text went through rich, SARIF held several copies of its document).
bench/run.py measures the same with 100,000 stages against the 1 GB budget.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STAGES = 15_000
FINDINGS = 6 * STAGES + 4  # six rules fire on each bare stage, four on the map
FORMATS = [("text", False), ("text", True), ("json", False), ("sarif", False)]
WRAPPER = """
import os, resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "wb") as sink:
    done = subprocess.run(sys.argv[2:], stdout=sink, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
print(done.returncode, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def many_stages(count: int) -> str:
    lines = ["journeyctl: 1", "id: huge", "title: Huge", "stages:"]
    lines += [f"  - {{id: s{i}, name: Stage {i}}}" for i in range(count)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[float, int, Path]]:
    folder = tmp_path_factory.mktemp("volume")
    (folder / "huge.journey.yaml").write_text(many_stages(STAGES))
    results = {}
    for output_format, colour in FORMATS:
        env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "NO_COLOR"}}
        if colour:
            env["FORCE_COLOR"] = "1"
        name = output_format + ("-colour" if colour else "")
        out = folder / f"out.{name}"
        argv = [sys.executable, "-m", "journeyctl", "lint", "--today", "2026-11-27",
                "--format", output_format, "huge.journey.yaml"]  # fmt: skip
        wrapped = subprocess.run(
            [sys.executable, "-c", WRAPPER, str(out), *argv],
            cwd=folder, env=env, capture_output=True, text=True, timeout=600, check=True,
        )  # fmt: skip
        code, wall, peak_kb = wrapped.stdout.split()
        assert int(code) == 1, wrapped.stderr
        results[name] = (float(wall), int(peak_kb), out)
    return results


def test_every_format_holds_every_finding(measured: dict[str, tuple[float, int, Path]]) -> None:
    text = measured["text"][2].read_text()
    assert text.count("\n") == FINDINGS + 1  # and the summary
    coloured = measured["text-colour"][2].read_text()
    assert coloured.count("\n") == FINDINGS + 1 and coloured.count("\x1b[1;33mwarning\x1b[0m") > 0
    assert len(json.loads(measured["json"][2].read_text())) == FINDINGS
    sarif = json.loads(measured["sarif"][2].read_text())
    assert len(sarif["runs"][0]["results"]) == FINDINGS


def test_memory_does_not_depend_on_the_format(
    measured: dict[str, tuple[float, int, Path]],
) -> None:
    text_peak = measured["text"][1]
    for name, (_, peak_kb, _) in measured.items():
        assert peak_kb < 1024 * 1024, f"{name}: {peak_kb // 1024} MB"
        assert peak_kb < 1.25 * text_peak, (
            f"{name} peaked at {peak_kb // 1024} MB against {text_peak // 1024} MB for text"
        )


def test_time_does_not_depend_much_on_the_format(
    measured: dict[str, tuple[float, int, Path]],
) -> None:
    # the budget is 2x (bench/run.py); here a margin for a busy test machine
    text_wall = measured["text"][0]
    for name, (wall, _, _) in measured.items():
        assert wall < 2.5 * text_wall + 2, f"{name}: {wall:.1f} s against {text_wall:.1f} s"
