"""JM302 touchpoint-without-owner: a touchpoint no team is accountable for.

## What it does
Reports a touchpoint, direct or indirect (`direct: false`), that has no `owner` team.

## Why is this bad?
A journey map shows where silos between teams exist and where accountability for specific
tasks or assets should sit. A touchpoint nobody owns is a defining moment nobody manages: its
pain points have no one to act on them, its listening post no one to read it, and when the
experience goes wrong each department assumes another one will fix it. Naming the owner also
makes the handoffs between departments visible (JM304).

## Example
```yaml
journeyctl: 1
id: support-journey
title: Getting help
teams:
  - {id: support, name: Support}
stages:
  - id: get-help
    name: Get help
    touchpoints:
      - id: help-center
        name: Help center
        channel: docs
```

## Use instead
```yaml
journeyctl: 1
id: support-journey
title: Getting help
teams:
  - {id: support, name: Support}
stages:
  - id: get-help
    name: Get help
    touchpoints:
      - id: help-center
        name: Help center
        channel: docs
        owner: support
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class TouchpointWithoutOwner(Rule):
    code = "JM302"
    name = "touchpoint-without-owner"
    severity = Severity.WARNING
    summary = "A touchpoint has no owner team."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, _stage, touchpoint in walk.touchpoints(journey):
            if touchpoint.owner is None:
                yield Finding(
                    path,
                    f"touchpoint {touchpoint.id!r} has no owner; name the team accountable for it",
                )
