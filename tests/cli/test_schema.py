"""`journeyctl schema` and the committed JSON Schema, checked with a real validator.

docs/architecture.md ("The schema"): the schema is generated from the models, committed, and a
test fails when the committed file is stale; every object has `additionalProperties: false` and
`patternProperties: {"^x-": {}}`, so that an editor flags `touchpiont` and accepts `x-notes`.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from journeyctl.load import load_bytes
from tests.conftest import EXAMPLES, ROOT, check_raw
from tests.load.cases import EXAMPLE, replaced

SCHEMA_FILE = ROOT / "schemas" / "journey-map.schema.json"
FORMAT_EXAMPLE = ROOT / "tests" / "data" / "format-example.journey.yaml"
MAPS = [*sorted(EXAMPLES.glob("*.journey.yaml")), FORMAT_EXAMPLE]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "JOURNEYCTL_DEBUG")}
    result = subprocess.run(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    result = run("schema", cwd=tmp_path_factory.mktemp("schema"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """Loaded YAML data as JSON would hold it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def instance(text: str) -> Any:
    return as_json(load_bytes(text.encode()).data)


def problems(validator: Draft202012Validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(instance(text))]


def test_committed_schema_is_up_to_date(generated: str) -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == generated, (
        "schemas/journey-map.schema.json is stale: run `make schema` and commit the result"
    )


def test_schema_is_a_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
def test_every_example_is_valid_against_the_schema(
    path: Path, validator: Draft202012Validator
) -> None:
    assert problems(validator, path.read_text(encoding="utf-8")) == []


def test_there_are_examples_to_check() -> None:
    assert FORMAT_EXAMPLE in MAPS
    assert len(MAPS) >= 2, "examples/*.journey.yaml should hold the realistic example maps"


def objects(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema that describes an object, with where it is."""
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from objects(value, f"{where}/{index}")


def test_every_object_forbids_unknown_keys_but_x_keys(schema: dict[str, Any]) -> None:
    found = list(objects(schema))
    assert len(found) >= 11  # the map and its ten kinds of element
    for where, node in found:
        assert node.get("additionalProperties") is False, where
        assert node.get("patternProperties") == {"^x-": {}}, where


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    for where, node in objects(schema):
        for name, prop in node.get("properties", {}).items():
            assert isinstance(prop.get("description"), str) and prop["description"].strip(), (
                f"{where}/properties/{name} has no description"
            )


def test_an_editor_flags_touchpiont_and_accepts_x_notes(validator: Draft202012Validator) -> None:
    misspelt = replaced("    touchpoints:  ", "    touchpiont:   ")
    found = problems(validator, misspelt)
    assert any("touchpiont" in message for message in found), found

    noted = replaced("    name: Evaluate\n", "    name: Evaluate\n    x-notes: {any: [thing]}\n")
    noted = replaced("persona:\n", "x-notes: top level\npersona:\n  x-notes: 1\n", noted)
    assert problems(validator, noted) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    touchpoints:  ", "    touchpiont:   "),  # an unknown key
        ("    name: Evaluate\n", "    name: Evaluate\n    x-notes: hi\n"),  # an extension key
        ("emotion: 2\n", "emotion: 3\n"),  # out of range
        ("participants: 6", 'participants: "6"'),  # a quoted number
        ("journeyctl: 1 ", 'journeyctl: "1"'),  # the version as a string
        ("moment: positive", "moment: postive "),  # not in the enumeration
        ("critical: true ", "critical: yes  "),  # YAML 1.2: `yes` is a string, not a boolean
        ("direct: true ", "direct: 1    "),  # an integer is not a boolean
        ("date: 2026-09-14", "date: 86400"),  # a number is not a date
    ],
    ids=["unknown-key", "x-key", "range", "quoted-int", "version-string", "enum", "yes",
         "one", "epoch"],
)  # fmt: skip
def test_journeyctl_and_the_schema_agree(
    old: str, new: str, validator: Draft202012Validator
) -> None:
    """What an editor accepts, `journeyctl validate` accepts, and what it flags, validate flags."""
    text = replaced(old, new)
    schema_valid = problems(validator, text) == []
    checked = check_raw(text.encode(), "m.journey.yaml")
    journeyctl_valid = checked.valid
    assert journeyctl_valid == schema_valid, (
        f"the schema says {'valid' if schema_valid else 'invalid'}, journeyctl says "
        f"{[d.message for d in checked.diagnostics] or 'valid'}"
    )


def test_schema_output_option_writes_the_file(tmp_path: Path, generated: str) -> None:
    result = run("schema", "-o", "out.schema.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert (tmp_path / "out.schema.json").read_text(encoding="utf-8") == generated
    long_form = run("schema", "--output", "again.json", cwd=tmp_path)
    assert long_form.returncode == 0
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == generated


def test_schema_output_to_a_folder_that_does_not_exist_is_exit_2(tmp_path: Path) -> None:
    result = run("schema", "-o", "missing/out.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("journeyctl: error: missing/out.json")
    assert list(tmp_path.iterdir()) == []


def test_the_schema_rejects_what_the_loader_rejects_as_not_a_mapping(
    validator: Draft202012Validator,
) -> None:
    assert not validator.is_valid(["journeyctl", 1])
    assert not validator.is_valid({})
    assert validator.is_valid(instance(EXAMPLE))
