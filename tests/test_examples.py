"""The bundled examples are valid and their lint results are known (examples/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, lint_yaml, validate_yaml

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.journey.yaml"))

# (file, a pattern for the line the finding must point at, code): every finding, none missing,
# none extra. JM204 points at the evidence entry's `- source:` line, the one after its comment.
EXPECTED = [
    ("acme-analytics-b2b", r"- id: support-ticket$", "JM304"),
    ("acme-analytics-b2b", r"Known lint finding JM204", "JM204+1"),
    ("acme-analytics-b2b", r"- id: renewal-call$", "JM502"),
    ("awareness-to-advocacy", r"^id: brightbook-smb", "JM606"),
    ("awareness-to-advocacy", r"- id: accountant-tip$", "JM303"),
    ("awareness-to-advocacy", r"^  - id: use$", "JM202"),
    ("awareness-to-advocacy", r"- id: vat-return-confusing$", "JM503"),
    ("awareness-to-advocacy", r"^  - id: advocacy$", "JM201"),
    ("awareness-to-advocacy", r"- id: word-of-mouth$", "JM302"),
    ("onboarding-focus", r"^  - id: first-value$", "JM201"),
    ("onboarding-focus", r"^  - id: first-value$", "JM603"),
    ("onboarding-focus", r"^  - id: first-value$", "JM604"),
    ("onboarding-focus", r"- id: go-live-review$", "JM504"),
]


def test_there_are_at_least_three_examples() -> None:
    names = {path.name.removesuffix(".journey.yaml") for path in EXAMPLE_FILES}
    assert {"acme-analytics-b2b", "awareness-to-advocacy", "onboarding-focus"} <= names


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.name)
def test_every_example_is_valid(path: Path) -> None:
    assert validate_yaml(path.read_text()) == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: path.name)
def test_lint_findings_are_exactly_the_known_ones(path: Path) -> None:
    text = path.read_text()
    lines = text.splitlines()
    name = path.name.removesuffix(".journey.yaml")
    expected = []
    for file, pattern, code in EXPECTED:
        if file == name:
            matching = [n for n, line in enumerate(lines, start=1) if re.search(pattern, line)]
            assert len(matching) == 1, f"{pattern!r} must match exactly one line of {name}"
            code, _, offset = code.partition("+")
            expected.append((matching[0] + int(offset or 0), code))
    found = [(d.span.line, d.code) for d in lint_yaml(text)]
    assert sorted(found) == sorted(expected)
