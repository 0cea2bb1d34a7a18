"""What every fuzz target checks, and how: bounded in time, twice for determinism.

`check_input` runs one input through the public API's `check_bytes` (load, validate, lint),
twice, and asserts the properties of docs/architecture.md ("Bad input", "Exit codes"): nothing
raises, every diagnostic is well formed (a documented code with its rule name, a severity, a
one-line message, 1-based positions inside the file), validation codes only for invalid maps,
and the same input gives the same diagnostics. `run_cli` does the same through
`python -m journeyctl` with stdin.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import settings

from journeyctl.api import check_bytes, rule_policy
from journeyctl.cli.checking import LintOptions
from journeyctl.config import DEFAULT_SETTINGS, Settings
from journeyctl.diagnostics import VALIDATION_CODES, Diagnostic, Severity
from journeyctl.lint.policy import enabled_codes
from journeyctl.lint.registry import lookup
from journeyctl.load import DEFAULT_LIMITS, Limits
from tests.conftest import JSON_KEYS

PATH = "fuzz.journey.yaml"
TODAY = datetime.date(2026, 11, 27)
DEFAULT_OPTIONS = LintOptions(today=TODAY)

MAX_INPUT_BYTES = 2_100_000
"""Memory bound: strategies keep every input under about 2 MB; this catches one that does not."""
HANG_SECONDS = 5.0
"""A check using more CPU time than this, twice in a row, fails the test: a hang detector, not
a benchmark. CPU time rather than wall time, so that other processes on a busy machine cannot
make a check look hung; a check that waits instead of computing is caught by WALL_SECONDS."""
WALL_SECONDS = 30.0
CHILD_TIMEOUT = 60.0
"""A forked check still running after this is killed and fails the test."""
ALARM_SECONDS = 60
"""A check still running after this is interrupted (when it is in Python code), so that a true
hang fails the test instead of stalling the run."""

CODE_PATTERN = re.compile(r"JM(?:00[1-3]|010|[2-6]\d\d)")


def scaled_examples(fraction: float, minimum: int = 5) -> int:
    """An example count scaled from the loaded profile (ci: 150, long: 20,000)."""
    return max(minimum, int(settings().max_examples * fraction))


class HangError(Exception):
    """Raised by the alarm inside a check that runs far past HANG_SECONDS."""


@contextlib.contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise HangError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


T = TypeVar("T")


def bounded(what: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call `function`, failing the test if it takes more than HANG_SECONDS of CPU time (or
    WALL_SECONDS of wall time) twice in a row.

    Once is not enough: in a process that has run many thousand examples, a check very rarely
    stalls on something else (the 20,000-example run saw a 0.2 s check take 9.6 s of CPU once,
    and never again, in that process or a fresh one). A hang or a blow-up repeats."""
    result, cpu, wall = _timed(function, *args, **kwargs)
    if cpu <= HANG_SECONDS and wall <= WALL_SECONDS:
        return result
    gc.collect()
    result, cpu, wall = _timed(function, *args, **kwargs)
    assert cpu <= HANG_SECONDS, f"{what} took {cpu:.1f} s of CPU, twice (bound {HANG_SECONDS} s)"
    assert wall <= WALL_SECONDS, f"{what} took {wall:.1f} s, twice (bound {WALL_SECONDS} s)"
    return result


def _timed(function: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, float, float]:
    start, start_cpu = time.monotonic(), time.process_time()
    with _alarm(ALARM_SECONDS):
        result = function(*args, **kwargs)
    return result, time.process_time() - start_cpu, time.monotonic() - start


