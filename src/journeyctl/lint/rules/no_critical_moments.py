"""JM501 no-critical-moments: a map that has not decided which moments of truth to manage.

## What it does
Reports a map none of whose touchpoints, indirect ones (`direct: false`) included, is marked
`critical: true`. The finding points at the map's `id`.

## Why is this bad?
Every touchpoint is a defining moment, but you cannot manage every defining moment, and not all
of them hold equal importance in your customers' eyes. Deciding which ones are critical (the
moments of truth, where customers put a high amount of energy into reaching a satisfactory
outcome) tells the teams where a higher touch pays off; targeting customers during critical
moments of truth has been shown to reduce churn significantly. A map with no critical moment
has not made that decision.

## Example
```yaml
journeyctl: 1
id: support-journey
title: Getting help
stages:
  - id: ask-for-help
    name: Ask for help
    touchpoints:
      - {id: ticket-form, name: Ticket form}
```

## Use instead
```yaml
journeyctl: 1
id: support-journey
title: Getting help
stages:
  - id: ask-for-help
    name: Ask for help
    touchpoints:
      - id: ticket-form
        name: Ticket form
        critical: true
        moment: positive
        feedback: {method: ces}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class NoCriticalMoments(Rule):
    code = "JM501"
    name = "no-critical-moments"
    severity = Severity.WARNING
    summary = "No touchpoint of the map is critical."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        if not any(touchpoint.critical for _, _, touchpoint in walk.touchpoints(journey)):
            yield Finding(
                walk.MAP,
                f"map {journey.id!r} marks no touchpoint as critical; decide which defining "
                "moments are the moments of truth to manage",
            )
