"""What a rule is: a code, a name, a default severity, options, a check and its documentation.

A rule lives in one module of `journeyctl.lint.rules`; its module docstring is its
documentation (what it does, why it matters, a failing and a passing example), printed by
`journeyctl rules CODE`, and its two examples run as tests.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from journeyctl.diagnostics import RuleInfo, Severity
from journeyctl.load.sourcemap import PathKey

if TYPE_CHECKING:
    from journeyctl.model import JourneyMap


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on one element, located by its path in the map.

    With `key`, the finding points at that key of the element (an evidence entry's `source`);
    without, at the element's `id` key (docs/architecture.md "Where a finding points").
    """

    path: PathKey
    message: str
    key: str | None = None
    detail: str = ""
    """What tells apart findings of one rule on one element (JM602's missing phase); part of
    the fingerprint, unlike the message, which may change with the date."""


@dataclass(frozen=True, slots=True)
class LintContext:
    today: datetime.date
    options: Mapping[str, Any] = field(default_factory=dict)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    """One line for the catalogue table."""
    options: ClassVar[Mapping[str, Any]] = {}
    """Option names and their defaults; a configured value must have the default's type."""

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        module = sys.modules[cls.__module__]
        return (module.__doc__ or cls.__doc__ or "").strip()

    @classmethod
    def examples(cls) -> tuple[str, str]:
        """The failing (`## Example`) and passing (`## Use instead`) YAML of the documentation."""
        doc = cls.documentation()
        return _fenced_yaml(doc, "Example"), _fenced_yaml(doc, "Use instead")

    @classmethod
    def info(cls) -> RuleInfo:
        return RuleInfo(cls.code, cls.name, cls.severity, cls.summary, cls.documentation())


def _fenced_yaml(doc: str, heading: str) -> str:
    match = re.search(
        rf"^## {re.escape(heading)}\s*$.*?^```yaml\n(.*?)^```", doc, re.MULTILINE | re.DOTALL
    )
    return match.group(1) if match else ""
