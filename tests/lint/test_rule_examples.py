"""Every rule's documented examples run: the failing one yields exactly one finding of that
rule, the passing one none (DESIGN.md "The rules")."""

from __future__ import annotations

import pytest

from journeyctl.lint.registry import all_rules
from journeyctl.lint.rule import Rule
from tests.conftest import lint_yaml

RULES = all_rules()


def test_the_catalogue_has_every_rule_of_the_design() -> None:
    expected = {
        "JM201", "JM202", "JM203", "JM204", "JM205", "JM301", "JM302", "JM303", "JM304", "JM305",
        "JM401", "JM402", "JM403", "JM404", "JM501", "JM502", "JM503", "JM504",
        "JM601", "JM602", "JM603", "JM604", "JM605", "JM606",
    }  # fmt: skip
    assert {rule.code for rule in RULES} == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.code}-{rule.name}")
def test_failing_example_yields_exactly_one_finding(rule: type[Rule]) -> None:
    failing, _ = rule.examples()
    assert failing, f"{rule.code} documents no failing example"
    found = lint_yaml(failing)
    assert [d.code for d in found if d.code == rule.code] == [rule.code], found


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.code}-{rule.name}")
def test_passing_example_yields_no_finding(rule: type[Rule]) -> None:
    _, passing = rule.examples()
    assert passing, f"{rule.code} documents no passing example"
    assert [d for d in lint_yaml(passing) if d.code == rule.code] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.code}-{rule.name}")
def test_documentation_reads_like_ruff(rule: type[Rule]) -> None:
    doc = rule.documentation()
    first_line = doc.splitlines()[0]
    assert first_line.startswith(f"{rule.code} {rule.name}:")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in doc, f"{rule.code} lacks {heading!r}"
    for option in rule.options:
        assert f"`{option}`" in doc, f"{rule.code} does not document option {option!r}"
