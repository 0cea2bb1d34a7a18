"""The floors of the benchmark: minimal programs that do only part of what journeyctl does.

Each floor is a piece of Python source run as `python -c SOURCE FILE...` by bench/run.py, in a
fresh interpreter of the same virtual environment, so that it pays the same interpreter start-up
as journeyctl does and nothing else. A floor is what the task costs without journeyctl's own
work; journeyctl's time divided by a floor's time is how much that work costs on top.

    python bench/floors.py NAME FILE...     # run one floor by hand
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

__all__ = ["FLOORS", "Floor"]


@dataclass(frozen=True)
class Floor:
    name: str
    title: str
    description: str
    source: str


# Interpreter start-up alone.
_EMPTY = "pass"

# What `journeyctl --version` cannot avoid importing: the CLI framework, the validator and the
# YAML library (`import pydantic` is lazy: it does not build any model).
_IMPORTS = "import typer, pydantic, ruamel.yaml"

# The pydantic floor (docs/architecture.md "Budgets"): C-load a map and validate it with the
# models; no positions, no source map, no safety checks, no diagnostics, no output.
_PYDANTIC = """\
import sys
from ruamel.yaml import YAML
from journeyctl.model import JourneyMap
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        data = YAML(typ="safe", pure=False).load(f.read().decode("utf-8"))
    JourneyMap.model_validate(data, context={"teams": frozenset()})
"""

# The pydantic floor without the interpreter's teardown: it ends as journeyctl does (os._exit
# once the work is done), so that journeyctl's time over it is only journeyctl's own work.
_PYDANTIC_NO_TEARDOWN = _PYDANTIC + "import os\nos._exit(0)\n"

# Only parsing, with libyaml through PyYAML: compose to nodes, construct nothing.
_PYYAML_COMPOSE = """\
import sys
import yaml
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        yaml.compose(f.read().decode("utf-8"), Loader=yaml.CSafeLoader)
"""

# The throughput budget's floor: safe-load with ruamel.yaml's C loader (ruamel.yaml.clib).
_RUAMEL_LOAD = """\
import sys
from ruamel.yaml import YAML
yaml = YAML(typ="safe", pure=False)
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        yaml.load(f.read().decode("utf-8"))
"""

# fmt's floor: what a formatter built on ruamel.yaml's round-trip mode pays at least, in one
# process: the round-trip load (pure Python: comments and layout are only kept there) and a dump.
_RUAMEL_ROUNDTRIP = """\
import io, sys
from ruamel.yaml import YAML
yaml = YAML()
yaml.preserve_quotes = True
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        data = yaml.load(f.read().decode("utf-8"))
    yaml.dump(data, io.StringIO())
"""

FLOORS: dict[str, Floor] = {
    floor.name: floor
    for floor in (
        Floor("python", "python -c pass", "interpreter start-up", _EMPTY),
        Floor(
            "imports", "import floor", "python -c 'import typer, pydantic, ruamel.yaml'", _IMPORTS
        ),
        Floor(
            "pydantic",
            "pydantic floor",
            "C-load each map with ruamel.yaml and validate it with journeyctl.model",
            _PYDANTIC,
        ),
        Floor(
            "pydantic-no-teardown",
            "pydantic floor, no teardown",
            "the pydantic floor, ending with os._exit as journeyctl does",
            _PYDANTIC_NO_TEARDOWN,
        ),
        Floor(
            "pyyaml-compose",
            "PyYAML+libyaml compose",
            "parse each map to nodes with PyYAML's CSafeLoader (libyaml), construct nothing",
            _PYYAML_COMPOSE,
        ),
        Floor(
            "ruamel-load",
            "ruamel.yaml C safe-load",
            "safe-load each map with ruamel.yaml's C loader (ruamel.yaml.clib), one process",
            _RUAMEL_LOAD,
        ),
        Floor(
            "ruamel-roundtrip",
            "ruamel.yaml round-trip load+dump",
            "round-trip load and dump each map with ruamel.yaml (comments kept), one process",
            _RUAMEL_ROUNDTRIP,
        ),
    )
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in FLOORS:
        names = ", ".join(FLOORS)
        print(f"usage: python bench/floors.py NAME FILE...  (NAME: {names})", file=sys.stderr)
        return 2
    sys.argv = [sys.argv[0], *argv[1:]]
    exec(compile(FLOORS[argv[0]].source, "<floor>", "exec"), {"__name__": "__main__"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
