"""Measure journeyctl against its floors and peers; check the budgets of docs/architecture.md.

    .venv/bin/python bench/run.py            # full run (about twenty minutes on 2 cores)
    .venv/bin/python bench/run.py --quick    # smoke run: fewer repetitions, 100 and 500 maps

Every command runs in a fresh process, on the same generated files, several times; the median
wall time counts. Peak memory and CPU time come from wait4(2) for each run (the largest single
process of the command, and user + system time of the command and the children it waited for).
The result is one table of ratios (ours / floor, ours / peer) against the budget, printed and
written as JSON (bench/results/latest.json) and Markdown (bench/results/latest.md). See
bench/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeVar

import corpus
from floors import FLOORS

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SCHEMA = ROOT / "schemas" / "journey-map.schema.json"
RESULTS = BENCH / "results"
README = ROOT / "README.md"
README_BEGIN, README_END = "<!-- bench-table -->", "<!-- /bench-table -->"
SEED = 0
T = TypeVar("T")
TODAY = "2026-11-27"  # fixed, so that lint findings (evidence age) do not change with the date
NO_CACHE = "--no-cache"
COLD = ("--today", TODAY, NO_CACHE)
"""Every section but `cache` measures cold runs: without the result cache, which would
otherwise serve every run after the first."""


@dataclass(frozen=True)
class Plan:
    name: str
    throughput_sizes: tuple[int, ...]
    scale_sizes: tuple[int, ...]
    startup_reps: int
    """Timed runs of each start-up command, after one untimed warm-up run."""
    reps: int
    """Timed runs of every other command (no warm-up: the start-up section warmed them)."""
    peer_reps_largest: int
    """Timed runs of the peers on the largest corpus (yamllint takes minutes there)."""
    time_budget_s: float
    """Repetitions after the first are skipped when they would end the run later than this."""


PLANS = {
    "full": Plan("full", (100, 2000), (100, 500, 1000, 2000), 10, 3, 1, 540),
    "quick": Plan("quick", (100, 500), (100, 500), 3, 2, 1, 180),
}


# ------------------------------------------------------------------------------------------
# Running commands


@dataclass(frozen=True)
class Command:
    key: str
    label: str
    argv: tuple[str, ...] | None
    """None when the tool is not installed: the command is reported as missing."""
    cwd: Path
    files: int = 1
    reps: int = 3
    warmup: bool = False
    env: tuple[tuple[str, str], ...] = ()
    """Added to the environment of this command only."""


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    maxrss_kb: int


@dataclass
class Measurement:
    key: str
    label: str
    command: str
    files: int
    runs: list[Run] = field(default_factory=list)
    exit_code: int | None = None
    output_tail: list[str] = field(default_factory=list)
    missing: bool = False

    @property
    def wall(self) -> float:
        return statistics.median(r.wall_s for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu_s for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return statistics.median(r.maxrss_kb for r in self.runs) / 1024

    def summary(self) -> dict[str, object]:
        data = asdict(self)
        if self.runs:
            data |= {
                "median_wall_s": round(self.wall, 4),
                "min_wall_s": round(min(r.wall_s for r in self.runs), 4),
                "median_cpu_s": round(self.cpu, 4),
                "cores_used": round(self.cpu / self.wall, 2),
                "median_peak_mb": round(self.peak_mb, 1),
                "ms_per_map": round(1000 * self.wall / self.files, 3),
                "cpu_ms_per_map": round(1000 * self.cpu / self.files, 3),
            }
        data["runs"] = [
            {"wall_s": round(r.wall_s, 4), "cpu_s": round(r.cpu_s, 4), "maxrss_kb": r.maxrss_kb}
            for r in self.runs
        ]
        return data


def run_once(
    argv: Sequence[str], cwd: Path, env: dict[str, str], *, capture: bool
) -> tuple[Run, int, list[str]]:
    """One run in a fresh process: wall time, CPU time and peak RSS from wait4(2)."""
    with tempfile.TemporaryFile() as sink:
        target = sink if capture else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=target, stderr=target
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        tail: list[str] = []
        if capture:  # the last lines only: output can be hundreds of megabytes
            size = sink.seek(0, os.SEEK_END)
            sink.seek(max(0, size - 8192))
            tail = sink.read().decode("utf-8", errors="replace").splitlines()[-3:]
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss), code, tail


class Bench:
    """Plans commands, then measures them in rounds under a time budget.

    The sections are called twice: once to plan (each `measure` call only records its
    commands), and once after `run` to compute their checks from the measurements, which are
    shared by key. Runs are interleaved in rounds (one run of each command per round), so that
    a slow minute of the machine spreads over all commands instead of spoiling one. Every
    command gets its first run; further runs are skipped when they would overrun the budget,
    and the tables show how many runs each median has.
    """

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.planning = True
        self.plan: list[Command] = []
        self.measured: dict[str, Measurement] = {}
        self.started = time.perf_counter()
        self.skipped_runs = 0

    def get(self, key: str) -> Measurement | None:
        found = self.measured.get(key)
        return found if found is not None and found.runs else None

    def measure(self, commands: Sequence[Command]) -> None:
        if not self.planning:
            return
        for command in commands:
            if command.key in self.measured:
                continue
            shown = shlex.join(_shorten(command.argv)) if command.argv else "(not installed)"
            self.measured[command.key] = Measurement(
                command.key, command.label, shown, command.files, missing=command.argv is None
            )
            if command.argv is not None:
                self.plan.append(command)

    def run(self, deadline: float) -> None:
        """Warm-ups, then a first run of everything, then more rounds while time allows."""
        self.planning = False
        estimate: dict[str, float] = {}
        for command in self.plan:
            if command.warmup:
                estimate[command.key] = self._run(command, capture=True, timed=False)
        for round_ in range(max((c.reps for c in self.plan), default=0)):
            for command in self.plan:
                if round_ >= command.reps:
                    continue
                if round_ > 0 and time.perf_counter() + estimate[command.key] > deadline:
                    self.skipped_runs += 1
                    continue
                first = not command.warmup and round_ == 0
                wall = self._run(command, capture=first, timed=True, round_=round_)
                estimate[command.key] = wall

    def _run(self, command: Command, *, capture: bool, timed: bool, round_: int = 0) -> float:
        assert command.argv is not None
        measurement = self.measured[command.key]
        env = {**self.env, **dict(command.env)}
        run, code, tail = run_once(command.argv, command.cwd, env, capture=capture)
        if capture:
            measurement.exit_code, measurement.output_tail = code, tail
        if timed:
            measurement.runs.append(run)
        what = f"run {round_ + 1}/{command.reps}" if timed else "warm-up"
        elapsed = time.perf_counter() - self.started
        print(
            f"[{elapsed:5.0f}s] {command.label:<44} {what:<9} {run.wall_s:8.3f} s",
            file=sys.stderr,
            flush=True,
        )
        return run.wall_s


def _shorten(argv: Sequence[str], keep: int = 2) -> list[str]:
    """A command line as shown in the results: programs by name, long file lists elided."""
    shown = [Path(argv[0]).name, *argv[1:]]
    if shown[0].startswith("python") and len(shown) > 2 and shown[1] == "-c":
        name = next((f.name for f in FLOORS.values() if f.source == shown[2]), "...")
        shown[2] = f"<bench/floors.py {name}>"
    files = [i for i, arg in enumerate(shown) if arg.endswith(".journey.yaml")]
    if len(files) > keep:
        shown[files[keep] : files[-1] + 1] = [f"... ({len(files)} files)"]
    return shown


# ------------------------------------------------------------------------------------------
# Tools and corpora


@dataclass(frozen=True)
class Tools:
    python: str
    journeyctl: str | None
    yamllint: str | None
    check_jsonschema: str | None
    pyyaml: bool
    yamlfix: str | None = None


def find_tools() -> Tools:
    bin_dir = Path(sys.executable).parent

    def tool(name: str) -> str | None:
        local = bin_dir / name
        return str(local) if local.exists() else shutil.which(name)

    pyyaml = importlib.util.find_spec("yaml") is not None
    return Tools(
        sys.executable,
        tool("journeyctl"),
        tool("yamllint"),
        tool("check-jsonschema"),
        pyyaml,
        tool("yamlfix"),
    )


@dataclass(frozen=True)
class Corpus:
    folder: Path
    names: tuple[str, ...]
    lines: int


def prepare_corpus(out: Path, count: int) -> Corpus:
    """`count` maps from bench/corpus.py in their own folder; reused when already generated."""
    folder = out / f"maps-{count}"
    return _cached(folder, {"count": count}, lambda: corpus.generate(folder, count, seed=SEED))


def prepare_big(out: Path) -> Corpus:
    folder = out / "big"
    return _cached(folder, {"big": True}, lambda: [corpus.generate_big(folder)])


def _cached(folder: Path, what: dict[str, object], make: Callable[[], list[Path]]) -> Corpus:
    generator = hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest()
    stamp = {**what, "seed": SEED, "generator_sha256": generator}
    manifest = folder / "manifest.json"
    names: list[str] | None = None
    if manifest.is_file():
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        if saved.get("stamp") == stamp and all((folder / n).is_file() for n in saved["files"]):
            names = saved["files"]
    if names is None:
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        names = [p.name for p in make()]
        manifest.write_text(json.dumps({"stamp": stamp, "files": names}), encoding="utf-8")
        print(
            f"generated {len(names)} map(s) in {folder} ({time.perf_counter() - start:.1f} s)",
            file=sys.stderr,
        )
    lines = sum((folder / n).read_bytes().count(b"\n") for n in names)
    return Corpus(folder, tuple(names), lines)


# ------------------------------------------------------------------------------------------
# Checks: the budget, one row per ratio


@dataclass
class Check:
    section: str
    name: str
    value: float | None
    unit: str
    budget: str
    verdict: str
    detail: str = ""


def _verdict(value: float, limit: float | None, op: str) -> str:
    if limit is None:
        return "report"
    ok = {"<=": value <= limit, "<": value < limit, ">=": value >= limit}[op]
    return "pass" if ok else "FAIL"


def ratio_check(
    bench: Bench,
    section: str,
    name: str,
    ours: str,
    base: str,
    limit: float | None = None,
    op: str = "<=",
    note: str = "",
) -> Check:
    budget = f"{op} {limit:.2f}" if limit is not None else "report"
    if note:
        budget += f" ({note})"
    a, b = bench.get(ours), bench.get(base)
    if a is None or b is None:
        missing = ", ".join(
            m.label for m in (bench.measured.get(ours), bench.measured.get(base)) if m and m.missing
        )
        return Check(
            section, name, None, "x", budget, "n/a", f"not measured: {missing or 'skipped'}"
        )
    value = a.wall / b.wall
    detail = f"{_seconds(a.wall)} / {_seconds(b.wall)}"
    if b.exit_code not in (0, None) and base.startswith("cjs"):
        detail += f" (check-jsonschema exit {b.exit_code})"
    return Check(section, name, value, "x", budget, _verdict(value, limit, op), detail)


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


# ------------------------------------------------------------------------------------------
# Sections. Each measures what it needs (measurements are shared by key) and returns checks.


def startup_section(bench: Bench, tools: Tools, plan: Plan, small: Corpus) -> list[Check]:
    one = small.names[0]
    py, jc, reps = tools.python, tools.journeyctl, plan.startup_reps

    def cmd(key: str, label: str, argv: Sequence[str] | None) -> Command:
        return Command(key, label, tuple(argv) if argv else None, small.folder, 1, reps, True)

    def floor(name: str, *files: str) -> tuple[str, ...]:
        return (py, "-c", FLOORS[name].source, *files)

    bench.measure(
        [
            cmd("floor:python", "python -c pass", floor("python")),
            cmd("floor:imports", "import floor (typer, pydantic, ruamel)", floor("imports")),
            cmd("floor:pydantic-1", "pydantic floor, 1 map", floor("pydantic", one)),
            cmd(
                "floor:pydantic-no-teardown-1",
                "pydantic floor, no teardown, 1 map",
                floor("pydantic-no-teardown", one),
            ),
            cmd("version", "journeyctl --version", jc and (jc, "--version")),
            cmd("help", "journeyctl --help", jc and (jc, "--help")),
            cmd("lint-1", "journeyctl lint, 1 map", jc and (jc, "lint", *COLD, one)),
            cmd("validate-1", "journeyctl validate, 1 map", jc and (jc, "validate", NO_CACHE, one)),
            cmd("yamllint-1", "yamllint -d relaxed, 1 map", _yamllint(tools, [one])),
            cmd("cjs-1", "check-jsonschema, 1 map", _cjs(tools, [one])),
        ]
    )
    s = "start-up"
    return [
        ratio_check(bench, s, "--version / import floor", "version", "floor:imports", 1.2),
        ratio_check(bench, s, "--help / import floor", "help", "floor:imports", 1.2),
        ratio_check(bench, s, "import floor / python -c pass", "floor:imports", "floor:python"),
        ratio_check(bench, s, "lint 1 map / pydantic floor", "lint-1", "floor:pydantic-1", 1.30),
        ratio_check(
            bench,
            s,
            "lint 1 map / pydantic floor without teardown",
            "lint-1",
            "floor:pydantic-no-teardown-1",
        ),
        ratio_check(bench, s, "lint 1 map / check-jsonschema", "lint-1", "cjs-1", 1.0, "<"),
        ratio_check(bench, s, "lint 1 map / yamllint", "lint-1", "yamllint-1"),
        ratio_check(bench, s, "validate 1 map / pydantic floor", "validate-1", "floor:pydantic-1"),
        ratio_check(bench, s, "pydantic floor / yamllint", "floor:pydantic-1", "yamllint-1"),
    ]


def throughput_section(
    bench: Bench, tools: Tools, plan: Plan, corpora: dict[int, Corpus]
) -> list[Check]:
    checks: list[Check] = []
    largest = max(plan.throughput_sizes)
    for n in plan.throughput_sizes:
        c = corpora[n]
        peer_reps = plan.peer_reps_largest if n == largest else plan.reps
        bench.measure(
            [
                _lint(tools, c, n, plan.reps),
                Command(
                    f"validate-{n}",
                    f"journeyctl validate, {n:,} maps",
                    (tools.journeyctl, "validate", NO_CACHE, *c.names)
                    if tools.journeyctl
                    else None,
                    c.folder,
                    n,
                    plan.reps,
                ),
                _floor_cmd(tools, "ruamel-load", c, n, plan.reps),
                _floor_cmd(tools, "pyyaml-compose", c, n, plan.reps, tools.pyyaml),
                Command(
                    f"yamllint-{n}",
                    f"yamllint -d relaxed, {n:,} maps",
                    _yamllint(tools, c.names),
                    c.folder,
                    n,
                    peer_reps,
                ),
                Command(
                    f"cjs-{n}",
                    f"check-jsonschema, {n:,} maps",
                    _cjs(tools, c.names),
                    c.folder,
                    n,
                    peer_reps,
                ),
            ]
        )
        s, at = "throughput", n == largest
        checks += [
            ratio_check(bench, s, f"lint {n:,} / ruamel C-load floor", f"lint-{n}",
                        f"floor:ruamel-load-{n}", 1.0 if at else None),
            ratio_check(bench, s, f"lint {n:,} / PyYAML compose floor", f"lint-{n}",
                        f"floor:pyyaml-compose-{n}"),
            ratio_check(bench, s, f"lint {n:,} / yamllint", f"lint-{n}", f"yamllint-{n}",
                        0.2 if at else None, note="5x faster" if at else ""),
            ratio_check(bench, s, f"lint {n:,} / check-jsonschema", f"lint-{n}", f"cjs-{n}",
                        1.0 if at else None, "<"),
            ratio_check(bench, s, f"validate {n:,} / ruamel C-load floor", f"validate-{n}",
                        f"floor:ruamel-load-{n}"),
            ratio_check(bench, s, f"validate {n:,} / check-jsonschema", f"validate-{n}",
                        f"cjs-{n}"),
        ]  # fmt: skip
    checks.append(_cores_check(bench, f"lint-{largest}", largest))
    return checks


def _cores_check(bench: Bench, key: str, n: int, command: str = "lint") -> Check:
    cores = len(os.sched_getaffinity(0))
    limit = 0.75 * cores if cores > 1 else None
    budget = f">= {limit:.2f} (0.75 x {cores} cores)" if limit else "report (1 core)"
    m = bench.get(key)
    section = "throughput" if command == "lint" else command
    name = f"{command} {n:,}: cores used"
    if m is None:
        return Check(section, name, None, "cores", budget, "n/a")
    value = m.cpu / m.wall
    detail = f"CPU {m.cpu:.2f} s over {m.wall:.2f} s wall"
    verdict = _verdict(value, limit, ">=")
    return Check(section, name, value, "cores", budget, verdict, detail)


def scale_section(
    bench: Bench, tools: Tools, plan: Plan, corpora: dict[int, Corpus], big: Corpus
) -> list[Check]:
    sizes = plan.scale_sizes
    bench.measure([_lint(tools, corpora[n], n, plan.reps) for n in sizes])
    bench.measure(
        [
            Command(
                "lint-big",
                "journeyctl lint, 200x25 map",
                (tools.journeyctl, "lint", *COLD, *big.names) if tools.journeyctl else None,
                big.folder,
                1,
                plan.reps,
            )
        ]
    )
    checks = []
    got = [(n, bench.get(f"lint-{n}")) for n in sizes]
    points = [(n, m) for n, m in got if m is not None]
    for n, m in points:
        detail = f"{_seconds(m.wall)}, {1000 * m.wall / n:.2f} ms/map, peak {m.peak_mb:.0f} MB"
        checks.append(Check("scale", f"lint {n:,} maps", m.wall, "s", "report", "report", detail))
    if len(points) >= 3:
        (n0, a), (n1, b) = points[0], points[1]
        (n2, c), (n3, d) = points[-2], points[-1]
        first = (b.wall - a.wall) / (n1 - n0)
        last = (d.wall - c.wall) / (n3 - n2)
        value = last / first
        detail = (
            f"{1000 * last:.2f} ms/map from {n2:,} to {n3:,} over "
            f"{1000 * first:.2f} ms/map from {n0:,} to {n1:,}"
        )
        checks.append(
            Check("scale", "lint: marginal cost, largest / smallest step", value, "x",
                  "<= 1.25 (linear)", _verdict(value, 1.25, "<="), detail)
        )  # fmt: skip
    else:
        checks.append(
            Check("scale", "lint: marginal cost, largest / smallest step", None, "x",
                  "<= 1.25 (linear)", "n/a", "needs three sizes (full run)")
        )  # fmt: skip
    if len(points) >= 2:
        (n0, a), (n3, d) = points[0], points[-1]
        value = d.peak_mb / a.peak_mb
        detail = f"{d.peak_mb:.0f} MB at {n3:,} maps / {a.peak_mb:.0f} MB at {n0:,}"
        checks.append(
            Check("scale", "lint: peak memory, largest / smallest", value, "x",
                  "<= 1.50 (flat)", _verdict(value, 1.5, "<="), detail)
        )  # fmt: skip
    whole = bench.get("lint-big")
    if whole is not None:
        detail = f"{big.lines:,} lines, peak {whole.peak_mb:.0f} MB"
        checks.append(
            Check("scale", "lint 200x25 map", whole.wall, "s", "report", "report", detail)
        )
    return checks


def fmt_section(bench: Bench, tools: Tools, plan: Plan, corpora: dict[int, Corpus]) -> list[Check]:
    """`journeyctl fmt --check` of the largest corpus (both cores, through the run pipeline)
    against one process's ruamel.yaml round-trip load and dump of the same files (budget
    0.6x), and against yamlfix, a comment-keeping formatter, run with --check on a copy."""
    n = max(plan.throughput_sizes)
    c = corpora[n]
    copy = _copy_corpus(c, c.folder.with_name(f"{c.folder.name}-yamlfix"))
    jc = tools.journeyctl
    bench.measure(
        [
            Command(
                f"fmt-check-{n}",
                f"journeyctl fmt --check, {n:,} maps",
                (jc, "fmt", "--check", *c.names) if jc else None,
                c.folder,
                n,
                plan.reps,
            ),
            _floor_cmd(tools, "ruamel-roundtrip", c, n, plan.peer_reps_largest),
            Command(
                f"yamlfix-{n}",
                f"yamlfix --check, {n:,} maps (a copy)",
                (tools.yamlfix, "--check", *copy.names) if tools.yamlfix else None,
                copy.folder,
                n,
                plan.peer_reps_largest,
            ),
        ]
    )
    s = "fmt"
    return [
        ratio_check(bench, s, f"fmt --check {n:,} / ruamel round-trip floor", f"fmt-check-{n}",
                    f"floor:ruamel-roundtrip-{n}", 0.6, note="both cores"),
        ratio_check(bench, s, f"fmt --check {n:,} / yamlfix --check", f"fmt-check-{n}",
                    f"yamlfix-{n}"),
        _cores_check(bench, f"fmt-check-{n}", n, "fmt"),
    ]  # fmt: skip


def _copy_corpus(c: Corpus, folder: Path) -> Corpus:
    """The corpus again, for a peer that may rewrite files; refreshed when it differs."""
    import filecmp

    fresh = (
        folder.is_dir()
        and sorted(p.name for p in folder.glob("*.journey.yaml")) == sorted(c.names)
        and all(filecmp.cmp(c.folder / n, folder / n, shallow=False) for n in c.names)
    )
    if not fresh:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name in c.names:
            shutil.copyfile(c.folder / name, folder / name)
    return Corpus(folder, c.names, c.lines)


RENDER_EXAMPLE = ROOT / "examples" / "acme-analytics-b2b.journey.yaml"
"""The example whose `journeyctl render` is compared with `dot -Tsvg` (the largest one)."""

# Run with the journeyctl under test: check the map once, then time the graph building alone
# (no layout), in-process, and print the median; the grid's DOT is written for the dot row.
_BUILD_PROBE = """
import statistics, sys, time
import journeyctl
from journeyctl.config import DEFAULT_SETTINGS
from journeyctl.render.layout import build_diagram
path, grid, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
result = journeyctl.check(open(path, "rb").read(), path=path, config=DEFAULT_SETTINGS, lint=False)
times = []
for _ in range(runs):
    start = time.perf_counter()
    source = build_diagram(result).grid.source
    times.append(time.perf_counter() - start)
