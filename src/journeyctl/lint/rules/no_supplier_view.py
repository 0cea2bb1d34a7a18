"""JM606 no-supplier-view: a map that never places its stages in LAER.

## What it does
Reports a map none of whose stages states its `laer` phase (Land, Adopt, Expand or Renew). The
finding points at the map's `id`. It applies to maps of every `scope`.

## Why is this bad?
LAER is TSIA's view of the customer engagement from the supplier's side, and most companies run
their customer success plays (adoption, expansion, renewal) along some version of it. A map that
places its stages in LAER shows which part of the relationship it covers and lines up with
those plays; without it, nobody can tell whether the journey goes past the purchase, and the
checks that it does (JM601, JM602) cannot run.

## Example
```yaml
journeyctl: 1
id: analytics-journey
title: Analytics suite
stages:
  - id: evaluate
    name: Evaluate
    pimo: plan
```

## Use instead
```yaml
journeyctl: 1
id: analytics-journey
title: Analytics suite
stages:
  - id: evaluate
    name: Evaluate
    laer: land
    pimo: plan
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class NoSupplierView(Rule):
    code = "JM606"
    name = "no-supplier-view"
    severity = Severity.INFO
    summary = "No stage of the map states its `laer` phase."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        if all(stage.laer is None for stage in journey.stages):
            yield Finding(
                walk.MAP,
                f"map {journey.id!r} places none of its stages in LAER; state each stage's "
                "`laer` phase (land, adopt, expand or renew)",
            )
