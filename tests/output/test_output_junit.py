"""The JUnit format: well-formed XML, a validation case and a case per rule that ran for each
file, failing when it found something at or above the file's fail-on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from journeyctl.diagnostics import Diagnostic, FileReport, Report, Severity, Span
from journeyctl.output._common import visible
from journeyctl.output.junit import VALIDATION_CASE, format_report

from .cases import (
    ACME,
    CLEAN,
    CONTROL_MESSAGE,
    HOSTILE_MESSAGE,
    HOSTILE_PATH,
    RULES,
    make_empty_report,
    make_report,
    single,
)

RULE_CASES = [f"{r.code} {r.name}" for r in RULES]


def parse(report: Report) -> ET.Element:
    out = format_report(report)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert out.endswith("\n")
    return ET.fromstring(out.encode("utf-8"))


def suites(root: ET.Element) -> dict[str, ET.Element]:
    return {suite.attrib["name"]: suite for suite in root.iter("testsuite")}


def test_one_suite_per_file_sorted_by_path() -> None:
    root = parse(make_report())
    assert root.tag == "testsuites"
    assert [s.attrib["name"] for s in root.iter("testsuite")] == [ACME, HOSTILE_PATH, CLEAN]


def test_a_test_case_per_file_and_rule_plus_unlisted_codes() -> None:
    by_path = suites(parse(make_report()))
    names = {path: [c.attrib["name"] for c in s.iter("testcase")] for path, s in by_path.items()}
    assert names[CLEAN] == [VALIDATION_CASE, *RULE_CASES]
    assert names[ACME] == [VALIDATION_CASE, *RULE_CASES]
    assert names[HOSTILE_PATH] == [VALIDATION_CASE, *RULE_CASES, "JM010 unused-suppression"]
    for path, suite in by_path.items():
        assert {c.attrib["classname"] for c in suite.iter("testcase")} == {path}


def test_counts_on_suites_and_root() -> None:
    root = parse(make_report())
    assert (root.attrib["tests"], root.attrib["failures"], root.attrib["errors"]) == (
        "16",
        "6",
        "0",
    )
    counts = {
        path: (s.attrib["tests"], s.attrib["failures"], s.attrib["errors"])
        for path, s in suites(root).items()
    }
    assert counts == {ACME: ("5", "3", "0"), HOSTILE_PATH: ("6", "3", "0"), CLEAN: ("5", "0", "0")}
    # The counts agree with the elements.
    assert len(list(root.iter("testcase"))) == 16
    assert len(list(root.iter("failure"))) == 6


def test_failures_list_the_findings_of_their_rule() -> None:
    by_path = suites(parse(make_report()))
    failing = {c.attrib["name"]: c.find("failure") for c in by_path[ACME].iter("testcase")}
    assert failing["JM201 stage-not-customer-validated"] is None
    assert failing["JM305 single-team-map"] is None
    owner = failing["JM302 touchpoint-without-owner"]
    assert owner is not None
    assert owner.attrib["type"] == "JM302"
    assert owner.attrib["message"] == "2 findings: touchpoint 'demo' has no owner"
    assert owner.text == "12:5 touchpoint 'demo' has no owner\n30:7 touchpoint 'call' has no owner"
    reference = failing[VALIDATION_CASE]
    assert reference is not None and reference.attrib["type"] == "JM003"
    assert reference.text == (
        "41:18 touchpoint owner 'sles' is not a team (known: cs, marketing, sales)"
    )


def test_hostile_map_text_is_escaped_and_comes_back() -> None:
    by_path = suites(parse(make_report()))
    cases = {c.attrib["name"]: c for c in by_path[HOSTILE_PATH].iter("testcase")}
    failure = cases["JM201 stage-not-customer-validated"].find("failure")
    assert failure is not None
    assert (
        failure.text
        == f"3:3 {visible(HOSTILE_MESSAGE)}\n9:3 stage 'buy' has no customer-voice evidence"
    )
    assert "<script>alert(1)</script> & ]]>" in failure.attrib["message"]
    control = cases["JM305 single-team-map"].find("failure")
    assert control is not None
    assert control.text == f"1:1 {visible(CONTROL_MESSAGE)}"
    assert control.text == r"1:1 bell\x07 nul\x00 esc\x1b[31mred\x1b[0m tab\there del\x7f"


def test_no_script_element_or_cdata_survives() -> None:
    out = format_report(make_report())
    assert "<script>" not in out
    assert "]]>" not in out
    assert not any(e.tag == "script" for e in ET.fromstring(out).iter())


def test_nothing_to_report_passes_every_rule() -> None:
    root = parse(make_empty_report())
    assert (root.attrib["tests"], root.attrib["failures"]) == ("5", "0")
    empty = parse(Report([], [], "1.2.3"))
    assert (empty.attrib["tests"], empty.attrib["failures"]) == ("0", "0")


def test_diagnostics_are_grouped_by_their_file_report() -> None:
    d = Diagnostic(ACME, Span(1, 1, 1, 1), "JM001", "yaml-syntax", Severity.ERROR, "bad")
    root = parse(Report([FileReport(ACME, [d])], [], "1.2.3"))
    (case,) = root.iter("testcase")
    assert case.attrib == {"classname": ACME, "name": VALIDATION_CASE}
    assert case.find("failure") is not None


def test_cases_are_the_rules_that_ran_for_each_file() -> None:
    ran_some = FileReport(ACME, [], frozenset({"JM302", "JM305"}))
    ran_all = FileReport(CLEAN, [], frozenset(r.code for r in RULES))
    names = {
        path: [c.attrib["name"] for c in s.iter("testcase")]
        for path, s in suites(parse(Report([ran_some, ran_all], list(RULES), "1"))).items()
    }
    assert names[ACME] == [
        VALIDATION_CASE,
        "JM302 touchpoint-without-owner",
        "JM305 single-team-map",
    ]
    assert names[CLEAN] == [VALIDATION_CASE, *RULE_CASES]


def test_an_invalid_map_is_one_failing_validation_case() -> None:
    d = Diagnostic(ACME, Span(3, 1, 3, 4), "JM002", "schema", Severity.ERROR, "unknown key")
    root = parse(Report([FileReport(ACME, [d], frozenset())], list(RULES), "1"))
    (case,) = root.iter("testcase")
    assert case.attrib["name"] == VALIDATION_CASE
    assert (root.attrib["tests"], root.attrib["failures"]) == ("1", "1")


def test_findings_below_fail_on_are_shown_but_do_not_fail() -> None:
    info = Diagnostic(ACME, Span(2, 3, 2, 8), "JM303", "touchpoint-without-channel",
                      Severity.INFO, "touchpoint 'demo' has no channel")  # fmt: skip
    warn = Diagnostic(ACME, Span(4, 3, 4, 8), "JM302", "touchpoint-without-owner",
                      Severity.WARNING, "touchpoint 'demo' has no owner")  # fmt: skip
    enabled = frozenset({"JM302", "JM303"})
    for fail_on, failures in ((Severity.ERROR, "0"), (Severity.WARNING, "1"), (None, "0")):
        file = FileReport(ACME, [info, warn], enabled, fail_on)
        root = parse(Report([file], list(RULES), "1"))
        assert root.attrib["failures"] == failures, fail_on
        cases = {c.attrib["name"]: c for c in root.iter("testcase")}
        channel = cases["JM303 touchpoint-without-channel"]
        assert channel.find("failure") is None
        out = channel.find("system-out")
        assert out is not None and out.text == "2:3 touchpoint 'demo' has no channel"
    at_info = parse(Report([FileReport(ACME, [info], enabled, Severity.INFO)], list(RULES), "1"))
    assert at_info.attrib["failures"] == "1"


@given(st.text(), st.text(alphabet=st.characters(codec=None), min_size=1))
def test_any_text_gives_well_formed_xml(message: str, path: str) -> None:
    root = parse(single(message, path=path))
    suite = root.find("testsuite")
    assert suite is not None and suite.attrib["name"] == visible(path)
    failures = list(root.iter("failure"))
    assert len(failures) == 1
    assert failures[0].text == f"2:3 {visible(message)}"


def test_lone_surrogates_and_non_characters_are_replaced() -> None:
    root = parse(single("a\udce9b\ufffec\uffff", path="caf\udce9"))
    (failure,) = root.iter("failure")
    assert failure.text == r"2:3 a\udce9b\ufffec\uffff"
