"""JM604 stage-without-metric: a stage nobody measures.

## What it does
Reports a stage with no `metrics` (`metrics: []` counts as none).

## Why is this bad?
A journey map should be continuously reinforced by data, and it helps determine the best places
along the journey to take measurements. A stage without a metric cannot show whether an
improvement worked, and customer success teams cannot monitor its trends to optimize the
experience; the map becomes one-and-done instead of a continuous process.

## Example
```yaml
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial
    name: Trial
```

## Use instead
```yaml
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial
    name: Trial
    metrics:
      - {name: Trial-to-paid rate, target: ">= 25%", source: crm}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StageWithoutMetric(Rule):
    code = "JM604"
    name = "stage-without-metric"
    severity = Severity.INFO
    summary = "A stage has no metric."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            if not stage.metrics:
                yield Finding(
                    path,
                    f"stage {stage.id!r} has no metric; add one that tells whether the stage "
                    "goes well for the customer",
                )