if grid != "-":
    open(grid, "w", encoding="utf-8").write(source)
print(f"graph-build-seconds {statistics.median(times):.4f} nodes {source.count(' [')}")
"""


def render_section(bench: Bench, tools: Tools, plan: Plan, big: Corpus) -> list[Check]:
    """Render: building the graph of the 200 x 25 map in-process (budget: under 1 s), dot's
    layout of that graph (reported), and `journeyctl render` of an example to SVG against
    `dot -Tsvg` of the same map's DOT (budget: 1.5x).

    The graph building is timed inside the probe process (median of 3 builds after the map
    is checked), so that start-up and validation do not count; its command's wall time is in
    the measurements table. The DOT files are written while planning, not timed.
    """
    folder = big.folder.resolve() / "render"
    grid, example_dot = folder / "big-grid.gv", folder / "example.gv"
    dot = shutil.which("dot")
    python, jc = tools.python, tools.journeyctl
    if bench.planning and jc is not None:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [python, "-c", _BUILD_PROBE, str(big.folder / big.names[0]), str(grid), "1"],
            env=bench.env,
            check=False,
            capture_output=True,
        )
        subprocess.run(
            [jc, "render", str(RENDER_EXAMPLE), "-f", "dot", "-o", str(example_dot)],
            env=bench.env,
            check=False,
            capture_output=True,
        )
    have_grid = dot is not None and grid.is_file()
    bench.measure(
        [
            Command(
                "render-build-big",
                "graph building (in-process), 200x25 map",
                (python, "-c", _BUILD_PROBE, big.names[0], "-", "3") if jc else None,
                big.folder,
                1,
                1,
            ),
            Command(
                "render-dot-big",
                "dot layout (-Tdot), 200x25 map",
                (dot, "-Tdot", "-o", os.devnull, str(grid)) if have_grid and dot else None,
                big.folder,
                1,
                1,
            ),
            Command(
                "render-svg-1",
                "journeyctl render, 1 example to SVG",
                (jc, "render", str(RENDER_EXAMPLE), "-o", str(folder / "example.svg"))
                if jc and dot
                else None,
                folder,
                1,
                plan.startup_reps,
                True,
            ),
            Command(
                "dot-svg-1",
                "dot -Tsvg of the same map's DOT",
                (dot, "-Tsvg", "-o", os.devnull, str(example_dot)) if dot else None,
                folder,
                1,
                plan.startup_reps,
                True,
            ),
        ]
    )
    checks = []
    probe = bench.get("render-build-big")
    found = [line.split() for line in (probe.output_tail if probe else [])]
    seconds = next((float(f[1]) for f in found if f[:1] == ["graph-build-seconds"]), None)
    if seconds is None:
        checks.append(
            Check("render", "graph building, 200x25 map", None, "s", "< 1 s", "n/a",
                  "not measured: " + ("; ".join(probe.output_tail) if probe else "skipped"))
        )  # fmt: skip
    else:
        nodes = next((f[3] for f in found if f[:1] == ["graph-build-seconds"]), "?")
        detail = f"in-process, median of 3 builds; 5,000 touchpoints, {nodes} DOT statements"
        checks.append(
            Check("render", "graph building, 200x25 map", seconds, "s", "< 1 s",
                  _verdict(seconds, 1.0, "<"), detail)
        )  # fmt: skip
    layout = bench.get("render-dot-big")
    if layout is None:
        checks.append(
            Check("render", "dot layout, 200x25 map", None, "s", "report", "n/a",
                  "dot is not installed" if dot is None else "skipped")
        )  # fmt: skip
    else:
        detail = f"CPU {_seconds(layout.cpu)}, peak {layout.peak_mb:.0f} MB"
        checks.append(
            Check("render", "dot layout, 200x25 map", layout.wall, "s", "report", "report",
                  detail)
        )  # fmt: skip
    checks.append(
        ratio_check(bench, "render", "render 1 example to SVG / dot -Tsvg of its DOT",
                    "render-svg-1", "dot-svg-1", 1.5)
    )  # fmt: skip
    return checks


def report_section(
    bench: Bench, tools: Tools, plan: Plan, corpora: dict[int, Corpus], out: Path
) -> list[Check]:
    """`journeyctl report` of the largest corpus into a folder (one Markdown file per map plus
    index.md), against lint of the same files in the same run: budget 1.5x."""
    n = max(plan.throughput_sizes)
    c = corpora[n]
    folder = out / f"report-{n}"
    argv = (
        (tools.journeyctl, "report", "--today", TODAY, *c.names, "-o", f"{folder}/")
        if tools.journeyctl
        else None
    )
    bench.measure(
        [
            _lint(tools, c, n, plan.reps),
            Command(f"report-{n}", f"journeyctl report -o DIR/, {n:,} maps", argv, c.folder, n,
                    plan.reps),
        ]
    )  # fmt: skip
    return [
        ratio_check(bench, "report", f"report {n:,} into a folder / lint {n:,}", f"report-{n}",
                    f"lint-{n}", 1.5),
    ]  # fmt: skip


@dataclass(frozen=True)
class DiffInputs:
    """What the diff rows compare: the big map against an edit of it, and a git repository of
    the largest corpus with a few maps edited in its work tree."""

    big_folder: Path
    repo: Path
    maps: int
    changed: tuple[str, ...]


DIFF_CHANGED = 10
"""How many maps of the repository are edited for `diff --base`."""


def edit_map(text: str, every: int = 1) -> str:
    """A realistic edit: a new title, some positive moments turned negative (every `every`-th
    one; only the first when `every` is 1), and the first touchpoint emotion of 1 lowered."""
    seen = 0

    def moment(line: str) -> str:
        nonlocal seen
        if line.strip() != "moment: positive":
            return line
        seen += 1
        hit = seen % every == 0 if every > 1 else seen == 1
        return line.replace("positive", "negative") if hit else line

    lines = [moment(line) for line in text.split("\n")]
    edited = "\n".join(lines).replace("\ntitle: ", "\ntitle: Edited, ", 1)
    return edited.replace("        emotion: 1\n", "        emotion: 0\n", 1)


def prepare_diff(out: Path, maps: Corpus, big: Corpus) -> DiffInputs:
    """The big map and its edit side by side; a repository of `maps` committed once (rebuilt
    when the corpus changes), with its work tree reset and the same maps edited every run."""
    big_folder = out / "diff-big"
    big_folder.mkdir(parents=True, exist_ok=True)
    original = (big.folder / big.names[0]).read_text(encoding="utf-8")
    (big_folder / "old.journey.yaml").write_text(original, encoding="utf-8")
    (big_folder / "new.journey.yaml").write_text(edit_map(original, every=50), encoding="utf-8")

    repo = out / f"diff-repo-{len(maps.names)}"
    stamp = (maps.folder / "manifest.json").read_text(encoding="utf-8")
    stamp_file = repo / ".git" / "bench-stamp"

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    if not stamp_file.is_file() or stamp_file.read_text(encoding="utf-8") != stamp:
        start = time.perf_counter()
        shutil.rmtree(repo, ignore_errors=True)
        repo.mkdir(parents=True)
        for name in maps.names:
            shutil.copyfile(maps.folder / name, repo / name)
        git("init", "-q", "-b", "main")
        git("add", "-A")
        git("-c", "user.name=bench", "-c", "user.email=bench@example.com",
            "-c", "commit.gpgsign=false", "commit", "-q", "-m", "corpus")  # fmt: skip
        stamp_file.write_text(stamp, encoding="utf-8")
        print(
            f"committed {len(maps.names)} maps in {repo} ({time.perf_counter() - start:.1f} s)",
            file=sys.stderr,
        )
    else:
        git("checkout", "-q", "--", ".")
    step = max(1, len(maps.names) // DIFF_CHANGED)
    changed = tuple(maps.names[::step][:DIFF_CHANGED])
    for name in changed:
        path = repo / name
        path.write_text(edit_map(path.read_text(encoding="utf-8")), encoding="utf-8")
    return DiffInputs(big_folder, repo, len(maps.names), changed)


def diff_section(bench: Bench, tools: Tools, plan: Plan, inputs: DiffInputs) -> list[Check]:
    """`journeyctl diff` of the 200 x 25 map against an edit of it (budget: 2x `lint` of that
    map, measured by the scale section), and `diff --base` over the largest corpus in a git
    repository with 10 maps changed (budget: 1.5x `lint` of those 10 maps)."""
    jc = tools.journeyctl
    changed = inputs.changed
    bench.measure(
        [
            Command(
                "diff-big",
                "journeyctl diff, 200x25 map vs an edit",
                (jc, "diff", "--today", TODAY, "--format", "json", "old.journey.yaml",
                 "new.journey.yaml") if jc else None,
                inputs.big_folder,
                1,
                plan.reps,
            ),
            Command(
                "diff-base",
                f"journeyctl diff --base, {len(changed)} of {inputs.maps:,} changed",
                (jc, "diff", "--base", "HEAD", "--today", TODAY, "--format", "json")
                if jc else None,
                inputs.repo,
                len(changed),
                plan.reps,
            ),
            Command(
                "lint-changed",
                f"journeyctl lint, the {len(changed)} changed maps",
                (jc, "lint", *COLD, *changed) if jc else None,
                inputs.repo,
                len(changed),
                plan.reps,
            ),
        ]
    )  # fmt: skip
    s = "diff"
    return [
        ratio_check(bench, s, "diff 200x25 map / lint of it", "diff-big", "lint-big", 2.0),
        ratio_check(
            bench,
            s,
            f"diff --base ({len(changed)} of {inputs.maps:,} changed) / lint of those maps",
            "diff-base",
            "lint-changed",
            1.5,
        ),
    ]


VOLUME_STAGES = 100_000
VOLUME_FORMATS = (("text", False), ("text", True), ("json", False), ("sarif", False))


def prepare_volume(out: Path) -> Corpus:
    """One map of 100,000 bare stages (about 3 MB): each stage draws six findings."""
    folder = out / "volume"

    def make() -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        lines = ["journeyctl: 1", "id: huge", "title: Huge", "stages:"]
        lines += [f"  - {{id: s{i}, name: Stage {i}}}" for i in range(VOLUME_STAGES)]
        path = folder / f"stages-{VOLUME_STAGES}.journey.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [path]

    return _cached(folder, {"volume": VOLUME_STAGES}, make)


def volume_section(bench: Bench, tools: Tools, plan: Plan, huge: Corpus) -> list[Check]:
    """Lint of a 100,000-stage map (600,004 findings) in text, coloured text, json and sarif:
    the cost of a finding must be small and linear in every format (budget: the slowest
    within 2x plain text), and memory under 1 GB in each."""
    jc = tools.journeyctl
    commands = []
    for output_format, colour in VOLUME_FORMATS:
        key = f"volume-{output_format}" + ("-colour" if colour else "")
        label = f"lint 100k stages, {output_format}" + (" (FORCE_COLOR)" if colour else "")
        argv = None
        if jc:
            run = (jc, "lint", *COLD, "--format", output_format, *huge.names)
            # `env` execs journeyctl, so wait4 still measures journeyctl itself
            argv = ("env", "FORCE_COLOR=1", *run) if colour else run
        commands.append(Command(key, label, argv, huge.folder, 1, min(plan.reps, 2)))
    bench.measure(commands)
    checks = []
    for command in commands:
        name = command.label.removeprefix("lint 100k stages, ")
        if command.key != "volume-text":
            checks.append(
                ratio_check(bench, "volume", f"{name} / text, 100k stages", command.key,
                            "volume-text", 2.0)
            )  # fmt: skip
        m = bench.get(command.key)
        if m is None:
            checks.append(Check("volume", f"peak memory, {name}", None, "MB", "< 1024", "n/a"))
            continue
        detail = f"{_seconds(m.wall)}, exit {m.exit_code}"
        verdict = _verdict(m.peak_mb, 1024, "<")
        checks.append(Check("volume", f"peak memory, {name}", m.peak_mb, "MB", "< 1024",
                            verdict, detail))  # fmt: skip
    return checks


CHANGED_PER_RUN = 10
_FRESH_CACHE = 'export JOURNEYCTL_CACHE_DIR="$CACHE_ROOT/$$"; exec "$0" "$@"'
"""A cold run with the cache on: a new, empty cache folder for each run (sh costs ~1 ms)."""
_TOUCH_TEN = 'for f in $CHANGED; do echo >> "$f"; done; exec "$0" "$@"'
"""A warm run after an edit: a blank line appended to ten maps, so ten entries miss."""


def prepare_cache_corpus(out: Path, source: Corpus) -> Corpus:
    """A copy of the largest corpus for the cache section, whose runs append blank lines to ten
    of its maps: the shared corpus stays as generated."""
    folder = out / f"cache-maps-{len(source.names)}"
    if not all((folder / n).is_file() for n in source.names):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(source.folder, folder)
    for stale in (out / "cache-dirs").glob("cold-*"):
        shutil.rmtree(stale, ignore_errors=True)
    return Corpus(folder, source.names, source.lines)


def cache_section(
    bench: Bench, tools: Tools, plan: Plan, small: Corpus, large: Corpus, out: Path
) -> list[Check]:
    """The result cache (docs/cache.md): a cold run of one map against the pydantic floor, a
    warm one against yamllint, a warm run of the largest corpus after ten maps changed against
    a cold one, and the size of the cache for that corpus."""
    jc, py, one, n = tools.journeyctl, tools.python, small.names[0], len(large.names)
    dirs = out / "cache-dirs"
    warm_one, warm_n = dirs / "warm-1", dirs / f"warm-{n}"
    lint = ("lint", "--today", TODAY)
    changed = " ".join(large.names[:: max(1, n // CHANGED_PER_RUN)][:CHANGED_PER_RUN])

    def cmd(
        key: str,
        label: str,
        argv: Sequence[str] | None,
        c: Corpus,
        files: int,
        reps: int,
        *,
        warmup: bool = False,
        **env: str,
    ) -> Command:
        return Command(
            key, label, tuple(argv) if argv else None, c.folder, files, reps, warmup,
            tuple(env.items()),
        )  # fmt: skip

    bench.measure(
        [
            cmd("floor:python", "python -c pass", (py, "-c", FLOORS["python"].source), small, 1,
                plan.startup_reps, warmup=True),
            cmd("floor:pydantic-1", "pydantic floor, 1 map",
                (py, "-c", FLOORS["pydantic"].source, one), small, 1, plan.startup_reps,
                warmup=True),
            cmd("floor:pydantic-no-teardown-1", "pydantic floor, no teardown, 1 map",
                (py, "-c", FLOORS["pydantic-no-teardown"].source, one), small, 1,
                plan.startup_reps, warmup=True),
            cmd("yamllint-1", "yamllint -d relaxed, 1 map", _yamllint(tools, [one]), small, 1,
                plan.startup_reps, warmup=True),
            cmd("cache:cold-1", "lint 1 map, cold (empty cache)",
                jc and ("sh", "-c", _FRESH_CACHE, jc, *lint, one), small, 1, plan.startup_reps,
                warmup=True, CACHE_ROOT=str(dirs / "cold-1")),
            cmd("cache:warm-1", "lint 1 map, warm", jc and (jc, *lint, one), small, 1,
                plan.startup_reps, warmup=True, JOURNEYCTL_CACHE_DIR=str(warm_one)),
            cmd(f"cache:cold-{n}", f"lint {n:,} maps, --no-cache",
                jc and (jc, *lint, NO_CACHE, *large.names), large, n, plan.reps),
            cmd(f"cache:fill-{n}", f"lint {n:,} maps, cold (empty cache)",
                jc and ("sh", "-c", _FRESH_CACHE, jc, *lint, *large.names), large, n, plan.reps,
                CACHE_ROOT=str(dirs / f"cold-{n}")),
            cmd(f"cache:warm10-{n}", f"lint {n:,} maps, warm, {CHANGED_PER_RUN} changed",
                jc and ("sh", "-c", _TOUCH_TEN, jc, *lint, *large.names), large, n, plan.reps,
                warmup=True, JOURNEYCTL_CACHE_DIR=str(warm_n), CHANGED=changed),
            cmd(f"cache:warm-{n}", f"lint {n:,} maps, warm, none changed",
                jc and (jc, *lint, *large.names), large, n, plan.reps,
                JOURNEYCTL_CACHE_DIR=str(warm_n)),
        ]
    )  # fmt: skip
    s = "cache"
    checks = [
        ratio_check(bench, s, "cold lint 1 map (empty cache) / pydantic floor", "cache:cold-1",
                    "floor:pydantic-1", 1.3),
        ratio_check(bench, s, "cold lint 1 map (empty cache) / floor without teardown",
                    "cache:cold-1", "floor:pydantic-no-teardown-1"),
        ratio_check(bench, s, "warm lint 1 map / yamllint", "cache:warm-1", "yamllint-1", 0.5),
        ratio_check(bench, s, "warm lint 1 map / python -c pass", "cache:warm-1",
                    "floor:python"),
        ratio_check(bench, s, f"warm lint {n:,}, {CHANGED_PER_RUN} changed / cold",
                    f"cache:warm10-{n}", f"cache:cold-{n}", 0.2),
        ratio_check(bench, s, f"warm lint {n:,}, none changed / cold", f"cache:warm-{n}",
                    f"cache:cold-{n}"),
        ratio_check(bench, s, f"cold lint {n:,}, writing the cache / --no-cache",
                    f"cache:fill-{n}", f"cache:cold-{n}"),
    ]  # fmt: skip
    entries = list((warm_n / "files").glob("*.json")) if warm_n.is_dir() else []
    if entries:
        every = [p for p in warm_n.rglob("*") if p.is_file()]
        apparent = sum(p.stat().st_size for p in every)
        on_disk = sum(p.stat().st_blocks * 512 for p in every)
        detail = (
            f"{len(entries):,} entries; {apparent / 1e6:.2f} MB of data, "
            f"{on_disk / 1e6:.2f} MB on disk ({on_disk / len(entries) / 1024:.1f} KiB per map)"
        )
        checks.append(Check(s, f"cache size, {n:,} maps", on_disk / 1e6, "MB", "report",
                            "report", detail))  # fmt: skip
    else:
        checks.append(Check(s, f"cache size, {n:,} maps", None, "MB", "report", "n/a"))
    return checks


def _lint(tools: Tools, c: Corpus, n: int, reps: int) -> Command:
    argv = (tools.journeyctl, "lint", *COLD, *c.names) if tools.journeyctl else None
    return Command(f"lint-{n}", f"journeyctl lint, {n:,} maps", argv, c.folder, n, reps)


def _floor_cmd(
    tools: Tools, name: str, c: Corpus, n: int, reps: int, available: bool = True
) -> Command:
    floor = FLOORS[name]
    argv = (tools.python, "-c", floor.source, *c.names) if available else None
    return Command(f"floor:{name}-{n}", f"{floor.title}, {n:,} maps", argv, c.folder, n, reps)


def _yamllint(tools: Tools, names: Sequence[str]) -> tuple[str, ...] | None:
    return (tools.yamllint, "-d", "relaxed", *names) if tools.yamllint else None


def _cjs(tools: Tools, names: Sequence[str]) -> tuple[str, ...] | None:
    if not tools.check_jsonschema:
        return None
    return (tools.check_jsonschema, "--schemafile", str(SCHEMA), *names)


# ------------------------------------------------------------------------------------------
# Reporting


def _prepared(inputs: T | None) -> T:
    """A section's inputs, which are prepared whenever the section is selected."""
    assert inputs is not None, "a selected section's inputs are always prepared"
    return inputs


