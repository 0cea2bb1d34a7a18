"""JM603 missing-customer-view: a stage seen only from the supplier's side.

## What it does
Reports a stage that states its `laer` phase (the supplier's view) but no `pimo` phase (the
customer's view). A stage with neither is not reported here (see JM606).

## Why is this bad?
TSIA describes the same relationship from two sides: LAER (Land, Adopt, Expand, Renew) is the
supplier's view of the engagement, and PIMO (Plan, Implement, Monitor, Optimize) the steps the
customer must take to achieve their desired outcomes with your technology. Journey mapping is
an outside-in exercise: a stage placed only in the supplier's sales motion says what the
company does to the customer, not where the customer is on their way to value.

## Example
```yaml
journeyctl: 1
id: analytics-journey
title: Analytics suite
stages:
  - id: evaluate
    name: Evaluate
    laer: land
```

## Use instead
```yaml
journeyctl: 1
id: analytics-journey
title: Analytics suite
stages:
  - id: evaluate
    name: Evaluate
    laer: land
    pimo: plan
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class MissingCustomerView(Rule):
    code = "JM603"
    name = "missing-customer-view"
    severity = Severity.WARNING
    summary = "A stage has `laer` but no `pimo`."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            if stage.laer is not None and stage.pimo is None:
                yield Finding(
                    path,
                    f"stage {stage.id!r} states the supplier's view (laer: {stage.laer.value}) "
                    "but not the customer's; add its `pimo` phase (plan, implement, monitor or "
                    "optimize)",
                )
