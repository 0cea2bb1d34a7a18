"""JUnit XML: a test suite per file, a test case per (file, rule) that fails when the rule fired.

Written with ElementTree, never templates. XML 1.0 cannot carry most control characters even
as character references, so map text has them written as backslash escapes first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from journeyctl.output._common import visible

if TYPE_CHECKING:
    from collections.abc import Iterator

    from journeyctl.diagnostics import Diagnostic, FileReport, Report


def format_report(report: Report) -> str:
    """The report as one `<testsuites>` document."""
    rules: dict[str, str] = {}
    for info in report.rules:
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
    by_code: dict[str, list[Diagnostic]] = {}
    for d in sorted(file.diagnostics, key=lambda d: d.sort_key):
        by_code.setdefault(d.code, []).append(d)
    # Every listed rule is a test case; a code the caller did not list (say JM001) still fails.
    cases = dict(rules)
    for code in sorted(by_code.keys() - rules.keys()):
        cases[code] = by_code[code][0].rule
    suite = ET.SubElement(root, "testsuite", name=path)
    failures = 0
    for code, name in cases.items():
        case = ET.SubElement(suite, "testcase", classname=path, name=visible(f"{code} {name}"))
        found = by_code.get(code)
        if found:
            failures += 1
            count = f"{len(found)} finding{'s' if len(found) > 1 else ''}"
            failure = ET.SubElement(
                case,
                "failure",
                message=visible(f"{count}: {found[0].message}"),
                type=visible(code),
            )
            failure.text = "\n".join(
                f"{d.span.line}:{d.span.column} {visible(d.message)}" for d in found
            )
    suite.attrib.update(tests=str(len(cases)), failures=str(failures), errors="0", skipped="0")
    return len(cases), failures
