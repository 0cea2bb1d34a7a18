"""JM605 no-milestones: a map with no success milestone anywhere.

## What it does
Reports a map none of whose stages lists a success milestone in `milestones` (an empty list
counts as none). The finding points at the map's `id`.

## Why is this bad?
A journey map helps you determine the success milestones your customer needs to reach to
achieve their desired business outcomes. Milestones turn the map into a success plan: they let
you monitor whether a customer stays on track, get them back on track when they veer off
course, and see how long they take to reach value (time to value). Without any, the map
describes activity but not progress.

## Example
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: setup
    name: Set up
```

## Use instead
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: setup
    name: Set up
    milestones: [First dashboard shared with the team]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class NoMilestones(Rule):
    code = "JM605"
    name = "no-milestones"
    severity = Severity.INFO
    summary = "No stage of the map has a success milestone."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        if not any(stage.milestones for stage in journey.stages):
            yield Finding(
                walk.MAP,
                f"map {journey.id!r} has no success milestone in any stage; add the milestones "
                "the customer must reach on the way to their desired outcomes",
            )
