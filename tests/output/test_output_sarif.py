"""The SARIF format: valid against the official 2.1.0 schema, and what code scanning reads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema.validators import validator_for

from journeyctl.diagnostics import Diagnostic, FileReport, Report, Severity, Span
from journeyctl.output.sarif import format_report

from .cases import ACME, HOSTILE_MESSAGE, HOSTILE_PATH, make_empty_report, make_report, single

SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


def assert_valid(document: object) -> None:
    """Validate against the official SARIF 2.1.0 schema (a verbatim copy in tests/data)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # The schema names its own draft (draft-04); validate with that draft's validator.
    validator = validator_for(schema)(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, "\n".join(errors)


def sarif(report: Report) -> dict[str, Any]:
    out = format_report(report)
    assert out.endswith("}\n")
    data: dict[str, Any] = json.loads(out)
    return data


def test_valid_against_the_official_schema() -> None:
    assert_valid(sarif(make_report()))


def test_nothing_to_report_is_still_a_valid_log() -> None:
    data = sarif(make_empty_report())
    assert_valid(data)
    assert data["runs"][0]["results"] == []


def test_log_and_driver() -> None:
    data = sarif(make_report())
    assert data["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert data["version"] == "2.1.0"
    assert len(data["runs"]) == 1
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "journeyctl"
    assert driver["version"] == "1.2.3"
    assert run["columnKind"] == "unicodeCodePoints"


def test_rules_carry_the_catalogue_then_unlisted_codes() -> None:
    rules = sarif(make_report())["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["JM201", "JM302", "JM303", "JM305", "JM003", "JM010"]
    first = rules[0]
    assert first["name"] == "stage-not-customer-validated"
    assert first["shortDescription"] == {"text": "A stage has no evidence with a customer voice"}
    assert first["fullDescription"]["text"].startswith("## What it checks")
    assert first["help"]["markdown"] == first["help"]["text"] == first["fullDescription"]["text"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels == {
        "JM201": "error",
        "JM302": "warning",
        "JM303": "note",
        "JM305": "warning",
        "JM003": "error",
        "JM010": "note",
    }
    # A rule without help text still has a description GitHub can show.
    assert rules[1]["fullDescription"]["text"] == "A touchpoint has no owner"
    assert rules[4]["name"] == "reference"


def test_results_point_at_their_rule_level_and_region() -> None:
    run = sarif(make_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == 8
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_place = {
        (
            unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["ruleId"],
        ): r
        for r in results
    }
    owner = by_place[(ACME, 12, "JM302")]
    assert owner["level"] == "warning"
    assert owner["message"] == {"text": "touchpoint 'demo' has no owner"}
    location = owner["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": ACME, "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 9}
    assert by_place[(ACME, 12, "JM303")]["level"] == "note"
    assert by_place[(ACME, 41, "JM003")]["level"] == "error"
    multi_line = by_place[(HOSTILE_PATH, 9, "JM201")]["locations"][0]["physicalLocation"]
    assert multi_line["region"] == {"startLine": 9, "startColumn": 3, "endLine": 11, "endColumn": 1}


@pytest.mark.parametrize(
    ("span", "region"),
    [
        (Span(4, 2, 4, 2), (4, 2, 4, 2)),  # a point stays a point
        (Span(4, 9, 4, 3), (4, 9, 4, 9)),  # an end before the start is moved to the start
        (Span(4, 9, 2, 1), (4, 9, 4, 9)),
        (Span(0, 0, 0, 0), (1, 1, 1, 1)),  # SARIF counts from 1
    ],
)
def test_regions_never_end_before_they_start(span: Span, region: tuple[int, int, int, int]) -> None:
    data = sarif(single("m", span=span))
    assert_valid(data)
    got = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (got["startLine"], got["startColumn"], got["endLine"], got["endColumn"]) == region


def _unescape_message(text: str) -> str:
    return re.sub(r"\\([\\\[\]])", r"\1", text)


def test_map_text_cannot_forge_an_embedded_link() -> None:
    results = sarif(make_report())["runs"][0]["results"]
    (hostile,) = [
        r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    ]
    text = hostile["message"]["text"]
    # SARIF 3.11.6: `[text](target)` is a link unless its brackets are escaped.
    assert re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text) is None
    assert _unescape_message(text) == HOSTILE_MESSAGE


@given(st.text())
def test_message_escaping_reverses(message: str) -> None:
    text = sarif(single(message))["runs"][0]["results"][0]["message"]["text"]
    assert _unescape_message(text) == message


@pytest.mark.parametrize(
    ("path", "uri", "base"),
    [
        ("maps/acme.journey.yaml", "maps/acme.journey.yaml", "%SRCROOT%"),
        ("maps/my map #1.journey.yaml", "maps/my%20map%20%231.journey.yaml", "%SRCROOT%"),
        ("a:b/café.journey.yaml", "a%3Ab/caf%C3%A9.journey.yaml", "%SRCROOT%"),
        ("maps/caf\udce9.journey.yaml", "maps/caf%E9.journey.yaml", "%SRCROOT%"),
        ("/srv/maps/x.journey.yaml", "file:///srv/maps/x.journey.yaml", None),
    ],
)
def test_paths_become_uri_references(path: str, uri: str, base: str | None) -> None:
    data = sarif(single("m", path=path))
    assert_valid(data)
    location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"].get("uri") == uri
    assert location["artifactLocation"].get("uriBaseId") == base


def test_every_uri_is_a_plain_ascii_uri_reference() -> None:
    results = sarif(make_report())["runs"][0]["results"]
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert re.fullmatch(r"[A-Za-z0-9\-._~/%!$&'()*+,;=@]+", uri), uri


def test_fingerprints_ignore_the_line_and_tell_duplicates_apart() -> None:
    def fingerprints(*lines: int) -> list[str]:
        diagnostics = [
            Diagnostic(ACME, Span(line, 1, line, 2), "JM302", "touchpoint-without-owner",
                       Severity.WARNING, "same message")
            for line in lines
        ]  # fmt: skip
        report = Report([FileReport(ACME, diagnostics)], [], "1.2.3")
        results = sarif(report)["runs"][0]["results"]
        return [r["partialFingerprints"]["journeyctl/v1"] for r in results]

    before = fingerprints(10, 20)
    after = fingerprints(15, 25)  # lines added above both findings
    assert before == after
    assert len(set(before)) == 2
