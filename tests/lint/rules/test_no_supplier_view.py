"""JM606 no-supplier-view: no stage states its `laer` phase, at the map's id, in every scope."""

from __future__ import annotations

import pytest

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM606",))
    assert all(d.code == "JM606" and d.rule == "no-supplier-view" for d in found)
    assert all(d.severity is Severity.INFO for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


TEXT = """\
journeyctl: 1
id: supplier
title: Supplier view
{scope}stages:
  - {id: plan, name: Plan, pimo: plan}
  - id: implement
    name: Implement
"""


@pytest.mark.parametrize("scope", ["", "scope: onboarding\n"], ids=["end-to-end", "onboarding"])
def test_a_map_without_any_laer_is_reported_once_at_its_id(scope: str) -> None:
    text = TEXT.replace("{scope}", scope)
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: supplier")
    assert "'supplier'" in message and "laer" in message


def test_one_stage_with_laer_is_enough() -> None:
    text = TEXT.replace("{scope}", "") + "    laer: adopt\n"
    assert _found(text) == []
