"""Reports built by hand for the output-format tests: several files, every severity, and map
text that tries to break each format."""

from __future__ import annotations

from journeyctl.diagnostics import Diagnostic, FileReport, Report, RuleInfo, Severity, Span

ACME = "maps/acme.journey.yaml"
# A file name that tries to forge workflow-command properties and XML.
HOSTILE_PATH = "maps/b,title=x::y%0A <&>.journey.yaml"
CLEAN = "maps/clean.journey.yaml"

HOSTILE_MESSAGE = (
    "stage 'x[/x] [bold]' is 100% <script>alert(1)</script> & ]]>, title=forged"
    "::error file=evil.yaml::second annotation\nsecond line\r\n[link](https://evil.example) "
    "C:\\maps\\ Café ☕ 日本語"
)
CONTROL_MESSAGE = "bell\x07 nul\x00 esc\x1b[31mred\x1b[0m tab\there del\x7f"

RULES = [
    RuleInfo(
        "JM201",
        "stage-not-customer-validated",
        Severity.ERROR,
        "A stage has no evidence with a customer voice",
        "## What it checks\n\nEvery stage needs evidence in the customer's own voice.",
    ),
    RuleInfo("JM302", "touchpoint-without-owner", Severity.WARNING, "A touchpoint has no owner"),
    RuleInfo("JM303", "touchpoint-without-channel", Severity.INFO, "A touchpoint has no channel"),
    RuleInfo("JM305", "single-team-map", Severity.WARNING, "All touchpoints have one owner"),
]


def diag(
    path: str, span: Span, code: str, rule: str, severity: Severity, message: str
) -> Diagnostic:
    return Diagnostic(path, span, code, rule, severity, message)


ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

ACME_DIAGNOSTICS = [
    # Deliberately out of order: every format sorts.
    diag(ACME, Span(41, 18, 41, 22), "JM003", "reference", ERR,
         "touchpoint owner 'sles' is not a team (known: cs, marketing, sales)"),
    diag(ACME, Span(30, 7, 30, 7), "JM302", "touchpoint-without-owner", WARN,
         "touchpoint 'call' has no owner"),
    diag(ACME, Span(12, 5, 12, 9), "JM303", "touchpoint-without-channel", INFO,
         "touchpoint 'demo' has no channel"),
    diag(ACME, Span(12, 5, 12, 9), "JM302", "touchpoint-without-owner", WARN,
         "touchpoint 'demo' has no owner"),
]  # fmt: skip
HOSTILE_DIAGNOSTICS = [
    diag(HOSTILE_PATH, Span(9, 3, 11, 1), "JM201", "stage-not-customer-validated", ERR,
         "stage 'buy' has no customer-voice evidence"),
    diag(HOSTILE_PATH, Span(3, 3, 3, 14), "JM201", "stage-not-customer-validated", ERR,
         HOSTILE_MESSAGE),
    diag(HOSTILE_PATH, Span(5, 20, 5, 44), "JM010", "unused-suppression", INFO,
         "suppression of JM305 suppressed nothing"),
    diag(HOSTILE_PATH, Span(1, 1, 1, 3), "JM305", "single-team-map", WARN, CONTROL_MESSAGE),
]  # fmt: skip


def make_report() -> Report:
    return Report(
        files=[
            FileReport(HOSTILE_PATH, list(HOSTILE_DIAGNOSTICS)),
            FileReport(CLEAN, []),
            FileReport(ACME, list(ACME_DIAGNOSTICS)),
        ],
        rules=list(RULES),
        tool_version="1.2.3",
    )


def make_empty_report() -> Report:
    return Report(files=[FileReport(CLEAN, [])], rules=list(RULES), tool_version="1.2.3")


SINGLE_SPAN = Span(2, 3, 2, 8)


def single(message: str, path: str = ACME, span: Span = SINGLE_SPAN) -> Report:
    """A report of one warning, for property tests over arbitrary text."""
    d = Diagnostic(path, span, "JM302", "touchpoint-without-owner", Severity.WARNING, message)
    return Report(files=[FileReport(path, [d])], rules=list(RULES), tool_version="1.2.3")
