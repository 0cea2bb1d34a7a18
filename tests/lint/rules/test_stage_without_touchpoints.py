"""JM301 stage-without-touchpoints."""

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
  - id: empty
    name: Empty
    touchpoints: []
  - id: indirect-only
    name: Indirect only
    touchpoints:
      - {id: g2-reviews, name: Reviews on G2, direct: false}
  - name: Keys in another order
    id: direct
    touchpoints:
      - {id: call, name: Call}
"""


def test_absent_and_empty_touchpoints_are_reported_at_the_stage_id() -> None:
    found = lint_yaml(TEXT, select=("JM301",))
    assert [(d.code, d.span.line) for d in found] == [
        ("JM301", line_of(TEXT, r"- id: absent")),
        ("JM301", line_of(TEXT, r"- id: empty")),
    ]
    assert "'absent'" in found[0].message and "no touchpoints" in found[0].message
    assert "'empty'" in found[1].message
    assert all(d.severity is Severity.WARNING and "\n" not in d.message for d in found)


def test_an_indirect_touchpoint_counts() -> None:
    found = lint_yaml(TEXT, select=("JM301",))
    assert line_of(TEXT, r"- id: indirect-only") not in [d.span.line for d in found]


def test_points_at_the_id_key_even_when_it_is_not_the_first_key() -> None:
    text = "journeyctl: 1\nid: m\ntitle: M\nstages:\n  - name: Late id\n    id: late\n"
    [finding] = lint_yaml(text, select=("JM301",))
    assert finding.span.line == line_of(text, r"^    id: late")
