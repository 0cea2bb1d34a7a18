"""Shared test helpers: lint or validate YAML text the way the command line does."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from journeyctl.config import DEFAULT_SETTINGS, Settings
from journeyctl.diagnostics import Diagnostic
from journeyctl.lint.engine import LintOptions, lint_checked
from journeyctl.validation import check_bytes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TODAY = datetime.date(2026, 11, 27)

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def validate_yaml(text: str, settings: Settings = DEFAULT_SETTINGS) -> list[Diagnostic]:
    return check_bytes(text.encode(), "map.journey.yaml", teams=settings.teams).diagnostics


def lint_yaml(
    text: str,
    *,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
    today: datetime.date = TODAY,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Diagnostic]:
    """Lint a valid map given as text; fails the test if the map is not valid."""
    checked = check_bytes(text.encode(), "map.journey.yaml", teams=settings.teams)
    assert checked.journey is not None, [d.message for d in checked.diagnostics]
    return lint_checked(checked, settings, LintOptions(select=select, ignore=ignore, today=today))


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def line_of(text: str, pattern: str) -> int:
    """1-based line of the first line matching `pattern` (a regex)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(pattern, line):
            return number
    raise AssertionError(f"no line matches {pattern!r}")


@pytest.fixture
def format_example() -> str:
    """FORMAT.md's complete example, kept in the tests as the canonical valid map."""
    return (ROOT / "tests" / "data" / "format-example.journey.yaml").read_text()
