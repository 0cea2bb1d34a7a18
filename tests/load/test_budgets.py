"""The node budget (`limits.max_nodes`) and the problem budget (`MAX_LISTED`), through the
library; tests/load/test_memory_bound.py measures what they are for (memory under 1 GB)."""

from __future__ import annotations

from pathlib import Path

import pytest

import journeyctl
from journeyctl.config import ConfigError, load_config
from journeyctl.config.model import LIMIT_CAPS
from journeyctl.load import Limits, LoadError, load_text
from journeyctl.load.limits import DEEP_NODE_LEVELS
from journeyctl.validation.budget import LARGE_DOCUMENT, MAX_LISTED
from tests.conftest import validate_yaml

HEAD = "journeyctl: 1\nid: many\ntitle: Many\n"


@pytest.mark.parametrize(("budget", "fails"), [(9, False), (8, True)])
def test_every_key_value_list_and_mapping_counts_as_a_node(budget: int, fails: bool) -> None:
    text = "a: [1, 2]\nb: {c: 3}\n"  # the top mapping, a, [], 1, 2, b, {}, c, 3
    if not fails:
        assert load_text(text, Limits(max_nodes=budget)).data == {"a": [1, 2], "b": {"c": 3}}
        return
    with pytest.raises(LoadError) as caught:
        load_text(text, Limits(max_nodes=budget))
    assert caught.value.message.startswith("more than 8 YAML nodes")
    assert "raise limits.max_nodes" in caught.value.message
    assert caught.value.span[:2] == (2, 8)  # the `3`, the ninth node


def test_an_alias_counts_as_one_node() -> None:
    text = "a: &x [1, 2, 3]\nb: *x\n"  # 1 + 1 + 4 + 1 + 1
    assert load_text(text, Limits(max_nodes=8)).data["b"] == [1, 2, 3]
    with pytest.raises(LoadError, match="more than 7 YAML nodes"):
        load_text(text, Limits(max_nodes=7))


def test_deep_nodes_count_more() -> None:
    shallow = "a: [" + ", ".join(["0"] * 10) + "]\n"
    deep = "a: " + "[" * DEEP_NODE_LEVELS + ", ".join(["0"] * 10) + "]" * DEEP_NODE_LEVELS + "\n"
    # 13 nodes; the deep one: 2 + 32 lists (the last one, at level 32, counts twice) + 10 * 2
    assert load_text(shallow, Limits(max_nodes=13)).data["a"][9] == 0
    load_text(deep, Limits(max_nodes=55))
    with pytest.raises(LoadError, match="more than 54 YAML nodes"):
        load_text(deep, Limits(max_nodes=54))


def test_the_default_budget_holds_the_benchmark_map_of_100000_stages() -> None:
    stages = "".join(f"- {{id: s{i}, name: S}}\n" for i in range(100_000))
    result = journeyctl.check(HEAD + "stages:\n" + stages, lint=False)
    assert result.valid


def test_a_configuration_may_raise_max_nodes_only_to_its_cap(tmp_path: Path) -> None:
    config = tmp_path / ".journeyctl.yaml"
    config.write_text(f"limits: {{max_nodes: {LIMIT_CAPS['max_nodes']}}}\n")
    assert load_config(config).limits.max_nodes == LIMIT_CAPS["max_nodes"]
    config.write_text(f"limits: {{max_nodes: {LIMIT_CAPS['max_nodes'] + 1}}}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert "may be raised to at most 600,000" in str(caught.value.diagnostics[0].message)
    config.write_text("limits: {max_nodes: 18}\n")  # the map below has 19
    result = journeyctl.check(HEAD + "stages: [{id: s, name: S}, {id: t, name: T}]\n",
                              path=tmp_path / "m.journey.yaml", lint=False)  # fmt: skip
    assert [d.code for d in result.diagnostics] == ["JM001"]


def wrong_stages(count: int) -> str:
    stages = "".join(f"- {{id: s{i}, name: S, emotion: 9}}\n" for i in range(count))
    return HEAD + "stages:\n" + stages


def test_up_to_the_budget_every_problem_is_listed() -> None:
    diagnostics = validate_yaml(wrong_stages(MAX_LISTED))
    assert len(diagnostics) == MAX_LISTED
    assert all("less than or equal to 2" in d.message for d in diagnostics)


def test_past_the_budget_the_first_are_listed_and_the_others_counted() -> None:
    diagnostics = validate_yaml(wrong_stages(MAX_LISTED + 57))
    assert len(diagnostics) == MAX_LISTED + 1
    assert diagnostics[:MAX_LISTED] == validate_yaml(wrong_stages(MAX_LISTED))
    last = diagnostics[-1]
    assert last.message.startswith("57 more problems were not listed: journeyctl lists the first")
    assert last.span == diagnostics[-2].span and last.code == "JM002"


def test_problems_at_the_end_of_a_long_list_are_found() -> None:
    good = "".join(f"- {{id: g{i}, name: G}}\n" for i in range(3_000))
    bad = "".join(f"- {{id: s{i}, name: S, x: 1}}\n" for i in range(300))
    text = HEAD + "stages:\n" + good + bad
    diagnostics = validate_yaml(text)
    assert len(diagnostics) == MAX_LISTED + 1
    assert diagnostics[0].span.line == 3_000 + 5  # the first wrong stage, after 3,000 good ones
    assert "unknown key 'x'" in diagnostics[0].message
    assert diagnostics[-1].message.startswith("200 more problems were not listed")


def test_a_large_file_stops_at_the_first_problems() -> None:
    count = LARGE_DOCUMENT + 10
    diagnostics = validate_yaml(HEAD + "stages: [" + ", ".join(["0"] * count) + "]\n")
    assert len(diagnostics) == MAX_LISTED + 1
    assert diagnostics[0].message == "stages[0]: expected a mapping, found the number 0"
    assert diagnostics[0].span[:2] == (4, 10)
    assert "in a file this large, journeyctl stops at the first 100" in diagnostics[-1].message


def test_a_configuration_lists_the_first_problems_too(tmp_path: Path) -> None:
    config = tmp_path / ".journeyctl.yaml"
    config.write_text("teams: [" + ", ".join(["0"] * 500) + "]\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    problems = caught.value.diagnostics
    assert len(problems) == MAX_LISTED + 1
    assert problems[-1].message.startswith("400 more problems were not listed")
