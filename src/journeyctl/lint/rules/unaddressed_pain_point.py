"""JM503 unaddressed-pain-point: a known pain that leads to no action.

## What it does
Reports two things that a map knows hurts but does nothing about:

- a pain point that no opportunity anywhere in the map `addresses` (at the pain point), and
- a touchpoint whose `moment` is `negative` that no pain point anywhere in the map names as
  its `touchpoint` (at the touchpoint); indirect touchpoints (`direct: false`) included.

An opportunity in any stage counts, whatever its `status`: the root cause of a pain is often
in an earlier stage than the one where it shows.

## Why is this bad?
Identifying pain points is not the goal of journey mapping: the goal is to take action that
benefits the customer, and not acting on the insights is one of the most common mistakes. A
negative defining moment is to be avoided at all costs (half of customers say they would
defect after a single bad experience), so it must be written down as a pain point, and every
pain point must lead to an opportunity that solves it or shortens the time to value.

## Example
```yaml
journeyctl: 1
id: implementation-journey
title: Implementation
stages:
  - id: implement
    name: Implement
    pain_points:
      - id: slow-data-import
        description: The first import takes days.
```

## Use instead
```yaml
journeyctl: 1
id: implementation-journey
title: Implementation
stages:
  - id: implement
    name: Implement
    pain_points:
      - id: slow-data-import
        description: The first import takes days.
    opportunities:
      - id: guided-import
        description: Guided import with sample data.
        addresses: [slow-data-import]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk
from journeyctl.model.vocabulary import Moment


class UnaddressedPainPoint(Rule):
    code = "JM503"
    name = "unaddressed-pain-point"
    severity = Severity.WARNING
    summary = "A pain point no opportunity addresses, or a negative moment no pain point names."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        addressed = {
            pain_point_id
            for stage in journey.stages
            for opportunity in stage.opportunities
            for pain_point_id in opportunity.addresses
        }
        named = {
            pain_point.touchpoint
            for stage in journey.stages
            for pain_point in stage.pain_points
            if pain_point.touchpoint is not None
        }
        for stage_path, stage in walk.stages(journey):
            for index, touchpoint in enumerate(stage.touchpoints):
                if touchpoint.moment is Moment.NEGATIVE and touchpoint.id not in named:
                    yield Finding(
                        (*stage_path, "touchpoints", index),
                        f"touchpoint {touchpoint.id!r} is a negative moment that no pain point "
                        "names; record it as a pain point with `touchpoint: "
                        f"{touchpoint.id}` so that it leads to action",
                    )
            for index, pain_point in enumerate(stage.pain_points):
                if pain_point.id not in addressed:
                    yield Finding(
                        (*stage_path, "pain_points", index),
                        f"pain point {pain_point.id!r} is addressed by no opportunity; add one "
                        f"whose `addresses` lists {pain_point.id!r}",
                    )
