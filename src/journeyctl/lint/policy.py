"""What the engine needs to know of a run, as plain data: which rules, with what options and
severities, measured against which day. Built per file by `journeyctl.api` from the
configuration and the caller's `select`/`ignore`; the engine never reads a configuration.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from journeyctl.diagnostics import Severity
from journeyctl.lint.registry import UNUSED_SUPPRESSION, all_rules, lookup


class UnknownRuleError(ValueError):
    """A rule code or name that no rule has; the message says which and how to list them."""


@dataclass(frozen=True, slots=True)
class RulePolicy:
    enabled: frozenset[str]
    """Rule codes that run (JM010 included when unused suppressions are reported)."""
    today: datetime.date
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per rule code, the options that differ from the rule's defaults."""
    severities: Mapping[str, Severity] = field(default_factory=dict)
    """Per rule code, a severity that replaces the rule's default."""

    def options_for(self, code: str, defaults: Mapping[str, Any]) -> dict[str, Any]:
        return {**defaults, **self.options.get(code, {})}

    def severity_for(self, code: str, default: Severity) -> Severity:
        return self.severities.get(code, default)


def resolve_code(code_or_name: str) -> str | None:
    info = lookup(code_or_name)
    return info.code if info is not None else None


def unknown_rule_message(name: str) -> str:
    """`unknown rule 'stale-evidnce'; did you mean 'stale-evidence'?`: the same words wherever
    a rule is named (command line, configuration)."""
    from journeyctl.lint.registry import catalogue
    from journeyctl.quoting import quote
    from journeyctl.suggest import closest

    known = [info.code for info in catalogue()] + [info.name for info in catalogue()]
    close = closest(name.strip(), known) if len(name) <= 100 else None
    hint = f"; did you mean {close!r}?" if close else ""
    return f"unknown rule {quote(name)}{hint} (see `journeyctl rules`)"


def codes_of(names: Iterable[str]) -> set[str]:
    """Rule codes for codes or names; raises UnknownRuleError naming the first unknown one."""
    codes = set()
    for name in names:
        code = resolve_code(name)
        if code is None:
            raise UnknownRuleError(unknown_rule_message(name))
        codes.add(code)
    return codes


def enabled_codes(
    select: Iterable[str] | None, ignore: Iterable[str], *more_ignores: Iterable[str]
) -> frozenset[str]:
    """The lint codes that run: every rule, or only `select`'s, less every ignore list."""
    every = {rule.code for rule in all_rules()} | {UNUSED_SUPPRESSION.code}
    chosen = codes_of(select) & every if select is not None else every
    ignored = codes_of(ignore).union(*(codes_of(more) for more in more_ignores))
    return frozenset(chosen - ignored)
