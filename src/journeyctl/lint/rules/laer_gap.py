"""JM602 laer-gap: an end-to-end map that skips a phase of LAER.

## What it does
Reports each of TSIA's four LAER phases (Land, Adopt, Expand, Renew) in which an end-to-end map
(`scope: end-to-end`, the default) that uses LAER (at least one stage states `laer`) has no
stage. There is one finding per missing phase, in LAER order, all at the map's `id`. A map
scoped to a focus, such as `scope: onboarding`, is not checked, nor is a map that states no
`laer` at all (see JM606). A map whose stages are all `land` also gets JM601.

## Why is this bad?
LAER is the supplier's view of the whole customer engagement, and an end-to-end map claims to
cover all of it. A phase without a stage is a stretch of the relationship that nobody has
mapped: no touchpoints, no owners, no pain points, no success milestones. Expansion and renewal
are where the organizations that map their journeys outperform the rest, and they are the
phases most often left off.

## Example
```yaml
journeyctl: 1
id: customer-lifecycle
title: Customer lifecycle
stages:
  - {id: buy, name: Buy, laer: land}
  - {id: onboard, name: Onboard, laer: adopt}
  - {id: grow, name: Grow, laer: expand}
```

## Use instead
```yaml
journeyctl: 1
id: customer-lifecycle
title: Customer lifecycle
stages:
  - {id: buy, name: Buy, laer: land}
  - {id: onboard, name: Onboard, laer: adopt}
  - {id: grow, name: Grow, laer: expand}
  - {id: renew, name: Renew, laer: renew}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk
from journeyctl.model.vocabulary import Laer

_WHAT_TO_MAP: dict[Laer, str] = {
    Laer.LAND: "how the customer comes to buy",
    Laer.ADOPT: "how the customer puts the purchase to use and reaches first value",
    Laer.EXPAND: "how the customer grows their use",
    Laer.RENEW: "how the customer decides to renew",
}


class LaerGap(Rule):
    code = "JM602"
    name = "laer-gap"
    severity = Severity.WARNING
    summary = "An end-to-end map uses `laer` and one of the four phases has no stage."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        if not journey.is_end_to_end:
            return
        phases = {stage.laer for stage in journey.stages if stage.laer is not None}
        if not phases:
            return
        for phase in Laer:  # in LAER order, which the engine's stable sort keeps
            if phase not in phases:
                yield Finding(
                    walk.MAP,
                    f"end-to-end map {journey.id!r} has no stage in the {phase.value} phase "
                    f"of LAER; add a stage with `laer: {phase.value}` that maps "
                    f"{_WHAT_TO_MAP[phase]}",
                    detail=phase.value,
                )
