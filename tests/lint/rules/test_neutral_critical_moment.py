"""JM502 neutral-critical-moment: a critical touchpoint whose moment is neutral or missing."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM502",))
    assert all(d.code == "JM502" and d.rule == "neutral-critical-moment" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: moments
title: Moments
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
        moment: neutral
      - {id: pricing, name: Pricing page, moment: neutral}
      - {id: invoice, name: Invoice}
  - id: use
    name: Use
    touchpoints:
      - {id: kickoff, name: Kickoff, critical: true, moment: positive}
      - {id: outage, name: Outage, critical: true, moment: negative}
      - {id: forum, name: Forum thread, direct: false, critical: true, moment: neutral}
"""


def test_critical_touchpoints_with_a_missing_or_neutral_moment_are_reported() -> None:
    found = _found(TEXT)
    assert [line for line, _ in found] == [
        line_of(TEXT, r"- id: demo"),
        line_of(TEXT, r"- id: contract"),
        line_of(TEXT, r"- \{id: forum"),
    ]
    missing, neutral, indirect = (message for _, message in found)
    assert "'demo'" in missing and "no moment" in missing
    assert "'contract'" in neutral and "neutral" in neutral and "threat" in neutral
    assert "'forum'" in indirect and "neutral" in indirect


def test_positive_and_negative_critical_moments_and_non_critical_ones_pass() -> None:
    lines = [line for line, _ in _found(TEXT)]
    for touchpoint in ("pricing", "invoice", "kickoff", "outage"):
        assert line_of(TEXT, rf"id: {touchpoint}\b") not in lines
