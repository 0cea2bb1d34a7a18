"""JM305 single-team-map: a map-level finding at the top-level `id`."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml

HEAD = """\
journeyctl: 1
title: One team
id: solo
teams:
  - {id: sales, name: Sales}
  - {id: cs, name: Customer Success}
stages:
"""


def _map(stages: str) -> str:
    return HEAD + stages


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM305",))
    assert all(d.code == "JM305" and d.rule == "single-team-map" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    return [(d.span.line, d.message) for d in found]


def test_one_owner_across_stages_gives_one_finding_at_the_map_id() -> None:
    text = _map("""\
  - id: evaluate
    name: Evaluate
    touchpoints:
      - {id: demo, name: Demo, owner: sales}
      - {id: reviews, name: Reviews, direct: false}
  - id: buy
    name: Buy
    touchpoints:
      - {id: contract, name: Contract, owner: sales, direct: false}
""")
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: solo")
    assert "'solo'" in message and "'sales'" in message and "\n" not in message


def test_a_single_owned_touchpoint_is_a_single_team() -> None:
    text = HEAD + "  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A, owner: cs}\n"
    assert len(_found(text)) == 1


def test_two_owners_give_none() -> None:
    text = _map("""\
  - id: evaluate
    name: Evaluate
    touchpoints:
      - {id: demo, name: Demo, owner: sales}
  - id: adopt
    name: Adopt
    touchpoints:
      - {id: qbr, name: QBR, owner: cs, direct: false}
""")
    assert _found(text) == []


def test_no_owned_touchpoints_gives_none() -> None:
    unowned = HEAD + "  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A}\n"
    empty = HEAD + "  - id: s\n    name: S\n    touchpoints: []\n"
    absent = HEAD + "  - id: s\n    name: S\n"
    assert _found(unowned) == _found(empty) == _found(absent) == []


def test_declared_teams_that_own_nothing_do_not_count() -> None:
    text = HEAD + "  - id: s\n    name: S\n    touchpoints:\n      - {id: a, name: A, owner: cs}\n"
    text += "    handoffs:\n      - {from: sales, to: cs}\n"
    assert len(_found(text)) == 1
