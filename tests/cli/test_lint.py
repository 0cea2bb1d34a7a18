"""`journeyctl lint` through the real command line: formats, options and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import JSON_KEYS, ROOT

EXAMPLE = (ROOT / "tests" / "data" / "format-example.journey.yaml").read_text()


def run(
    *args: str, cwd: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    environment.update({"NO_COLOR": "1", **env})
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, env=environment, timeout=120,
    )  # fmt: skip


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """Two maps: the FORMAT example (warnings only) and one with an error-level finding."""
    (tmp_path / "good.journey.yaml").write_text(EXAMPLE)
    unvalidated = EXAMPLE.replace("source: customer-interview", "source: team-workshop")
    (tmp_path / "unvalidated.journey.yaml").write_text(unvalidated)
    return tmp_path


def test_text_output_is_compiler_style_then_a_summary(maps: Path) -> None:
    result = run("lint", ".", "--today", "2026-11-27", cwd=maps)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "unvalidated.journey.yaml:25:5: error JM201 stage 'evaluate'" in result.stdout
    assert lines[-1].startswith("2 files checked, 0 invalid, ")
    assert all(line.count(":") >= 3 for line in lines[:-1])
    assert result.stderr == ""


def test_json_has_exactly_the_documented_keys(maps: Path) -> None:
    result = run("lint", ".", "--format", "json", "--today", "2026-11-27", cwd=maps)
    found = json.loads(result.stdout)
    assert found, "expected findings"
    assert all(list(item) == JSON_KEYS for item in found)
    assert {item["severity"] for item in found} <= {"error", "warning", "info"}
    assert "files checked" in result.stderr  # the summary goes to stderr in machine formats


def test_json_is_an_empty_array_when_nothing_is_found(maps: Path) -> None:
    result = run("lint", "good.journey.yaml", "--format", "json", "--select", "JM201", cwd=maps)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_thresholds(maps: Path, fail_on: str, expected: int) -> None:
    result = run("lint", "unvalidated.journey.yaml", "--fail-on", fail_on, cwd=maps)
    assert result.returncode == expected


def test_warnings_only_pass_at_error_and_fail_at_warning(maps: Path) -> None:
    # the FORMAT example has one stage only, so JM601 (an error) fires; the rest are warnings
    result = run(
        "lint", "good.journey.yaml", "--ignore", "JM601", "--today", "2026-11-27", cwd=maps
    )
    assert result.returncode == 0
    result = run("lint", "good.journey.yaml", "--ignore", "JM601", "--fail-on", "warning", cwd=maps)
    assert result.returncode == 1


def test_validation_errors_fail_at_every_level_but_never(maps: Path) -> None:
    (maps / "broken.journey.yaml").write_text(EXAMPLE.replace("owner: sales ", "owner: sles "))
    for level, expected in (("info", 1), ("error", 1), ("never", 0)):
        result = run("lint", "broken.journey.yaml", "--fail-on", level, cwd=maps)
        assert result.returncode == expected
        assert "JM003" in result.stdout


def test_select_and_ignore_take_codes_and_names(maps: Path) -> None:
    selected = run("lint", ".", "-f", "json", "--select", "stage-not-customer-validated", cwd=maps)
    assert {item["code"] for item in json.loads(selected.stdout)} == {"JM201"}
    ignored = run("lint", ".", "-f", "json", "--ignore", "JM201,one-sided-evidence", cwd=maps)
    assert not {"JM201", "JM203"} & {item["code"] for item in json.loads(ignored.stdout)}


def test_unknown_rule_is_a_usage_error(maps: Path) -> None:
    result = run("lint", ".", "--select", "JM999", cwd=maps)
    assert result.returncode == 2
    assert "unknown rule 'JM999'" in result.stderr and result.stdout == ""


def test_statistics_count_per_rule_on_stderr_for_machine_formats(maps: Path) -> None:
    result = run("lint", ".", "-f", "json", "--statistics", "--today", "2026-11-27", cwd=maps)
    findings = json.loads(result.stdout)
    jm201 = sum(1 for item in findings if item["code"] == "JM201")
    assert f"{jm201:>5}  JM201  stage-not-customer-validated" in result.stderr


def test_stdin_with_a_filename(maps: Path) -> None:
    text = EXAMPLE.replace("source: customer-interview", "source: walkthrough")
    result = run("lint", "-", "--stdin-filename", "maps/acme.journey.yaml", "-f", "json",
                 cwd=maps, stdin=text)  # fmt: skip
    paths = {item["path"] for item in json.loads(result.stdout)}
    assert paths == {"maps/acme.journey.yaml"}


def test_sarif_output_validates_against_the_official_schema(maps: Path) -> None:
    import jsonschema

    schema_file = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"  # the official schema

    result = run("lint", ".", "-f", "sarif", "--today", "2026-11-27", cwd=maps)
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(schema_file.read_text()))
    results = document["runs"][0]["results"]
    assert any(r["ruleId"] == "JM201" and r["level"] == "error" for r in results)


def test_github_annotations(maps: Path) -> None:
    result = run("lint", "unvalidated.journey.yaml", "-f", "github", cwd=maps)
    assert result.stdout.startswith("::")
    assert any(
        line.startswith("::error file=unvalidated.journey.yaml,line=25,col=5,")
        for line in result.stdout.splitlines()
    )


def test_junit_is_well_formed_with_a_failing_testcase(maps: Path) -> None:
    from xml.etree import ElementTree

    result = run("lint", "unvalidated.journey.yaml", "-f", "junit", cwd=maps)
    root = ElementTree.fromstring(result.stdout)
    failing = [
        case.get("name") for case in root.iter("testcase") if case.find("failure") is not None
    ]
    assert any(name and name.startswith("JM201") for name in failing)


def test_parallel_run_prints_what_a_serial_run_does(tmp_path: Path) -> None:
    for index in range(40):  # above the threshold where the process pool starts
        text = EXAMPLE if index % 3 else EXAMPLE.replace("moment: positive", "moment: neutral")
        (tmp_path / f"map-{index:02}.journey.yaml").write_text(text)
    together = run("lint", ".", "-f", "json", "--today", "2026-11-27", cwd=tmp_path)
    one_by_one = []
    for index in range(40):
        single = run("lint", f"map-{index:02}.journey.yaml", "-f", "json", "--today",
                     "2026-11-27", cwd=tmp_path)  # fmt: skip
        one_by_one.extend(json.loads(single.stdout))
    for item in one_by_one:
        assert not item["path"].startswith("./")
    assert json.loads(together.stdout) == one_by_one


def test_rules_catalogue_and_one_rule_page(tmp_path: Path) -> None:
    catalogue = run("rules", cwd=tmp_path)
    assert catalogue.returncode == 0
    assert "JM304  undeclared-handoff" in catalogue.stdout
    page = run("rules", "undeclared-handoff", cwd=tmp_path)
    assert page.stdout.startswith("JM304 undeclared-handoff:")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in page.stdout
    assert run("rules", "JM999", cwd=tmp_path).returncode == 2


def test_colour_only_when_forced_and_never_in_machine_formats(maps: Path) -> None:
    forced = {"FORCE_COLOR": "1", "NO_COLOR": ""}
    coloured = run("lint", "unvalidated.journey.yaml", cwd=maps, **forced)
    assert "\x1b[" in coloured.stdout
    machine = run("lint", "unvalidated.journey.yaml", "-f", "json", cwd=maps, **forced)
    assert "\x1b[" not in machine.stdout
    json.loads(machine.stdout)
    plain = run("lint", "unvalidated.journey.yaml", cwd=maps)  # NO_COLOR=1, not a terminal
    assert "\x1b[" not in plain.stdout


def test_map_text_is_never_read_as_rich_markup(maps: Path) -> None:
    hostile = EXAMPLE.replace("source: customer-interview", "source: team-workshop").replace(
        "- id: evaluate", "- id: evaluate\n    description: '[/bold] [red]x'"
    )
    (maps / "hostile.journey.yaml").write_text(hostile)
    result = run("lint", "hostile.journey.yaml", cwd=maps, FORCE_COLOR="1", NO_COLOR="")
    assert "Traceback" not in result.stderr and result.returncode == 1


def test_configuration_fail_on_and_ignore_apply_and_the_option_wins(maps: Path) -> None:
    (maps / ".journeyctl.yaml").write_text("fail-on: warning\nignore: [JM601]\n")
    result = run("lint", "good.journey.yaml", "--today", "2026-11-27", cwd=maps)
    assert result.returncode == 1  # warnings fail under the configuration's fail-on
    assert "JM601" not in result.stdout and "JM203" in result.stdout
    assert run("lint", "good.journey.yaml", "--fail-on", "error", cwd=maps).returncode == 0


def test_a_broken_configuration_is_reported_at_its_line(maps: Path) -> None:
    (maps / ".journeyctl.yaml").write_text("fail-on: warning\nselet: [JM201]\n")
    result = run("lint", ".", cwd=maps)
    assert result.returncode == 1
    assert ".journeyctl.yaml:2:1: error JM002 unknown configuration key 'selet'" in result.stdout


def test_a_folder_without_maps_says_so_on_stderr(tmp_path: Path) -> None:
    result = run("lint", ".", "-f", "json", cwd=tmp_path)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    assert "no journey maps found" in result.stderr
