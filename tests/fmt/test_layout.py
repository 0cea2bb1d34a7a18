"""fmt's layout rules and safety gates, one behaviour per test, on small maps."""

from __future__ import annotations

import math
from typing import Any

import pytest

import journeyctl
import journeyctl.fmt as fmt_module
from journeyctl.config import Settings
from journeyctl.fmt import format_map, same_data
from journeyctl.fmt.order import map_shape, shape_of
from journeyctl.load import Limits
from journeyctl.model import (
    Evidence,
    Feedback,
    Handoff,
    JourneyMap,
    Metric,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Team,
    Touchpoint,
)
from tests.conftest import TODAY

HEAD = "journeyctl: 1\nid: m\ntitle: T\n"


def formatted(text: str, **options: Any) -> str:
    result = format_map(text, path="m.journey.yaml", today=TODAY, **options)
    assert result.text is not None, (result.refusal, result.diagnostics)
    again = format_map(result.text, path="m.journey.yaml", today=TODAY, **options)
    assert again.text == result.text, "not idempotent"
    return result.text


def stage_map(body: str) -> str:
    return HEAD + "stages:\n  - id: s\n    name: S\n" + body


# -- key order ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model",
    [
        JourneyMap,
        Persona,
        Team,
        Stage,
        Touchpoint,
        Feedback,
        Handoff,
        Metric,
        PainPoint,
        Opportunity,
        Evidence,
    ],
)
def test_key_order_is_the_models_field_order_with_yaml_names_id_and_name_first(
    model: type[Any],
) -> None:
    order = shape_of(model).order
    assert order == tuple(info.alias or name for name, info in model.model_fields.items())
    expected_first = [key for key in ("id", "name") if key in order]
    if model is JourneyMap:
        assert order[:2] == ("journeyctl", "id")  # the format version opens every map
    else:
        assert list(order[: len(expected_first)]) == expected_first


def test_handoff_keys_use_their_yaml_names() -> None:
    handoffs = map_shape().children["stages"].children["handoffs"]
    assert handoffs.order[:2] == ("from", "to")


def test_keys_are_sorted_into_model_order_and_extension_keys_follow_in_their_order() -> None:
    text = (
        "x-b: 2\ntitle: T\nstages:\n  - name: S\n    x-z: 1\n    id: s\n    x-a: 2\n"
        "x-a: 1\nid: m\njourneyctl: 1\n"
    )
    assert formatted(text) == (
        "journeyctl: 1\nid: m\ntitle: T\nstages:\n  - {id: s, name: S, x-z: 1, x-a: 2}\n"
        "x-b: 2\nx-a: 1\n"
    )


# -- flow or block -----------------------------------------------------------------------


def test_a_list_of_scalars_goes_on_one_line_when_it_fits_in_88_columns() -> None:
    fits = "x" * (88 - len("    goals: [") - 1)
    too_long = fits + "y"
    text = stage_map(f"    goals:\n      - {fits}\n    actions:\n      - {too_long}\n")
    lines = formatted(text).splitlines()
    assert f"    goals: [{fits}]" in lines
    assert len(f"    goals: [{fits}]") == 88
    assert "    actions:" in lines and f"      - {too_long}" in lines


def test_a_trailing_comment_does_not_count_against_the_width() -> None:
    fits = "x" * (88 - len("    goals: [") - 1)
    text = stage_map(f"    goals:  # what they want\n      - {fits}\n")
    assert f"    goals: [{fits}]  # what they want" in formatted(text).splitlines()


def test_a_collection_holding_a_collection_is_block_even_when_short() -> None:
    text = HEAD + "persona: {name: P, desired_outcomes: [O]}\nstages: [{id: s, name: S}]\n"
    assert formatted(text) == (
        HEAD + "persona:\n  name: P\n  desired_outcomes: [O]\nstages:\n  - {id: s, name: S}\n"
    )


def test_a_plain_scalar_with_a_comma_or_bracket_stays_in_a_block_list() -> None:
    text = stage_map("    goals:\n      - Fast, and cheap\n      - b\n")
    assert "      - Fast, and cheap" in formatted(text).splitlines()


def test_a_commented_collection_stays_block() -> None:
    text = stage_map("    goals:\n      # the first goal\n      - a\n      - b  # second\n")
    assert formatted(text).endswith(
        "    goals:\n      # the first goal\n      - a\n      - b  # second\n"
    )


