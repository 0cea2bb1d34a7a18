"""The three kinds of entry, and their slots (file names) and keys (what they depend on).

- `files`: one checked file: its diagnostics (with fingerprints) and validity, never the model;
- `settings`: what a run needs of a configuration besides the check itself (fail-on, the file
  limits), recorded from the parsed configuration by a full run, so a warm run parses none;
- `runs`: the rule catalogue (`lint`) or the validation rules (`validate`), from which a warm
  run computes SARIF's rule list and JUnit's cases as a full run does, without importing a rule.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from journeyctl.cli.cache.keys import Chain, absolute, blake, code_fingerprint
from journeyctl.diagnostics import Diagnostic, RuleInfo, Severity, Span

if TYPE_CHECKING:
    from journeyctl.config import Settings


@dataclass(frozen=True, slots=True)
class CacheOptions:
    """What a run says that results depend on, and where its cache is (None: no cache).

    Small and picklable: the workers of a parallel run get a copy.
    """

    root: Path | None
    explicit_config: Path | None = None
    lint: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None
    writable: bool = True

    def _words(self) -> list[bytes]:
        mode = b"lint" if self.lint else b"validate"
        config = os.fsencode(absolute(self.explicit_config)) if self.explicit_config else b""
        return [mode, json.dumps([self.select, self.ignore]).encode(), config]

    def file_slot(self, source: str, shown: str) -> str:
        """`source`: the resolved path of the file, or a name for standard input."""
        return blake(b"file", os.fsencode(source), shown.encode(), *self._words())

    def file_key(self, shown: str, chain_key: str, raw: bytes) -> str:
        day = (self.today or datetime.date.today()).isoformat() if self.lint else ""
        return blake(
            code_fingerprint().encode(), *self._words(), day.encode(), shown.encode(),
            chain_key.encode(), raw,
        )  # fmt: skip

    def run_slot(self) -> str:
        return blake(b"run", *self._words())

    def run_key(self) -> str:
        return blake(code_fingerprint().encode(), *self._words())


def settings_slot(chain: Chain) -> str:
    return blake(b"settings", *(os.fsencode(config.path) for config in chain))


# --- files -------------------------------------------------------------------------------


MAX_CACHED_DIAGNOSTICS = 10_000
"""A file with more findings is checked anew each time: its entry would take megabytes, and
checking such a file costs far more than any map a person edits."""


def encode_result(
    source: str,
    shown: str,
    diagnostics: list[Diagnostic],
    valid: bool,
    enabled: frozenset[str] | None,
) -> Any:
    """The entry of one file; None when the result cannot be cached as it is. `enabled`: the
    lint codes that ran for it (SARIF's rule list and JUnit's cases), None for `validate`."""
    if len(diagnostics) > MAX_CACHED_DIAGNOSTICS or any(d.path != shown for d in diagnostics):
        return None
    return {
        "file": source,
        "valid": valid,
        "enabled": None if enabled is None else sorted(enabled),
        "diagnostics": [
            [*d.span, d.code, d.rule, int(d.severity), d.message, d.fingerprint]
            for d in diagnostics
        ],
    }


class CachedResult(NamedTuple):
    diagnostics: list[Diagnostic]
    valid: bool
    enabled: frozenset[str] | None


def decode_result(entry: dict[str, Any] | None, shown: str) -> CachedResult | None:
    """The diagnostics, validity and rules that ran of an entry; None (a miss) for anything
    unexpected."""
    if entry is None:
        return None
    try:
        valid = entry["valid"]
        codes = entry["enabled"]
        found = []
        for line, column, end_line, end_column, code, rule, level, message, mark in entry[
            "diagnostics"
        ]:
            numbers = (line, column, end_line, end_column)
            texts = (code, rule, message, mark)
            if not all(type(n) is int for n in numbers) or not all(type(t) is str for t in texts):
                return None
            found.append(
                Diagnostic(shown, Span(*numbers), code, rule, Severity(level), message, mark)
            )
    except (KeyError, TypeError, ValueError):
        return None
    if codes is not None and not (isinstance(codes, list) and all(type(c) is str for c in codes)):
        return None
    enabled = None if codes is None else frozenset(codes)
    return CachedResult(found, valid, enabled) if type(valid) is bool else None


# --- settings ----------------------------------------------------------------------------

_PER_FILE_FIELDS = frozenset({"source", "select", "ignore", "severity", "rules", "teams", "limits"})
"""Settings fields that only change the check of each file (whose key holds the bytes of the
configuration), or that a warm run reads from this entry (`fail_on`, two limits)."""
_DISCOVERY_FIELDS = frozenset({"include", "exclude", "include_root", "exclude_root"})
"""Fields that only folder searches read; warm runs serve named files only."""


def encode_settings(chain: Chain, settings: Settings) -> dict[str, Any]:
    """What a warm run needs of a configuration. `fast` is false when the configuration uses
    a setting this module does not know (one added after it was written): such runs are
    always full, rather than served without that setting."""
    from journeyctl.config import DEFAULT_SETTINGS

    known = _PER_FILE_FIELDS | _DISCOVERY_FIELDS | {"fail_on"}
    fast = all(
        field.name in known
        or getattr(settings, field.name) == getattr(DEFAULT_SETTINGS, field.name)
        for field in fields(settings)
    )
    return {
        "file": str(chain[0].path) if chain else None,
        "fast": fast,
        "fail_on": settings.fail_on,
        "max_files": settings.limits.max_files,
        "max_file_size": settings.limits.max_file_size,
    }


@dataclass(frozen=True, slots=True)
class RunSettings:
    fail_on: str | None
    max_files: int
    max_file_size: int


def decode_settings(entry: dict[str, Any] | None) -> RunSettings | None:
    if entry is None or entry.get("fast") is not True:
        return None
    fail_on, max_files, max_size = (
        entry.get("fail_on"),
        entry.get("max_files"),
        entry.get("max_file_size"),
    )
    if not (fail_on is None or isinstance(fail_on, str)):
        return None
    if type(max_files) is not int or type(max_size) is not int:
        return None
    return RunSettings(fail_on, max_files, max_size)


def settings_match(chain: Chain, settings: Settings) -> bool:
    """Whether the configuration the run parsed is the one the chain starts with."""
    if settings.source is None:
        return not chain
    return bool(chain) and absolute(settings.source) == chain[0].path


# --- runs --------------------------------------------------------------------------------


def encode_rules(rules: list[RuleInfo]) -> dict[str, Any]:
    return {
        "rules": [
            [info.code, info.name, int(info.severity), info.summary, info.help_text]
            for info in rules
        ]
    }


def decode_rules(entry: dict[str, Any] | None) -> list[RuleInfo] | None:
    if entry is None:
        return None
    try:
        rules = [
            RuleInfo(code, name, Severity(level), summary, help_text)
            for code, name, level, summary, help_text in entry["rules"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    if not all(
        isinstance(t, str) for info in rules for t in (info.code, info.name, info.summary)
    ) or not all(isinstance(info.help_text, str) for info in rules):
        return None
    return rules
