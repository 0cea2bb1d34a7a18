"""In-process fuzz targets: the public API's `check_bytes` (load, validate, lint).

Every target asserts the properties of `tests.fuzz.harness.check_input` (nothing raises, no
check runs longer than the hang bound, every diagnostic is well formed, JM001-JM003 only for
invalid maps, determinism); the nesting targets also compare the loader with the C parser's own
nesting, and two targets check where lint findings point and that suppressions apply. All
are marked `slow` and take their example count from the hypothesis profile: 150
each in `make test`, 20,000 each in `make fuzz` (see tests/fuzz/__init__.py).
"""

from __future__ import annotations

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from journeyctl.cli.checking import LintOptions
from journeyctl.config import Settings
from journeyctl.load import DEFAULT_LIMITS, Limits, LoadError, load_text
from tests.fuzz import strategies as fuzz
from tests.fuzz.harness import (
    Result,
    check_input,
    editor_lines,
    in_child,
    parser_depth,
    scaled_examples,
)

pytestmark = pytest.mark.slow

ORACLE_DEPTH = 2_000
"""Up to this many levels the C parser is cheap enough (it is quadratic) to measure the real
depth of an input, and safe to run in-process whatever the loader does."""


def _record(result: Result) -> None:
    event("valid" if result.valid else "invalid")
    for diagnostic in result.diagnostics:
        event(diagnostic.code)


@given(fuzz.random_bytes())
def test_random_bytes(raw: bytes) -> None:
    _record(check_input(raw))


@given(fuzz.random_text(), fuzz.limits)
def test_random_text(raw: bytes, limits: Limits) -> None:
    _record(check_input(raw, limits=limits))


@given(fuzz.mutated_example(), fuzz.lint_settings, fuzz.lint_options)
def test_mutated_example(raw: bytes, config: Settings, options: LintOptions) -> None:
    _record(check_input(raw, config=config, options=options))


@given(fuzz.generated_maps(), fuzz.lint_settings, fuzz.lint_options)
def test_generated_maps(raw: bytes, config: Settings, options: LintOptions) -> None:
    _record(check_input(raw, config=config, options=options))


@given(fuzz.long_strings())
def test_long_strings(built: fuzz.Built) -> None:
    _record(check_input(built.raw))


@settings(max_examples=scaled_examples(1 / 3))
@given(fuzz.flat_collections(), st.one_of(st.just(DEFAULT_LIMITS), fuzz.limits))
def test_flat_collections_list_the_first_problems(built: fuzz.Built, limits: Limits) -> None:
    """However many items are wrong, a file gets at most `MAX_LISTED` problems and one line
    counting the others (the memory bound: no dictionary per error)."""
    from journeyctl.validation.budget import MAX_LISTED

    result = check_input(built.raw, limits=limits)
    _record(result)
    problems = [d for d in result.diagnostics if d.code in {"JM002", "JM003"}]
    assert len(problems) <= MAX_LISTED + 1
    if len(problems) == MAX_LISTED + 1:
        assert "more problem" in problems[-1].message


@settings(max_examples=scaled_examples(1 / 3))
@given(fuzz.alias_amplified())
def test_alias_amplified_text_gives_short_messages(built: fuzz.Built) -> None:
    """A string behind many aliases is quoted short in every message: output is linear in the
    input, never in the input times the number of aliases."""
    result = check_input(built.raw)
    _record(result)
    # at most a few short messages per line, however long the anchored string
    lines = built.raw.count(b"\n") + 1
    assert sum(len(d.message) for d in result.diagnostics) <= 1_000 * lines


@given(fuzz.alias_graphs(), st.one_of(st.just(DEFAULT_LIMITS), fuzz.limits))
def test_alias_graphs(raw: bytes, limits: Limits) -> None:
    _record(check_input(raw, limits=limits))


def _loader_rejects(text: str, max_depth: int) -> bool:
    """Whether the loader refuses the text (for any reason) at this depth limit."""
    try:
        load_text(text, Limits(max_depth=max_depth))
    except LoadError:
        return True
    return False


