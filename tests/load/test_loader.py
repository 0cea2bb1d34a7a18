"""The loader's steps one by one (docs/architecture.md "The safe loader"): what they accept,
what they refuse.

tests/load/test_bad_inputs.py checks the diagnostic every bad input gets; this module checks
the rest of each promise: boundaries of the limits, nothing constructed from a tag, what a
legitimate file that looks odd (aliases, a BOM, long lines, directives) loads as.
"""

from __future__ import annotations

import codecs
import datetime
from pathlib import Path

import pytest

from journeyctl.load import DEFAULT_LIMITS, Limits, LoadError, load_bytes, load_text
from tests.conftest import check_raw
from tests.load.cases import (
    EXAMPLE,
    MINIMAL,
    ODD_BUT_VALID,
    at,
    flow_nesting,
    nested_mappings,
    replaced,
)


def padded(text: str, size: int) -> bytes:
    """`text` with a trailing comment that makes it exactly `size` bytes long."""
    raw = text.encode()
    filler = size - len(raw) - len("#\n")
    assert filler >= 0
    return raw + b"#" + b"x" * filler + b"\n"


def load_error(text: str, limits: Limits = DEFAULT_LIMITS) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_text(text, limits)
    return caught.value


# --- step 1: size, then a strict UTF-8 decode -----------------------------------------------


@pytest.mark.parametrize(("size", "fails"), [(1000, False), (1001, True)])
def test_size_limit_boundary(size: int, fails: bool) -> None:
    raw = padded(MINIMAL, size)
    assert len(raw) == size
    checked = check_raw(raw, "m.journey.yaml", limits=Limits(max_file_size=1000))
    if fails:
        assert [(d.code, d.span.line, d.span.column) for d in checked.diagnostics] == [
            ("JM001", 1, 1)
        ]
        assert (
            "file is 1,001 bytes, over the limit of 1,000 bytes" in checked.diagnostics[0].message
        )
    else:
        assert checked.diagnostics == []
        assert checked.valid


def test_the_default_size_limit_is_ten_megabytes() -> None:
    assert DEFAULT_LIMITS.max_file_size == 10_000_000


def test_size_is_checked_before_decoding() -> None:
    # bytes that are not UTF-8 and too many of them: the size is what gets reported
    with pytest.raises(LoadError, match="over the limit"):
        load_bytes(b"\xff" * 101, Limits(max_file_size=100))


def test_a_utf8_bom_is_accepted_and_shifts_no_column() -> None:
    checked = check_raw(codecs.BOM_UTF8 + EXAMPLE.encode(), "m.journey.yaml")
    assert checked.diagnostics == []
    broken = replaced("journeyctl: 1 ", "journeyctl: 2 ")
    found = check_raw(codecs.BOM_UTF8 + broken.encode(), "m.journey.yaml").diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in found] == [
        ("JM002", *at(broken, r"^journeyctl", "2"))
    ]


def test_a_bom_in_the_middle_is_text_not_an_encoding() -> None:
    document = load_text("title: a\ufeffb\n")
    assert document.data == {"title": "a\ufeffb"}


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"\xff", 1, 1),
        (b"a: b\n\n  c: \x80", 3, 6),
        (b"title: \xe2\x82", 1, 8),  # a truncated three-byte sequence
        (b"title: \xed\xa0\x80\n", 1, 8),  # a UTF-16 surrogate encoded as UTF-8
        (b"title: \xc0\xaf\n", 1, 8),  # an overlong encoding of '/'
        ("title: ÄÖÜ €".encode() + b"\xfe\n", 1, 13),  # columns count characters
    ],
)
def test_first_bad_byte_is_located(raw: bytes, line: int, column: int) -> None:
    with pytest.raises(LoadError, match="not valid UTF-8") as caught:
        load_bytes(raw)
    assert (caught.value.span.line, caught.value.span.column) == (line, column)


# --- depth, counted on the parser's events before anything deeper is read -------------------


