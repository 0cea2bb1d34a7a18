"""JM604 stage-without-metric: a stage with no metrics (`metrics: []` counts as none)."""

from __future__ import annotations

import pytest

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM604",))
    assert all(d.code == "JM604" and d.rule == "stage-without-metric" for d in found)
    assert all(d.severity is Severity.INFO for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: metrics
title: Metrics
{scope}stages:
  - id: unmeasured
    name: Unmeasured
  - id: measured
    name: Measured
    metrics:
      - {name: Time to value, target: "< 30 days"}
  - id: empty
    name: Empty list
    metrics: []
"""


@pytest.mark.parametrize("scope", ["", "scope: onboarding\n"], ids=["end-to-end", "onboarding"])
def test_stages_without_metrics_are_reported_at_their_id(scope: str) -> None:
    text = TEXT.replace("{scope}", scope)
    found = _found(text)
    assert [line for line, _ in found] == [
        line_of(text, r"- id: unmeasured"),
        line_of(text, r"- id: empty"),
    ]
    unmeasured, empty = (message for _, message in found)
    assert "'unmeasured'" in unmeasured and "no metric" in unmeasured
    assert "'empty'" in empty and "no metric" in empty