def test_four_space_indents_and_unindented_lists_become_two_space_indented_lists() -> None:
    text = (
        HEAD
        + "stages:\n-   id: s\n    name: S\n    touchpoints:\n    -   id: t\n"
        + ("        name: A touchpoint with a long name that keeps it off one line, surely\n")
    )
    assert formatted(text) == HEAD + (
        "stages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n"
        "        name: A touchpoint with a long name that keeps it off one line, surely\n"
    )


# -- values are copied, never re-spelled ------------------------------------------------


def test_every_scalar_keeps_its_spelling() -> None:
    values = "{a: ~, b: TRUE, c: 0x1F, d: .NaN, e: \"double\", f: 'single'}"
    more = "[2026-01-02, !!str 12, 1.0e3, -.inf, 0o17, +1, null, '']"
    text = stage_map(f"x-values: {values}\nx-more: {more}\n")
    lines = formatted(text).splitlines()
    assert f"x-values: {values}" in lines and f"x-more: {more}" in lines


def test_quoted_strings_and_dates_survive_in_model_fields() -> None:
    text = HEAD.replace("title: T", "title: 'It''s \"quoted\"'") + (
        'updated: 2026-11-02\nstages:\n  - id: s\n    name: "S\\tx"\n'
        "    evidence:\n      - {source: assumption, date: '2026-10-01'}\n"
    )
    result = formatted(text)
    assert "title: 'It''s \"quoted\"'" in result
    assert 'name: "S\\tx"' in result
    assert "date: '2026-10-01'" in result


def test_block_scalars_are_reindented_and_keep_their_content() -> None:
    text = HEAD + (
        "description: >-\n        Folded text\n        on two lines.\n"
        "stages:\n    -   id: s\n        name: S\n        description: |\n"
        "                first\n                  indented more\n\n                last\n"
        "        x-kept: |+\n            keep\n\n"
        "        x-indicator: |2\n            two extra\n          base\n"
    )
    result = formatted(text)
    assert "description: >-\n  Folded text\n  on two lines.\n" in result
    assert "    description: |\n      first\n        indented more\n\n      last\n" in result
    before = journeyctl.check(text, lint=False).document
    after = journeyctl.check(result, lint=False).document
    assert before and after and same_data(before.data, after.data)


def test_multi_line_plain_and_quoted_scalars_are_reindented() -> None:
    text = HEAD + (
        "description: a plain scalar\n        on two lines\nstages:\n  - id: s\n"
        '    name: "a quoted\n                scalar"\n'
    )
    result = formatted(text)
    assert "description: a plain scalar\n  on two lines\n" in result
    assert '    name: "a quoted\n      scalar"\n' in result


def test_aliases_of_scalars_are_kept() -> None:
    text = stage_map("x-a: &name A value\nx-b: *name\n")
    result = formatted(text)
    assert "x-a: &name A value\nx-b: *name\n" in result


# -- comments ---------------------------------------------------------------------------


def test_a_full_line_comment_moves_with_the_key_below_it() -> None:
    text = "# file comment\ntitle: T\n# about the id\nid: m\njourneyctl: 1  # version\n" + (
        "stages:\n  - {id: s, name: S}\n# the end\n"
    )
    assert formatted(text) == (
        "# file comment\njourneyctl: 1  # version\n# about the id\nid: m\ntitle: T\n"
        "stages:\n  - {id: s, name: S}\n# the end\n"
    )


def test_comments_between_list_items_stay_between_them() -> None:
    text = HEAD + "stages:\n  - {id: a, name: A}\n  # before b\n\n  - {id: b, name: B}\n"
    assert formatted(text).endswith(
        "stages:\n  - {id: a, name: A}\n  # before b\n\n  - {id: b, name: B}\n"
    )


def test_a_comment_above_a_key_written_first_on_a_dash_line_goes_above_the_dash() -> None:
    text = HEAD + "stages:\n  - name: S\n    # the id\n    id: s\n    x-long: " + "y" * 80 + "\n"
    assert formatted(text).startswith(HEAD + "stages:\n  # the id\n  - id: s\n    name: S\n")


def test_end_of_line_comments_keep_their_column_when_there_is_room() -> None:
    text = HEAD + "stages:\n    -   id: s                # the stage\n        name: S\n"
    column = text.index("# the stage") - text.index("    -   id")
    assert "  - id: s".ljust(column) + "# the stage" in formatted(text).splitlines()
    # no room left at the old column: two spaces
    squeezed = stage_map("    goals: # short\n      - a\n      - b\n")
    assert "    goals: [a, b]  # short" in formatted(squeezed).splitlines()


