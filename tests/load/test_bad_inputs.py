"""Every bad input (docs/architecture.md "Bad input"), through the library: the code, where it
points, what it says.

The same table (tests/load/cases.py) runs through the real command line in
tests/cli/test_validate.py; here it runs in-process, through `journeyctl.check`, the function
`validate` and `lint` call for each file.
"""

from __future__ import annotations

import pytest

from journeyctl.config import load_config
from journeyctl.diagnostics import Diagnostic, Severity
from journeyctl.load import DEFAULT_LIMITS, Limits
from tests.conftest import check_raw
from tests.load.cases import BAD_INPUTS, BadInput

IN_PROCESS = [case for case in BAD_INPUTS if case.in_process]


def limits_for(case: BadInput, tmp_path_factory: pytest.TempPathFactory) -> Limits:
    if case.config is None:
        return DEFAULT_LIMITS
    config = tmp_path_factory.mktemp("config") / ".journeyctl.yaml"
    config.write_text(case.config)
    return load_config(config).limits


def describe(diagnostics: list[Diagnostic]) -> list[str]:
    return [f"{d.span.line}:{d.span.column} {d.code} {d.message}" for d in diagnostics]


def matches(diagnostic: Diagnostic, case: BadInput) -> bool:
    message = diagnostic.message.lower()
    return (
        diagnostic.code == case.code
        and diagnostic.span.line == case.line
        and (case.column is None or diagnostic.span.column == case.column)
        and all(word.lower() in message for word in case.words)
    )


@pytest.mark.parametrize("case", IN_PROCESS, ids=lambda case: case.name)
def test_bad_input_is_one_positioned_error(
    case: BadInput, tmp_path_factory: pytest.TempPathFactory
) -> None:
    checked = check_raw(case.content, "bad.journey.yaml", limits=limits_for(case, tmp_path_factory))
    found = checked.diagnostics
    assert not checked.valid
    assert any(matches(d, case) for d in found), (
        f"expected {case.code} at {case.line}:{case.column} with {case.words}; "
        f"got {describe(found)}"
    )
    if case.only:
        assert len(found) == 1, describe(found)
    for diagnostic in found:
        assert diagnostic.path == "bad.journey.yaml"
        assert diagnostic.severity is Severity.ERROR
        assert (
            diagnostic.rule
            == {"JM001": "yaml-syntax", "JM002": "schema", "JM003": "reference"}[diagnostic.code]
        )
        # one line per problem, and a short one: map text is quoted, never dumped
        assert "\n" not in diagnostic.message and "\r" not in diagnostic.message
        assert len(diagnostic.message) < 400
        span = diagnostic.span
        assert span.line >= 1 and span.column >= 1
        assert (span.end_line, span.end_column) >= (span.line, span.column)


def test_the_table_covers_every_code() -> None:
    assert {case.code for case in BAD_INPUTS} == {"JM001", "JM002", "JM003"}
    assert len({case.name for case in BAD_INPUTS}) == len(BAD_INPUTS)
