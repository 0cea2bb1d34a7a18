"""Running the rules on one valid map: selection, options, severities, suppressions.

Rules yield `Finding`s located by path; the engine turns them into `Diagnostic`s at the line
the source map gives, with a fingerprint from the element's identity, applies the policy's
severities, removes suppressed findings, and reports unused suppressions (JM010). It takes
data only (the map, its loaded document, a `RulePolicy`): no files, no configuration, no run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyctl.diagnostics import Diagnostic
from journeyctl.lint.identity import element_identity, fingerprint
from journeyctl.lint.policy import RulePolicy, resolve_code
from journeyctl.lint.registry import UNUSED_SUPPRESSION, all_rules
from journeyctl.lint.rule import LintContext, Rule
from journeyctl.lint.suppression import apply_suppressions, find_suppressions

if TYPE_CHECKING:
    from journeyctl.load import LoadedDocument
    from journeyctl.model import JourneyMap


def lint_map(
    journey: JourneyMap, document: LoadedDocument, path: str, policy: RulePolicy
) -> list[Diagnostic]:
    """The findings of the enabled rules on a valid map, sorted, suppressions applied."""
    source_map = document.source_map
    diagnostics: list[Diagnostic] = []
    for rule_class in all_rules():
        if rule_class.code not in policy.enabled:
            continue
        rule = _instance(rule_class)
        context = LintContext(policy.today, policy.options_for(rule.code, rule_class.options))
        severity = policy.severity_for(rule.code, rule_class.severity)
        for finding in rule.check(journey, context):
            if finding.key is not None and (*finding.path, finding.key) in source_map.keys:
                span = source_map.keys[(*finding.path, finding.key)]
            else:
                span = source_map.element(finding.path)
            identity = element_identity(document.data, finding.path)
            diagnostics.append(
                Diagnostic(
                    path,
                    span,
                    rule.code,
                    rule.name,
                    severity,
                    finding.message,
                    fingerprint(rule.code, identity, finding.key or finding.detail),
                )
            )
    suppressions = find_suppressions(document.text, document.hash_scalars, resolve_code)
    kept = apply_suppressions(diagnostics, suppressions)
    if UNUSED_SUPPRESSION.code in policy.enabled:
        unused = []
        severity = policy.severity_for(UNUSED_SUPPRESSION.code, UNUSED_SUPPRESSION.severity)
        for suppression in suppressions:
            message = suppression.problem(policy.enabled)
            if message is None:
                continue
            unused.append(
                Diagnostic(
                    path,
                    suppression.span,
                    UNUSED_SUPPRESSION.code,
                    UNUSED_SUPPRESSION.name,
                    severity,
                    message,
                    # a suppression has no element: its own text is what identifies it
                    fingerprint(UNUSED_SUPPRESSION.code, "suppression", message),
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