def machine_info() -> dict[str, object]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": len(os.sched_getaffinity(0)),
        "memory_gb": memory_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def versions(tools: Tools) -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in ("journeyctl", "pydantic", "ruamel.yaml", "ruamel.yaml.clib", "typer",
                 "pyyaml", "yamllint", "check-jsonschema", "yamlfix"):  # fmt: skip
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def busy_cpu_seconds() -> float:
    """CPU time the whole machine has spent busy since boot (all processes, all cores)."""
    try:
        fields = Path("/proc/stat").read_text(encoding="utf-8").split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    idle, iowait = int(fields[3]), int(fields[4])
    return (sum(int(f) for f in fields[:8]) - idle - iowait) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU time of this process and every child it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def git_revision() -> str | None:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    except OSError:
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def _format_value(check: Check) -> str:
    if check.value is None:
        return "-"
    if check.unit == "x":
        return f"{check.value:.2f}x"
    if check.unit == "s":
        return _seconds(check.value)
    return f"{check.value:.2f} {check.unit}"


def markdown_tables(checks: Sequence[Check], measurements: Sequence[Measurement]) -> str:
    out = ["| section | ratio or figure | value | budget | verdict | measured |", "|---" * 6 + "|"]
    for c in checks:
        verdict = f"**{c.verdict}**" if c.verdict == "FAIL" else c.verdict
        row = (c.section, c.name, _format_value(c), c.budget, verdict, c.detail)
        out.append("| " + " | ".join(row) + " |")
    out += [
        "",
        "| command | runs | median | min | ms/map | CPU | CPU ms/map | cores | peak MB | exit |",
        "|---" * 10 + "|",
    ]
    for m in measurements:
        if not m.runs:
            out.append(f"| {m.label} | - | not installed | | | | | | | |")
            continue
        cells = (
            m.label,
            str(len(m.runs)),
            _seconds(m.wall),
            _seconds(min(r.wall_s for r in m.runs)),
            f"{1000 * m.wall / m.files:.2f}" if m.files > 1 else "",
            _seconds(m.cpu),
            f"{1000 * m.cpu / m.files:.2f}" if m.files > 1 else "",
            f"{m.cpu / m.wall:.2f}",
            f"{m.peak_mb:.0f}",
            str(m.exit_code),
        )
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def machine_line(result: dict[str, object]) -> str:
    machine = result["machine"]
    assert isinstance(machine, dict)
    plan = result["plan"]
    assert isinstance(plan, dict)
    return (
        f"Measured {result['date']} on {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['memory_gb']} GB, {machine['os']}, Python {machine['python']}, journeyctl "
        f"{result['revision']}. `bench/run.py` ({plan['name']} run, {result['elapsed_s']} s): "
        f"wall time, median of up to {plan['startup_reps']} runs after a warm-up for start-up, "
        f"{plan['reps']} for throughput and scale, {plan['peer_reps_largest']} for the peers "
        f"on the largest corpus (the runs column has each count; "
        f"{result['runs_skipped_for_time']} skipped to stay within "
        f"{result['time_budget_s']:.0f} s). Other processes used "
        f"{machine['other_processes_cores']} cores during the run (load average "
        f"{machine['load_average_at_start']} at the start, {machine['load_average_at_end']} "
        "at the end)."
    )


