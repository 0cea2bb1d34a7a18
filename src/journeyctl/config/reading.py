"""One configuration file to plain data plus a source map, the way maps are read.

`.journeyctl.yaml` (or any other YAML file named by `--config` or `extend`) goes through the
same safe loader as maps (`journeyctl.load`): the same limits, the same refusal of tags,
merge keys and duplicate keys, the same positions. `pyproject.toml` is read by `tomllib`,
which reports its syntax errors with a line and a column but gives no positions for values:
a small scanner finds each key and each array item of the `[tool.journeyctl]` table, so
that a bad value in TOML is reported at its line as it is in YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journeyctl.diagnostics import SCHEMA, YAML_SYNTAX, Diagnostic, Span, validation_error
from journeyctl.load import LoadError, load_bytes
from journeyctl.load.sourcemap import PathKey, SourceMap

TOML_SYNTAX = (YAML_SYNTAX[0], "toml-syntax")
"""A TOML syntax error: the same code as a YAML one (the file cannot be read), its own name."""
TABLE = "tool.journeyctl"
MAX_CONFIG_SIZE = 1_000_000
"""Bytes a configuration file (`.journeyctl.yaml`, `pyproject.toml`) may have: it is input too."""
CONFIG_HINT = f"a configuration file may have at most {MAX_CONFIG_SIZE:,} bytes"


class ConfigError(Exception):
    """A configuration that cannot be used; carries its diagnostics (file, line, column)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(f"{d.path}:{d.span.line}: {d.message}" for d in diagnostics))
        self.diagnostics = diagnostics


@dataclass(slots=True)
class RawConfig:
    path: Path
    shown: str
    data: Any
    source_map: SourceMap


def has_journeyctl_table(raw: bytes) -> bool:
    """Whether a pyproject.toml configures journeyctl (a cheap look before parsing it)."""
    return b"[tool.journeyctl" in raw


def read_config(path: Path, shown: str, raw: bytes) -> RawConfig:
    """Parse a configuration file's bytes; raise ConfigError for a file that is not readable
    as YAML or TOML, or that holds no settings at all."""
    if path.suffix == ".toml":
        data, source_map = _read_toml(raw, shown)
    else:
        data, source_map = _read_yaml(raw, shown)
    return RawConfig(path, shown, data, source_map)


def _read_yaml(raw: bytes, shown: str) -> tuple[Any, SourceMap]:
    if not raw.strip() or all(
        not line.strip() or line.lstrip().startswith(b"#") for line in raw.splitlines()
    ):
        raise ConfigError(
            [
                validation_error(
                    shown,
                    Span.point(1, 1),
                    YAML_SYNTAX,
                    "the configuration file is empty: write `{}` to keep every default, "
                    "or delete the file",
                )
            ]
        )
    try:
        document = load_bytes(raw)
    except LoadError as exc:
        message = exc.message.replace("journey maps must be", "configuration files must be")
        message = message.replace("a journey map is a single document", "a configuration is one")
        raise ConfigError([validation_error(shown, exc.span, exc.kind, message)]) from None
    return document.data, document.source_map


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _read_toml(raw: bytes, shown: str) -> tuple[Any, SourceMap]:
    import tomllib

    text = raw.decode("utf-8", errors="replace")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        span = Span.point(int(found[1]), int(found[2])) if found else Span.point(1, 1)
        message = _TOML_POSITION.sub("", message).replace("(at end of document)", "").strip()
        if found is None and "end of document" in str(exc):
            span = Span.point(max(1, text.count("\n") + (0 if text.endswith("\n") else 1)), 1)
        raise ConfigError(
            [validation_error(shown, span, TOML_SYNTAX, f"invalid TOML: {message}")]
        ) from None
    tool = document.get("tool")
    if tool is not None and not isinstance(tool, dict):
        raise ConfigError(
            [validation_error(shown, _toml_line(text, "tool"), SCHEMA, "`tool` must be a table")]
        )
    table = tool.get("journeyctl") if isinstance(tool, dict) else None
    if table is None and Path(shown).name == "pyproject.toml":
        table = {}
    elif table is None:
        table = document  # a TOML file named by `--config` or `extend` holds the settings
        return table, _toml_positions(text, prefix=())
    return table, _toml_positions(text, prefix=("tool", "journeyctl"))


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=\s*"""
)


def _toml_line(text: str, key: str) -> Span:
    """Where a top-level key is set, or 1:1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return Span.point(number, 1)
    return Span.point(1, 1)


