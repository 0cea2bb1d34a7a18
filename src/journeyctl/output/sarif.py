"""SARIF 2.1.0, one run, ready for GitHub code scanning (`github/codeql-action/upload-sarif`)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from journeyctl.diagnostics import Severity
from journeyctl.output._common import sorted_diagnostics, surrogates_as_json_escapes

if TYPE_CHECKING:
    from journeyctl.diagnostics import Diagnostic, Report, RuleInfo, Span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "journeyctl/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

JSONObject = dict[str, object]


def format_report(report: Report) -> str:
    """The report as one SARIF log with one run."""
    diagnostics = sorted_diagnostics(report)
    rules, index_of = _rules(report.rules, diagnostics)
    run: JSONObject = {
        "tool": {
            "driver": {
                "name": "journeyctl",
                "version": report.tool_version,
                "rules": rules,
            }
        },
        # Columns count characters (as Python's str does), not UTF-16 code units, the default.
        "columnKind": "unicodeCodePoints",
        "results": _results(diagnostics, index_of),
    }
    log: JSONObject = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return surrogates_as_json_escapes(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _rules(
    infos: list[RuleInfo], diagnostics: list[Diagnostic]
) -> tuple[list[JSONObject], dict[str, int]]:
    """The driver's rules, and the index of each code in them.

    A diagnostic whose code is not among the report's rules (JM001-JM003 when the caller did
    not list them) gets a minimal rule of its own, so that every result has a ruleIndex.
    """
    rules: list[JSONObject] = []
    index_of: dict[str, int] = {}
    for info in infos:
        if info.code not in index_of:
            index_of[info.code] = len(rules)
            rules.append(_rule(info.code, info.name, info.severity, info.summary, info.help_text))
    for d in diagnostics:
        if d.code not in index_of:
            index_of[d.code] = len(rules)
            rules.append(_rule(d.code, d.rule, d.severity, d.rule, ""))
    return rules, index_of


def _rule(code: str, name: str, severity: Severity, summary: str, help_text: str) -> JSONObject:
    summary = summary or name
    help_text = help_text or summary
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }


def _results(diagnostics: list[Diagnostic], index_of: dict[str, int]) -> list[JSONObject]:
    results: list[JSONObject] = []
    seen: dict[str, int] = {}
    for d in diagnostics:
        # Keyed by path and the finding's fingerprint (code, element ids, detail) but neither
        # line nor message, so that an alert survives edits above it and a new `--today`; the
        # count tells identical findings in one file apart.
        identity = d.fingerprint or f"{d.code}\0{d.message}"
        digest = hashlib.sha256(
            "\0".join((d.path, identity)).encode("utf-8", "surrogateescape")
        ).hexdigest()[:32]
        seen[digest] = seen.get(digest, 0) + 1
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index_of[d.code],
                "level": LEVELS[d.severity],
                "message": {"text": _message_text(d.message)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_location(d.path),
                            "region": region(d.span),
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"},
            }
        )
    return results


def _message_text(message: str) -> str:
    # In a SARIF plain-text message `[text](target)` is an embedded link (SARIF 2.1.0,
    # 3.11.6), so map text could forge one: literal brackets are escaped with a backslash,
    # and so is a backslash that would otherwise read as an escape.
    return _BRACKETS.sub(r"\\\g<0>", _ESCAPING_BACKSLASH.sub(r"\\\\", message))


_ESCAPING_BACKSLASH = re.compile(r"\\(?=[\\\[\]])")
_BRACKETS = re.compile(r"[\[\]]")


def artifact_location(path: str) -> JSONObject:
    """A relative path as a URI relative to %SRCROOT%; an absolute one as a file: URI."""
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        if not posix.startswith("/"):  # a Windows drive: file:///C:/...
            posix = "/" + posix
        return {"uri": "file://" + quote(posix, safe="/:", errors="surrogateescape")}
    # `:` stays encoded, so that a first segment such as `a:b` is not taken for a scheme.
    return {"uri": quote(posix, safe="/", errors="surrogateescape"), "uriBaseId": SRCROOT}


def region(span: Span) -> JSONObject:
    """The span as a SARIF region: 1-based, and never ending before it starts."""
    line = max(1, span.line)
    column = max(1, span.column)
    end_line = max(line, span.end_line)
    end_column = max(1, span.end_column)
    if end_line == line:
        end_column = max(column, end_column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
