"""Canonical text exports, and the git textconv driver they are made for (a real git repo)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import journeyctl
from journeyctl.config import DEFAULT_SETTINGS
from journeyctl.export import map_text
from tests.conftest import EXAMPLES
from tests.startup import modules_after

ONBOARDING = EXAMPLES / "onboarding-focus.journey.yaml"


def text_of(source: str | Path) -> str:
    result = journeyctl.check(source, config=DEFAULT_SETTINGS, lint=False)
    assert result.document is not None
    return map_text(result.document.data)


def export_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", "export", "--to", "text", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


BLOCK = """\
journeyctl: 1
id: m
title: Map
stages:
  - id: a
    name: A
    goals:
      - first
      - second
    touchpoints:
      - id: t
        name: Call
        owner: sales
        feedback:
          method: nps
    evidence:
      - source: customer-survey
        date: 2026-01-02
        summary: "Fine: mostly"
teams:
  - id: sales
    name: Sales
"""

FLOW = """\
# the same map, other order, flow style, other quoting, comments
teams: [{name: 'Sales', id: sales}]
title: 'Map'
stages:
  - touchpoints: [{feedback: {method: nps}, owner: sales, name: Call, id: t}]
    evidence: [{summary: 'Fine: mostly', date: 2026-01-02, source: customer-survey}]
    goals: [first, second]  # two goals
    name: A
    id: a
id: "m"
journeyctl: 1
"""


def test_text_is_one_fact_per_line_in_the_format_order() -> None:
    assert text_of(BLOCK) == (
        "journeyctl: 1\n"
        "id: m\n"
        "title: Map\n"
        "team sales\n"
        "team sales name: Sales\n"
        "\n"
        "stage a\n"
        "stage a name: A\n"
        "stage a goals: first\n"
        "stage a goals: second\n"
        "stage a touchpoint t\n"
        "stage a touchpoint t name: Call\n"
        "stage a touchpoint t owner: sales\n"
        "stage a touchpoint t feedback method: nps\n"
        "stage a evidence customer-survey 2026-01-02\n"
        "stage a evidence customer-survey 2026-01-02 summary: Fine: mostly\n"
    )


def test_formatting_does_not_change_the_text() -> None:
    assert text_of(FLOW) == text_of(BLOCK)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.journey.yaml")), ids=lambda p: p.name)
def test_every_line_of_an_example_names_its_stage(path: Path) -> None:
    lines = text_of(path).splitlines()
    result = journeyctl.check(path, lint=False)
    assert result.journey is not None
    stage_ids = [stage.id for stage in result.journey.stages]
    stage_lines = [line for line in lines if line.startswith("stage ")]
    assert [line.split(" ")[1] for line in stage_lines if line.count(" ") == 1] == stage_ids
    for stage in result.journey.stages:
        for touchpoint in stage.touchpoints:
            assert f"stage {stage.id} touchpoint {touchpoint.id} name: {touchpoint.name}" in lines


def test_values_stay_on_their_line_and_keep_their_type() -> None:
    text = text_of(
        'journeyctl: 1\nid: m\ntitle: "two\\nlines \\x1b[31m"\nx-a: "true"\nx-b: true\n'
        "x-c: ''\nx-d: [1, {e: .nan}]\nstages: [{id: a, name: A}]\n"
    )
    assert "title: two\\nlines \\x1b[31m\n" in text
    assert 'x-a: "true"\nx-b: true\nx-c: ""\nx-d: 1\nx-d[].e: nan\n' in text


def test_an_invalid_map_is_shown_as_far_as_it_can_be_read() -> None:
    text = text_of(
        "journeyctl: 2\nid: Not A Slug\nbogus: [1, 2]\nstages:\n  - name: no id\n"
        "    touchpoints: [{id: t, name: T}]\n  - plain text\n"
    )
    assert text == (
        "journeyctl: 2\n"
        "id: Not A Slug\n"
        "\n"
        "stage #1\n"
        "stage #1 name: no id\n"
        "stage #1 touchpoint t\n"
        "stage #1 touchpoint t name: T\n"
        "\n"
        "stage #2: plain text\n"
        "bogus: 1\n"
        "bogus: 2\n"
    )


def test_the_command_needs_no_configuration_and_never_fails_on_a_map(tmp_path: Path) -> None:
    (tmp_path / ".journeyctl.yaml").write_text("this: is: not a configuration\n")
    broken = tmp_path / "broken.journey.yaml"
    broken.write_text("journeyctl: 1\nstages: [\n")
    done = export_cli(str(broken))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("(not readable as YAML, line ")
    assert done.stdout.count("\n") == 1
    done = export_cli("-", stdin=BLOCK)
    assert (done.returncode, done.stdout) == (0, text_of(BLOCK))


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_diff_shows_the_text_through_the_textconv_driver(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    # docs/export.md's two lines; the test runs this checkout's journeyctl
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journeyctl\n")
    command = f"{sys.executable} -m journeyctl export --to text"
    git(repo, "config", "diff.journeyctl.textconv", command)
    git(repo, "config", "diff.journeyctl.xfuncname", "^stage [^ ]+$")
    map_file = repo / "onboarding.journey.yaml"
    original = ONBOARDING.read_text()
    map_file.write_text(original)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "map")

    map_file.write_text(original.replace("channel: web", "channel: chat"))
    diff = git(repo, "diff")
    assert "@@ stage setup\n" in diff  # the hunk header names the stage
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert changed == [
        "-stage setup touchpoint setup-ticket channel: web",
        "+stage setup touchpoint setup-ticket channel: chat",
    ]

    # comments and layout are not facts: no change to show
    map_file.write_text(
        "# a new comment\n"
        + original.replace(
            "title: ACME Analytics onboarding, from signature to first value",
            "title: 'ACME Analytics onboarding, from signature to first value'",
        )
    )
    diff = git(repo, "diff")
    assert [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"
    ] == []


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    st.text(max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(scalars, inner, max_size=3),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), values, max_size=5))
def test_any_data_gives_one_line_per_fact(data: dict[object, object]) -> None:
    text = map_text({"stages": [data, {"id": "x", **{str(k): v for k, v in data.items()}}], **data})
    assert text.endswith("\n")
    assert len(text.splitlines()) == text.count("\n")  # no value breaks its line


def test_the_key_order_is_the_models_field_order() -> None:
    from journeyctl.export.text import KEYS
    from journeyctl.model import elements as m

    models = {
        "map": m.JourneyMap, "persona": m.Persona, "team": m.Team, "stage": m.Stage,
        "metric": m.Metric, "touchpoint": m.Touchpoint, "feedback": m.Feedback,
        "handoff": m.Handoff, "pain_point": m.PainPoint, "opportunity": m.Opportunity,
        "evidence": m.Evidence,
    }  # fmt: skip
    assert set(KEYS) == set(models)
    for kind, model in models.items():
        fields = tuple(info.alias or name for name, info in model.model_fields.items())
        assert KEYS[kind] == fields, kind


def test_a_textconv_run_does_not_build_the_models() -> None:
    done = modules_after(["export", "--to", "text", str(ONBOARDING)])
    assert done.stdout == text_of(ONBOARDING)
    assert "pydantic" not in done.packages
    assert "journeyctl.model.elements" not in done.modules
