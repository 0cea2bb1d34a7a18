"""Configuration discovery, validation at the right line, and its effect on a run."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from journeyctl.config import ConfigError, ConfigResolver, Settings, load_config
from tests.conftest import ROOT, lint_yaml

GOOD = (ROOT / "tests" / "data" / "format-example.journey.yaml").read_text()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_every_key_is_read(tmp_path: Path) -> None:
    config = write(
        tmp_path / ".journeyctl.yaml",
        "include: ['*.map.yaml']\nexclude: [drafts/*]\nselect: [JM201, stale-evidence]\n"
        "ignore: [JM303]\nfail-on: warning\nseverity: {JM201: warning}\n"
        "rules: {stale-evidence: {max_age_days: 180}}\nteams: [{id: cs, name: CS}]\n"
        "limits: {max_depth: 32}\n",
    )
    settings = load_config(config)
    assert settings.include == ("*.map.yaml",)
    assert settings.exclude == ("drafts/*",)
    assert settings.select == ("JM201", "stale-evidence")
    assert settings.ignore == ("JM303",)
    assert settings.fail_on == "warning"
    assert settings.severity == {"JM201": "warning"}
    assert settings.rules == {"stale-evidence": {"max_age_days": 180}}
    assert settings.teams == {"cs": "CS"}
    assert settings.limits.max_depth == 32


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("fail-on: warning\nselet: [JM201]\n", 2, 1, "did you mean 'select'"),
        ("ignore: [JM201, JM999]\n", 1, 17, "unknown rule 'JM999'"),
        ("severity:\n  JM002: info\n", 2, 3, "cannot be selected, ignored or re-graded"),
        ("fail-on: sometimes\n", 1, 10, "expected 'error', 'warning', 'info' or 'never'"),
        ("fail-on: Warning\n", 1, 10, "did you mean 'warning'?"),
        ("rules:\n  stale-evidence: {max_age: 3}\n", 2, 20, "did you mean 'max_age_days'?"),
        ("rules:\n  stale-evidnce: {max_age_days: 3}\n", 2, 3, "did you mean 'stale-evidence'"),
        ("rules:\n  stale-evidence: {max_age_days: '3'}\n", 2, 34, "valid integer (found '3')"),
        ("rules:\n  JM201: {x: 1}\n", 2, 11, "in rules.JM201 (it takes no keys)"),
        ("limits: {max_depth: 0}\n", 1, 21, "greater than or equal to 1"),
        ("limits: {max_depht: 3}\n", 1, 10, "did you mean 'max_depth'?"),
        ("teams: [{id: cs}]\n", 1, 10, "missing required key 'name' in teams[0]"),
        ("teams: [{id: cs, name: A}, {id: cs, name: B}]\n", 1, 33, "declared twice"),
        ("select: [JM2O1]\n", 1, 10, "unknown rule 'JM2O1'; did you mean 'JM201'?"),
        ("teams:\n- id: cs\nname: CS\n", 3, 1, "is it indented too little?"),
        ("", 1, 1, "the configuration file is empty"),
        ("# only a comment\n", 1, 1, "the configuration file is empty"),
        ("- select\n", 1, 1, "a configuration is a mapping of settings"),
        ("a: [\n", 2, 1, ""),
    ],
)
def test_a_bad_configuration_is_reported_at_its_line(
    tmp_path: Path, text: str, line: int, column: int, words: str
) -> None:
    config = write(tmp_path / ".journeyctl.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    found = [d for d in caught.value.diagnostics if words in d.message]
    assert found, [d.message for d in caught.value.diagnostics]
    assert (found[0].span.line, found[0].span.column) == (line, column)
    assert found[0].code in {"JM001", "JM002"}


def test_pyproject_table_is_read_and_its_keys_located(tmp_path: Path) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.journeyctl]\nfail-on = "warning"\nbogus = 1\n',
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    (problem,) = caught.value.diagnostics
    assert problem.span.line == 6 and "bogus" in problem.message


def test_nearest_configuration_wins_and_discovery_stops_at_the_git_root(tmp_path: Path) -> None:
    write(tmp_path / ".journeyctl.yaml", "fail-on: info\n")  # outside the work tree
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    write(repo / "maps" / "team" / ".journeyctl.yaml", "fail-on: warning\n")
    resolver = ConfigResolver()
    assert resolver.for_folder(repo / "maps" / "team").fail_on == "warning"
    assert resolver.for_folder(repo / "maps").source is None  # not the one above the repo
    write(repo / "pyproject.toml", '[tool.journeyctl]\nfail-on = "never"\n')
    assert ConfigResolver().for_folder(repo / "maps").fail_on == "never"


def test_explicit_configuration_applies_to_every_input(tmp_path: Path) -> None:
    explicit = write(tmp_path / "ci.yaml", "fail-on: never\n")
    write(tmp_path / "maps" / ".journeyctl.yaml", "fail-on: info\n")
    resolver = ConfigResolver(explicit)
    assert resolver.for_folder(tmp_path / "maps").fail_on == "never"


def test_shared_teams_resolve_owners() -> None:
    text = GOOD.replace("owner: sales               # a team id", "owner: partners")
    settings = Settings(teams={"partners": "Partners"})
    assert all(d.code != "JM003" for d in lint_yaml(text, settings=settings))


def test_per_rule_severity_and_options_apply() -> None:
    text = GOOD.replace("date: 2026-09-14", "date: 2026-05-01")
    stale = Settings(rules={"stale-evidence": {"max_age_days": 30}}, severity={"JM202": "error"})
    found = [d for d in lint_yaml(text, settings=stale) if d.code == "JM202"]
    assert [d.severity.label for d in found] == ["error"]
    assert not [d for d in lint_yaml(text) if d.code == "JM202"]
