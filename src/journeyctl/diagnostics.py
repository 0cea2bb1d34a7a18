"""The one problem type that every step produces and every output format consumes.

A YAML syntax error, a schema violation, a dangling reference and a lint finding are all a
`Diagnostic`: a path, a 1-based span, a code, a rule name, a severity and a message.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that `severity >= threshold` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {text!r} (expected: error, warning, info)"
            ) from None


class Span(NamedTuple):
    """A 1-based region of a file; `end_*` point just past the last character.

    A named tuple rather than a dataclass: the loader makes one per node (about 1,400 for a
    typical map), and a tuple is three times cheaper to build.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column)


FILE_START = Span.point(1, 1)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    fingerprint: str = ""
    """Stable across unrelated edits and dates (see `journeyctl.lint.identity`)."""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        # No message: sorts are stable, so a rule's own order (LAER phases) survives.
        return (self.path, self.span.line, self.span.column, self.code)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `--format json` (docs/output-formats.md): these keys, in order."""
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }


# The validation codes are fixed: no configuration can hide or re-grade them.
YAML_SYNTAX = ("JM001", "yaml-syntax")
SCHEMA = ("JM002", "schema")
REFERENCE = ("JM003", "reference")
VALIDATION_CODES = frozenset({YAML_SYNTAX[0], SCHEMA[0], REFERENCE[0]})


def validation_error(path: str, span: Span, kind: tuple[str, str], message: str) -> Diagnostic:
    code, rule = kind
    return Diagnostic(path, span, code, rule, Severity.ERROR, message)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What an output format needs to know of a rule (SARIF metadata, JUnit test cases)."""

    code: str
    name: str
    severity: Severity
    summary: str
    help_text: str = ""


@dataclass(slots=True)
class FileReport:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    enabled_rules: frozenset[str] | None = None
    """The lint codes that ran for this file (its own configuration and the command line);
    None when that is not known (a report built by hand, or `validate`), empty when the map
    was invalid and no rule ran."""
    fail_on: Severity | None = Severity.INFO
    """The lowest severity that fails this file (its configuration's `fail-on` or the
    option); None for `never`. A report built by hand fails on every finding."""


@dataclass(slots=True)
class Report:
    """One run over many files: what every output format renders."""

    files: list[FileReport]
    rules: list[RuleInfo]
    tool_version: str

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]