def update_readme(markdown: str) -> None:
    """Put the tables after README.md's `<!-- bench-table -->` marker, replacing the previous
    ones (up to `<!-- /bench-table -->`, which is added the first time)."""
    if not README.is_file():
        print(f"{README} does not exist; not updated", file=sys.stderr)
        return
    text = README.read_text(encoding="utf-8")
    begin = text.find(README_BEGIN)
    if begin < 0:
        print(f"{README} has no {README_BEGIN} marker; not updated", file=sys.stderr)
        return
    after = begin + len(README_BEGIN)
    end = text.find(README_END, after)
    rest = text[end + len(README_END) :] if end >= 0 else text[after:]
    text = f"{text[:after]}\n{markdown}{README_END}{rest}"
    README.write_text(text, encoding="utf-8")
    print(f"updated the tables in {README}", file=sys.stderr)


# ------------------------------------------------------------------------------------------


SECTIONS = (
    "startup",
    "throughput",
    "scale",
    "fmt",
    "render",
    "report",
    "diff",
    "volume",
    "cache",
)


def child_environment() -> tuple[dict[str, str], list[str]]:
    """The environment of every measured command, and what was changed from ours."""
    env = dict(os.environ)
    changed = []
    # Without bytecode caches every run compiles journeyctl's modules again (an editable
    # install has none until a first run writes them); users run with caches.
    if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        changed.append("PYTHONDONTWRITEBYTECODE removed")
    for name in ("PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP", "JOURNEYCTL_DEBUG"):
        if env.pop(name, None) is not None:
            changed.append(f"{name} removed")
    return env, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Measure journeyctl against its floors and peers (see bench/README.md)."
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: fewer repetitions, 100 and 500 maps only"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=BENCH / "out",
        help="folder for the generated corpora (default: bench/out, reused when unchanged)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="where to write the results (default: bench/results/latest.json for a full run, "
        "bench/out/quick.json for --quick)",
    )
    parser.add_argument(
        "--time-budget",
        type=float,
        default=None,
        metavar="SECONDS",
        help="skip repetitions beyond the first that would end the run later than this "
        "(default: 540 for a full run, 180 for --quick)",
    )
    parser.add_argument(
        "--only",
        choices=SECTIONS,
        action="append",
        help="run only this section (repeatable), e.g. volume (lint of a 100,000-stage map in "
        "four formats) or cache; the default runs them all",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help=f"replace the table between {README_BEGIN} and {README_END} in README.md",
    )
    args = parser.parse_args(argv)
    plan = PLANS["quick" if args.quick else "full"]
    budget = args.time_budget if args.time_budget is not None else plan.time_budget_s
    only = set(args.only or SECTIONS)
    json_path: Path = args.json or (
        args.out / f"only-{'-'.join(sorted(only))}.json"
        if args.only
        else args.out / "quick.json"
        if args.quick
        else RESULTS / "latest.json"
    )

    tools = find_tools()
    if tools.journeyctl is None:
        print("journeyctl is not installed; run `make setup` first", file=sys.stderr)
        return 2
    missing = [
        name
        for name, present in (
            ("yamllint", tools.yamllint),
            ("check-jsonschema", tools.check_jsonschema),
            ("pyyaml", tools.pyyaml),
            ("yamlfix", tools.yamlfix),
        )
        if not present
    ]
    if missing:
        print(
            f"not installed: {', '.join(missing)} (their rows are skipped); "
            "install them with `.venv/bin/pip install -e '.[bench]'` or `make bench`",
            file=sys.stderr,
        )
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    load = load_at_start[0]
    if load > 0.5:
        print(
            f"warning: load average {load:.2f} before the run; timings may be noisy",
            file=sys.stderr,
        )

    started = time.perf_counter()
    busy_at_start, own_at_start = busy_cpu_seconds(), own_cpu_seconds()
    env, env_changes = child_environment()
    # the volume section needs no corpus; every other one does
    sizes = sorted({*plan.throughput_sizes, *plan.scale_sizes}) if only - {"volume"} else []
    corpora = {n: prepare_corpus(args.out, n) for n in sizes}
    big = prepare_big(args.out)
    diff_inputs = prepare_diff(args.out, corpora[max(sizes)], big) if sizes else None
    volume = prepare_volume(args.out)

    bench = Bench(env)

    cache_corpus = prepare_cache_corpus(args.out, corpora[max(sizes)]) if "cache" in only else None

    def sections() -> list[Check]:
        run = {
            "startup": lambda: startup_section(bench, tools, plan, corpora[min(sizes)]),
            "throughput": lambda: throughput_section(bench, tools, plan, corpora),
            "scale": lambda: scale_section(bench, tools, plan, corpora, big),
            "fmt": lambda: fmt_section(bench, tools, plan, corpora),
            "render": lambda: render_section(bench, tools, plan, big),
            "report": lambda: report_section(bench, tools, plan, corpora, args.out),
            "diff": lambda: diff_section(bench, tools, plan, _prepared(diff_inputs)),
            "volume": lambda: volume_section(bench, tools, plan, volume),
            "cache": lambda: cache_section(
                bench, tools, plan, corpora[min(sizes)], _prepared(cache_corpus), args.out
            ),
        }
        return [check for name in SECTIONS if name in only for check in run[name]()]

    sections()  # plan
    bench.run(deadline=started + budget)
    checks = sections()  # report
    elapsed = time.perf_counter() - started

    machine = machine_info()
    # CPU that other processes used during the run, in cores: about 0 on a quiet machine.
    others = (busy_cpu_seconds() - busy_at_start) - (own_cpu_seconds() - own_at_start)
    others_cores = round(max(0.0, others) / elapsed, 2)
    machine["other_processes_cores"] = others_cores
    machine["load_average_at_start"] = load_at_start
    machine["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result: dict[str, object] = {
        "format": 1,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "revision": git_revision(),
        "machine": machine,
        "versions": versions(tools),
        "plan": asdict(plan),
        "timing": "wall time: time.perf_counter around fork..wait4; median of the runs",
        "environment_changes": env_changes,
        "corpora": {
            str(n): {"maps": len(c.names), "lines": c.lines, "folder": str(c.folder)}
            for n, c in corpora.items()
        }
        | {"big": {"maps": 1, "lines": big.lines, "folder": str(big.folder)}}
        | {"volume": {"maps": 1, "lines": volume.lines, "folder": str(volume.folder)}},
        "elapsed_s": round(elapsed, 1),
        "time_budget_s": budget,
        "runs_skipped_for_time": bench.skipped_runs,
        "checks": [asdict(c) | {"value": _round(c.value)} for c in checks],
        "measurements": [m.summary() for m in bench.measured.values()],
    }
    measurements = list(bench.measured.values())
    markdown = machine_line(result) + "\n\n" + markdown_tables(checks, measurements)

    print()
    print(markdown)
    failed = [c for c in checks if c.verdict == "FAIL"]
    print(
        f"{len(checks)} rows, {sum(c.verdict == 'pass' for c in checks)} within budget, "
        f"{len(failed)} over budget; {elapsed:.0f} s in all"
    )
    if others_cores > 0.25:
        print(
            f"warning: other processes used {others_cores} cores during the "
            "run; parallel timings (cores used) are pessimistic, run again on a quiet machine"
        )
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    md_path = json_path.with_suffix(".md")
    md_path.write_text(markdown, encoding="utf-8")
    print(f"wrote {json_path} and {md_path}", file=sys.stderr)
    if args.update_readme:
        update_readme(markdown)
    return 0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


if __name__ == "__main__":
    raise SystemExit(main())
