"""`journeyctl diff` as a user runs it: files, exit codes, formats, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import JSON_KEYS
from tests.diff.test_compare import ACME, EDITED, MINIMAL
from tests.startup import modules_after

TODAY = "2026-11-27"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", "diff", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=None,
        check=False,
    )


def test_json_of_a_realistic_edit() -> None:
    done = run(ACME, EDITED, "--format", "json", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data) == ["old", "new", "changes", "signals", "lint"]
    assert data["old"] == str(ACME) and data["new"] == str(EDITED)
    assert data["signals"] == ["emotion-drop", "moment-worse", "new-errors", "validation-lost"]
    assert len(data["changes"]) == 7
    introduced = data["lint"]["introduced"]
    assert [d["code"] for d in introduced] == ["JM502", "JM201"]
    # the shape of `lint --format json`
    assert list(introduced[0]) == JSON_KEYS
    assert data["lint"]["resolved"] == []


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        (None, 0),
        ("moment-worse", 1),
        ("stage-removed,touchpoint-removed", 0),
        ("stage-removed, validation-lost", 1),
        ("new-errors", 1),
        ("any", 1),
        ("critical-removed", 0),
    ],
)
def test_fail_on(fail_on: str | None, code: int) -> None:
    extra = ["--fail-on", fail_on] if fail_on is not None else []
    done = run(ACME, EDITED, "--today", TODAY, *extra)
    assert done.returncode == code, done.stderr


def test_fail_on_any_without_changes_passes() -> None:
    assert run(ACME, ACME, "--fail-on", "any").returncode == 0


def test_unknown_signal_is_a_usage_error() -> None:
    done = run(ACME, EDITED, "--fail-on", "moment-wrose")
    assert done.returncode == 2
    assert "unknown signal moment-wrose" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = run(ACME, tmp_path / "nowhere.journey.yaml")
    assert done.returncode == 2
    assert done.stderr.startswith("journeyctl: error: ")
    assert "nowhere.journey.yaml: no such file" in done.stderr


def test_one_argument_is_a_usage_error() -> None:
    done = run(ACME)
    assert done.returncode == 2 and "give two maps" in done.stderr


def test_an_invalid_map_prints_its_diagnostics_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(MINIMAL.replace("title: Demo\n", "title: Demo\nstate: past\n"), "utf-8")
    done = run(ACME, bad, "--format", "json")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "bad.journey.yaml:4:8: error JM002" in done.stderr
    assert "not compared" in done.stderr and "Traceback" not in done.stderr


def test_text_groups_by_stage_without_colour_when_piped() -> None:
    done = run(ACME, EDITED, "--today", TODAY)
    lines = done.stdout.splitlines()
    assert "\x1b[" not in done.stdout
    stage_adopt = lines.index("Stage adopt (Adopt)")
    assert lines[stage_adopt + 1 : stage_adopt + 3] == [
        "  -> touchpoint usage-report (Monthly usage report) moved from stage expand to stage "
        "adopt",
        "  + touchpoint community-forum (Community forum answer) added",
    ]
    assert '  ~ touchpoint qbr moment: "positive" -> "neutral"' in lines


def test_text_shows_hostile_text_inert(tmp_path: Path) -> None:
    old, new = tmp_path / "a.journey.yaml", tmp_path / "b.journey.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new.write_text(MINIMAL.replace("title: Demo", 'title: "\\e[31m[bold]red"'), "utf-8")
    done = run(old, new, cwd=tmp_path)
    assert "\x1b" not in done.stdout
    assert '"\\x1b[31m[bold]red"' in done.stdout or "\\u001b[31m[bold]red" in done.stdout


def test_current_versus_future_heading(tmp_path: Path) -> None:
    current, future = tmp_path / "current.journey.yaml", tmp_path / "future.journey.yaml"
    current.write_text(MINIMAL, encoding="utf-8")
    future.write_text(
        MINIMAL.replace("title: Demo\n", "title: Demo\nstate: future\n").replace(
            "moment: positive", "moment: negative"
        ),
        encoding="utf-8",
    )
    done = run(current.name, future.name, cwd=tmp_path)
    assert done.stdout.splitlines()[0] == (
        "current -> future: current.journey.yaml -> future.journey.yaml"
    )
    markdown = run(current.name, future.name, "--format", "markdown", cwd=tmp_path).stdout
    assert "#### current -> future: current.journey.yaml -> future.journey.yaml" in markdown


def test_large_maps_are_checked_in_parallel_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A forked check of the old version, and a pool over several maps, give exactly what a
    serial run gives."""
    import datetime

    from journeyctl.api import settings_for
    from journeyctl.cli import diffing
    from journeyctl.diff.sources import Pair, read_side

    pair = Pair(read_side(str(ACME), Path.cwd()), read_side(str(EDITED), Path.cwd()))
    settings = settings_for(None, ACME)
    day = datetime.date(2026, 11, 27)
    serial, _ = diffing.compare_pairs([(pair, settings)] * 3, day)
    monkeypatch.setattr(diffing, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(diffing.os, "cpu_count", lambda: 2)
    one, invalid = diffing.compare_pairs([(pair, settings)], day)  # side by side
    assert invalid == []
    assert [d.as_dict() for d in one] == [d.as_dict() for d in serial[:1]]
    pooled, invalid = diffing.compare_pairs([(pair, settings)] * 3, day)
    assert invalid == []
    assert [d.as_dict() for d in pooled] == [d.as_dict() for d in serial]


def test_a_broken_configuration_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".journeyctl.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    (tmp_path / "a.journey.yaml").write_text(MINIMAL, encoding="utf-8")
    done = run("a.journey.yaml", "a.journey.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert ".journeyctl.yaml:1:" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_imports_nothing_heavy() -> None:
    heavy = {"pydantic", "rich", "ruamel", "markdown_it", "json"}
    assert modules_after(["diff", "--help"]).packages & heavy == set()