@dataclass(frozen=True, slots=True)
class Result:
    valid: bool
    validation: tuple[Diagnostic, ...]
    lint: tuple[Diagnostic, ...] | None
    """None when the map is invalid (lint does not run)."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.validation + (self.lint or ())


def _run_once(raw: bytes, limits: Limits, config: Settings, options: LintOptions) -> Result:
    policy = rule_policy(config, select=options.select, ignore=options.ignore, today=options.today)
    checked = bounded("check_bytes", check_bytes, raw, PATH, replace(config, limits=limits), policy)
    if not checked.valid:
        return Result(False, tuple(checked.diagnostics), None)
    return Result(True, (), tuple(checked.diagnostics))


def check_input(
    raw: bytes,
    *,
    limits: Limits = DEFAULT_LIMITS,
    config: Settings = DEFAULT_SETTINGS,
    options: LintOptions = DEFAULT_OPTIONS,
) -> Result:
    """Check one input twice and assert every property; returns the first result."""
    assert len(raw) <= MAX_INPUT_BYTES, f"strategy made a {len(raw):,}-byte input"
    first = _run_once(raw, limits, config, options)
    assert_well_formed(raw, first, config, options)
    second = _run_once(raw, limits, config, options)
    assert second == first, "the same input gave different diagnostics"
    return first


def editor_lines(text: str) -> list[str]:
    """The lines of a file as editors and GitHub count them: LF, CRLF and CR end a line; NEL,
    LS and PS (which YAML 1.1 also counts as line breaks) do not."""
    return re.split(r"\r\n|\r|\n", text)


def line_count(raw: bytes) -> int:
    """Lines of the input as any YAML parser may count them (\\r, NEL, LS and PS included)."""
    text = raw.decode("utf-8", errors="replace")
    return len(text.splitlines()) + 1


def assert_well_formed(
    raw: bytes, result: Result, config: Settings = DEFAULT_SETTINGS,
    options: LintOptions = DEFAULT_OPTIONS,
) -> None:  # fmt: skip
    max_line = line_count(raw)
    if result.valid:
        assert result.validation == (), "a valid map has validation diagnostics"
        assert result.lint is not None
        enabled = enabled_codes(
            options.select if options.select is not None else config.select,
            options.ignore,
            config.ignore,
        )
        for diagnostic in result.lint:
            assert diagnostic.code not in VALIDATION_CODES, f"lint reported {diagnostic}"
            assert diagnostic.code in enabled, f"{diagnostic.code} ran but is not enabled"
        assert list(result.lint) == sorted(result.lint, key=lambda d: d.sort_key)
        for diagnostic in result.lint:
            info = lookup(diagnostic.code)
            assert info is not None
            configured = config.severity.get(info.code) or config.severity.get(info.name)
            expected = Severity.parse(configured) if configured else info.severity
            assert diagnostic.severity is expected, f"severity is not {expected}: {diagnostic}"
    else:
        assert result.validation, "an invalid map without a diagnostic"
        assert result.lint is None
        for diagnostic in result.validation:
            assert diagnostic.code in VALIDATION_CODES, f"validation reported {diagnostic}"
            assert diagnostic.severity is Severity.ERROR
        assert list(result.validation) == sorted(result.validation, key=lambda d: d.sort_key)
    for diagnostic in result.diagnostics:
        assert_diagnostic(diagnostic, max_line)


def assert_diagnostic(diagnostic: Diagnostic, max_line: int) -> None:
    shown = repr(diagnostic)
    assert isinstance(diagnostic, Diagnostic), shown
    assert diagnostic.path == PATH, shown
    assert CODE_PATTERN.fullmatch(diagnostic.code), shown
    info = lookup(diagnostic.code)
    assert info is not None and info.code == diagnostic.code, f"undocumented code: {shown}"
    assert diagnostic.rule == info.name, shown
    assert isinstance(diagnostic.severity, Severity), shown
    span = diagnostic.span
    assert span.line >= 1 and span.column >= 1, f"position before the file: {shown}"
    assert span.end_line >= 1 and span.end_column >= 1, shown
    assert (span.end_line, span.end_column) >= (span.line, span.column), f"span ends first: {shown}"
    assert span.end_line <= max_line, f"line past the end of the file ({max_line - 1}): {shown}"
    message = diagnostic.message
    assert isinstance(message, str) and message.strip(), f"empty message: {shown}"
    assert "\n" not in message and "\r" not in message, f"message of several lines: {shown}"
    assert len(message.splitlines()) == 1, f"message with a line separator: {shown}"


# --- nesting ------------------------------------------------------------------------------------


def parser_depth(text: str) -> int:
    """How deep the C parser nests before the end or its first error: the depth to which the
    composer recurses. Quadratic in the depth (libyaml), so for small inputs only."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = deepest = 0
    try:
        for event in YAML(typ="safe", pure=False).parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        pass
    return deepest


def in_child(function: Callable[[], object], timeout: float = CHILD_TIMEOUT) -> None:
    """Run `function` in a forked child, so that a crash of the C parser (SIGSEGV) or a hang
    in C code fails this test instead of killing or stalling the whole run. A failure in the
    child is re-raised here as an AssertionError with its message."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        code = 0
        try:
            function()
        except BaseException as exc:  # everything goes back to the parent
            os.write(write_end, f"{type(exc).__name__}: {exc}".encode()[:8000])
            code = 1
        os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_end)
            raise AssertionError(f"the check hung for {timeout} s")
        time.sleep(0.002)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode("utf-8", errors="replace")
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        raise AssertionError(f"the check crashed the process with {name}")
    assert os.WEXITSTATUS(status) == 0, message


# --- the command line --------------------------------------------------------------------------

CLI_TIMEOUT = 60


@dataclass(frozen=True, slots=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


def run_cli(raw: bytes, args: Sequence[str], cwd: Path) -> CliRun:
    """`python -m journeyctl ARGS` with `raw` on stdin, in `cwd` (which holds no config)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"JOURNEYCTL_DEBUG", "FORCE_COLOR", "NO_COLOR", "HYPOTHESIS_PROFILE"}
    }
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        process = subprocess.run(
            [sys.executable, "-m", "journeyctl", *args],
            input=raw,
            capture_output=True,
            cwd=cwd,
            env=env,
            timeout=CLI_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"journeyctl {' '.join(args)} hung for {CLI_TIMEOUT} s") from None
    return CliRun(
        process.returncode,
        process.stdout.decode("utf-8", errors="replace"),
        process.stderr.decode("utf-8", errors="replace"),
    )


def assert_cli_sane(run: CliRun) -> None:
    """Exit 0, 1 or 2, never a signal; no traceback; no internal error for content problems."""
    assert run.returncode in {0, 1, 2}, f"exit code {run.returncode}; stderr: {run.stderr[-2000:]}"
    assert "Traceback" not in run.stderr, run.stderr[-4000:]
    assert "internal error" not in run.stderr, run.stderr[-4000:]
    # stdin always opens, so no input can be a usage error: a content problem is exit 1
    assert run.returncode != 2, f"exit 2 for stdin content; stderr: {run.stderr[-2000:]}"


def parse_json_report(run: CliRun) -> list[dict[str, Any]]:
    document = json.loads(run.stdout)
    assert isinstance(document, list), run.stdout[:500]
    for item in document:
        assert isinstance(item, dict) and list(item) == JSON_KEYS, item
    return document
