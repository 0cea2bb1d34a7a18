"""JM605 no-milestones: no stage of the map has a success milestone, at the map's id."""

from __future__ import annotations

import pytest

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM605",))
    assert all(d.code == "JM605" and d.rule == "no-milestones" for d in found)
    assert all(d.severity is Severity.INFO for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: milestones
title: Milestones
{scope}stages:
  - id: setup
    name: Set up
    milestones: []
  - id: go-live
    name: Go live
"""


@pytest.mark.parametrize("scope", ["", "scope: onboarding\n"], ids=["end-to-end", "onboarding"])
def test_a_map_without_milestones_is_reported_once_at_its_id(scope: str) -> None:
    text = TEXT.replace("{scope}", scope)
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: milestones")
    assert "'milestones'" in message and "success milestone" in message


def test_one_milestone_in_any_stage_is_enough() -> None:
    text = TEXT.replace("{scope}", "") + "    milestones: [First dashboard shared]\n"
    assert _found(text) == []
