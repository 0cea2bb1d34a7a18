"""`journeyctl report` from the command line: files, exit codes, and the golden reports.

The golden files are the reports of the examples folder, reviewed by eye. After a deliberate
change, rewrite them with `JOURNEYCTL_UPDATE_GOLDEN=1 pytest tests/report` and read the diff.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.report.markdown_tables import parse

GOLDEN = Path(__file__).parent / "golden"
ONBOARDING = "examples/onboarding-focus.journey.yaml"


def report(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", "report", "--today", "2026-11-27", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_examples_folder_gives_the_golden_reports(tmp_path: Path) -> None:
    done = report("examples", "-o", f"{tmp_path}/")
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "acme-analytics-b2b.md",
        "awareness-to-advocacy.md",
        "index.md",
        "onboarding-focus.md",
    ]
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        for name in written:
            (GOLDEN / name).write_text((tmp_path / name).read_text())
    for name in written:
        assert (tmp_path / name).read_text() == (GOLDEN / name).read_text(), name
    index = parse((tmp_path / "index.md").read_text())
    assert sorted(set(index.link_targets())) == [n for n in written if n != "index.md"]


def test_one_map_to_stdout_exits_by_fail_on() -> None:
    done = report(ONBOARDING)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (GOLDEN / "onboarding-focus.md").read_text()
    assert done.stderr == ""
    assert report(ONBOARDING, "--fail-on", "error").returncode == 1
    assert report("examples/acme-analytics-b2b.journey.yaml", "--fail-on", "error").returncode == 0
    assert report("examples/acme-analytics-b2b.journey.yaml", "--fail-on", "info").returncode == 1


def test_several_maps_to_one_file(tmp_path: Path) -> None:
    out = tmp_path / "all.md"
    done = report(ONBOARDING, "examples/acme-analytics-b2b.journey.yaml", "-o", str(out))
    assert done.returncode == 0, done.stderr
    parsed = parse(out.read_text())
    assert len(parsed.table("Maps").rows) == 2
    assert [level for level, text in parsed.headings].count(2) == 2 + 2
    assert all(target.startswith("#") for target in parsed.link_targets())


def test_an_invalid_map_is_reported_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("journeyctl: 1\nid: bad\ntitle: Bad\nstages: []\n")
    (tmp_path / "good.journey.yaml").write_text((ROOT / ONBOARDING).read_text())
    out = tmp_path / "out"
    done = report(str(tmp_path), "-o", f"{out}/")
    assert done.returncode == 1
    assert f"{bad.as_posix()}:4:9: error JM002" in done.stderr
    assert "Bad: not a valid journey map" in (out / "bad.md").read_text()
    index = parse((out / "index.md").read_text())
    assert index.table("Maps").column("State") == ["invalid", "current"]
    assert "1 invalid map is left out." in (out / "index.md").read_text()


def test_svg_diagrams_are_linked_next_to_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    done = report(ONBOARDING, "--diagram", "svg", "-o", str(out))
    assert done.returncode == 0, done.stderr
    parsed = parse(out.read_text())
    assert parsed.fences == []
    assert parsed.link_targets() == ["onboarding-focus.svg"]
    if importlib.util.find_spec("journeyctl.cli.commands.render") is None:
        assert "onboarding-focus.svg: not drawn (run `journeyctl render`" in done.stderr
    else:
        assert (tmp_path / "onboarding-focus.svg").read_text().lstrip().startswith("<")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere.journey.yaml"], "nowhere.journey.yaml: no such file or directory"),
        (["--diagram", "png", ONBOARDING], "Invalid value for '--diagram'"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    done = report(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_same_file_names_in_two_folders_get_two_reports(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "m.journey.yaml").write_text((ROOT / ONBOARDING).read_text())
    done = report(str(tmp_path), "-o", f"{tmp_path}/out/")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["index.md", "m-2.md", "m.md"]


def test_output_folders_are_made_and_an_impossible_one_is_a_usage_error(tmp_path: Path) -> None:
    done = report(ONBOARDING, "-o", str(tmp_path / "new" / "sub" / "report.md"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "new" / "sub" / "report.md").read_text().startswith("# ACME")
    blocker = tmp_path / "file"
    blocker.write_text("")
    done = report(ONBOARDING, "-o", f"{blocker}/out/")
    assert done.returncode == 2
    assert done.stderr.startswith("journeyctl: error: ") and "Traceback" not in done.stderr
