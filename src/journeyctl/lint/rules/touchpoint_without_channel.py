"""JM303 touchpoint-without-channel: a touchpoint that does not say how the customer meets it.

## What it does
Reports a touchpoint, direct or indirect (`direct: false`), that has no `channel`. Any text
is accepted; the suggested channels (email, phone, video-call, in-person, web, in-app, chat,
community, docs, event, social, advertising, partner, review-site) get icons and colours in
rendered diagrams.

## Why is this bad?
Tracking interactions across channels is how you see the customer move from marketing to sales
to service. The channel decides who can act on the touchpoint, which listening post fits it (a
survey after a call, product analytics in the app), and where the data about it lives. A
touchpoint without one cannot be measured or improved with any precision.

## Example
```yaml
journeyctl: 1
id: evaluation-journey
title: Evaluation
stages:
  - id: evaluate
    name: Evaluate
    touchpoints:
      - id: demo
        name: Product demo
```

## Use instead
```yaml
journeyctl: 1
id: evaluation-journey
title: Evaluation
stages:
  - id: evaluate
    name: Evaluate
    touchpoints:
      - id: demo
        name: Product demo
        channel: video-call
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class TouchpointWithoutChannel(Rule):
    code = "JM303"
    name = "touchpoint-without-channel"
    severity = Severity.INFO
    summary = "A touchpoint has no channel."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for path, _stage, touchpoint in walk.touchpoints(journey):
            if touchpoint.channel is None:
                yield Finding(
                    path,
                    f"touchpoint {touchpoint.id!r} has no channel; say how the customer meets it "
                    "(e.g. email, video-call, in-app, review-site)",
                )
