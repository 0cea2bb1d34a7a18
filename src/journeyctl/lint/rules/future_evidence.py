"""JM205 future-evidence: an evidence entry dated after today.

## What it does
Reports each `evidence` entry of a stage, of any source, whose `date` is later than today
(`--today`, or the current date). It points at the entry's `source`, as every finding about
an evidence entry does.

## Why is this bad?
Evidence records when the company listened; it cannot have listened tomorrow. A future date is
almost always a typo (2062 for 2026) or research that is planned, not done, written down as if
it had happened. Either way the stage claims a validation it does not have, and the date hides
staleness: a customer interview "dated" next year keeps stale-evidence (JM202) quiet for years
while the stage is, today, the supplier's assumption. Plan research in an opportunity; record
evidence once it is gathered.

## Example
With today being 2026-11-27:
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: kickoff
    name: Kick-off
    evidence:
      - {source: customer-interview, date: 2026-10-12, participants: 6}
      - {source: customer-survey, date: 2027-03-01, participants: 120}
```

## Use instead
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: kickoff
    name: Kick-off
    evidence:
      - {source: customer-interview, date: 2026-10-12, participants: 6}
      - {source: customer-survey, date: 2026-03-01, participants: 120}
    opportunities:
      - {id: survey-kickoff, description: Survey kick-off attendees in March 2027}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk


class FutureEvidence(Rule):
    code = "JM205"
    name = "future-evidence"
    severity = Severity.WARNING
    summary = "An evidence entry is dated after today."

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        for stage_path, stage in walk.stages(journey):
            for index, entry in enumerate(stage.evidence):
                if entry.date > context.today:
                    days = (entry.date - context.today).days
                    yield Finding(
                        (*stage_path, "evidence", index),
                        f"{entry.source.value} evidence of stage {stage.id!r} is dated "
                        f"{entry.date.isoformat()}, {days} day{'s' if days != 1 else ''} after "
                        f"today ({context.today.isoformat()}); record evidence once it is "
                        "gathered, and fix the date if it is a typo",
                        key="source",
                    )