@pytest.mark.parametrize(("depth", "fails"), [(64, False), (65, True)])
def test_block_nesting_at_the_depth_limit(depth: int, fails: bool) -> None:
    text = nested_mappings(depth)
    if fails:
        error = load_error(text)
        assert "deeper than 64 levels" in error.message
        assert (error.span.line, error.span.column) == at(text, rf"^ *k{depth - 1}:")
    else:
        assert load_text(text).data["k0"]["k1"]["k2"] is not None


@pytest.mark.parametrize(("depth", "fails"), [(64, False), (65, True)])
def test_flow_nesting_at_the_depth_limit(depth: int, fails: bool) -> None:
    text = flow_nesting(depth)
    if fails:
        error = load_error(text)
        assert "deeper than 64 levels" in error.message
        assert (error.span.line, error.span.column) == (1, len("deep: ") + depth - 1)
    else:
        assert isinstance(load_text(text).data["deep"], list)


@pytest.mark.parametrize(("depth", "fails"), [(10, False), (11, True)])
def test_a_configured_depth_limit_is_honoured(depth: int, fails: bool) -> None:
    limits = Limits(max_depth=10)
    for text in (nested_mappings(depth), flow_nesting(depth)):
        if fails:
            assert "deeper than 10 levels" in load_error(text, limits).message
        else:
            load_text(text, limits)


@pytest.mark.parametrize(
    "text",
    [
        "deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "deep: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
        "[" * 100_000 + "]" * 100_000 + "\n",
        "deep:\n" + "- " * 100_000 + "leaf\n",
        "".join(" " * level + "k:\n" for level in range(2_000)),
    ],
    ids=["flow-sequences", "flow-mappings", "top-level-flow", "compact-sequences", "block"],
)
def test_crushing_depth_is_rejected_at_the_limit(text: str) -> None:
    # At these depths a composer would take quadratic time and then crash the process (no
    # test could survive that in-process); the event loop stops at level 65.
    # (tests/cli/test_validate.py feeds the same files to the real command line.)
    with pytest.raises(LoadError, match="deeper than 64 levels") as caught:
        load_text(text)
    assert caught.value.span.line in (1, 2, 65)


def test_brackets_in_quotes_comments_and_block_scalars_are_not_nesting() -> None:
    opening = "[" * 200
    text = (
        f"a: '{opening}'\n"
        f'b: "{opening} \\" {opening}"\n'
        f"c: x  # {opening}\n"
        f"d: |\n  {opening}\n  {opening}\n"
        f"e: >-\n  {opening}\n"
    )
    data = load_text(text).data
    assert data["a"] == opening
    assert data["d"] == f"{opening}\n{opening}\n"


# --- what looks odd and is valid -------------------------------------------------------------


@pytest.mark.parametrize("name", ODD_BUT_VALID)
def test_odd_but_valid_files_load_without_a_diagnostic(name: str) -> None:
    checked = check_raw(ODD_BUT_VALID[name], "m.journey.yaml")
    assert checked.diagnostics == []
    assert checked.valid


def test_aliases_are_expanded_into_plain_data() -> None:
    document = load_bytes(ODD_BUT_VALID["small-aliases"])
    stage = document.data["stages"][0]
    assert stage["x-again"] == stage["goals"] == ["Prove the tool fits our data stack"]
    assert stage["handoffs"][0]["to"] == stage["touchpoints"][0]["owner"] == "sales"


# --- the event loop refuses what is unsafe -----------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        '!!python/object/apply:os.system ["touch PWNED"]',
        "!!python/object/apply:os.system\n  args: [touch PWNED]",
        '!!python/object/new:subprocess.Popen [["touch", "PWNED"]]',
        "!!python/object/apply:subprocess.check_call [[touch, PWNED]]",
        "!!python/object/apply:builtins.exec [\"open('PWNED', 'w')\"]",
    ],
)
def test_nothing_is_ever_constructed(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = MINIMAL + f"description: {value}\n"
    found = check_raw(text.encode(), "m.journey.yaml").diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in found] == [
        ("JM001", *at(text, r"^description", "!!"))
    ]
    assert "is not allowed" in found[0].message
    assert list(tmp_path.iterdir()) == []  # no PWNED, nothing at all