def test_a_suppression_comment_stays_on_its_findings_line() -> None:
    text = HEAD + (
        "stages:\n    -   name: S\n        id: s  # journeyctl: ignore[JM201]\n"
        "        evidence: [{source: assumption, date: 2026-10-01}]\n"
    )
    result = formatted(text)
    assert "  - id: s      # journeyctl: ignore[JM201]" in result.splitlines()
    assert "JM201" not in [d.code for d in journeyctl.check(result, today=TODAY).diagnostics]


def test_a_hash_inside_a_value_is_not_a_comment() -> None:
    text = stage_map("    description: 'a # b'\n    goals: [c#d]\n    x-block: |\n      # text\n")
    result = formatted(text)
    assert "description: 'a # b'" in result and "goals: [c#d]" in result
    assert "    x-block: |\n      # text\n" in result


# -- refusals ---------------------------------------------------------------------------


def test_an_invalid_map_is_returned_with_its_diagnostics_and_no_text() -> None:
    result = format_map(HEAD + "stages: []\n", today=TODAY)
    assert result.text is None and [d.code for d in result.diagnostics] == ["JM002"]


def test_an_indented_map_moves_to_the_left_margin() -> None:
    assert formatted("  " + HEAD.replace("\n", "\n  ") + "stages: [{id: s, name: S}]\n") == (
        HEAD + "stages:\n  - {id: s, name: S}\n"
    )


def test_a_map_on_the_document_start_line_is_refused() -> None:
    text = "--- {journeyctl: 1, id: m, title: T, stages: [{id: s, name: S}]}\n"
    result = format_map(text, today=TODAY)
    assert result.refusal and "first key must start a line" in result.refusal


def test_yaml_1_2_directive_is_kept() -> None:
    text = "%YAML 1.2\n---\n" + HEAD + "stages:\n- {id: s,   name: S}\n"
    assert formatted(text) == "%YAML 1.2\n---\n" + HEAD + "stages:\n  - {id: s, name: S}\n"


@pytest.mark.parametrize("directive", ["%YAML 1.1", "%TAG !e! tag:example.com,2000:"])
def test_other_directives_are_refused_not_reinterpreted(directive: str) -> None:
    result = format_map(f"{directive}\n---\n{HEAD}stages:\n- {{id: s, name: S}}\n", today=TODAY)
    assert result.text is None and result.refusal
    assert directive.split()[0] in result.refusal and result.refusal_line == 1


def test_nesting_deeper_than_fmt_formats_is_refused_with_a_message() -> None:
    deep = "[" * 150 + "]" * 150
    text = stage_map(f"x-deep: {deep}\n")
    settings = Settings(limits=Limits(max_depth=1000))
    result = format_map(text, settings=settings, today=TODAY)
    assert result.text is None and result.refusal and "nesting is deeper" in result.refusal
    # with the default limits the core loader refuses it first, as invalid
    assert format_map(text, today=TODAY).diagnostics[0].code == "JM001"


def test_an_anchor_on_a_mapping_is_refused() -> None:
    result = format_map(stage_map("x-a: &a\n  k: v\nx-b: *a\n"), today=TODAY)
    assert result.refusal and "anchor" in result.refusal


@pytest.mark.parametrize(
    ("sabotage", "message"),
    [
        (lambda text: text.replace("name: S", "name: T"), "different data"),
        (lambda text: text.replace("  # journeyctl: ignore[JM201]", ""), "lint differently"),
        (lambda text: text.replace("# kept", "# changed"), "comment"),
    ],
)
def test_a_layout_that_would_change_anything_but_layout_is_not_returned(
    monkeypatch: pytest.MonkeyPatch, sabotage: Any, message: str
) -> None:
    real = fmt_module.layout
    monkeypatch.setattr(fmt_module, "layout", lambda *a: sabotage(real(*a)))
    text = HEAD + "# kept\nstages:\n-   id: s  # journeyctl: ignore[JM201]\n    name: S\n"
    result = format_map(text, today=TODAY)
    assert result.text is None and result.refusal and message in result.refusal


def test_same_data_is_nan_safe_and_type_strict() -> None:
    assert same_data({"a": [math.nan]}, {"a": [math.nan]})
    assert not same_data({"a": 1}, {"a": True})
    assert not same_data(0.0, -0.0)
    assert not same_data({"a": 1}, {"a": 1, "b": 2})
    assert same_data({"a": 1, "b": 2}, {"b": 2, "a": 1})
