"""JM601 ends-at-purchase: an end-to-end map using LAER with no stage past `land`."""

from __future__ import annotations

import pytest

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM601",))
    assert all(d.code == "JM601" and d.rule == "ends-at-purchase" for d in found)
    assert all(d.severity is Severity.ERROR for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


def _map(stages: str, scope: str = "") -> str:
    return f"journeyctl: 1\nid: purchase\ntitle: T\n{scope}stages:\n{stages}"


LAND_ONLY = """\
  - {id: discover, name: Discover}
  - {id: evaluate, name: Evaluate, laer: land}
  - {id: buy, name: Buy, laer: land, pimo: plan}
"""


@pytest.mark.parametrize("scope", ["", "scope: end-to-end\n"], ids=["default", "explicit"])
def test_an_end_to_end_map_with_only_land_stages_is_reported_at_its_id(scope: str) -> None:
    text = _map(LAND_ONLY, scope)
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: purchase")
    assert "'purchase'" in message and "ends at purchase" in message
    assert "adopt" in message and "renew" in message


def test_a_map_scoped_to_a_focus_is_not_checked() -> None:
    assert _found(_map(LAND_ONLY, "scope: onboarding\n")) == []


def test_a_map_that_states_no_laer_is_not_checked() -> None:
    assert _found(_map("  - {id: buy, name: Buy, pimo: plan}\n")) == []


@pytest.mark.parametrize("phase", ["adopt", "expand", "renew"])
def test_any_stage_past_land_passes(phase: str) -> None:
    text = _map(LAND_ONLY + f"  - {{id: after, name: After, laer: {phase}}}\n")
    assert _found(text) == []


def test_a_map_without_land_but_with_a_later_phase_does_not_end_at_purchase() -> None:
    assert _found(_map("  - {id: grow, name: Grow, laer: expand}\n")) == []
