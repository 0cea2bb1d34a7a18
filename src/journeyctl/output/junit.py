"""JUnit XML: a test suite per file; in it one test case for validation and one per rule that
ran for that file.

An invalid map is one failing validation case (its rules never ran); a rule's case fails when
it found something at or above the file's `fail-on`, and lists findings below it in
`<system-out>` without failing. Written with ElementTree, never templates. XML 1.0 cannot
carry most control characters even as character references, so map text has them written as
backslash escapes first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from journeyctl.diagnostics import VALIDATION_CODES
from journeyctl.output._common import visible

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journeyctl.diagnostics import Diagnostic, FileReport, Report

VALIDATION_CASE = "validation (JM001-JM003)"


def format_report(report: Report) -> str:
    """The report as one `<testsuites>` document."""
    rules: dict[str, str] = {}
    for info in report.rules:
        if info.code not in VALIDATION_CODES:
            rules.setdefault(info.code, info.name)
    root = ET.Element("testsuites", name="journeyctl")
    total_tests = total_failures = 0
    for file in sorted(report.files, key=lambda f: f.path):
        tests, failures = _add_suite(root, file, rules)
        total_tests += tests
        total_failures += failures
    root.attrib.update(tests=str(total_tests), failures=str(total_failures), errors="0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def iter_report(report: Report) -> Iterator[str]:
    """`format_report` as one piece: a test case per (file, rule), not per finding, keeps the
    tree small; the failures' text is the only part that grows with the findings."""
    yield format_report(report)


def _add_suite(root: ET.Element, file: FileReport, rules: dict[str, str]) -> tuple[int, int]:
    path = visible(file.path)
    suite = ET.SubElement(root, "testsuite", name=path)
    found = sorted(file.diagnostics, key=lambda d: d.sort_key)
    invalid = [d for d in found if d.code in VALIDATION_CODES]
    failures = 0
    case = ET.SubElement(suite, "testcase", classname=path, name=VALIDATION_CASE)
    if invalid:
        if file.fail_on is not None:
            failures += 1
            _failure(case, invalid, invalid[0].code)
        else:
            _output(case, invalid)
    cases = 1
    by_code: dict[str, list[Diagnostic]] = {}
    for d in found:
        if d.code not in VALIDATION_CODES:
            by_code.setdefault(d.code, []).append(d)
    if invalid and file.enabled_rules is not None and not by_code:
        ran: dict[str, str] = {}  # the map could not be linted: no rule ran
    elif file.enabled_rules is not None:
        ran = {code: name for code, name in rules.items() if code in file.enabled_rules}
    else:
        ran = dict(rules)
    for code in sorted(by_code.keys() - ran.keys()):  # a finding of a rule not listed
        ran[code] = by_code[code][0].rule
    for code, name in ran.items():
        cases += 1
        case = ET.SubElement(suite, "testcase", classname=path, name=visible(f"{code} {name}"))
        findings = by_code.get(code, [])
        failing = [d for d in findings if file.fail_on is not None and d.severity >= file.fail_on]
        if failing:
            failures += 1
            _failure(case, findings, code)
        elif findings:
            _output(case, findings)
    suite.attrib.update(tests=str(cases), failures=str(failures), errors="0", skipped="0")
    return cases, failures


def _lines(found: list[Diagnostic]) -> str:
    return "\n".join(f"{d.span.line}:{d.span.column} {visible(d.message)}" for d in found)


def _failure(case: ET.Element, found: list[Diagnostic], kind: str) -> None:
    count = f"{len(found)} finding{'s' if len(found) > 1 else ''}"
    failure = ET.SubElement(
        case, "failure", message=visible(f"{count}: {found[0].message}"), type=visible(kind)
    )
    failure.text = _lines(found)


def _output(case: ET.Element, found: list[Diagnostic]) -> None:
    """Findings below the file's `fail-on`: shown, not failing."""
    ET.SubElement(case, "system-out").text = _lines(found)
