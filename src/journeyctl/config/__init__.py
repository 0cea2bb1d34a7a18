"""Configuration: `.journeyctl.yaml` or `[tool.journeyctl]` in `pyproject.toml`.

For each input file the nearest configuration in its folder or a folder above it applies,
stopping at the root of the git work tree that holds it (as ruff does); `--config FILE` names
one for all inputs. A configuration is validated like a map: an unknown key or a bad value is
a diagnostic at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeyctl.diagnostics import (
    FAIL_ON_LEVELS as FAIL_ON,
)
from journeyctl.diagnostics import SCHEMA, YAML_SYNTAX, Diagnostic, Span, validation_error
from journeyctl.load import DEFAULT_LIMITS, Limits, LoadError, load_bytes
from journeyctl.load.files import FileRefusedError, read_bounded
from journeyctl.load.sourcemap import PathKey, SourceMap
from journeyctl.quoting import quote
from journeyctl.suggest import closest

CONFIG_NAMES = (".journeyctl.yaml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.journey.yaml", "*.journey.yml")
"""Which files a folder search reads when the configuration names no `include` globs."""
SEVERITIES = ("error", "warning", "info")
_LIMIT_KEYS = {
    "max_file_size": "max_file_size",
    "max_depth": "max_depth",
    "max_alias_nodes": "max_alias_nodes",
    "max_files": "max_files",
}
MAX_CONFIG_SIZE = 1_000_000
"""Bytes a configuration file (`.journeyctl.yaml`, `pyproject.toml`) may have: it is input too."""
LIMIT_CAPS = {
    "max_file_size": 100_000_000,
    "max_depth": 1_000,
    "max_alias_nodes": 1_000_000,
    "max_files": 1_000_000,
}
"""How far a configuration may raise each limit: beyond, one input could take gigabytes of
memory or hours (the loader keeps every node's path, so memory grows with depth squared)."""
MAX_OPTION_VALUE = 1_000_000
"""The largest integer a rule option takes (a day count, a participant count)."""
_CONFIG_HINT = f"a configuration file may have at most {MAX_CONFIG_SIZE:,} bytes"
_KEYS = (
    "include",
    "exclude",
    "select",
    "ignore",
    "fail-on",
    "severity",
    "rules",
    "teams",
    "limits",
    "cache-dir",
)


class ConfigError(Exception):
    """A configuration that cannot be used; carries its diagnostics (file, line, column)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Settings:
    """Everything a configuration can say; the defaults are a run without one."""

    source: Path | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    teams: dict[str, str] = field(default_factory=dict)
    """The shared team registry: id to display name."""
    limits: Limits = DEFAULT_LIMITS


DEFAULT_SETTINGS = Settings()


class ConfigResolver:
    """Finds and caches the configuration that applies to each input file."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_config(explicit) if explicit is not None else None
        self._by_folder: dict[Path, Settings | ConfigError] = {}

    def for_file(self, path: Path) -> Settings:
        if self._explicit is not None:
            return self._explicit
        return self.for_folder(path.resolve().parent)

    def for_folder(self, folder: Path) -> Settings:
        if self._explicit is not None:
            return self._explicit
        walked: list[Path] = []
        settings: Settings | ConfigError = DEFAULT_SETTINGS
        current = folder
        while True:
            if current in self._by_folder:
                settings = self._by_folder[current]
                break
            walked.append(current)
            found = _config_in(current)
            if found is not None:
                try:
                    settings = load_config(found)
                except ConfigError as exc:
                    settings = exc  # remembered, so a broken file is read and reported once
                break
            if (current / ".git").exists() or current.parent == current:
                break
            current = current.parent
        for path in walked:
            self._by_folder[path] = settings
        if isinstance(settings, ConfigError):
            raise settings
        return settings


def _config_in(folder: Path) -> Path | None:
    yaml_file = folder / ".journeyctl.yaml"
    if yaml_file.exists():  # a FIFO or a directory too: load_config says why it cannot be used
        return yaml_file
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        raw = read_bounded(pyproject, MAX_CONFIG_SIZE, what="configuration", hint=_CONFIG_HINT)
    except FileRefusedError:
        return pyproject  # load_config reports why it cannot be used
    return pyproject if b"[tool.journeyctl]" in raw else None


def load_config(path: Path) -> Settings:
    """Read and check one configuration file; raise ConfigError with positioned problems."""
    shown = display_path(path)
    try:  # OSError: the caller reports an unreadable path (exit 2)
        raw = read_bounded(path, MAX_CONFIG_SIZE, what="configuration", hint=_CONFIG_HINT)
    except FileRefusedError as exc:
        raise ConfigError([validation_error(shown, exc.span, exc.kind, exc.message)]) from None
    if path.name == "pyproject.toml":
        data, source_map = _read_pyproject(raw, shown)
    else:
        try:
            document = load_bytes(raw)
        except LoadError as exc:
            raise ConfigError([validation_error(shown, exc.span, exc.kind, exc.message)]) from None
        data, source_map = document.data, document.source_map
    return _settings(data, source_map, path)


def _read_pyproject(raw: bytes, shown: str) -> tuple[Any, SourceMap]:
    import tomllib

    text = raw.decode("utf-8", errors="replace")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has no line attribute, only "... (at line 3, column 5)"
        problem = str(exc)
        line, column = 1, 1
        if (where := _TOML_POSITION.search(problem)) is not None:
            line, column = int(where[1]), int(where[2])
        elif problem.endswith(_TOML_END):
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
        problem = _TOML_POSITION.sub("", problem).removesuffix(_TOML_END)
        raise ConfigError(
            [
                validation_error(
                    shown, Span.point(line, column), YAML_SYNTAX, f"invalid TOML: {problem}"
                )
            ]
        ) from None
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(
            [validation_error(shown, _toml_line(text, "tool"), SCHEMA, "`tool` must be a table")]
        )
    table = tool.get("journeyctl", {})
    # tomllib gives no positions: find each top-level key's line in the table's own text.
    source_map = SourceMap()
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.strip() == "[tool.journeyctl]"), 0)
    header_span = Span.point(header + 1, 1)
    source_map.values[()] = header_span
    for index in range(header + 1, len(lines)):
        stripped = lines[index].lstrip()
        if stripped.startswith("["):
            if not stripped.startswith(("[tool.journeyctl.", "[[tool.journeyctl.")):
                break
            continue
        for key in table if isinstance(table, dict) else ():
            if stripped.startswith((f"{key} ", f"{key}=", f'"{key}"')):
                column = len(lines[index]) - len(stripped) + 1
                span = Span.point(index + 1, column)
                source_map.keys.setdefault((key,), span)
                source_map.values.setdefault((key,), span)
    return table, source_map


