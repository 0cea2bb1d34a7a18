"""JM402 stage-without-actions: a stage that does not say what the customer does to move on.

## What it does
Reports a stage with no `actions` (an empty list counts as none).

## Why is this bad?
For each stage, a journey map shows the actions the customer must take to complete it and move
forward. They are the steps a success plan can support, where content can reduce friction,
and what the company can encourage to shorten the time to value. A stage without actions shows
where the customer should be, but not how they get there, so nobody can see where they stall.

## Example
```yaml
journeyctl: 1
id: implementation-journey
title: Implementation
stages:
  - id: implement
    name: Implement
    goals: [See last quarter's numbers without a spreadsheet]
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
    actions: [Connect the data warehouse, Invite the finance team]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StageWithoutActions(Rule):
    code = "JM402"
    name = "stage-without-actions"
    severity = Severity.INFO
    summary = "A stage states no customer action."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            if not stage.actions:
                yield Finding(
                    path,
                    f"stage {stage.id!r} has no actions; list what the customer does to complete "
                    "it and move on",
                )
