"""JM202 stale-evidence: a stage whose customer validation has gone out of date.

## What it does
Reports a stage whose newest customer-voice `evidence` entry (a customer interview, customer
survey, usability test, support tickets, product analytics or CRM records) is dated more than
`max_age_days` days before today. Only the newest entry counts: one fresh listening round
renews the whole stage. A stage with no customer-voice evidence at all is left to JM201
(stage-not-customer-validated). An entry exactly `max_age_days` old is still fresh.

## Why is this bad?
Customer journey mapping is not one-and-done: it is a continuous process, and the map should
be continuously reinforced by data. Customers, their desired outcomes and the product all
change; a stage last confirmed by customers two years ago is, today, the supplier's
assumption again, and its pain points and moments of truth may no longer be the ones that
decide renewal. Going back to the customer keeps the map a guide, not a souvenir.

## Example
With today being 2026-11-27:
```yaml
journeyctl: 1
id: renewal-journey
title: Renewal
stages:
  - id: renew
    name: Renew
    evidence:
      - {source: customer-interview, date: 2025-06-10, participants: 8}
      - {source: team-workshop, date: 2026-11-02}
```

## Use instead
```yaml
journeyctl: 1
id: renewal-journey
title: Renewal
stages:
  - id: renew
    name: Renew
    evidence:
      - {source: customer-interview, date: 2025-06-10, participants: 8}
      - {source: customer-survey, date: 2026-10-05, participants: 140}
```

## Options
- `max_age_days` (default `365`): how many days before today the newest customer-voice
  evidence of a stage may be dated before the stage counts as stale, e.g.
  `rules: {stale-evidence: {max_age_days: 180}}` in `.journeyctl.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StaleEvidence(Rule):
    code = "JM202"
    name = "stale-evidence"
    severity = Severity.WARNING
    summary = "A stage's newest customer evidence is older than `max_age_days`."
    options: ClassVar[Mapping[str, Any]] = {"max_age_days": 365}

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        max_age: int = context.options["max_age_days"]
        for path, stage in walk.stages(journey):
            customer = walk.customer_evidence(stage)
            if not customer:
                continue  # not validated at all: JM201 reports it
            newest = max(entry.date for entry in customer)
            age = (context.today - newest).days
            if age > max_age:
                yield Finding(
                    path,
                    f"stage {stage.id!r} was last confirmed by customers on {newest.isoformat()}, "
                    f"{age} days ago (more than {max_age}); gather fresh customer evidence",
                )
