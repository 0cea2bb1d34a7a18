"""JM603 missing-customer-view: a stage with `laer` but no `pimo`, in maps of every scope."""

from __future__ import annotations

import pytest

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM603",))
    assert all(d.code == "JM603" and d.rule == "missing-customer-view" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: views
title: Views
{scope}stages:
  - id: evaluate
    name: Evaluate
    laer: land
  - id: onboard
    name: Onboard
    laer: adopt
    pimo: implement
  - {id: monitor, name: Monitor, pimo: monitor}
  - {id: neither, name: Neither}
  - {name: Grow, laer: expand, id: grow}
"""


@pytest.mark.parametrize("scope", ["", "scope: onboarding\n"], ids=["end-to-end", "onboarding"])
def test_stages_with_laer_and_no_pimo_are_reported_at_their_id(scope: str) -> None:
    text = TEXT.replace("{scope}", scope)
    found = _found(text)
    assert [line for line, _ in found] == [
        line_of(text, r"- id: evaluate"),
        line_of(text, r"id: grow"),
    ]
    evaluate, grow = (message for _, message in found)
    assert "'evaluate'" in evaluate and "laer: land" in evaluate and "pimo" in evaluate
    assert "'grow'" in grow and "laer: expand" in grow


def test_the_finding_is_at_the_id_key_even_when_it_is_not_first() -> None:
    text = TEXT.replace("{scope}", "")
    [_, grow] = lint_yaml(text, select=("JM603",))
    assert grow.span.column == text.splitlines()[grow.span.line - 1].index("id: grow") + 1
