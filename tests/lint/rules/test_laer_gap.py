"""JM602 laer-gap: one finding per LAER phase without a stage, at the map's id, in LAER order."""

from __future__ import annotations

from journeyctl.diagnostics import Severity
from tests.conftest import line_of, lint_yaml


def _found(text: str) -> list[tuple[int, str]]:
    found = lint_yaml(text, select=("JM602",))
    assert all(d.code == "JM602" and d.rule == "laer-gap" for d in found)
    assert all(d.severity is Severity.WARNING for d in found)
    assert all("\n" not in d.message for d in found)
    return [(d.span.line, d.message) for d in found]


def _map(stages: str, scope: str = "") -> str:
    return f"journeyctl: 1\nid: lifecycle\ntitle: T\n{scope}stages:\n{stages}"


def test_one_missing_phase_is_one_finding_naming_it() -> None:
    text = _map(
        "  - {id: buy, name: Buy, laer: land}\n"
        "  - {id: onboard, name: Onboard, laer: adopt}\n"
        "  - {id: grow, name: Grow, laer: expand}\n"
    )
    [(line, message)] = _found(text)
    assert line == line_of(text, r"^id: lifecycle")
    assert "'lifecycle'" in message and "renew" in message and "laer: renew" in message


def test_two_missing_phases_are_two_findings_at_the_map_id_in_laer_order() -> None:
    # land before adopt: LAER order, which is not the alphabetical order of the phases
    text = _map(
        "  - {id: grow, name: Grow, laer: expand}\n"
        "  - {id: other, name: No phase}\n"
        "  - {id: renewal, name: Renewal, laer: renew}\n"
    )
    found = _found(text)
    assert [line for line, _ in found] == [line_of(text, r"^id: lifecycle")] * 2
    land, adopt = (message for _, message in found)
    assert "'lifecycle'" in land and "laer: land" in land
    assert "'lifecycle'" in adopt and "laer: adopt" in adopt


def test_a_land_only_map_misses_three_phases_in_laer_order() -> None:
    text = _map("  - {id: buy, name: Buy, laer: land}\n")
    messages = [message for _, message in _found(text)]
    assert [m.split("`laer: ")[1].split("`")[0] for m in messages] == ["adopt", "expand", "renew"]


def test_all_four_phases_in_any_order_pass() -> None:
    text = _map(
        "  - {id: renewal, name: Renewal, laer: renew}\n"
        "  - {id: grow, name: Grow, laer: expand}\n"
        "  - {id: buy, name: Buy, laer: land}\n"
        "  - {id: onboard, name: Onboard, laer: adopt}\n"
    )
    assert _found(text) == []


def test_a_map_scoped_to_a_focus_is_not_checked() -> None:
    assert _found(_map("  - {id: buy, name: Buy, laer: land}\n", "scope: onboarding\n")) == []


def test_a_map_that_states_no_laer_is_not_checked() -> None:
    assert _found(_map("  - {id: buy, name: Buy, pimo: plan}\n")) == []
