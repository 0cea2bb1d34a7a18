"""JM402 stage-without-actions."""

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
    goals: [Go live]
  - id: empty
    name: Empty
    actions: []
  - id: stated
    name: Stated
    actions: [Book a demo]
  - id: thoughts-only
    name: Thoughts are not actions
    thoughts: ["Will this scale?"]
"""


def test_absent_and_empty_actions_are_reported_at_the_stage_id() -> None:
    found = lint_yaml(TEXT, select=("JM402",))
    assert [(d.code, d.span.line) for d in found] == [
        ("JM402", line_of(TEXT, r"- id: absent")),
        ("JM402", line_of(TEXT, r"- id: empty")),
        ("JM402", line_of(TEXT, r"- id: thoughts-only")),
    ]
    assert "'absent'" in found[0].message and "no actions" in found[0].message
    assert "'thoughts-only'" in found[2].message
    assert all(d.severity is Severity.INFO and "\n" not in d.message for d in found)
