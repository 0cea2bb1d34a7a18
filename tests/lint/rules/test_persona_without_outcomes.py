"""JM404 persona-without-outcomes: no persona (at the map's id), or no desired outcome (at
the `persona:` key)."""

from __future__ import annotations

import pytest

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM404",))
    assert all(d.code == "JM404" and d.rule == "persona-without-outcomes" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


STAGES = """\
stages:
  - id: evaluate
    name: Evaluate
"""


def test_no_persona_is_reported_at_the_top_level_id() -> None:
    text = "# A map without a persona\njourneyctl: 1\nid: no-persona\ntitle: T\n" + STAGES
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: no-persona") != 1
    assert "'no-persona'" in message and "no persona" in message


@pytest.mark.parametrize(
    "persona",
    [
        "persona:\n  name: Priya\n",
        "persona:\n  name: Priya\n  desired_outcomes: []\n",
        "persona:\n  description: Owns reporting.\n  name: Priya\n",
        "persona: {name: Priya, desired_outcomes: []}\n",
    ],
    ids=["missing", "empty-list", "name-not-first", "flow-style"],
)
def test_a_persona_without_outcomes_is_reported_at_the_persona_key(persona: str) -> None:
    text = "journeyctl: 1\nid: outcomes\ntitle: T\n" + persona + STAGES
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^persona:")
    assert "'Priya'" in message and "desired outcomes" in message and "'outcomes'" in message


def test_the_finding_is_at_the_persona_key_column() -> None:
    text = "journeyctl: 1\nid: outcomes\ntitle: T\npersona:\n  name: Priya\n" + STAGES
    [diagnostic] = lint_yaml(text, select=("JM404",))
    assert (diagnostic.span.line, diagnostic.span.column) == (line_of(text, r"^persona:"), 1)


def test_a_persona_with_outcomes_passes() -> None:
    text = (
        "journeyctl: 1\nid: outcomes\ntitle: T\n"
        "persona:\n  name: Priya\n  desired_outcomes: [Board reporting in one day]\n" + STAGES
    )
    assert _found(text) == []
