"""JM203 one-sided-evidence: customer evidence that is all qualitative or all quantitative.

## What it does
Looks at every customer-voice `evidence` entry of the map, over all stages, and reports the
map (at its `id`) when all of them are of one kind of data: only qualitative (customer
interviews, usability tests, support tickets) or only quantitative (customer surveys, product
analytics, CRM records). A map without any customer-voice evidence is not reported here: each
of its stages is reported by JM201 (stage-not-customer-validated). Internal evidence
(stakeholder interviews, workshops, walkthroughs, assumptions) does not count either way.

## Why is this bad?
Collect qualitative and quantitative data. Numbers alone show what customers do but not why:
a company may assume its customers are happy from usage statistics while they plan to replace
the product under a new executive strategy. Interviews alone show why, but not how many
customers it applies to or how often it happens. Without both, you may not understand the
customers' emotional response to a defining moment, or how much it matters.

## Example
```yaml
journeyctl: 1
id: adoption-journey
title: Adoption
stages:
  - id: adopt
    name: Adopt
    evidence:
      - {source: product-analytics, date: 2026-10-01}
      - {source: customer-survey, date: 2026-10-12, participants: 220}
```

## Use instead
```yaml
journeyctl: 1
id: adoption-journey
title: Adoption
stages:
  - id: adopt
    name: Adopt
    evidence:
      - {source: product-analytics, date: 2026-10-01}
      - {source: customer-interview, date: 2026-10-20, participants: 7}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk
from journeyctl.model.vocabulary import DataKind

_ADD_INSTEAD = {
    DataKind.QUALITATIVE: "quantitative data such as a customer survey, product analytics or "
    "CRM records to learn how many customers it applies to",
    DataKind.QUANTITATIVE: "qualitative data such as customer interviews, usability tests or "
    "support tickets to learn why customers act as they do",
}


class OneSidedEvidence(Rule):
    code = "JM203"
    name = "one-sided-evidence"
    severity = Severity.WARNING
    summary = "The map's customer evidence is all qualitative or all quantitative."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        entries = [
            entry for _, stage in walk.stages(journey) for entry in walk.customer_evidence(stage)
        ]
        kinds = {entry.source.kind for entry in entries}
        if len(kinds) != 1:
            return  # no customer evidence (JM201's business), or both kinds: balanced
        (kind,) = kinds
        sources = ", ".join(sorted({entry.source.value for entry in entries}))
        yield Finding(
            walk.MAP,
            f"all customer evidence of map {journey.id!r} is {kind.value} ({sources}); "
            f"add {_ADD_INSTEAD[kind]}",
        )
