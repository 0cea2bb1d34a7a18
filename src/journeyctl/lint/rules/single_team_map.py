"""JM305 single-team-map: a journey in which one team owns every touchpoint.

## What it does
Reports the map (at its `id`) when it has owned touchpoints and all of them have the same
`owner`. Touchpoints without an owner are left to JM302 (touchpoint-without-owner); a map with
no owned touchpoint at all is not reported here.

## Why is this bad?
Customers meet many departments: marketing, sales, implementation, customer success, support,
sometimes executives. Journey mapping is a cross-functional activity, and its value lies in
showing where silos exist and where the handoffs between departments are. A map in which one
team owns everything is usually that team's view of its own slice, drawn without the diverse
views of the others; the handoffs where customers fall through the cracks do not appear on it.

## Example
```yaml
journeyctl: 1
id: land-journey
title: Landing the account
teams:
  - {id: sales, name: Sales}
stages:
  - id: evaluate
    name: Evaluate
    touchpoints:
      - {id: demo, name: Product demo, owner: sales}
      - {id: proposal, name: Proposal, owner: sales}
```

## Use instead
```yaml
journeyctl: 1
id: land-journey
title: Landing the account
teams:
  - {id: marketing, name: Marketing}
  - {id: sales, name: Sales}
stages:
  - id: evaluate
    name: Evaluate
    touchpoints:
      - {id: webinar, name: Product webinar, owner: marketing}
      - {id: demo, name: Product demo, owner: sales}
    handoffs:
      - {from: marketing, to: sales, via: demo}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class SingleTeamMap(Rule):
    code = "JM305"
    name = "single-team-map"
    severity = Severity.WARNING
    summary = "Every owned touchpoint of the map has the same owner."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        owners = {tp.owner for _, _, tp in walk.touchpoints(journey) if tp.owner is not None}
        if len(owners) == 1:
            (owner,) = owners
            yield Finding(
                walk.MAP,
                f"every owned touchpoint of map {journey.id!r} belongs to team {owner!r}; map "
                "the other departments the customer meets and the handoffs between them",
            )
