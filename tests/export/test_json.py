"""JSON exports: the schema's shape, defaults explicit, `x-` keys as written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import journeyctl
from journeyctl.export import map_json
from journeyctl.model import JourneyMap
from tests.conftest import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "journey-map.schema.json").read_text())
MAPS = [*sorted(EXAMPLES.glob("*.journey.yaml")), ROOT / "tests" / "data" / "hostile.journey.yaml"]


def export(source: Path | str) -> Any:
    result = journeyctl.check(source, lint=False)
    assert result.journey is not None and result.document is not None
    return json.loads(map_json(result.journey, result.document.data))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_export_validates_against_the_schema(path: Path) -> None:
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(export(path))


def test_keys_in_model_order_with_yaml_names_and_explicit_defaults() -> None:
    data = export(EXAMPLES / "onboarding-focus.journey.yaml")
    assert list(data) == [f.alias or name for name, f in JourneyMap.model_fields.items()]
    touchpoint = data["stages"][0]["touchpoints"][0]
    assert touchpoint["direct"] is True and touchpoint["critical"] is False
    handoff = data["stages"][0]["handoffs"][0]
    assert list(handoff) == ["from", "to", "via", "note"]
    assert handoff["from"] == "sales" and handoff["via"] is None
    assert data["stages"][2]["pimo"] is None
    assert data["stages"][1]["pain_points"][0]["severity"] == "high"


MAP_WITH_EXTENSIONS = """\
journeyctl: 1
x-top: {when: 2026-01-02, n: .inf, list: [1, "two", null], 3: three}
id: ext
title: Extensions
stages:
  - id: a
    name: A
    x-jira: "JRN-1"
    touchpoints:
      - {id: t, name: T, x-cost: 2.5, feedback: {method: nps, x-tool: Delighted}}
"""


def test_extension_keys_are_kept_as_written() -> None:
    data = export(MAP_WITH_EXTENSIONS)
    assert data["x-top"] == {
        "when": "2026-01-02",
        "n": ".inf",
        "list": [1, "two", None],
        "3": "three",
    }
    assert list(data)[-1] == "x-top"  # after the element's own keys
    stage = data["stages"][0]
    assert stage["x-jira"] == "JRN-1"
    assert stage["touchpoints"][0]["x-cost"] == 2.5
    assert stage["touchpoints"][0]["feedback"] == {
        "method": "nps",
        "metric": None,
        "x-tool": "Delighted",
    }
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_the_command_writes_json_and_refuses_an_invalid_map(tmp_path: Path) -> None:
    out = tmp_path / "map.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeyctl",
            "export",
            str(MAPS[0]),
            "--to",
            "json",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text()) == export(MAPS[0])
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("journeyctl: 1\nid: Bad Id\ntitle: t\nstages: [{id: a, name: A}]\n")
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", "export", str(bad), "--to", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "JM002" in done.stderr and "bad.journey.yaml:2:" in done.stderr
