"""Running the rules on one valid map: selection, options, severities, suppressions.

Rules yield `Finding`s located by path; the engine turns them into `Diagnostic`s at the line
the source map gives, applies per-rule severities from the configuration, removes suppressed
findings, and reports unused suppressions (JM010).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from journeyctl.config import Settings
from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.lint.registry import UNUSED_SUPPRESSION, all_rules, lookup
from journeyctl.lint.rule import LintContext, Rule
from journeyctl.lint.suppression import apply_suppressions, find_suppressions
from journeyctl.runner import Job, Outcome, read_or_report

if TYPE_CHECKING:
    from journeyctl.validation import CheckedFile


class UnknownRuleError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What the command line says for every file; the configuration adds per-file settings."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None


def resolve_code(code_or_name: str) -> str | None:
    info = lookup(code_or_name)
    return info.code if info is not None else None


def codes_of(names: Iterable[str]) -> set[str]:
    """Rule codes for codes or names; raises UnknownRuleError naming the first unknown one."""
    codes = set()
    for name in names:
        code = resolve_code(name)
        if code is None:
            raise UnknownRuleError(f"unknown rule {name!r} (see `journeyctl rules`)")
        codes.add(code)
    return codes


def enabled_codes(options: LintOptions, settings: Settings) -> frozenset[str]:
    """The lint codes that run: the command line's --select wins over the configuration's,
    and both ignore lists apply."""
    return _enabled(options.select, options.ignore, settings.select, settings.ignore)


@cache
def _enabled(
    cli_select: tuple[str, ...] | None,
    cli_ignore: tuple[str, ...],
    config_select: tuple[str, ...] | None,
    config_ignore: tuple[str, ...],
) -> frozenset[str]:
    every = {rule.code for rule in all_rules()} | {UNUSED_SUPPRESSION.code}
    select = cli_select if cli_select is not None else config_select
    chosen = codes_of(select) & every if select is not None else every
    return frozenset(chosen - codes_of((*config_ignore, *cli_ignore)))


def lint_task(job: Job, options: LintOptions) -> Outcome:
    from journeyctl.validation import check_bytes

    raw = read_or_report(job)
    if isinstance(raw, Outcome):
        return raw
    checked = check_bytes(raw, job.shown, limits=job.settings.limits, teams=job.settings.teams)
    if checked.journey is None:
        return Outcome(job.shown, checked.diagnostics, valid=False)
    return Outcome(job.shown, lint_checked(checked, job.settings, options))


def lint_checked(
    checked: CheckedFile, settings: Settings, options: LintOptions
) -> list[Diagnostic]:
    assert checked.journey is not None and checked.document is not None
    enabled = enabled_codes(options, settings)
    today = options.today or datetime.date.today()
    source_map = checked.document.source_map
    diagnostics: list[Diagnostic] = []
    for rule_class in all_rules():
        if rule_class.code not in enabled:
            continue
        rule = _instance(rule_class)
        context = LintContext(today, _options(rule_class, settings))
        severity = _severity(rule_class.code, rule_class.severity, settings)
        for finding in rule.check(checked.journey, context):
            if finding.key is not None and (*finding.path, finding.key) in source_map.keys:
                span = source_map.keys[(*finding.path, finding.key)]
            else:
                span = source_map.element(finding.path)
            diagnostics.append(
                Diagnostic(checked.path, span, rule.code, rule.name, severity, finding.message)
            )
    suppressions = find_suppressions(
        checked.document.text, checked.document.hash_scalars, resolve_code
    )
    kept = apply_suppressions(diagnostics, suppressions)
    if UNUSED_SUPPRESSION.code in enabled:
        unused = []
        severity = _severity(UNUSED_SUPPRESSION.code, UNUSED_SUPPRESSION.severity, settings)
        for suppression in suppressions:
            if suppression.unknown:
                message = f"suppression names unknown rule(s): {', '.join(suppression.unknown)}"
            elif suppression.used or not suppression.codes <= enabled:
                continue
            else:
                message = (
                    f"suppression of {', '.join(sorted(suppression.codes))} suppressed nothing"
                )
            unused.append(
                Diagnostic(
                    checked.path,
                    suppression.span,
                    UNUSED_SUPPRESSION.code,
                    UNUSED_SUPPRESSION.name,
                    severity,
                    message,
                )
            )
        kept.extend(apply_suppressions(unused, [s for s in suppressions if s.file_wide]))
    kept.sort(key=lambda d: d.sort_key)
    return kept


_INSTANCES: dict[str, Rule] = {}


def _instance(rule_class: type[Rule]) -> Rule:
    if rule_class.code not in _INSTANCES:
        _INSTANCES[rule_class.code] = rule_class()
    return _INSTANCES[rule_class.code]


def _options(rule_class: type[Rule], settings: Settings) -> dict[str, object]:
    configured = settings.rules.get(rule_class.code) or settings.rules.get(rule_class.name) or {}
    return {**rule_class.options, **configured}


def _severity(code: str, default: Severity, settings: Settings) -> Severity:
    info = lookup(code)
    name = info.name if info else code
    chosen = settings.severity.get(code) or settings.severity.get(name)
    return Severity.parse(chosen) if chosen else default
