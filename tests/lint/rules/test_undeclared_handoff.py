"""JM304 undeclared-handoff: owned touchpoints in journey order, read word by word."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

HEAD = """\
journeyctl: 1
id: m
title: M
teams:
  - {id: marketing, name: Marketing}
  - {id: sales, name: Sales}
  - {id: onboarding, name: Implementation}
  - {id: cs, name: Customer Success}
stages:
"""


def _map(stages: str) -> str:
    return HEAD + stages


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM304",))
    assert all(d.code == "JM304" and d.rule == "undeclared-handoff" for d in found)
    return [(d.span.line, d.message) for d in found]


def test_a_change_of_owner_in_one_stage_is_reported_at_the_second_touchpoint() -> None:
    text = _map("""\
  - id: evaluate
    name: Evaluate
    touchpoints:
      - id: webinar
        name: Webinar
        owner: marketing
      - id: demo
        name: Demo
        owner: sales
""")
    [(line, message)] = _found(text)
    assert line == line_of(text, r"- id: demo")
    assert "'demo'" in message and "'webinar'" in message
    assert "from team 'marketing'" in message and "to team 'sales'" in message
    assert "stage 'evaluate'" in message and "\n" not in message


def test_default_severity_is_warning() -> None:
    text = _map("""\
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, owner: marketing}
      - {id: b, name: B, owner: sales}
""")
    assert [d.severity for d in lint_yaml(text, select=("JM304",))] == [Severity.WARNING]


def test_same_owner_consecutive_gives_none() -> None:
    text = _map("""\
  - id: s1
    name: S1
    touchpoints:
      - {id: a, name: A, owner: sales}
      - {id: b, name: B, owner: sales}
  - id: s2
    name: S2
    touchpoints:
      - {id: c, name: C, owner: sales}
""")
    assert _found(text) == []


def test_unowned_touchpoints_in_between_are_skipped() -> None:
    text = _map("""\
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, owner: marketing}
      - {id: free-trial, name: Free trial}
      - {id: reviews, name: Reviews, direct: false}
      - {id: b, name: B, owner: sales}
      - {id: c, name: C}
      - {id: d, name: D, owner: sales}
""")
    [(line, message)] = _found(text)
    assert line == line_of(text, r"id: b,")
    assert "(at 'a')" in message  # the previous OWNED touchpoint, not 'reviews'


def test_an_unowned_touchpoint_does_not_reset_the_walk() -> None:
    text = _map("""\
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, owner: sales}
      - {id: b, name: B}
      - {id: c, name: C, owner: sales}
""")
    assert _found(text) == []


def test_stage_boundaries_are_crossed_and_stages_without_touchpoints_skipped() -> None:
    text = _map("""\
  - id: buy
    name: Buy
    touchpoints:
      - {id: contract, name: Contract, owner: sales}
  - id: wait
    name: Wait
    touchpoints: []
  - id: kickoff
    name: Kickoff
    touchpoints:
      - {id: kickoff-call, name: Kickoff call, owner: onboarding}
""")
    [(line, message)] = _found(text)
    assert line == line_of(text, r"id: kickoff-call")
    assert "from team 'sales'" in message and "to team 'onboarding'" in message
    assert "stage 'buy' or 'kickoff'" in message  # either may declare it


def test_a_handoff_declared_in_either_stage_counts() -> None:
    stages = """\
  - id: buy
    name: Buy
    touchpoints:
      - {id: contract, name: Contract, owner: sales}
{buy}  - id: kickoff
    name: Kickoff
    touchpoints:
      - {id: kickoff-call, name: Kickoff call, owner: onboarding}
{kickoff}"""
    declared = "    handoffs:\n      - {from: sales, to: onboarding}\n"
    in_first = HEAD + stages.replace("{buy}", declared).replace("{kickoff}", "")
    in_second = HEAD + stages.replace("{buy}", "").replace("{kickoff}", declared)
    assert _found(in_first) == []
    assert _found(in_second) == []


def test_a_handoff_in_a_third_stage_does_not_count() -> None:
    text = _map("""\
  - id: buy
    name: Buy
    touchpoints:
      - {id: contract, name: Contract, owner: sales}
  - id: between
    name: Between
    handoffs:
      - {from: sales, to: onboarding}
  - id: kickoff
    name: Kickoff
    touchpoints:
      - {id: kickoff-call, name: Kickoff call, owner: onboarding}
""")
    assert [line for line, _ in _found(text)] == [line_of(text, r"id: kickoff-call")]


def test_a_reversed_handoff_does_not_count() -> None:
    text = _map("""\
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, owner: sales}
      - {id: b, name: B, owner: onboarding}
    handoffs:
      - {from: onboarding, to: sales}
""")
    [(line, message)] = _found(text)
    assert line == line_of(text, r"id: b,")
    assert "from 'sales' to 'onboarding'" in message


def test_via_is_not_consulted() -> None:
    text = _map("""\
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, owner: sales}
      - {id: b, name: B, owner: onboarding}
      - {id: c, name: C, owner: cs}
    handoffs:
      - {from: sales, to: onboarding, via: c}
      - {from: onboarding, to: cs, via: a}
""")
    assert _found(text) == []


def test_three_owners_in_a_row_give_two_findings_if_undeclared() -> None:
    text = _map("""\
  - id: land
    name: Land
    touchpoints:
      - {id: ad, name: Ad, owner: marketing}
      - {id: demo, name: Demo, owner: sales}
  - id: adopt
    name: Adopt
    touchpoints:
      - {id: qbr, name: QBR, owner: cs}
""")
    found = _found(text)
    assert [line for line, _ in found] == [line_of(text, r"id: demo"), line_of(text, r"id: qbr")]
    assert "from team 'marketing'" in found[0][1] and "to team 'sales'" in found[0][1]
    assert "from team 'sales'" in found[1][1] and "to team 'cs'" in found[1][1]


def test_a_return_to_an_earlier_owner_needs_its_own_handoff() -> None:
    text = _map("""\
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, owner: sales}
      - {id: b, name: B, owner: onboarding}
      - {id: c, name: C, owner: sales}
    handoffs:
      - {from: sales, to: onboarding}
""")
    [(line, message)] = _found(text)
    assert line == line_of(text, r"id: c,")
    assert "from team 'onboarding'" in message


def test_a_team_and_a_stage_may_share_an_id() -> None:
    text = _map("""\
  - id: onboarding
    name: Onboarding
    touchpoints:
      - {id: a, name: A, owner: sales}
      - {id: b, name: B, owner: onboarding}
""")
    [(_, message)] = _found(text)
    assert "to team 'onboarding'" in message and "stage 'onboarding'" in message


def test_no_owned_touchpoints_gives_none() -> None:
    text = HEAD + "  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A}\n"
    assert _found(text) == []
