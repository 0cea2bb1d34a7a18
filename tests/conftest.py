"""Shared test helpers: lint or validate YAML text through the public API, as the command line
does."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import journeyctl
from journeyctl.config import DEFAULT_SETTINGS, Settings
from journeyctl.diagnostics import Diagnostic
from journeyctl.load import DEFAULT_LIMITS, Limits

ROOT = Path(__file__).resolve().parents[1]
JSON_KEYS = [
    "path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message",
    "fingerprint",
]  # fmt: skip
"""The keys of every `--format json` object, in order, as the README documents them."""
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
    return journeyctl.check(text, path="map.journey.yaml", config=settings, lint=False).diagnostics


def lint_yaml(
    text: str,
    *,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
    today: datetime.date = TODAY,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Diagnostic]:
    """Lint a valid map given as text; fails the test if the map is not valid."""
    result = journeyctl.check(
        text, path="map.journey.yaml", config=settings, select=select, ignore=ignore, today=today
    )
    assert result.valid, [d.message for d in result.diagnostics]
    return result.diagnostics


def check_raw(
    raw: bytes, path: str = "m.journey.yaml", *, limits: Limits = DEFAULT_LIMITS
) -> journeyctl.CheckResult:
    """Validate bytes with the given limits, as `journeyctl validate` does."""
    return journeyctl.check(raw, path=path, config=Settings(limits=limits), lint=False)


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
    """docs/format.md's complete example, kept in the tests as the canonical valid map."""
    return (ROOT / "tests" / "data" / "format-example.journey.yaml").read_text()
