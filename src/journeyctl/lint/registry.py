"""The rule catalogue: every `Rule` subclass defined in a module of `journeyctl.lint.rules`.

Adding a rule is adding a module there; nothing else needs to change.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from journeyctl.diagnostics import RuleInfo, Severity
from journeyctl.lint.rule import Rule

UNUSED_SUPPRESSION = RuleInfo(
    "JM010",
    "unused-suppression",
    Severity.INFO,
    "A `# journeyctl: ignore[...]` comment suppressed nothing.",
    "",  # filled from journeyctl.lint.suppression's docstring by `catalogue()`
)


@cache
def all_rules() -> tuple[type[Rule], ...]:
    from journeyctl.lint import rules as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    found = [cls for cls in _subclasses(Rule) if getattr(cls, "code", None)]
    return tuple(sorted(found, key=lambda cls: cls.code))


def _subclasses(cls: type[Rule]) -> list[type[Rule]]:
    result = []
    for sub in cls.__subclasses__():
        result.append(sub)
        result.extend(_subclasses(sub))
    return result


@cache
def catalogue() -> tuple[RuleInfo, ...]:
    """Every code `journeyctl rules` documents: validation codes, JM010 and the rules."""
    from journeyctl.lint import suppression
    from journeyctl.validation.codes import VALIDATION_RULES

    unused = RuleInfo(
        UNUSED_SUPPRESSION.code,
        UNUSED_SUPPRESSION.name,
        UNUSED_SUPPRESSION.severity,
        UNUSED_SUPPRESSION.summary,
        (suppression.__doc__ or "").strip(),
    )
    return (*VALIDATION_RULES, unused, *(rule.info() for rule in all_rules()))


def lookup(code_or_name: str) -> RuleInfo | None:
    wanted = code_or_name.strip()
    for info in catalogue():
        if wanted.upper() == info.code or wanted.lower() == info.name:
            return info
    return None
