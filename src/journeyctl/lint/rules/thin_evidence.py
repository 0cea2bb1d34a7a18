"""JM204 thin-evidence: customer evidence from too few people to generalise.

## What it does
Reports a customer-voice `evidence` entry (a customer interview, customer survey, usability
test, support tickets, product analytics or CRM records) whose `participants` is fewer than
`min_participants`, at the entry's `- source:` line. `participants: 0` is a stated number and
is reported. An entry that does not state `participants` is not reported, and internal
evidence (stakeholder interviews, workshops, walkthroughs, assumptions) is never reported: it
does not validate a stage however many colleagues took part.

## Why is this bad?
The voice of the customer is only as good as the number of customers it comes from. Two
interviews may be one enthusiastic champion and a friend of the account manager; in complex
deals several decision-makers shape the journey, and you may need to solicit feedback from
more of them. A stage validated by a handful of people is a lead to follow, not a finding to
build a success plan or a critical moment of truth on.

## Example
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: implement
    name: Implement
    evidence:
      - source: customer-interview
        date: 2026-10-14
        participants: 2
```

## Use instead
```yaml
journeyctl: 1
id: onboarding-journey
title: Onboarding
stages:
  - id: implement
    name: Implement
    evidence:
      - source: customer-interview
        date: 2026-10-14
        participants: 6
```

## Options
- `min_participants` (default `5`): the smallest number of participants a customer-voice
  evidence entry may state without being reported, e.g.
  `rules: {thin-evidence: {min_participants: 8}}` in `.journeyctl.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from journeyctl.diagnostics import Severity
from journeyctl.lint.rule import Finding, LintContext, Rule
from journeyctl.model import JourneyMap, walk
from journeyctl.model.vocabulary import Voice


class ThinEvidence(Rule):
    code = "JM204"
    name = "thin-evidence"
    severity = Severity.INFO
    summary = "A customer evidence entry states fewer than `min_participants` participants."
    options: ClassVar[Mapping[str, Any]] = {"min_participants": 5}

    def check(self, journey: JourneyMap, context: LintContext) -> Iterator[Finding]:
        minimum: int = context.options["min_participants"]
        for stage_path, stage in walk.stages(journey):
            for index, entry in enumerate(stage.evidence):
                if entry.source.voice is not Voice.CUSTOMER or entry.participants is None:
                    continue
                if entry.participants < minimum:
                    yield Finding(
                        (*stage_path, "evidence", index),
                        f"{entry.source.value} evidence of stage {stage.id!r} dated "
                        f"{entry.date.isoformat()} has {entry.participants} participant"
                        f"{'' if entry.participants == 1 else 's'}, fewer than {minimum}; "
                        "hear more customers before relying on it",
                        key="source",
                    )
