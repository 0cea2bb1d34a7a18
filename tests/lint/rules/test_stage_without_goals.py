"""JM401 stage-without-goals."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

TEXT = """\
journeyctl: 1
id: m
title: M
stages:
  - id: absent
    name: Absent
    actions: [Sign up]
  - id: empty
    name: Empty
    goals: []
  - id: stated
    name: Stated
    goals: [Prove value to my boss]
  - id: block-style
    name: Block style
    goals:
      - Get the team on board
"""


def test_absent_and_empty_goals_are_reported_at_the_stage_id() -> None:
    found = lint_yaml(TEXT, select=("JM401",))
    assert [(d.code, d.span.line) for d in found] == [
        ("JM401", line_of(TEXT, r"- id: absent")),
        ("JM401", line_of(TEXT, r"- id: empty")),
    ]
    assert "'absent'" in found[0].message and "no goals" in found[0].message
    assert "'empty'" in found[1].message
    assert all(d.severity is Severity.WARNING and "\n" not in d.message for d in found)
