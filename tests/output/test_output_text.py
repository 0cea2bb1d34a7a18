"""The text format: compiler-style lines, exact, with and without colour."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeyctl.output.text import format_report

from .cases import ACME, HOSTILE_PATH, make_empty_report, make_report, single

ANSI = re.compile(r"\x1b\[[0-9;]*m")

EXPECTED = [
    f"{ACME}:12:5: warning JM302 touchpoint 'demo' has no owner [touchpoint-without-owner]",
    f"{ACME}:12:5: info JM303 touchpoint 'demo' has no channel [touchpoint-without-channel]",
    f"{ACME}:30:7: warning JM302 touchpoint 'call' has no owner [touchpoint-without-owner]",
    f"{ACME}:41:18: error JM003 touchpoint owner 'sles' is not a team"
    " (known: cs, marketing, sales) [reference]",
    f"{HOSTILE_PATH}:1:1: warning JM305"
    r" bell\x07 nul\x00 esc\x1b[31mred\x1b[0m tab\there del\x7f [single-team-map]",
    f"{HOSTILE_PATH}:3:3: error JM201 stage 'x[/x] [bold]' is 100% <script>alert(1)</script>"
    " & ]]>, title=forged::error file=evil.yaml::second annotation"
    r"\nsecond line\r\n[link](https://evil.example) C:\maps\ Café ☕ 日本語"
    " [stage-not-customer-validated]",
    f"{HOSTILE_PATH}:5:20: info JM010 suppression of JM305 suppressed nothing [unused-suppression]",
    f"{HOSTILE_PATH}:9:3: error JM201 stage 'buy' has no customer-voice evidence"
    " [stage-not-customer-validated]",
]


def test_lines_are_exact_and_sorted_by_path_line_column_code() -> None:
    assert format_report(make_report()) == "".join(line + "\n" for line in EXPECTED)


def test_the_example_of_the_design() -> None:
    out = format_report(make_report())
    assert (
        "maps/acme.journey.yaml:41:18: error JM003 touchpoint owner 'sles' is not a team"
        " (known: cs, marketing, sales) [reference]\n"
    ) in out


def test_nothing_to_report_is_empty_output() -> None:
    # The summary line belongs to the CLI (stderr), so there is nothing at all on stdout.
    assert format_report(make_empty_report()) == ""
    assert format_report(make_empty_report(), color=True) == ""


def test_colour_is_the_plain_text_plus_ansi_styles() -> None:
    coloured = format_report(make_report(), color=True)
    assert ANSI.sub("", coloured) == format_report(make_report())
    assert "\x1b[" in coloured


def test_colour_styles_path_severity_and_code() -> None:
    d = single("no owner")
    coloured = format_report(d, color=True)
    assert f"\x1b[1m{ACME}\x1b[0m" in coloured  # path bold
    assert "\x1b[1;33mwarning\x1b[0m" in coloured  # warning yellow
    assert "\x1b[1mJM302\x1b[0m" in coloured  # code bold
    assert "\x1b[2m [touchpoint-without-owner]\x1b[0m" in coloured  # rule dim
    coloured_all = format_report(make_report(), color=True)
    assert "\x1b[1;31merror\x1b[0m" in coloured_all
    assert "\x1b[1;34minfo\x1b[0m" in coloured_all


@pytest.mark.parametrize("markup", ["[/x]", "[bold]", "[/]", "[red]x[/red]", "[link=x]y"])
def test_colour_never_reads_map_text_as_rich_markup(markup: str) -> None:
    coloured = format_report(single(f"value {markup} here"), color=True)
    assert f"value {markup} here" in ANSI.sub("", coloured)


def test_colour_does_not_wrap_long_lines() -> None:
    message = "word " * 200 + "漢字" * 100
    coloured = format_report(single(message), color=True)
    assert coloured.count("\n") == 1
    assert message in ANSI.sub("", coloured)


def test_colour_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI decides on colour (NO_COLOR, FORCE_COLOR, a terminal); the formatter obeys it.
    expected = format_report(make_report(), color=True)
    for name, value in [("NO_COLOR", "1"), ("TERM", "dumb"), ("COLUMNS", "20")]:
        monkeypatch.setenv(name, value)
    assert format_report(make_report(), color=True) == expected


def test_map_text_cannot_drive_the_terminal() -> None:
    coloured = format_report(make_report(), color=True)
    # Only our own styles remain once they are removed: the map's ESC is shown as \x1b.
    assert "\x1b" not in ANSI.sub("", coloured)
    assert "\x00" not in coloured and "\x07" not in coloured


@given(st.text())
def test_one_line_per_diagnostic_whatever_the_message(message: str) -> None:
    out = format_report(single(message))
    assert out.endswith(" [touchpoint-without-owner]\n")
    assert out.count("\n") == 1 and "\r" not in out
    assert len(out.splitlines()) == 1
