"""`journeyctl init`: every template is a valid, canonical map that fails lint only where its
comments say, the schema line resolves from where the file is written, nothing is
overwritten without --force, and the templates ship in the wheel."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import journeyctl
from journeyctl.fmt import format_map
from journeyctl.init import TEMPLATE_FINDINGS, TEMPLATES, render, template_text
from journeyctl.model.schema import schema_text
from tests.conftest import ROOT

TODAY = datetime.date(2026, 11, 27)
SCHEMA_LINE = "# yaml-language-server: $schema="


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def fresh(template: str) -> str:
    return render(template, map_id=f"{template}-map", schema="x.json", today=TODAY)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_fresh_template_is_valid_and_lints_with_exactly_the_codes_it_announces(
    template: str,
) -> None:
    result = journeyctl.check(fresh(template), path="t.journey.yaml", today=TODAY)
    assert result.valid and result.journey is not None, result.diagnostics
    found = {d.code for d in result.diagnostics}
    assert found == TEMPLATE_FINDINGS[template]
    jm201 = [d for d in result.diagnostics if d.code == "JM201"]
    assert len(jm201) == len(result.journey.stages)  # every stage, none twice
    header = template_text(template).split("\njourneyctl: 1\n")[0]
    for code in found:
        assert code in header, f"the template's comments do not announce {code}"


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_stage_has_one_touchpoint_and_an_assumption_as_its_only_evidence(
    template: str,
) -> None:
    journey = journeyctl.check(fresh(template), today=TODAY).journey
    assert journey is not None
    for stage in journey.stages:
        assert len(stage.touchpoints) == 1
        assert [e.source.value for e in stage.evidence] == ["assumption"]
        assert stage.evidence[0].date == TODAY


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_fresh_template_is_already_in_fmts_canonical_layout(template: str) -> None:
    result = format_map(fresh(template), today=TODAY)
    assert result.text is not None and not result.changed, result.refusal


def test_the_views_and_scopes_the_templates_promise() -> None:
    maps = {t: journeyctl.check(fresh(t), today=TODAY).journey for t in TEMPLATES}
    laer, pimo = maps["laer"], maps["pimo"]
    lifecycle, onboarding = maps["lifecycle"], maps["onboarding"]
    assert laer and pimo and lifecycle and onboarding
    assert [s.laer.value for s in laer.stages if s.laer] == ["land", "adopt", "expand", "renew"]
    assert [s.pimo.value for s in pimo.stages if s.pimo] == [
        "plan",
        "implement",
        "monitor",
        "optimize",
    ]
    assert [s.id for s in lifecycle.stages][0::7] == ["awareness", "advocacy"]
    assert onboarding.scope == "onboarding" and not onboarding.is_end_to_end
    assert all(m.is_end_to_end for m in (laer, pimo, lifecycle))


def test_init_finds_the_projects_schema_and_points_at_it_relatively(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "journey-map.schema.json").write_text("{}")
    (tmp_path / "maps" / "emea").mkdir(parents=True)
    result = run("init", "maps/emea/renewals.journey.yaml", "--template", "laer", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "maps" / "emea" / "renewals.journey.yaml").read_text()
    first = written.splitlines()[0]
    assert first == SCHEMA_LINE + "../../schemas/journey-map.schema.json"
    assert (tmp_path / "maps" / "emea" / first.removeprefix(SCHEMA_LINE)).is_file()
    assert "\nid: renewals\n" in written
    assert (tmp_path / "schemas" / "journey-map.schema.json").read_text() == "{}"  # untouched


def test_without_a_schema_init_writes_one_at_the_top_of_the_git_work_tree(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    result = run("init", "maps", "--template", "onboarding", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    schema = tmp_path / "schemas" / "journey-map.schema.json"
    assert schema.read_text() == schema_text()
    json.loads(schema.read_text())
    first = (tmp_path / "maps" / "onboarding.journey.yaml").read_text().splitlines()[0]
    assert first == SCHEMA_LINE + "../schemas/journey-map.schema.json"
    lint = run("lint", "maps", cwd=tmp_path)
    assert lint.returncode == 1 and lint.stdout.count(" JM201 ") == 3


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.journey.yaml"
    target.write_text("my work\n")
    result = run("init", "mine.journey.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "already exists (use --force" in result.stderr
    assert target.read_text() == "my work\n"
    forced = run("init", "mine.journey.yaml", "--force", "--template", "pimo", cwd=tmp_path)
    assert forced.returncode == 0 and "Plan, Implement" in target.read_text()


def test_init_without_a_path_writes_the_default_template_here(tmp_path: Path) -> None:
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "lifecycle.journey.yaml"
    assert journeyctl.check(written).valid
    assert (tmp_path / "schemas" / "journey-map.schema.json").is_file()  # no git: here


def test_the_templates_are_in_the_wheel(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PIP_NO_INPUT": "1"},
    )
    if build.returncode != 0 and "Could not find a version" in build.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("journeyctl-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in TEMPLATES:
        assert f"journeyctl/templates/{template}.journey.yaml.in" in names
    assert "journeyctl/init/__init__.py" in names and "journeyctl/fmt/layout.py" in names


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_fresh_template_renders_with_every_stage_in_the_picture(template: str) -> None:
    """A new map is for a slide deck from the first day: the real `dot` lays it out."""
    import xml.etree.ElementTree as ET

    from journeyctl.render.layout import build_graph

    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    result = journeyctl.check(fresh(template), path="t.journey.yaml", today=TODAY)
    assert result.journey is not None
    svg = build_graph(result).pipe(format="svg").decode("utf-8")
    text = " ".join(node.text or "" for node in ET.fromstring(svg).iter())
    for stage in result.journey.stages:
        assert stage.name in text, f"stage {stage.name!r} is not in the picture"
