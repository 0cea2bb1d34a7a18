"""The github format: workflow commands that the runner parses back to the original values."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journeyctl.output._common import visible_inline
from journeyctl.output.github import format_report

from .cases import (
    ACME,
    CONTROL_MESSAGE,
    HOSTILE_MESSAGE,
    HOSTILE_PATH,
    make_empty_report,
    make_report,
    single,
)

# The runner's unescaping (actions/runner ActionCommand): replacements in this order.
DATA_ESCAPES = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
PROPERTY_ESCAPES = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]
COMMANDS = {"error", "warning", "notice"}


def _unescape(text: str, escapes: list[tuple[str, str]]) -> str:
    for escaped, char in escapes:
        text = text.replace(escaped, char)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A port of the runner's ActionCommand.TryParseV2: (command, properties, message)."""
    line = line.lstrip()
    assert line.startswith("::")
    end = line.index("::", 2)
    command, _, properties_text = line[2:end].partition(" ")
    properties: dict[str, str] = {}
    for item in properties_text.strip().split(","):
        key, _, value = item.partition("=")
        if key and value:
            assert key not in properties, f"property {key} given twice in {line!r}"
            properties[key] = _unescape(value, PROPERTY_ESCAPES)
    return command, properties, _unescape(line[end + 2 :], DATA_ESCAPES)


def lines(out: str) -> list[str]:
    # The runner splits its input on CR as well as LF.
    assert "\r" not in out
    assert out.endswith("\n")
    return out[:-1].split("\n")


def test_one_command_per_diagnostic_with_its_position_and_title() -> None:
    out = lines(format_report(make_report()))
    assert len(out) == 8
    assert out[0] == (
        f"::warning file={ACME},line=12,col=5,endLine=12,endColumn=9,"
        "title=JM302 touchpoint-without-owner::touchpoint 'demo' has no owner"
    )
    assert out[3] == (
        f"::error file={ACME},line=41,col=18,endLine=41,endColumn=22,title=JM003 reference"
        "::touchpoint owner 'sles' is not a team (known: cs, marketing, sales)"
    )


def test_severities_map_to_error_warning_notice() -> None:
    commands = [parse(line)[0] for line in lines(format_report(make_report()))]
    assert commands == [
        "warning",
        "notice",
        "warning",
        "error",
        "warning",
        "error",
        "notice",
        "error",
    ]


def test_every_line_parses_back_to_the_original_values() -> None:
    report = make_report()
    expected = sorted(report.diagnostics, key=lambda d: d.sort_key)
    for d, line in zip(expected, lines(format_report(report)), strict=True):
        command, properties, message = parse(line)
        assert command in COMMANDS
        assert set(properties) <= {"file", "line", "col", "endLine", "endColumn", "title"}
        assert properties["file"] == d.path
        assert properties["title"] == f"{d.code} {d.rule}"
        assert int(properties["line"]) == d.span.line
        # Control characters other than CR and LF are shown as escapes (see below).
        assert message == (visible_inline(d.message) if d.message == CONTROL_MESSAGE else d.message)


def test_hostile_path_and_message_cannot_forge_properties_or_annotations() -> None:
    out = lines(format_report(make_report()))
    hostile = [parse(line) for line in out if "line=3," in line]
    assert len(hostile) == 1
    command, properties, message = hostile[0]
    assert command == "error"
    assert properties == {
        "file": HOSTILE_PATH,
        "line": "3",
        "col": "3",
        "endLine": "3",
        "endColumn": "14",
        "title": "JM201 stage-not-customer-validated",
    }
    assert message == HOSTILE_MESSAGE
    # The message's own `::error file=...` stays inside the data of this one command.
    assert sum(line.startswith("::") for line in out) == len(out)


def test_percent_escapes_in_map_text_are_not_decoded() -> None:
    _, properties, message = parse(format_report(single("100%0A done %3A", path="a%2Cb"))[:-1])
    assert message == "100%0A done %3A"
    assert properties["file"] == "a%2Cb"


def test_other_control_characters_are_shown_not_sent_to_the_log() -> None:
    out = format_report(make_report())
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out
    (message,) = [parse(line)[2] for line in lines(out) if "line=1," in line]
    assert message == r"bell\x07 nul\x00 esc\x1b[31mred\x1b[0m" + " tab\there del\\x7f"


def test_columns_only_on_a_single_line_span() -> None:
    # The runner drops col/endColumn when line and endLine differ; so do we.
    (line,) = [x for x in lines(format_report(make_report())) if "line=9," in x]
    _, properties, _ = parse(line)
    assert properties == {
        "file": HOSTILE_PATH,
        "line": "9",
        "endLine": "11",
        "title": "JM201 stage-not-customer-validated",
    }


def test_nothing_to_report_is_empty_output() -> None:
    assert format_report(make_empty_report()) == ""


@given(st.text(), st.text(min_size=1))
def test_any_message_and_path_round_trip(message: str, path: str) -> None:
    out = format_report(single(message, path=path))
    (line,) = lines(out)
    command, properties, parsed = parse(line)
    assert command == "warning"
    assert parsed == visible_inline(message)
    assert properties["file"] == visible_inline(path)
    assert properties["line"] == "2" and properties["endColumn"] == "8"


def test_line_and_paragraph_separators_in_a_file_name_stay_on_one_line() -> None:
    """A file named `\u2028.journey.yaml` must not split its annotation where a log viewer
    (or str.splitlines) breaks lines."""
    from journeyctl.diagnostics import Diagnostic, FileReport, Report, Severity, Span

    path = "maps/\u2028x\u2029.journey.yaml"
    found = Diagnostic(path, Span(1, 1, 1, 2), "JM201", "r", Severity.ERROR, "m\u2028n")
    document = format_report(Report([FileReport(path, [found])], [], "0"))
    assert len(document.splitlines()) == 1
    assert "\\u2028" in document and "\\u2029" in document
