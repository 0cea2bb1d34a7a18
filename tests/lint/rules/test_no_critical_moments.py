"""JM501 no-critical-moments: no touchpoint of the map is critical, at the map's id."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM501",))
    assert all(d.code == "JM501" and d.rule == "no-critical-moments" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: moments
title: Moments
stages:
  - id: first
    name: First
    touchpoints:
      - {id: ad, name: Advert}
      - {id: demo, name: Demo, critical: false}
  - id: second
    name: Second
    touchpoints:
      - {id: review, name: Review site, direct: false}
"""


def test_a_map_without_critical_touchpoints_is_reported_once_at_its_id() -> None:
    [(line, message)] = _found(TEXT)
    assert line == line_of(TEXT, r"^id: moments")
    assert "'moments'" in message and "critical" in message


def test_a_map_without_touchpoints_is_reported() -> None:
    text = "journeyctl: 1\nid: empty\ntitle: T\nstages:\n  - {id: s, name: S, touchpoints: []}\n"
    assert [line for line, _ in _found(text)] == [line_of(text, r"^id: empty")]


def test_one_critical_touchpoint_in_a_later_stage_is_enough() -> None:
    text = TEXT.replace("{id: review, name: Review site, direct: false}", "{id: x, name: X}")
    text = text.replace("{id: x, name: X}", "{id: x, name: X, critical: true}")
    assert _found(text) == []


def test_an_indirect_critical_touchpoint_counts() -> None:
    text = TEXT.replace("direct: false}", "direct: false, critical: true}")
    assert _found(text) == []
