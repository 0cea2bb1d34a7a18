"""JM302 touchpoint-without-owner."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

TEXT = """\
journeyctl: 1
id: m
title: M
teams:
  - {id: sales, name: Sales}
stages:
  - id: evaluate
    name: Evaluate
    touchpoints:
      - id: demo
        name: Product demo
      - id: proposal
        name: Proposal
        owner: sales
  - id: decide
    name: Decide
    touchpoints: []
  - id: advocate
    name: Advocate
    touchpoints:
      - {id: word-of-mouth, name: Word of mouth, direct: false}
      - {id: case-study, name: Case study, owner: sales, direct: false}
"""


def test_each_unowned_touchpoint_is_reported_at_its_id() -> None:
    found = lint_yaml(TEXT, select=("JM302",))
    assert [(d.code, d.span.line) for d in found] == [
        ("JM302", line_of(TEXT, r"- id: demo")),
        ("JM302", line_of(TEXT, r"id: word-of-mouth")),
    ]
    assert found[0].message == "touchpoint 'demo' has no owner; name the team accountable for it"
    assert "'word-of-mouth'" in found[1].message
    assert all(d.severity is Severity.WARNING for d in found)


def test_teams_declared_only_in_the_configuration_count_as_owners() -> None:
    from journeyctl.config import Settings

    text = TEXT.replace("teams:\n  - {id: sales, name: Sales}\n", "")
    found = lint_yaml(text, select=("JM302",), settings=Settings(teams={"sales": "Sales"}))
    assert len(found) == 2
