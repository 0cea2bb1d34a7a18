"""Every rule's documented examples run: the failing one yields exactly one finding of that
rule, the passing one none (docs/architecture.md "The rules")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import journeyctl.lint.rules
from journeyctl.lint.registry import all_rules
from journeyctl.lint.rule import Rule
from tests.conftest import lint_yaml

RULES = all_rules()
RULES_FOLDER = Path(journeyctl.lint.rules.__file__).parent
_CODE = re.compile(r'^    code = "(JM\d{3})"$', re.MULTILINE)


def test_the_registry_finds_the_one_rule_of_every_rule_module() -> None:
    """Adding a rule is adding a module: the registry must find it without a list to update."""
    modules = sorted(RULES_FOLDER.glob("[!_]*.py"))
    declared = [
        code for path in modules for code in _CODE.findall(path.read_text(encoding="utf-8"))
    ]
    assert len(declared) == len(modules), "each rule module declares exactly one rule code"
    assert len(set(declared)) == len(declared), "two rule modules share a code"
    assert sorted(rule.code for rule in RULES) == sorted(declared)
    assert len(RULES) >= 23


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
