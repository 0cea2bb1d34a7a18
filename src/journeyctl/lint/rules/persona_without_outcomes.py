"""JM404 persona-without-outcomes: a map that does not say what the customer is buying.

## What it does
Reports a map without a `persona`, or whose persona lists no `desired_outcomes` (an empty list
counts as none). The finding points at the `persona:` key, or at the map's `id` when there is no
persona.

## Why is this bad?
A journey map tells the story of how well you help your customers achieve their desired
business outcomes, so you must understand the customer and those outcomes before you start
mapping. In TSIA's PIMO, the customer's view, every step (Plan, Implement, Monitor, Optimize)
leads toward the desired outcomes; success milestones and time to value are measured against
them. Without them, the map cannot tell whether a stage brings the customer closer to value.

## Example
```yaml
journeyctl: 1
id: analytics-journey
title: Analytics suite
persona:
  name: Priya, RevOps lead
stages:
  - id: evaluate
    name: Evaluate
```

## Use instead
```yaml
journeyctl: 1
id: analytics-journey
title: Analytics suite
persona:
  name: Priya, RevOps lead
  desired_outcomes:
    - Board reporting in one day instead of five
stages:
  - id: evaluate
    name: Evaluate
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class PersonaWithoutOutcomes(Rule):
    code = "JM404"
    name = "persona-without-outcomes"
    severity = Severity.WARNING
    summary = "The map has no persona, or its persona has no desired outcome."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        persona = journey.persona
        if persona is None:
            yield Finding(
                walk.MAP,
                f"map {journey.id!r} has no persona; describe the customer and the business "
                "outcomes they desire",
                detail="no-persona",
            )
        elif not persona.desired_outcomes:
            # A persona has no `id`: the engine resolves `key` against the map, i.e. the
            # `persona:` key itself.
            yield Finding(
                walk.MAP,
                f"persona {persona.name!r} of map {journey.id!r} states no desired outcomes; "
                "list the business outcomes the customer is buying",
                key="persona",
                detail="no-outcomes",
            )
