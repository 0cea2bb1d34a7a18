"""JM010 unused-suppression: a suppression comment that suppressed nothing.

## What it does
`# journeyctl: ignore[JM201]` (or `ignore[stage-not-customer-validated]`, several separated by
commas, then an optional reason) suppresses the named rules for findings reported on the same
line, which is where a finding points: the element's `- id:` line. `# journeyctl:
ignore-file[JM305]` anywhere in the file suppresses them for the whole file. A suppression never
reaches child elements or other lines, and only real comments count: the same text inside a
quoted or block scalar is map text.

This rule reports a suppression comment that suppressed nothing, at the comment, when every
rule it names ran in this run (was selected and not ignored).

## Why is this bad?
A suppression records a decision ("we know this stage has no customer evidence yet, because
..."). Once the map changes and the finding is gone, the comment only hides the next real
problem on that line. Like pain points, suppressions must lead to action, not pile up.

## Example
```yaml
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial  # journeyctl: ignore[JM201] interviews planned for Q1
    name: Trial
    evidence:
      - {source: customer-interview, date: 2026-09-20, participants: 6}
```

## Use instead
```yaml
journeyctl: 1
id: trial-journey
title: Self-serve trial
stages:
  - id: trial
    name: Trial
    evidence:
      - {source: customer-interview, date: 2026-09-20, participants: 6}
```
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from journeyctl.diagnostics import Diagnostic, Span
from journeyctl.load.positions import Positions
from journeyctl.quoting import quote

# A comment starts at the beginning of a line or after white space; `\s` also covers the CR of
# files with old Mac line ends, and the YAML 1.1 line breaks.
_COMMENT = re.compile(r"(?<!\S)#[ \t]*journeyctl:[ \t]*(ignore|ignore-file)\[([^\]\r\n]*)\]")
# The same start without its closing bracket on the line: a suppression that cannot work.
_UNCLOSED = re.compile(
    r"(?<!\S)#[ \t]*journeyctl:[ \t]*(ignore|ignore-file)\[([^\]\r\n]*)(?=[\r\n]|$)"
)


@dataclass(slots=True)
class Suppression:
    span: Span
    file_wide: bool
    codes: frozenset[str]
    """Rule codes (names are resolved); unknown names are in `unknown`."""
    unknown: tuple[str, ...] = ()
    used: bool = field(default=False)
    unclosed: bool = False
    """`# journeyctl: ignore[JM204` without its `]`: it suppresses nothing, and says so."""

    def problem(self, enabled: frozenset[str]) -> str | None:
        """JM010's message for this suppression, or None when it did its job (or could not,
        because a rule it names did not run). Names from the file are quoted and escaped."""
        if self.unclosed:
            return (
                f"suppression {quote(self.text)} has no closing `]`, so it suppresses nothing; "
                "write `# journeyctl: ignore[CODE, ...]`"
            )
        if self.unknown:
            from journeyctl.lint.policy import unknown_rule_message

            return "suppression names an " + "; an ".join(map(unknown_rule_message, self.unknown))
        if self.used or not self.codes <= enabled:
            return None
        return f"suppression of {', '.join(sorted(self.codes))} suppressed nothing"

    text: str = ""
    """The comment as written (for the message of an unclosed one)."""


def find_suppressions(
    text: str, hash_scalars: Sequence[tuple[int, int]], resolve: Callable[[str], str | None]
) -> list[Suppression]:
    """Suppression comments of a document; `resolve` maps a code or name to a rule code."""
    if "ignore" not in text:  # a cheap exit: every map says `journeyctl:` (its version)
        return []
    positions = Positions(text)
    spans = sorted(hash_scalars)
    starts = [start for start, _ in spans]
    found = [
        Suppression(_span(positions, match), match.group(1) == "ignore-file", frozenset(),
                    unclosed=True, text=match.group().lstrip("# \t"))
        for match in _UNCLOSED.finditer(text)
        if not _inside_scalar(match.start(), spans, starts)
    ]  # fmt: skip
    for match in _COMMENT.finditer(text):
        offset = match.start()
        if _inside_scalar(offset, spans, starts):
            continue
        codes: set[str] = set()
        unknown: list[str] = []
        for raw in match.group(2).split(","):
            name = raw.strip()
            if not name:
                continue
            code = resolve(name)
            if code is None:
                unknown.append(name)
            else:
                codes.add(code)
        found.append(
            Suppression(
                _span(positions, match),
                match.group(1) == "ignore-file",
                frozenset(codes),
                tuple(unknown),
            )
        )
    return found


def _span(positions: Positions, match: re.Match[str]) -> Span:
    line, column = positions.line_column(match.start())
    return Span(line, column, line, column + len(match.group()))


def _inside_scalar(offset: int, spans: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    # scalars never overlap, so only the last one starting at or before `offset` can hold it
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and spans[index][1] > offset


def apply_suppressions(
    diagnostics: list[Diagnostic], suppressions: list[Suppression]
) -> list[Diagnostic]:
    """The diagnostics no suppression covers; marks the suppressions that were used."""
    if not suppressions:
        return diagnostics
    file_wide = [s for s in suppressions if s.file_wide]
    by_line: dict[int, list[Suppression]] = {}
    for suppression in suppressions:
        if not suppression.file_wide:
            by_line.setdefault(suppression.span.line, []).append(suppression)
    kept = []
    for diagnostic in diagnostics:
        covering = [
            s
            for s in (*by_line.get(diagnostic.span.line, ()), *file_wide)
            if diagnostic.code in s.codes
        ]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(diagnostic)
    return kept
