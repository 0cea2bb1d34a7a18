"""JM401 stage-without-goals: a stage that does not say what the customer wants from it.

## What it does
Reports a stage with no `goals` (an empty list counts as none).

## Why is this bad?
A journey map tells the story of how well the company helps its customers achieve their
desired business outcomes, seen from the outside in. For each stage it should show the goals
of the customer, the touchpoints, and the actions required to move on. The goals are the
customer's view (PIMO: plan, implement, monitor, optimize), as the LAER phases are the
supplier's; without them a stage describes what the company does to the customer, and nobody
can tell whether a touchpoint helps or merely happens.

## Example
```yaml
journeyctl: 1
id: implementation-journey
title: Implementation
stages:
  - id: implement
    name: Implement
    actions: [Connect the data warehouse]
```

## Use instead
```yaml
journeyctl: 1
id: implementation-journey
title: Implementation
stages:
  - id: implement
    name: Implement
    goals: [See last quarter's numbers without a spreadsheet]
    actions: [Connect the data warehouse]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StageWithoutGoals(Rule):
    code = "JM401"
    name = "stage-without-goals"
    severity = Severity.WARNING
    summary = "A stage states no customer goal."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            if not stage.goals:
                yield Finding(
                    path,
                    f"stage {stage.id!r} has no goals; state what the customer wants to achieve "
                    "here, in their words",
                )
