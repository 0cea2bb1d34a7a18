"""JM403 stage-without-emotion: a stage that says nothing about how the customer feels.

## What it does
Reports a stage with no `emotion` none of whose touchpoints states an `emotion` either. One
stated emotion anywhere in the stage is enough, on the stage or on any of its touchpoints,
indirect ones (`direct: false`) included. An emotion of `0` is a stated emotion: a neutral
feeling, not a missing one.

## Why is this bad?
A journey map reveals two things: what happens in a customer experience and how the customer
feels about it. Every touchpoint is a defining moment that influences the future of the
relationship; if the sum of positive experiences outgrows the negative ones you keep a loyal
customer, and if not, churn follows. A stage without any emotion cannot be weighed in that sum,
so the map shows the process but not the customer's emotional response to it.

## Example
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: setup
    name: Set up
    touchpoints:
      - {id: welcome-email, name: Welcome email}
```

## Use instead
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: setup
    name: Set up
    emotion: -1
    touchpoints:
      - {id: welcome-email, name: Welcome email}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class StageWithoutEmotion(Rule):
    code = "JM403"
    name = "stage-without-emotion"
    severity = Severity.WARNING
    summary = "A stage has no emotion, and none of its touchpoints has one."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, stage in walk.stages(journey):
            # `is None`, never falsiness: an emotion of 0 is a stated, neutral feeling.
            if stage.emotion is None and all(tp.emotion is None for tp in stage.touchpoints):
                yield Finding(
                    path,
                    f"stage {stage.id!r} states no emotion, on the stage or on any of its "
                    "touchpoints; record how the customer feels here (-2 to 2)",
                )
