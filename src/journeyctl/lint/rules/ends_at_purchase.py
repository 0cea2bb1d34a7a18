"""JM601 ends-at-purchase: an end-to-end map that stops when the customer has bought.

## What it does
Reports an end-to-end map (`scope: end-to-end`, the default) that uses TSIA's LAER phases (at
least one stage states `laer`) but has no stage in `adopt`, `expand` or `renew`: every phase it
states is `land`. The finding points at the map's `id`. A map scoped to a focus, such as
`scope: onboarding`, is not expected to cover the whole relationship and is not checked; nor is
a map that states no `laer` at all (see JM606).

## Why is this bad?
The customer journey does not end once your customer has bought from you: it goes on through
adoption to renewal and advocacy. LAER, the supplier's view of the engagement (Land, Adopt,
Expand, Renew), puts the purchase first of four phases, and the customer's view, PIMO, only
starts there: the customer still has to implement, monitor and optimize before reaching their
desired outcomes. Organizations that map the whole journey have markedly higher renewal and
expansion rates; a map that ends at purchase hides exactly where customers churn.

## Example
```yaml
journeyctl: 1
id: buying-journey
title: From first call to contract
stages:
  - id: evaluate
    name: Evaluate
    laer: land
```

## Use instead
```yaml
journeyctl: 1
id: buying-journey
title: From first call to first value
stages:
  - id: evaluate
    name: Evaluate
    laer: land
  - id: onboard
    name: Onboard
    laer: adopt
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk
from journeyctl.model.vocabulary import Laer


class EndsAtPurchase(Rule):
    code = "JM601"
    name = "ends-at-purchase"
    severity = Severity.ERROR
    summary = "An end-to-end map uses `laer` but no stage is in adopt, expand or renew."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        if not journey.is_end_to_end:
            return
        phases = {stage.laer for stage in journey.stages if stage.laer is not None}
        # Without any `laer` the map says nothing about phases; JM606 reports that instead.
        if phases and phases <= {Laer.LAND}:
            yield Finding(
                walk.MAP,
                f"end-to-end map {journey.id!r} ends at purchase, with no stage in adopt, "
                "expand or renew; map what happens after the customer has bought, up to renewal",
            )