def test_core_schema_tags_are_allowed_and_mean_what_they_say() -> None:
    data = load_text('a: !!str 123\nb: !!int "42"\nc: !!float 1\nd: !!null ""\ne: !!bool true\n')
    assert data.data == {"a": "123", "b": 42, "c": 1.0, "d": None, "e": True}


def test_aliases_up_to_the_budget_load_and_one_more_node_fails() -> None:
    text = "base: &b [1, 2, 3]\n" + "".join(f"use{n}: *b\n" for n in range(25))  # 4 nodes each
    assert load_text(text, Limits(max_alias_nodes=100)).data["use24"] == [1, 2, 3]
    error = load_error(text, Limits(max_alias_nodes=99))
    assert "aliases expand to more than 99 extra nodes" in error.message
    assert error.span.line == at(text, r"^use24:")[0]


def test_a_recursive_alias_fails_without_expanding_to_the_budget() -> None:
    # Without a depth bound the walk would follow the cycle, building ever longer paths,
    # until the node budget ran out: quadratic in the budget (seconds and half a gigabyte at
    # the default). The message names the cycle, not the budget.
    for text in ("a: &x [*x]\n", "a: &x {b: *x}\n", "a: &x [1, [2, *x]]\n"):
        error = load_error(text)
        assert "alias" in error.message and "itself" in error.message, text
        assert error.span.line == 1


def test_duplicate_keys_differing_only_in_quoting_are_duplicates() -> None:
    error = load_error("id: a\n'id': b\n")
    assert (error.span.line, error.span.column) == (2, 1)
    assert "duplicate key 'id' (first defined at line 1)" in error.message


def test_a_mapping_as_a_key_is_refused() -> None:
    error = load_error("? [a, b]\n: value\n")
    assert "mapping key must be a plain string" in error.message
    assert error.span.line == 1


def test_a_yaml_1_1_directive_does_not_switch_on_yaml_1_1_types() -> None:
    # the core schema of YAML 1.2 applies whatever the directive says: `yes` is not a boolean
    document = load_text("%YAML 1.1\n---\na: yes\nb: on\nc: 010\n")
    assert document.data == {"a": "yes", "b": "on", "c": 10}
    assert document.source_map.value(("a",)).line == 3


def test_something_that_looks_like_a_date_but_is_none_is_text() -> None:
    data = load_text("a: 2026-02-30\nb: 2026-02-28\nc: 2026-13-01T10:00:00\n").data
    assert data == {"a": "2026-02-30", "b": datetime.date(2026, 2, 28), "c": "2026-13-01T10:00:00"}


def test_tabs_inside_values_are_text_not_errors() -> None:
    assert load_text('a: x\ty\nb: "x\ty"\nc: z\t# comment\n').data == {
        "a": "x\ty",
        "b": "x\ty",
        "c": "z",
    }


def test_an_unknown_key_that_is_not_an_x_key_is_reported_at_the_key() -> None:
    text = replaced("    name: Evaluate\n", "    name: Evaluate\n    xnotes: hi\n")
    found = check_raw(text.encode(), "m.journey.yaml").diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in found] == [
        ("JM002", *at(text, r"^    xnotes", "xnotes"))
    ]
    assert "or an `x-` key" in found[0].message or "did you mean" in found[0].message


def test_errors_in_several_places_are_all_reported_in_file_order() -> None:
    text = replaced("moment: positive", "moment: postive ")
    text = replaced("owner: sales  ", "owner: sles   ", text)
    text = replaced("    touchpoints:  ", "    touchpiont:   ", text)
    text = replaced("emotion: 1 ", "emotion: 9 ", text)
    found = check_raw(text.encode(), "m.journey.yaml").diagnostics
    # a schema error stops the reference checks (they need a valid model): JM002s only
    assert [(d.code, d.span.line) for d in found] == [
        ("JM002", at(text, r"emotion: 9")[0]),
        ("JM002", at(text, r"touchpiont:")[0]),
    ]
