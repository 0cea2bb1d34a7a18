"""JM504 critical-moment-without-feedback: a critical touchpoint without a listening post."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM504",))
    assert all(d.code == "JM504" and d.rule == "critical-moment-without-feedback" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: listening
title: Listening posts
stages:
  - id: buy
    name: Buy
    touchpoints:
      - id: demo
        name: Demo
        critical: true
      - id: contract
        name: Contract
        critical: true
        feedback: {method: ces}
      - {id: ad, name: Advert}
  - id: use
    name: Use
    touchpoints:
      - {id: forum, name: Forum thread, direct: false, critical: true}
      - {id: nps-survey, name: NPS survey, critical: true, feedback: {method: nps, metric: NPS}}
"""


def test_critical_touchpoints_without_feedback_are_reported_in_every_stage() -> None:
    found = _found(TEXT)
    assert [line for line, _ in found] == [
        line_of(TEXT, r"- id: demo"),
        line_of(TEXT, r"- \{id: forum"),
    ]
    demo, forum = (message for _, message in found)
    assert "'demo'" in demo and "feedback" in demo and "listening post" in demo
    assert "'forum'" in forum


def test_touchpoints_with_feedback_or_not_critical_pass() -> None:
    lines = [line for line, _ in _found(TEXT)]
    for touchpoint in ("contract", "ad", "nps-survey"):
        assert line_of(TEXT, rf"id: {touchpoint}\b") not in lines