_TOML_POSITION = re.compile(r" \(at line (\d+), column (\d+)\)")
_TOML_END = " (at end of document)"


def _toml_line(text: str, key: str) -> Span:
    """Where a top-level key is set (tomllib gives no positions), or 1:1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return Span.point(number, 1)
    return Span.point(1, 1)


def display_path(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when below it."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def _settings(data: Any, source_map: SourceMap, path: Path) -> Settings:
    shown = display_path(path)
    problems: list[Diagnostic] = []

    def problem(at: PathKey, message: str, *, key: bool = False) -> None:
        span = source_map.key(at) if key else source_map.value(at)
        problems.append(validation_error(shown, span, SCHEMA, message))

    if data is None:
        data = {}
    if not isinstance(data, dict):
        problem((), "the configuration must be a mapping of settings")
        raise ConfigError(problems)

    def strings(key: str) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problem((key,), f"`{key}` must be a list of strings")
            return None
        return tuple(value)

    for key in data:
        if key not in _KEYS:
            close = closest(str(key), _KEYS) if len(str(key)) <= 100 else None
            hint = f"; did you mean {close!r}?" if close else f" (known: {', '.join(_KEYS)})"
            problem((key,), f"unknown configuration key {quote(str(key))}{hint}", key=True)

    cache_dir = data.get("cache-dir")  # read by the result cache itself (cli/cache/keys.py)
    if cache_dir is not None and not (isinstance(cache_dir, str) and cache_dir):
        problem(("cache-dir",), "`cache-dir` must be a folder (a path relative to this file)")

    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        problem(
            ("fail-on",), f"`fail-on` must be one of {', '.join(FAIL_ON)} (found {quote(fail_on)})"
        )
        fail_on = None

    severity: dict[str, str] = {}
    raw_severity = data.get("severity", {}) or {}
    if not isinstance(raw_severity, dict):
        problem(("severity",), "`severity` must map rule codes or names to error, warning or info")
    else:
        for rule, level in raw_severity.items():
            if level not in SEVERITIES:
                problem(
                    ("severity", rule),
                    f"severity of {quote(rule)} must be one of "
                    f"{', '.join(SEVERITIES)} (found {quote(level)})",
                )
            else:
                severity[str(rule)] = level

    rules: dict[str, dict[str, Any]] = {}
    raw_rules = data.get("rules", {}) or {}
    if not isinstance(raw_rules, dict):
        problem(("rules",), "`rules` must map rule names to their options")
    else:
        for rule, options in raw_rules.items():
            if not isinstance(options, dict):
                problem(("rules", rule), f"options of {quote(rule)} must be a mapping")
            else:
                rules[str(rule)] = options

    teams: dict[str, str] = {}
    raw_teams = data.get("teams", []) or []
    if not isinstance(raw_teams, list):
        problem(("teams",), "`teams` must be a list of {id, name} entries, as in a map")
    else:
        for index, team in enumerate(raw_teams):
            if not (
                isinstance(team, dict)
                and isinstance(team.get("id"), str)
                and isinstance(team.get("name"), str)
                and set(team) <= {"id", "name"}
            ):
                problem(("teams", index), "each team needs exactly `id` and `name` strings")
            else:
                teams[team["id"]] = team["name"]

    limits = Limits()
    raw_limits = data.get("limits", {}) or {}
    if not isinstance(raw_limits, dict):
        problem(("limits",), f"`limits` must be a mapping of {', '.join(_LIMIT_KEYS)}")
    else:
        values: dict[str, int] = {}
        for key, value in raw_limits.items():
            if key not in _LIMIT_KEYS:
                problem(
                    ("limits", key),
                    f"unknown limit {quote(key)} (known: {', '.join(_LIMIT_KEYS)})",
                    key=True,
                )
            elif type(value) is not int or value < 1:
                problem(
                    ("limits", key),
                    f"limit {key!r} must be a positive integer (found {quote(value)})",
                )
            elif value > LIMIT_CAPS[key]:
                problem(
                    ("limits", key),
                    f"limit {key!r} may be raised to at most {LIMIT_CAPS[key]:,} "
                    f"(found {quote(value)})",
                )
            else:
                values[_LIMIT_KEYS[key]] = value
        limits = Limits(**values)

    include, exclude = strings("include"), strings("exclude")
    select, ignore = strings("select"), strings("ignore")
    for key, names in (("select", select), ("ignore", ignore)):
        for index, name in enumerate(names or ()):
            message = _rule_problem(name, hide=True)
            if message:
                problem((key, index) if isinstance(data.get(key), list) else (key,), message)
    for name in list(severity):
        message = _rule_problem(name, hide=True)
        if message:
            problem(("severity", name), message, key=True)
            severity.pop(name)
    for name, options in rules.items():
        message = _rule_problem(name, hide=False) or _options_problem(name, options)
        if message:
            problem(("rules", name), message, key=True)
    if problems:
        raise ConfigError(problems)
    return Settings(
        source=path,
        include=include or DEFAULT_INCLUDE,
        exclude=exclude or (),
        select=select,
        ignore=ignore or (),
        fail_on=fail_on,
        severity=severity,
        rules=rules,
        teams=teams,
        limits=limits,
    )


def _rule_problem(name: str, *, hide: bool) -> str | None:
    """Why a rule code or name cannot be used here, or None when it can."""
    from journeyctl.diagnostics import VALIDATION_CODES
    from journeyctl.lint.registry import lookup

    info = lookup(name)
    if info is None:
        return f"unknown rule {quote(name)} (see `journeyctl rules`)"
    if hide and info.code in VALIDATION_CODES:
        return f"{info.code} ({info.name}) is a validation error; it cannot be ignored or re-graded"
    return None


def _options_problem(name: str, options: dict[str, Any]) -> str | None:
    from journeyctl.lint.registry import all_rules, lookup

    info = lookup(name)
    rule = next((r for r in all_rules() if info is not None and r.code == info.code), None)
    if rule is None:
        return f"rule {quote(name)} has no options"
    for key, value in options.items():
        if key not in rule.options:
            known = ", ".join(rule.options) or "none"
            return f"unknown option {quote(key)} for {rule.name} (known: {known})"
        default = rule.options[key]
        out_of_range = isinstance(value, int) and not 0 <= value <= MAX_OPTION_VALUE
        if type(value) is not type(default) or out_of_range:
            kind = (
                f"non-negative integer of at most {MAX_OPTION_VALUE:,}"
                if isinstance(default, int)
                else type(default).__name__
            )
            return f"option {quote(key)} of {rule.name} must be a {kind} (found {quote(value)})"
    return None
