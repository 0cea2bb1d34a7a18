"""Memory stays under 1 GB for any input within the limits: the worst shapes, measured.

Each shape is generated at the limits read from the code (the default ones, and the largest
a configuration may set), as large as they let it be, and linted by `python -m journeyctl`
in a child of a small wrapper process, which reports the child's peak resident memory
(`getrusage(RUSAGE_CHILDREN)`) and wall time. Before the node budget and the bounded error
list, `stages: [0, 0, ...]` of 500,000 items ran for 15 minutes and went past 1 GB.

`pytest -m memory` selects these. The runs at the largest limits a configuration may set and
of the largest valid map in every output format (`memory_largest`, about 3 minutes) run only
when `-m` names `memory`; the normal suite runs the others (about 40 seconds).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeyctl.config.model import LIMIT_CAPS
from journeyctl.load.limits import DEEP_NODE_LEVELS, DEFAULT_LIMITS, Limits

pytestmark = pytest.mark.memory

BOUND_KB = 1_000_000
"""1 GB, in the kilobytes `ru_maxrss` counts on Linux."""
SECONDS = 60.0
"""Every shape must also finish in seconds, not minutes (15 minutes before)."""

WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    done = subprocess.run(sys.argv[3:], stdout=out, stderr=err)
wall = time.perf_counter() - start
print(done.returncode, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

HEAD = "journeyctl: 1\nid: huge\ntitle: Huge\n"
HEAD_NODES = 7  # the top mapping, three keys, three values


@dataclass(frozen=True)
class Shape:
    """A file made of `count` repeated items; `nodes` and `size` are one item's cost."""

    name: str
    nodes: int
    size: int
    build: Callable[[int], str]
    fixed_nodes: int = HEAD_NODES + 2
    depth: int = 0

    def text(self, limits: Limits) -> str:
        """As many items as the limits allow: the node budget or the file size, whichever
        binds first (the file is then just inside both)."""
        levels = self.depth + 1 if self.depth else 0  # the mapping at the top, then lists
        weight = self.nodes * (1 + levels // DEEP_NODE_LEVELS)
        by_nodes = (limits.max_nodes - self.fixed_nodes - 2 * self.depth) // weight
        by_size = (limits.max_file_size - 200 - 4 * self.depth) // self.size
        return self.build(min(by_nodes, by_size))


def _zeros(count: int) -> str:
    return HEAD + "stages: [" + ",".join(["0"] * count) + "]\n"


def _empty_stages(count: int) -> str:
    return HEAD + "stages:\n" + "- {}\n" * count


def _flat_keys(count: int) -> str:
    return HEAD + "stages: [{id: s, name: S}]\n" + "".join(f"k{i:07d}: 0\n" for i in range(count))


def _tiny_strings(count: int) -> str:  # valid: one stage with that many goals
    return HEAD + "stages:\n- id: s\n  name: S\n  goals: [" + ",".join(["a"] * count) + "]\n"


def _long_strings(count: int) -> str:  # valid: one stage with that many 150-letter goals
    goal = "g" * 150
    return HEAD + "stages:\n- id: s\n  name: S\n  goals:\n" + f"  - {goal}\n" * count


def _empty_touchpoints(count: int) -> str:
    return HEAD + "stages:\n- id: s\n  name: S\n  touchpoints:\n" + "  - {}\n" * count


def _zero_touchpoints(count: int) -> str:
    return HEAD + "stages:\n- id: s\n  name: S\n  touchpoints: [" + ",".join(["0"] * count) + "]\n"


def _bare_stages(count: int) -> str:  # valid, six findings a stage
    return HEAD + "stages:\n" + "".join(f"- {{id: s{i}, name: S}}\n" for i in range(count))


def _deep(depth: int) -> Callable[[int], str]:
    def build(count: int) -> str:  # `x-deep: [[[... [0, 0, ...] ...]]]`, valid
        inner = "[" * depth + ",".join(["0"] * count) + "]" * depth
        return HEAD + "stages: [{id: s, name: S}]\nx-deep: " + inner + "\n"

    return build


SHAPES = {
    "zeros": Shape("zeros", 1, 2, _zeros),
    "empty-stages": Shape("empty-stages", 1, 5, _empty_stages),
    "flat-keys": Shape("flat-keys", 2, 11, _flat_keys, fixed_nodes=HEAD_NODES + 7),
    "tiny-strings": Shape("tiny-strings", 1, 2, _tiny_strings, fixed_nodes=HEAD_NODES + 9),
    "long-strings": Shape("long-strings", 1, 155, _long_strings, fixed_nodes=HEAD_NODES + 9),
    "empty-touchpoints": Shape("empty-touchpoints", 1, 7, _empty_touchpoints, HEAD_NODES + 9),
    "zero-touchpoints": Shape("zero-touchpoints", 1, 2, _zero_touchpoints, HEAD_NODES + 9),
    "bare-stages": Shape("bare-stages", 5, 22, _bare_stages),
}


def measure(folder: Path, text: str, *argv: str) -> tuple[int, float, int, str, str]:
    """Exit code, seconds, peak kB, stdout and stderr of `journeyctl lint FILE ARGV`."""
    path = folder / "shape.journey.yaml"
    path.write_text(text, encoding="utf-8")
    out, err = folder / "stdout", folder / "stderr"
    command = [sys.executable, "-m", "journeyctl", "lint", "--today", "2026-11-27", path.name]
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "NO_COLOR"}}
    wrapped = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(out), str(err), *command, *argv],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    code, wall, peak = wrapped.stdout.split()
    stdout = out.read_text(encoding="utf-8", errors="replace")
    stderr = err.read_text(encoding="utf-8", errors="replace")
    return int(code), float(wall), int(peak), stdout, stderr


