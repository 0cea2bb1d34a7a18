"""The real command line on fuzzed stdin: `python -m journeyctl lint - ...` in a subprocess.

One process per input, so these run a sixth of the profile's example count (25 in ci) and are
not marked `slow`: `make fuzz` (`-m slow`) leaves them out (see tests/fuzz/__init__.py).
Properties: exit code 0, 1 or 2 and never a signal, no traceback, no internal error, one
document on stdout in the chosen format, and for JSON exactly the library's diagnostics with
the exit code docs/architecture.md ("Exit codes") gives them.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyctl.diagnostics import VALIDATION_CODES, Severity
from tests.fuzz import strategies as fuzz
from tests.fuzz.harness import (
    PATH,
    TODAY,
    CliRun,
    Result,
    assert_cli_sane,
    check_input,
    parse_json_report,
    run_cli,
    scaled_examples,
)

CLI_EXAMPLES = scaled_examples(1 / 6)
SHOWN = "<stdin>"

any_input = st.one_of(
    fuzz.random_bytes(),
    fuzz.random_text(),
    fuzz.mutated_example(),
    fuzz.generated_maps(),
    fuzz.alias_graphs(),
    fuzz.deep_nesting().map(lambda case: case[0].raw),
    fuzz.long_strings().map(lambda built: built.raw),
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder to run in: stdin takes its configuration from the current folder."""
    return tmp_path_factory.mktemp("fuzz-cli")


def _expected_exit(result: Result, fail_on: str | None) -> int:
    threshold = fail_on or "error"
    if threshold == "never":
        return 0
    floor = Severity.parse(threshold)
    failing = any(d.code in VALIDATION_CODES or d.severity >= floor for d in result.diagnostics)
    return 1 if failing else 0


def _check_document(run: CliRun, output_format: str) -> None:
    if output_format == "json":
        parse_json_report(run)
    elif output_format == "sarif":
        document = json.loads(run.stdout)
        assert document["version"] == "2.1.0" and len(document["runs"]) == 1
    elif output_format == "junit":
        ElementTree.fromstring(run.stdout)
    elif output_format == "github":
        for line in run.stdout.splitlines():
            assert line.startswith("::"), f"not a workflow command: {line!r}"
    else:
        assert run.stdout.endswith("\n")


@settings(max_examples=CLI_EXAMPLES)
@given(raw=any_input)
def test_lint_json_matches_the_library(workdir: Path, raw: bytes) -> None:
    run = run_cli(raw, ["lint", "-", "--format", "json", "--today", TODAY.isoformat()], workdir)
    assert_cli_sane(run)
    found = parse_json_report(run)
    result = check_input(raw)  # after the CLI, so a crash shows up there first, as an exit code
    expected = [{**d.as_dict(), "path": SHOWN} for d in result.diagnostics]
    assert found == expected
    assert run.returncode == _expected_exit(result, None)


@settings(max_examples=CLI_EXAMPLES)
@given(
    raw=any_input,
    command=st.sampled_from(["lint", "validate"]),
    output_format=st.sampled_from(["text", "json", "sarif", "github", "junit"]),
    fail_on=st.sampled_from([None, "error", "warning", "info", "never"]),
)
def test_every_format_survives_any_input(
    workdir: Path, raw: bytes, command: str, output_format: str, fail_on: str | None
) -> None:
    args = [command, "-", "--format", output_format, "--stdin-filename", PATH]
    if command == "lint":
        args += ["--today", TODAY.isoformat()]
        if fail_on is not None:
            args += ["--fail-on", fail_on]
    run = run_cli(raw, args, workdir)
    assert_cli_sane(run)
    _check_document(run, output_format)
    result = check_input(raw)
    if command == "validate":
        assert run.returncode == (0 if result.valid else 1)
    else:
        assert run.returncode == _expected_exit(result, fail_on)
