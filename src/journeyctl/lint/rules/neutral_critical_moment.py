"""JM502 neutral-critical-moment: a moment of truth that leaves the customer indifferent.

## What it does
Reports a touchpoint marked `critical: true` whose `moment` is `neutral` or not stated.
Indirect touchpoints (`direct: false`) are checked too.

## Why is this bad?
Defining moments come in three varieties: positive, negative and neutral. Neutral ones sound
innocuous, but they are your organization's biggest threat: if you are not exceeding the
customer's expectations you are not building their loyalty, and customers defect to a
competitor before you even realize the relationship is in jeopardy. A moment of truth you chose
to manage should be designed to be positive; one whose moment is not stated is one you do not
yet know how the customer comes out of.

## Example
```yaml
journeyctl: 1
id: renewal-journey
title: Renewal
stages:
  - id: renew
    name: Renew
    touchpoints:
      - id: renewal-call
        name: Renewal call
        critical: true
        moment: neutral
```

## Use instead
```yaml
journeyctl: 1
id: renewal-journey
title: Renewal
stages:
  - id: renew
    name: Renew
    touchpoints:
      - id: renewal-call
        name: Renewal call
        critical: true
        moment: positive
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk
from journeyctl.model.vocabulary import Moment


class NeutralCriticalMoment(Rule):
    code = "JM502"
    name = "neutral-critical-moment"
    severity = Severity.WARNING
    summary = "A critical touchpoint's moment is neutral or not stated."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, _, touchpoint in walk.touchpoints(journey):
            if not touchpoint.critical:
                continue
            if touchpoint.moment is None:
                yield Finding(
                    path,
                    f"critical touchpoint {touchpoint.id!r} states no moment; say whether the "
                    "customer comes out of it positive, neutral or negative",
                    detail="no-moment",
                )
            elif touchpoint.moment is Moment.NEUTRAL:
                yield Finding(
                    path,
                    f"critical touchpoint {touchpoint.id!r} is a neutral moment, the biggest "
                    "threat to loyalty; design it to exceed the customer's expectations",
                    detail="neutral",
                )
