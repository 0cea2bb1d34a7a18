"""Lint in CI gives the same result wherever it runs: each reproduction of issue "Lint in CI"
as a test, in temporary git repositories with nested configurations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

# A small valid map: its touchpoint is owned by `cs`, a team only a registry declares.
MINI = """\
journeyctl: 1
id: {id}
title: A small map
scope: onboarding
stages:
  - id: start
    name: Start
    touchpoints:
      - {{id: call, name: Kick-off call, channel: email, owner: cs}}
"""
TEAMS = "teams: [{id: cs, name: Customer Success}]\n"


def _safe_load(text: str) -> Any:
    """Plain data from YAML text (the project's own YAML library, as CI installs it)."""
    return YAML(typ="safe").load(text)


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    environment["NO_COLOR"] = "1"
    today = ["--today", "2026-11-27"] if args[0] == "lint" else []
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *args, *today],
        cwd=cwd, input=stdin, capture_output=True, text=True, env=environment, timeout=120,
    )  # fmt: skip


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def mini(path: Path) -> Path:
    return write(path, MINI.format(id=path.name.split(".")[0]))


def checked(result: subprocess.CompletedProcess[str], cwd: Path, base: Path) -> set[str]:
    """The files a `-f json` run reported, relative to `base`."""
    return {
        Path(os.path.relpath(cwd / d["path"], base)).as_posix() for d in json.loads(result.stdout)
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


# 1. exclude and include are relative to the configuration file's folder


@pytest.mark.parametrize(
    ("pattern", "draft_checked"), [("drafts/*", True), ("maps/drafts/*", False), ("drafts", False)]
)
def test_exclude_is_relative_to_the_configuration_wherever_the_run_starts(
    repo: Path, pattern: str, draft_checked: bool
) -> None:
    write(repo / ".journeyctl.yaml", TEAMS + f"exclude: [{pattern!r}]\n")
    mini(repo / "maps" / "drafts" / "draft.journey.yaml")
    mini(repo / "maps" / "kept.journey.yaml")
    expected = {"maps/kept.journey.yaml"} | (
        {"maps/drafts/draft.journey.yaml"} if draft_checked else set()
    )
    from_root = run("lint", "-f", "json", cwd=repo)
    from_maps = run("lint", "maps/", "-f", "json", cwd=repo)
    inside = run("lint", "-f", "json", cwd=repo / "maps")
    assert checked(from_root, repo, repo) == expected
    assert checked(from_maps, repo, repo) == expected
    assert checked(inside, repo / "maps", repo) == expected


def test_a_nested_configuration_governs_the_files_below_it(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    write(repo / "team" / ".journeyctl.yaml", TEAMS + "include: ['*.map.yaml']\n")
    mini(repo / "team" / "one.map.yaml")
    mini(repo / "team" / "two.journey.yaml")  # not included by the closest configuration
    mini(repo / "top.journey.yaml")
    result = run("lint", "-f", "json", cwd=repo)
    assert checked(result, repo, repo) == {"team/one.map.yaml", "top.journey.yaml"}


# 2. files named on the command line are checked; --force-exclude excludes them too


def test_named_files_are_checked_unless_force_exclude(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS + "exclude: [drafts]\n")
    draft = mini(repo / "drafts" / "wip.journey.yaml")
    write(draft, draft.read_text().replace("name: Start", "name: Start\n    bogus: 1"))
    named = run("lint", "drafts/wip.journey.yaml", cwd=repo)
    assert named.returncode == 1 and "unknown key 'bogus'" in named.stdout
    forced = run("lint", "--force-exclude", "drafts/wip.journey.yaml", cwd=repo)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "no journey maps found" in forced.stderr
    folder = run("lint", "-f", "json", ".", cwd=repo)
    assert json.loads(folder.stdout) == []


def test_the_pre_commit_hooks_and_the_action_pass_force_exclude() -> None:
    hooks = {hook["id"]: hook for hook in _safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert "--force-exclude" in hooks["journeyctl-lint"]["entry"]
    assert "--force-exclude" in hooks["journeyctl-fmt"]["entry"]
    action = (ROOT / "action.yml").read_text()
    lines = [line for line in action.splitlines() if line.strip().startswith("journeyctl lint")]
    assert lines and all("--force-exclude" in line for line in lines)


# 3. the closest configuration wins; `extend` inherits


def test_a_nested_configuration_replaces_the_root_one_unless_it_extends_it(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    mini(repo / "sub" / "map.journey.yaml")
    write(repo / "sub" / ".journeyctl.yaml", "select: [JM201]\n")
    alone = run("lint", "sub/", cwd=repo)
    assert "touchpoint owner 'cs' is not a team" in alone.stdout
    write(repo / "sub" / ".journeyctl.yaml", "extend: ../.journeyctl.yaml\nselect: [JM201]\n")
    extended = run("lint", "sub/", "-f", "json", cwd=repo)
    assert [d["code"] for d in json.loads(extended.stdout)] == ["JM201"]


def test_extend_is_relative_to_the_file_and_reports_loops_and_missing_files(repo: Path) -> None:
    write(repo / "shared" / "base.yaml", TEAMS + "fail-on: never\n")
    write(repo / "maps" / ".journeyctl.yaml", "extend: ../shared/base.yaml\n")
    mini(repo / "maps" / "a.journey.yaml")
    assert run("lint", "maps/", cwd=repo).returncode == 0  # fail-on: never came from the base
    write(repo / "shared" / "base.yaml", "extend: ../maps/.journeyctl.yaml\n")
    loop = run("lint", "maps/", cwd=repo)
    assert loop.returncode == 2 and "`extend` makes a loop" in loop.stdout
    write(repo / "maps" / ".journeyctl.yaml", "extend: base.yaml\n")
    missing = run("lint", "maps/", cwd=repo)
    assert missing.returncode == 2
    assert (
        "maps/.journeyctl.yaml:1:9: error JM002 `extend`: no configuration file" in missing.stdout
    )


def test_a_pyproject_table_extends_too(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    write(repo / "sub" / "pyproject.toml", '[tool.journeyctl]\nextend = "../.journeyctl.yaml"\n')
    mini(repo / "sub" / "m.journey.yaml")
    result = run("lint", "-f", "json", cwd=repo / "sub")
    codes = {d["code"] for d in json.loads(result.stdout)}
    assert result.returncode != 2 and codes and "JM003" not in codes


# 4. fail-on per file


def test_fail_on_comes_from_each_files_configuration(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS + "fail-on: never\n")
    write(repo / "strict" / ".journeyctl.yaml", TEAMS + "fail-on: warning\nignore: [JM201]\n")
    mini(repo / "strict" / "m.journey.yaml")  # warnings only once JM201 is ignored
    mini(repo / "lenient" / "m.journey.yaml")
    assert run("lint", "strict/", cwd=repo).returncode == 1
    assert run("lint", cwd=repo / "strict").returncode == 1
    assert run("lint", "lenient/", cwd=repo).returncode == 0
    assert run("lint", cwd=repo / "lenient").returncode == 0
    assert run("lint", "strict/", "--fail-on", "error", cwd=repo).returncode == 0  # option wins


# 5. --stdin-filename picks the configuration of that path


def test_stdin_filename_picks_the_configuration_of_that_path(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    write(repo / "sub" / ".journeyctl.yaml", TEAMS + "ignore: [JM201]\nfail-on: never\n")
    text = MINI.format(id="buffer")
    result = run("lint", "-", "--stdin-filename", "sub/buffer.journey.yaml", "-f", "json",
                 cwd=repo, stdin=text)  # fmt: skip
    codes = {d["code"] for d in json.loads(result.stdout)}
    assert result.returncode == 0 and codes and "JM201" not in codes
    excluded = write(repo / "sub" / ".journeyctl.yaml", TEAMS + "exclude: ['*.journey.yaml']\n")
    assert excluded.exists()
    forced = run("lint", "-", "--stdin-filename", "sub/buffer.journey.yaml", "--force-exclude",
                 "-f", "json", cwd=repo, stdin=text)  # fmt: skip
    assert json.loads(forced.stdout) == []


# 6. an empty or broken configuration: configuration messages, exit 2 even with never


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "the configuration file is empty"),
        ("fail-on: [\n", "JM001"),
        ("- select\n", "a configuration is a mapping of settings"),
    ],
)
def test_a_broken_configuration_fails_the_run_at_every_fail_on(
    repo: Path, text: str, words: str
) -> None:
    write(repo / ".journeyctl.yaml", text)
    mini(repo / "m.journey.yaml")
    for extra in ([], ["--fail-on", "never"], ["-f", "sarif", "--fail-on", "never"]):
        result = run("lint", *extra, cwd=repo)
        assert result.returncode == 2, (extra, result.stdout, result.stderr)
        assert "cannot use the configuration .journeyctl.yaml" in result.stderr
        if "sarif" in extra:
            (found,) = json.loads(result.stdout)["runs"][0]["results"]
            message = found["message"]["text"] + found["ruleId"]
        else:
            message = result.stdout
        assert words in message
        assert "journey map" not in message


def test_a_toml_syntax_error_is_reported_as_toml(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.journeyctl]\nfail-on = "warning\n')
    mini(repo / "m.journey.yaml")
    result = run("lint", cwd=repo)
    assert result.returncode == 2
    assert "pyproject.toml:2:19: error JM001 invalid TOML: " in result.stdout
    assert "[toml-syntax]" in result.stdout and "YAML" not in result.stdout


def test_a_bad_value_in_pyproject_is_reported_at_its_line_and_column(repo: Path) -> None:
    write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.journeyctl]\nignore = ["JM201", "stale-evidnce"]\n'
        "[tool.journeyctl.rules.stale-evidence]\nmax_age_days = -1\n",
    )
    mini(repo / "m.journey.yaml")
    result = run("lint", cwd=repo)
    assert (
        "pyproject.toml:5:20: error JM002 ignore[1]: unknown rule 'stale-evidnce'; did you "
        "mean 'stale-evidence'?" in result.stdout
    )
    assert "pyproject.toml:7:16: error JM002 rules.stale-evidence.max_age_days" in result.stdout


# 7. messages a person can act on


def test_messages_use_the_files_own_words_and_suggest_fixes(repo: Path) -> None:
    text = MINI.format(id="m").replace("journeyctl: 1", "journeyctl: true")
    write(repo / "version.journey.yaml", text)
    enum = (
        MINI.format(id="m")
        .replace("owner: cs}", "owner: cs, feedback: {method: CSAT}}")
        .replace("name: Start", "name: Start\n    evidence:\n      - source: Customer-Interview"
                 "\n        date: 2026-01-05 10:00:00")
    )  # fmt: skip
    write(repo / "enum.journey.yaml", enum)
    write(repo / ".journeyctl.yaml", TEAMS)
    result = run("lint", cwd=repo)
    assert "unknown format version true:" in result.stdout
    assert "method: expected 'survey'" in result.stdout and "did you mean 'csat'?" in result.stdout
    assert "did you mean 'customer-interview'?" in result.stdout
    assert "(found 2026-01-05 10:00:00)" in result.stdout
    for internal in ("datetime", "True", "Errno", "tzinfo", "Input should"):
        assert internal not in result.stdout + result.stderr, internal


def test_rule_names_get_a_suggestion_on_the_command_line(repo: Path) -> None:
    mini(repo / "m.journey.yaml")
    result = run("lint", "--select", "stale-evidnce", cwd=repo)
    assert result.returncode == 2
    assert "unknown rule 'stale-evidnce'; did you mean 'stale-evidence'?" in result.stderr


def test_an_indentation_mistake_gets_a_hint(repo: Path) -> None:
    text = MINI.format(id="m").replace(
        "      - {id: call, name: Kick-off call, channel: email, owner: cs}",
        "      - id: call\n        name: Kick-off call\n    owner: cs",
    )
    write(repo / "m.journey.yaml", text)
    result = run("validate", cwd=repo)
    assert "unknown key 'owner' in stages[0]" in result.stdout
    assert "`owner` is a key of each of `touchpoints`: is it indented too little?" in result.stdout
    write(repo / "m.journey.yaml", text.replace("    owner: cs", "      owner: cs"))
    syntax = run("validate", cwd=repo)
    assert "m.journey.yaml:11:7: error JM001" in syntax.stdout
    assert "check the indentation of this line" in syntax.stdout


def test_reference_errors_come_with_schema_errors_in_one_run(repo: Path) -> None:
    text = MINI.format(id="m").replace("channel: email", "channel: email, moment: great")
    write(repo / "m.journey.yaml", text)  # `cs` is declared nowhere: JM003 too
    result = run("validate", "-f", "json", cwd=repo)
    assert sorted(d["code"] for d in json.loads(result.stdout)) == ["JM002", "JM003"]
    dropped = MINI.format(id="m").replace("    touchpoints:", "    touchpionts:")
    dropped = dropped.replace("owner: cs", "owner: cs}\n    handoffs: [{from: a, to: b, via: call}")
    write(repo / "m.journey.yaml", dropped.replace("}}", "}"))
    again = run("validate", "-f", "json", cwd=repo)
    messages = [d["message"] for d in json.loads(again.stdout)]
    # `call` was declared under the misspelt key: not reported as unknown.
    assert not any("via 'call'" in m for m in messages), messages


# 8. a missing path among several


def test_a_missing_path_among_several_in_sarif(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    mini(repo / "m.journey.yaml")
    result = run("lint", "nope.journey.yaml", "m.journey.yaml", "-f", "sarif", cwd=repo)
    assert result.returncode == 2
    assert json.loads(result.stdout)["runs"][0]["results"]
    assert "journeyctl: error: nope.journey.yaml: no such file or directory" in result.stderr


# 9. JUnit: the rules that ran for each file


def test_junit_and_sarif_name_the_rules_each_file_ran(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    write(repo / "few" / ".journeyctl.yaml", TEAMS + "select: [JM201, JM401]\n")
    mini(repo / "few" / "a.journey.yaml")
    mini(repo / "all" / "b.journey.yaml")
    write(repo / "bad.journey.yaml", "journeyctl: 1\nid: bad\n")
    result = run("lint", "-f", "junit", "--fail-on", "warning", cwd=repo)
    root = ET.fromstring(result.stdout)
    suites = {s.attrib["name"]: s for s in root.iter("testsuite")}
    names = [c.attrib["name"] for c in suites["few/a.journey.yaml"].iter("testcase")]
    assert names == [
        "validation (JM001-JM003)",
        "JM201 stage-not-customer-validated",
        "JM401 stage-without-goals",
    ]
    (bad,) = suites["bad.journey.yaml"].iter("testcase")
    assert bad.find("failure") is not None
    every = {c.attrib["name"]: c for c in suites["all/b.journey.yaml"].iter("testcase")}
    assert len(every) > 20
    info = every["JM605 no-milestones"]  # an info finding under --fail-on warning
    assert info.find("failure") is None and info.find("system-out") is not None
    sarif = json.loads(run("lint", "few/", "-f", "sarif", cwd=repo).stdout)
    rule_ids = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert rule_ids == ["JM001", "JM002", "JM003", "JM201", "JM401"]


# What to add: --output-file, --quiet, --show-source, --statistics, the baseline


def test_output_file_quiet_and_statistics(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    mini(repo / "m.journey.yaml")
    result = run("lint", "-f", "sarif", "--output-file", "out.sarif", "--statistics", cwd=repo)
    assert result.stdout == ""
    assert json.loads((repo / "out.sarif").read_text())["version"] == "2.1.0"
    counts = [line.split() for line in result.stderr.splitlines() if line.startswith(" ")]
    assert [int(c[0]) for c in counts] == sorted((int(c[0]) for c in counts), reverse=True)
    assert result.stderr.splitlines()[-1].startswith("1 file checked")
    quiet = run("lint", "--quiet", cwd=repo)
    assert quiet.stdout and all(
        line.startswith("m.journey.yaml:") for line in quiet.stdout.splitlines()
    )
    assert quiet.stderr == ""


def test_show_source_puts_a_caret_under_the_column(repo: Path) -> None:
    text = MINI.format(id="m").replace("channel: email", "channel: email, moment: great")
    write(repo / "m.journey.yaml", text)
    write(repo / ".journeyctl.yaml", TEAMS)
    result = run("validate", "--show-source", cwd=repo)
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "moment" in line and "JM002" in line)
    assert lines[at + 1] == "  |"
    assert (
        lines[at + 2]
        == "9 |       - {id: call, name: Kick-off call, channel: email, moment: great, owner: cs}"
    )
    caret = lines[at + 3]
    assert caret.index("^") == lines[at + 2].index("great") and caret.endswith("^^^^^")
    plain = run("validate", cwd=repo)  # not a terminal: no source by default
    assert " |" not in plain.stdout


def test_baseline_reports_only_new_findings_and_what_was_fixed(repo: Path) -> None:
    write(repo / ".journeyctl.yaml", TEAMS)
    mini(repo / "maps" / "m.journey.yaml")
    wrote = run("lint", "maps/", "--write-baseline", "baseline.json", cwd=repo)
    assert wrote.returncode == 0 and "wrote 10 findings to the baseline" in wrote.stderr
    stored = json.loads((repo / "baseline.json").read_text())
    assert {e["path"] for e in stored["findings"]} == {"maps/m.journey.yaml"}
    # From another folder, with lines moved: nothing new.
    target = repo / "maps" / "m.journey.yaml"
    target.write_text("# a comment that moves every line\n" + target.read_text())
    again = run("lint", ".", "--baseline", "../baseline.json", "-f", "json", cwd=repo / "maps")
    assert (again.returncode, json.loads(again.stdout)) == (0, [])
    # A new finding is reported; a fixed one is said to be fixed.
    target.write_text(
        target.read_text().replace("name: Start", "name: Start\n    goals: [Get going]")
        .replace("email, owner: cs}", "email}")
    )  # fmt: skip
    write(repo / ".journeyctl.yaml", TEAMS + "baseline: baseline.json\n")
    found = run("lint", "maps/", "-f", "json", cwd=repo)
    assert [d["code"] for d in json.loads(found.stdout)] == ["JM302"]
    assert "fixed since the baseline: maps/m.journey.yaml: JM401" in found.stderr
    assert "fixed since the baseline: maps/m.journey.yaml: JM305" in found.stderr


def test_a_missing_config_option_is_a_plain_usage_error(repo: Path) -> None:
    mini(repo / "m.journey.yaml")
    result = run("lint", "--config", "nope.yaml", cwd=repo)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "journeyctl: error: --config nope.yaml: no such file\n"


def test_the_actions_script_writes_sarif_and_leaves_fail_on_to_each_map(repo: Path) -> None:
    action = _safe_load((ROOT / "action.yml").read_text())
    (step,) = [s for s in action["runs"]["steps"] if s["name"] == "Lint journey maps"]
    bin_dir = repo.parent / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "journeyctl"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m journeyctl "$@" --today 2026-11-27\n')
    shim.chmod(0o755)
    write(repo / ".journeyctl.yaml", TEAMS + "exclude: [drafts]\n")
    write(repo / "strict" / ".journeyctl.yaml", TEAMS + "fail-on: warning\nignore: [JM201]\n")
    mini(repo / "drafts" / "wip.journey.yaml")
    mini(repo / "lenient" / "m.journey.yaml")
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}

    def action_run(paths: str, fail_on: str = "") -> subprocess.CompletedProcess[str]:
        env = {**environment, "PATHS": paths, "FAIL_ON": fail_on, "CONFIG": "",
               "SARIF_FILE": "out.sarif"}  # fmt: skip
        return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    lenient = action_run("lenient/m.journey.yaml drafts/wip.journey.yaml")
    assert lenient.returncode == 1  # JM201 is an error under the default fail-on
    sarif = json.loads((repo / "out.sarif").read_text())
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]} == {"lenient/m.journey.yaml"}  # fmt: skip
    mini(repo / "strict" / "m.journey.yaml")
    (repo / "lenient" / "m.journey.yaml").unlink()
    assert action_run("strict/").returncode == 1  # warnings fail under strict's fail-on
    assert action_run("strict/", fail_on="error").returncode == 0  # the input overrides