def _dotted(text: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", text)
    return tuple(a or b or c for a, b, c in parts)


def _toml_positions(text: str, prefix: tuple[str, ...]) -> SourceMap:
    """Positions of the keys, values and array items below `prefix` (best effort: tomllib
    has already checked the syntax, so this scanner only needs to find things)."""
    source_map = SourceMap()
    lines = text.splitlines()
    table: PathKey | None = () if not prefix else None
    array_counts: dict[PathKey, int] = {}
    row = 0
    while row < len(lines):
        line = lines[row]
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            name = _dotted(header[2])
            if name[: len(prefix)] != prefix:
                table = None
            else:
                path: PathKey = name[len(prefix) :]
                if header[1] == "[[":
                    index = array_counts.get(path, 0)
                    array_counts[path] = index + 1
                    at = Span.point(row + 1, line.index("[") + 1)
                    source_map.keys.setdefault(path, at)
                    source_map.values.setdefault(path, at)
                    path = (*path, index)
                    source_map.values[path] = at
                else:
                    source_map.keys.setdefault(path, Span.point(row + 1, line.index("[") + 1))
                if not path:
                    source_map.values[()] = Span.point(row + 1, 1)
                table = path
            row += 1
            continue
        key = _KEY.match(line)
        if key is None or table is None:
            row += 1
            continue
        path = (*table, *_dotted(key[1]))
        column = len(line) - len(line.lstrip()) + 1
        source_map.keys[path] = Span.point(row + 1, column)
        if table and table not in source_map.first_key:
            source_map.first_key[table] = path
        row = _scan_value(lines, row, key.end(), path, source_map)
    if () not in source_map.values:
        source_map.values[()] = Span.point(1, 1)
    return source_map


def _scan_value(lines: list[str], row: int, column: int, path: PathKey, sm: SourceMap) -> int:
    """Record the value starting at (row, column) and its items; return the next row."""
    stack: list[tuple[PathKey, int, bool]] = []  # (path, next index, is inline table)
    sm.values[path] = Span.point(row + 1, column + 1)
    expect_value = True
    current = path
    while row < len(lines):
        line = lines[row]
        i = column
        while i < len(line):
            char = line[i]
            if char == "#":
                break
            if char.isspace() or char == ",":
                i += 1
                continue
            if stack and stack[-1][2] and not expect_value:
                key = _KEY.match(line[i:])
                if key is not None:
                    current = (*stack[-1][0], *_dotted(key[1]))
                    sm.keys[current] = Span.point(row + 1, i + 1)
                    i += key.end()
                    expect_value = True
                    continue
            if char in "]}":
                stack.pop()
                i += 1
                if not stack:
                    return row + 1
                expect_value = not stack[-1][2]
                continue
            if stack and not stack[-1][2]:  # an array item
                parent, index, _ = stack[-1]
                stack[-1] = (parent, index + 1, False)
                current = (*parent, index)
            sm.values[current] = Span.point(row + 1, i + 1)
            if char in "[{":
                stack.append((current, 0, char == "{"))
                expect_value = char == "["
                i += 1
                continue
            i = _skip_scalar(line, i)
            expect_value = bool(stack) and not stack[-1][2]
            if not stack:
                return row + 1
        row += 1
        column = 0
        if not stack:
            return row
    return row


def _skip_scalar(line: str, i: int) -> int:
    if line.startswith(('"""', "'''"), i):
        end = line.find(line[i : i + 3], i + 3)
        return len(line) if end < 0 else end + 3
    if line[i] in "\"'":
        quote, j = line[i], i + 1
        while j < len(line) and line[j] != quote:
            j += 2 if line[j] == "\\" and quote == '"' else 1
        return j + 1
    j = i
    while j < len(line) and line[j] not in ",]}#" and not line[j].isspace():
        j += 1
    return j
