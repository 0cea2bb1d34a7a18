"""The exact inputs of the bugs the fuzzers found, as plain tests.

All three are fixed; a bug found later and still open goes in as `xfail(strict=True)`, so that
its fix fails the run until the marker is removed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from journeyctl.load import LoadError, load_text
from tests.conftest import lint_yaml
from tests.fuzz.harness import check_input, in_child

# --- 1. nesting a text pre-scan cannot see: the C composer crashed (SIGSEGV) --------------------
# Found against the loader of 476664d, whose step (2) guessed depth from the raw text: these
# valid YAML constructs fooled it into counting (almost) nothing, and the recursive C composer
# then crashed the process at about 30,000 levels. dc496c6 counts depth on the parser's events
# instead; these keep it honest (the crushing ones in a child process, so a regression fails
# the test rather than killing the run).

CRUSHING = 40_000
"""Far past the depth (about 30,000) where a recursive composer crashes the process."""


def anchored_flow(depth: int) -> str:
    # an anchor before `[` hid the bracket, and with flow depth still 0, all the next ones
    return "k: " + "".join(f"&a{level} [" for level in range(depth)) + "x" + "]" * depth + "\n"


def tagged_flow(depth: int) -> str:
    # the same with a tag (a core one, which the loader accepts) in place of the anchor
    return "k: " + "!!seq [" * depth + "x" + "]" * depth + "\n"


def explicit_keys(depth: int) -> str:
    # compact `? ? ?` keys were not counted at all, unlike compact `- - -` entries
    return "? " * depth + "x\n"


def quote_in_plain_scalar(depth: int) -> str:
    # the `'` inside the plain scalar `b - 'x` was taken for an unclosed quoted scalar, which
    # hid every line up to the next `'`
    return "a: b - 'x\nk:\n" + "- " * depth + "x\nc: d'\n"


def comma_bracket_in_plain_scalar(depth: int) -> str:
    # `, [` inside a plain scalar opened a flow collection that never closed, which turned
    # off the counting of block levels for the rest of the file
    return "a: x, [\nk:\n" + "- " * depth + "x\n"


def block_scalar_in_sequence_item(depth: int) -> str:
    # after `- k: |` the pre-scan skipped every line indented more than the `-` (column 0),
    # but the block scalar ends at the mapping's column 2: `  j: [[[...` is a key of it
    return "- k: |\n    t\n  j: " + "[" * depth + "x" + "]" * depth + "\n"


FOOLERS = [
    anchored_flow,
    tagged_flow,
    explicit_keys,
    quote_in_plain_scalar,
    comma_bracket_in_plain_scalar,
    block_scalar_in_sequence_item,
]


@pytest.mark.parametrize("build", FOOLERS)
def test_crushing_depth_neither_crashes_nor_hangs(build: Callable[[int], str]) -> None:
    raw = build(CRUSHING).encode()

    def check() -> None:
        result = check_input(raw)
        assert not result.valid and result.validation[0].code == "JM001"

    in_child(check, timeout=30)


@pytest.mark.parametrize("build", FOOLERS)
def test_just_past_the_limit_fails_to_load(build: Callable[[int], str]) -> None:
    text = build(65)  # with the top-level collection, one level past the limit
    with pytest.raises(LoadError) as caught:
        load_text(text)
    assert caught.value.kind[0] == "JM001"
    result = check_input(text.encode())
    assert not result.valid and result.validation[0].code == "JM001"


@pytest.mark.parametrize("build", [anchored_flow, tagged_flow, block_scalar_in_sequence_item])
def test_just_past_the_limit_is_a_nesting_error(build: Callable[[int], str]) -> None:
    with pytest.raises(LoadError, match="nesting is deeper than 64 levels") as caught:
        load_text(build(70))
    assert caught.value.span.line in (1, 3)


@pytest.mark.parametrize("build", FOOLERS)
def test_within_the_limit_the_same_shapes_load(build: Callable[[int], str]) -> None:
    # the loader refuses them for their depth, not for their shape (`? ` keys aside, which are
    # never plain strings)
    if build is explicit_keys:
        return
    load_text(build(5))


# --- 2. positions after NEL, LS or PS inside a scalar -----------------------------------------
# The C parser (YAML 1.1) counts U+0085, U+2028 and U+2029 as line breaks, so every position
# after one inside a quoted scalar was a line further down than editors, GitHub annotations and
# the suppression scanner (which count LF) say: JM201 at 6:5 instead of 5:5, and a suppression
# on line 5 unused (JM010). Fixed in a640c44 (journeyctl.load.positions).

NEL_IN_TITLE = (
    "journeyctl: 1\n"
    "id: trial-journey\n"
    'title: "Self\x85serve"\n'
    "stages:\n"
    "  - id: trial\n"
    "    name: Trial\n"
    "    evidence:\n"
    "      - {source: team-workshop, date: 2026-09-01}\n"
)


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_a_line_separator_inside_a_string_does_not_shift_positions(separator: str) -> None:
    text = NEL_IN_TITLE.replace("\x85", separator)
    found = lint_yaml(text, select=("JM201",))
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("JM201", 5, 5)]


def test_a_suppression_after_a_line_separator_still_applies() -> None:
    text = NEL_IN_TITLE.replace("  - id: trial\n", "  - id: trial  # journeyctl: ignore[JM201]\n")
    assert lint_yaml(text, select=("JM201", "JM010")) == []


# --- 3. suppressions in files with CR line ends ------------------------------------------------
# Positions counted a lone CR as a line break (YAML does), the suppression scanner only LF: in a
# file saved with CR line ends every comment was on "line 1" (JM201 kept, JM010 at 1:74), and a
# full-line `# journeyctl: ignore-file[...]` was never found (`^` only matched after LF).
# Fixed in a640c44.

CR_ONLY = NEL_IN_TITLE.replace('"Self\x85serve"', "Self-serve").replace("\n", "\r")


def test_a_suppression_applies_in_a_file_with_cr_line_ends() -> None:
    text = CR_ONLY.replace("  - id: trial\r", "  - id: trial  # journeyctl: ignore[JM201]\r")
    assert lint_yaml(text, select=("JM201", "JM010")) == []


def test_a_file_wide_suppression_applies_in_a_file_with_cr_line_ends() -> None:
    text = CR_ONLY.replace("stages:\r", "# journeyctl: ignore-file[JM201]\rstages:\r")
    assert lint_yaml(text, select=("JM201", "JM010")) == []


def test_the_same_files_with_lf_line_ends_work() -> None:
    lf = CR_ONLY.replace("\r", "\n")
    line = lf.replace("  - id: trial\n", "  - id: trial  # journeyctl: ignore[JM201]\n")
    whole = lf.replace("stages:\n", "# journeyctl: ignore-file[JM201]\nstages:\n")
    assert lint_yaml(line, select=("JM201", "JM010")) == []
    assert lint_yaml(whole, select=("JM201", "JM010")) == []
