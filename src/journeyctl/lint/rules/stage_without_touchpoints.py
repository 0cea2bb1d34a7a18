"""JM301 stage-without-touchpoints: a stage where the company never meets the customer.

## What it does
Reports a stage with no `touchpoints` (an empty list counts as none). Indirect touchpoints
(`direct: false`: review sites, word of mouth, a partner's webinar) count as touchpoints.

## Why is this bad?
Each touchpoint is a defining moment where the customer forms an impression of the company,
and the place where a team can be accountable, a listening post can be placed and a
measurement taken. A stage without touchpoints says the customer is on their own there: either
the map is unfinished, or it hides a gap in the journey where customers stall before time to
value. Mapping beyond touchpoints matters, but the touchpoints are where the company acts.

## Example
```yaml
journeyctl: 1
id: adoption-journey
title: Adoption
stages:
  - id: first-report
    name: First report
    goals: [Share a dashboard with the board]
```

## Use instead
```yaml
journeyctl: 1
id: adoption-journey
title: Adoption
stages:
  - id: first-report
    name: First report
    goals: [Share a dashboard with the board]
    touchpoints:
      - id: report-templates
        name: Board report templates
        channel: in-app
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StageWithoutTouchpoints(Rule):
    code = "JM301"
    name = "stage-without-touchpoints"
    severity = Severity.WARNING
    summary = "A stage has no touchpoints."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            if not stage.touchpoints:
                yield Finding(
                    path,
                    f"stage {stage.id!r} has no touchpoints; list where the customer meets the "
                    "company here, indirect ones included",
                )
