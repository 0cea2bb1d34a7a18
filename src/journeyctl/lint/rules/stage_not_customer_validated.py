"""JM201 stage-not-customer-validated: a stage that no customer has confirmed.

## What it does
Reports a stage none of whose `evidence` entries carries a customer voice: a customer
interview, customer survey, usability test, support tickets, product analytics or CRM records.
Stakeholder interviews, team workshops, walkthroughs and assumptions are the company's view.

## Why is this bad?
The single biggest mistake in journey mapping is a map drawn by the supplier's employees
"without directly engaging with the customer". A walkthrough in the customer's shoes is the
right first step, but then you must get validation from customers; until then the stage is an
assumption, and decisions built on it remove no bias.

## Example
```yaml
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial
    name: Trial
    evidence:
      - {source: team-workshop, date: 2026-09-01}
```

## Use instead
```yaml
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial
    name: Trial
    evidence:
      - {source: team-workshop, date: 2026-09-01}
      - {source: customer-interview, date: 2026-09-20, participants: 6}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StageNotCustomerValidated(Rule):
    code = "JM201"
    name = "stage-not-customer-validated"
    severity = Severity.ERROR
    summary = "A stage has no evidence with a customer voice."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            if not walk.customer_evidence(stage):
                internal = sorted({entry.source.value for entry in stage.evidence})
                known = f" (only {', '.join(internal)})" if internal else " (no evidence at all)"
                yield Finding(
                    path, f"stage {stage.id!r} is not validated by any customer voice{known}"
                )
