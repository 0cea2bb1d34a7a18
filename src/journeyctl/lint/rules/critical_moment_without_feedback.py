"""JM504 critical-moment-without-feedback: a moment of truth with no listening post.

## What it does
Reports a touchpoint marked `critical: true` that has no `feedback`, the listening post through
which the company hears how the customer comes out of it. Indirect touchpoints
(`direct: false`) are checked too.

## Why is this bad?
A journey map determines the key moments of truth and where touchpoints are of most value to
obtain feedback: that is where listening posts belong, automated or direct with the customer.
Which defining moments are critical is decided by studying the customers' feedback, and whether
a critical moment is managed well can only be known by keeping on listening there; without a
listening post the map relies on assumptions about the moments that matter most.

## Example
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: go-live
    name: Go live
    touchpoints:
      - id: kickoff-call
        name: Kickoff call
        critical: true
        moment: positive
```

## Use instead
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: go-live
    name: Go live
    touchpoints:
      - id: kickoff-call
        name: Kickoff call
        critical: true
        moment: positive
        feedback: {method: csat, metric: CSAT}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class CriticalMomentWithoutFeedback(Rule):
    code = "JM504"
    name = "critical-moment-without-feedback"
    severity = Severity.WARNING
    summary = "A critical touchpoint has no feedback (listening post)."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, _, touchpoint in walk.touchpoints(journey):
            if touchpoint.critical and touchpoint.feedback is None:
                yield Finding(
                    path,
                    f"critical touchpoint {touchpoint.id!r} has no feedback; place a listening "
                    "post there (e.g. `feedback: {method: csat}`)",
                )