def assert_bounded(result: tuple[int, float, int, str, str], code: int) -> str:
    exit_code, wall, peak, stdout, stderr = result
    print(f"peak {peak / 1000:.0f} MB, {wall:.1f} s")  # shown with -s: the figures reported
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    assert exit_code == code, (stdout[-1000:], stderr[-1000:])
    assert peak < BOUND_KB, f"peak {peak:,} kB"
    assert wall < SECONDS
    return stdout


VALID = {"tiny-strings", "long-strings", "bare-stages"}


@pytest.mark.parametrize("name", [n for n in SHAPES if n not in VALID])
def test_invalid_shapes_at_the_default_limits(tmp_path: Path, name: str) -> None:
    stdout = assert_bounded(measure(tmp_path, SHAPES[name].text(DEFAULT_LIMITS)), 1)
    assert "JM002" in stdout
    assert "more problems were not listed" in stdout
    assert stdout.count(" JM002 ") <= 101 + 1


def test_valid_shapes_at_the_default_limits(tmp_path: Path) -> None:
    stdout = assert_bounded(measure(tmp_path, SHAPES["tiny-strings"].text(DEFAULT_LIMITS)), 1)
    assert "JM301" in stdout and "JM002" not in stdout  # valid, and linted


def test_a_file_one_node_over_the_budget_is_refused_where_it_goes_over(tmp_path: Path) -> None:
    limits = DEFAULT_LIMITS
    count = limits.max_nodes - HEAD_NODES - 2 + 1
    stdout = assert_bounded(measure(tmp_path, _zeros(count)), 1)
    assert f"more than {limits.max_nodes:,} YAML nodes" in stdout
    column = len("stages: [") + 2 * (count - 1) + 1
    assert f"shape.journey.yaml:4:{column}: error JM001" in stdout


@pytest.mark.parametrize("depth", [DEEP_NODE_LEVELS - 2, DEFAULT_LIMITS.max_depth - 2])
def test_deep_nesting_within_the_default_depth(tmp_path: Path, depth: int) -> None:
    shape = Shape("deep", 1, 2, _deep(depth), fixed_nodes=HEAD_NODES + 7, depth=depth)
    assert_bounded(measure(tmp_path, shape.text(DEFAULT_LIMITS)), 1)


@pytest.mark.memory_largest
@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "github"])
def test_the_largest_valid_map_in_every_format(tmp_path: Path, output_format: str) -> None:
    text = SHAPES["bare-stages"].text(DEFAULT_LIMITS)
    assert_bounded(measure(tmp_path, text, "--format", output_format), 1)