@given(fuzz.deep_nesting())
def test_deep_nesting(case: tuple[fuzz.Built, int]) -> None:
    """Up to ORACLE_DEPTH levels, in-process: what the parser nests deeper than the limit, the
    loader refuses. Beyond, in a forked child, so that a crash (a recursive composer dies near
    30,000 levels) or a hang in C code fails this test instead of killing the run."""
    built, depth = case
    raw = built.raw
    if depth > ORACLE_DEPTH:
        event("beyond the oracle: checked in a child process")
        in_child(lambda: check_input(raw))
        return
    reached = parser_depth(raw.decode("utf-8"))
    event("parser nests past the limit" if reached > fuzz.MAX_DEPTH else "parser stays within")
    result = check_input(raw)
    if reached > fuzz.MAX_DEPTH:
        assert not result.valid and result.validation[0].code == "JM001", result.validation


@given(fuzz.nesting_probes(), st.integers(1, 6))
def test_the_loader_never_nests_deeper_than_the_limit(text: str, max_depth: int) -> None:
    """docs/architecture.md "The safe loader": nesting deeper than `max_depth` is refused before
    anything recurses on it. At a small limit, tiny texts reach past it in every way YAML allows;
    any text the parser nests deeper than the limit must fail to load (JM001)."""
    reached = parser_depth(text)
    event(f"parser depth {min(reached, max_depth + 1)}, limit {max_depth}")
    rejected = _loader_rejects(text, max_depth)
    assert rejected or reached <= max_depth, (
        f"{text!r} nests {reached} deep in the parser, yet loaded with max_depth={max_depth}"
    )
    result = check_input(text.encode("utf-8"), limits=Limits(max_depth=max_depth))
    if reached > max_depth:
        assert not result.valid and result.validation[0].code == "JM001", result.validation


FINDING_KEYS = ('"id"', '"persona"', '"source"')
"""What a finding points at in the emitter's output (docs/architecture.md "Where a finding
points")."""


def _valid_map(raw: bytes) -> tuple[str, Result] | None:
    result = check_input(raw)
    _record(result)
    return (raw.decode("utf-8"), result) if result.valid else None


@given(fuzz.generated_maps())
def test_findings_point_at_their_key_in_editor_lines(raw: bytes) -> None:
    """Each lint finding's line and column, counted the way editors and GitHub annotations
    count them, land on the key the finding is about: an element's `id`, the `persona` key or
    an evidence entry's `source`."""
    checked = _valid_map(raw)
    if checked is None:
        return
    text, result = checked
    lines = editor_lines(text)
    for diagnostic in result.lint or ():
        span = diagnostic.span
        assert span.line <= len(lines), f"{diagnostic} is past the last line"
        at = lines[span.line - 1][span.column - 1 :]
        assert at.startswith(FINDING_KEYS), f"{diagnostic} points at {at[:40]!r}"


@given(fuzz.generated_maps())
def test_a_comment_on_the_finding_line_suppresses_it(raw: bytes) -> None:
    """docs/architecture.md "Suppression": `# journeyctl: ignore[CODE]` suppresses the findings
    reported on its line. Naming every finding's code at the end of its line leaves no finding of
    those codes and no unused suppression (JM010)."""
    checked = _valid_map(raw)
    if checked is None:
        return
    text, result = checked
    by_line: dict[int, set[str]] = {}
    for diagnostic in result.lint or ():
        by_line.setdefault(diagnostic.span.line, set()).add(diagnostic.code)
    if not by_line:
        return
    eol = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    lines = editor_lines(text)
    for number, found in by_line.items():
        if number <= len(lines):
            lines[number - 1] += f"  # journeyctl: ignore[{', '.join(sorted(found))}]"
    suppressed = check_input(eol.join(lines).encode("utf-8"))
    assert suppressed.valid
    assert list(suppressed.lint or ()) == [], "left after suppressing every finding on its line"
