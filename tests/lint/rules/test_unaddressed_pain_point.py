"""JM503 unaddressed-pain-point: a pain point no opportunity addresses (at the pain point), and
a negative moment no pain point names (at the touchpoint)."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM503",))
    assert all(d.code == "JM503" and d.rule == "unaddressed-pain-point" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: pains
title: Pains
stages:
  - id: buy
    name: Buy
    touchpoints:
      - {id: pricing-page, name: Pricing page, moment: negative}
      - {id: contract, name: Contract, moment: negative}
      - {id: demo, name: Demo, moment: neutral}
    pain_points:
      - id: pricing-unclear
        description: Price is hard to estimate.
        touchpoint: pricing-page
      - id: slow-legal
        description: Legal review takes weeks.
  - id: use
    name: Use
    touchpoints:
      - {id: forum, name: Forum thread, direct: false, moment: negative}
      - {id: outage, name: Outage, moment: negative}
    pain_points:
      - id: outage-blindness
        description: Nobody tells us about outages.
        root_cause: outage
    opportunities:
      - id: price-calculator
        description: Public calculator.
        addresses: [pricing-unclear]
        status: done
      - id: placeholder
        description: Not yet linked to anything.
        addresses: []
"""


def test_both_kinds_are_reported_at_the_element_they_are_about() -> None:
    found = _found(TEXT)
    assert sorted(line for line, _ in found) == [
        line_of(TEXT, r"id: contract"),
        line_of(TEXT, r"- id: slow-legal"),
        line_of(TEXT, r"id: forum"),
        line_of(TEXT, r"id: outage,"),
        line_of(TEXT, r"- id: outage-blindness"),
    ]
    messages = dict(found)
    contract = messages[line_of(TEXT, r"id: contract")]
    assert "touchpoint 'contract'" in contract and "negative" in contract
    assert "pain point" in contract
    legal = messages[line_of(TEXT, r"- id: slow-legal")]
    assert "pain point 'slow-legal'" in legal and "opportunity" in legal


def test_a_pain_point_addressed_by_an_opportunity_in_another_stage_passes() -> None:
    lines = [line for line, _ in _found(TEXT)]
    assert line_of(TEXT, r"- id: pricing-unclear") not in lines


def test_a_negative_touchpoint_named_by_a_pain_point_passes_and_root_cause_does_not_name() -> None:
    lines = [line for line, _ in _found(TEXT)]
    assert line_of(TEXT, r"id: pricing-page") not in lines
    # `root_cause: outage` says where the pain comes from, not where it shows
    assert line_of(TEXT, r"id: outage,") in lines


def test_a_pain_point_in_a_later_stage_may_name_an_earlier_negative_touchpoint() -> None:
    text = """\
journeyctl: 1
id: later
title: Later
stages:
  - id: buy
    name: Buy
    opportunities:
      - {id: faster-legal, description: Standard contract, addresses: [slow-legal]}
    touchpoints:
      - {id: contract, name: Contract, moment: negative}
  - id: use
    name: Use
    pain_points:
      - {id: slow-legal, description: Legal review takes weeks., touchpoint: contract}
"""
    assert _found(text) == []