LARGEST = Limits(
    max_file_size=LIMIT_CAPS["max_file_size"],
    max_depth=LIMIT_CAPS["max_depth"],
    max_alias_nodes=LIMIT_CAPS["max_alias_nodes"],
    max_nodes=LIMIT_CAPS["max_nodes"],
)
LARGEST_CONFIG = "limits:\n" + "".join(
    f"  {name}: {LIMIT_CAPS[name]}\n"
    for name in ("max_file_size", "max_depth", "max_alias_nodes", "max_nodes")
)


@pytest.mark.memory_largest
@pytest.mark.parametrize(
    "name",
    ["zeros", "empty-stages", "flat-keys", "long-strings", "bare-stages", "deep-126", "deep-998"],
)
def test_shapes_at_the_largest_limits_a_configuration_allows(tmp_path: Path, name: str) -> None:
    (tmp_path / ".journeyctl.yaml").write_text(LARGEST_CONFIG, encoding="utf-8")
    if name.startswith("deep"):
        depth = int(name.removeprefix("deep-"))  # the deepest nodes that count 4 times; the cap
        shape = Shape("deep", 1, 2, _deep(depth), fixed_nodes=HEAD_NODES + 7, depth=depth)
    else:
        shape = SHAPES[name]
    assert_bounded(measure(tmp_path, shape.text(LARGEST)), 1)


@pytest.mark.memory_largest
def test_one_huge_string_at_the_largest_file_size(tmp_path: Path) -> None:
    (tmp_path / ".journeyctl.yaml").write_text(LARGEST_CONFIG, encoding="utf-8")
    title = "a" * (LARGEST.max_file_size - 200)
    text = f"journeyctl: 1\nid: huge\ntitle: {title}\nstages: [{{id: s, name: S}}]\n"
    stdout = assert_bounded(measure(tmp_path, text, "--format", "sarif"), 1)
    assert "JM301" in stdout


def test_a_valid_start_then_bad_items_to_the_end(tmp_path: Path) -> None:
    """The windows of a large map see only a list's start: a list whose first 65,536 items
    are right and whose last ones are all wrong is validated whole, and still fits."""
    good = 4**8
    bad = 3 * good
    text = (
        HEAD
        + "stages:\n- id: s\n  name: S\n  touchpoints:\n"
        + "".join(f"  - {{id: t{i}, name: T}}\n" for i in range(good))
        + "  - {}\n" * bad
    )
    stdout = assert_bounded(measure(tmp_path, text), 1)
    assert f"{2 * bad - 100:,} more problems were not listed" in stdout


def _aliased_evidence(limits: Limits) -> str:
    """Bare stages up to the node budget, and as many stages as the alias budget allows that
    each reuse one list of 1,000 evidence entries (two findings each): aliases cost a node,
    but validation and lint see every entry they expand to."""
    entries = 1_000
    anchored = 1 + 7 * entries  # the list, and each entry's mapping, three keys, three values
    uses = limits.max_alias_nodes // anchored
    evidence = "".join(
        f"  - {{source: customer-interview, date: 2099-01-{1 + i % 28:02d}, participants: 1}}\n"
        for i in range(entries)
    )
    used = HEAD_NODES + 2 + anchored + 2 + uses * 7
    stages = (limits.max_nodes - used) // 5
    return (
        HEAD
        + "x-evidence: &evidence\n"
        + evidence
        + "stages:\n"
        + "".join(f"- {{id: a{i}, name: S, evidence: *evidence}}\n" for i in range(uses))
        + "".join(f"- {{id: s{i}, name: S}}\n" for i in range(stages))
    )


@pytest.mark.memory_largest
def test_aliases_at_the_largest_limits_a_configuration_allows(tmp_path: Path) -> None:
    (tmp_path / ".journeyctl.yaml").write_text(LARGEST_CONFIG, encoding="utf-8")
    stdout = assert_bounded(measure(tmp_path, _aliased_evidence(LARGEST), "--format", "sarif"), 1)
    assert '"ruleId": "JM205"' in stdout
