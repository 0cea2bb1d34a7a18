"""JM304 undeclared-handoff: ownership of the customer changes teams and nobody says how.

## What it does
Follows the owned touchpoints in journey order (stages in file order, touchpoints in file order
within a stage; touchpoints without an `owner` are skipped, and the walk goes on across stage
boundaries). Where a touchpoint's owner differs from the owner of the previous owned
touchpoint, the stage of one of the two touchpoints must declare a handoff `from` the first
owner `to` the second; otherwise the second touchpoint is reported. Direction matters: a
handoff from `onboarding` to `sales` does not declare one from `sales` to `onboarding`. The
handoff's `via` is not consulted.

## Why is this bad?
Different teams engage the customer at different stages of the lifecycle: sales during the
sale, implementation during onboarding, customer success later. Each change of hands is where
communication fragments: a promise made in the sales process ends up as frustration in the
support queue. A journey map should show where the handoffs between departments, such as Sales
and Customer Success, are, so that the process of each handoff can be nailed down and the
customer need not tell their story twice.

## Example
```yaml
journeyctl: 1
id: onboarding-journey
title: From signature to first value
teams:
  - {id: sales, name: Sales}
  - {id: onboarding, name: Implementation}
stages:
  - id: buy
    name: Buy
    touchpoints:
      - {id: contract-call, name: Contract call, owner: sales}
  - id: kickoff
    name: Kickoff
    touchpoints:
      - {id: kickoff-call, name: Kickoff call, owner: onboarding}
```

## Use instead
```yaml
journeyctl: 1
id: onboarding-journey
title: From signature to first value
teams:
  - {id: sales, name: Sales}
  - {id: onboarding, name: Implementation}
stages:
  - id: buy
    name: Buy
    touchpoints:
      - {id: contract-call, name: Contract call, owner: sales}
  - id: kickoff
    name: Kickoff
    touchpoints:
      - {id: kickoff-call, name: Kickoff call, owner: onboarding}
    handoffs:
      - {from: sales, to: onboarding, note: Account brief shared before the kickoff}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class UndeclaredHandoff(Rule):
    code = "JM304"
    name = "undeclared-handoff"
    severity = Severity.WARNING
    summary = "Touchpoint ownership changes teams without a declared handoff."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for change in walk.ownership_changes(journey):
            if change.declared() is not None:
                continue
            stage, before_stage = change.stage, change.before_stage
            before_owner, owner = change.from_team, change.to_team
            stages = (
                f"stage {stage.id!r}"
                if stage.id == before_stage.id
                else f"stage {before_stage.id!r} or {stage.id!r}"
            )
            yield Finding(
                change.path,
                f"touchpoint {change.touchpoint.id!r} passes the customer from team "
                f"{before_owner!r} (at {change.before.id!r}) to team {owner!r} without a "
                f"declared handoff; add a handoff from {before_owner!r} to {owner!r} "
                f"to {stages}",
            )
