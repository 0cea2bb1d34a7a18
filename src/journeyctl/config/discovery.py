"""Which configuration applies to a file, and what a file says once `extend` is followed.

As in ruff: the closest `.journeyctl.yaml` (or `pyproject.toml` with a `[tool.journeyctl]`
table) in the file's folder or a folder above it applies, alone; the search stops at the root
of the git work tree. A file that wants its parent's settings says `extend: ../.journeyctl.yaml`
(a path relative to itself); its own keys then replace the extended file's keys, key by key.
Paths in a configuration (`include`, `exclude`, `baseline`, `extend`) are relative to the
folder of the file that writes them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeyctl.config.reading import (
    CONFIG_HINT,
    MAX_CONFIG_SIZE,
    ConfigError,
    RawConfig,
    has_journeyctl_table,
    read_config,
)
from journeyctl.config.settings import DEFAULT_SETTINGS, Settings
from journeyctl.diagnostics import SCHEMA, Diagnostic, Span, validation_error
from journeyctl.load.files import FileRefusedError, read_bounded

if TYPE_CHECKING:
    from pydantic import BaseModel

CONFIG_NAMES = (".journeyctl.yaml", "pyproject.toml")
MAX_EXTEND_DEPTH = 16
"""`extend` chains longer than this are a mistake (or a loop that is not a cycle by name)."""


def display_path(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def config_in(folder: Path) -> Path | None:
    """The configuration file of one folder, if it has one."""
    yaml_file = folder / ".journeyctl.yaml"
    if yaml_file.exists():  # a FIFO or a directory too: load_config says why it cannot be used
        return yaml_file
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        raw = read_bounded(pyproject, MAX_CONFIG_SIZE, what="configuration", hint=CONFIG_HINT)
    except FileRefusedError:
        return pyproject  # load_config reports why it cannot be used
    return pyproject if has_journeyctl_table(raw) else None


def load_config(path: Path) -> Settings:
    """Read, validate and `extend` one configuration file; ConfigError with positioned
    problems when it cannot be used (including a file that cannot be read)."""
    return _load(Path(path).resolve(), chain=())


def _load(path: Path, chain: tuple[Path, ...]) -> Settings:
    shown = display_path(path)
    try:
        raw = read_bounded(path, MAX_CONFIG_SIZE, what="configuration", hint=CONFIG_HINT)
    except FileRefusedError as exc:
        raise ConfigError([validation_error(shown, exc.span, exc.kind, exc.message)]) from None
    except OSError as exc:
        reason = exc.strerror.lower() if exc.strerror else "cannot be read"
        raise ConfigError(
            [validation_error(shown, Span.point(1, 1), SCHEMA, f"configuration file: {reason}")]
        ) from None
    document = read_config(path, shown, raw)
    values = _validate(document)
    base = DEFAULT_SETTINGS
    extend = values.get("extend")
    if extend is not None:
        target = Path(path.parent / extend).resolve()
        where = document.source_map.value(("extend",))
        if target == path or target in chain:
            loop = " -> ".join(display_path(p) for p in (*chain, path, target))
            raise ConfigError(
                [validation_error(shown, where, SCHEMA, f"`extend` makes a loop: {loop}")]
            )
        if len(chain) >= MAX_EXTEND_DEPTH:
            raise ConfigError(
                [validation_error(shown, where, SCHEMA, "`extend` chain is too long")]
            )
        if not target.is_file():
            raise ConfigError(
                [
                    validation_error(
                        shown,
                        where,
                        SCHEMA,
                        f"`extend`: no configuration file at {display_path(target)} "
                        f"(the path is relative to {shown})",
                    )
                ]
            )
        base = _load(target, (*chain, path))
    return _merge(base, values, path)


def _validate(document: RawConfig) -> dict[str, Any]:
    """The keys the file sets, validated; ConfigError with every problem at its line."""
    from pydantic import ValidationError

    from journeyctl.config.model import config_model
    from journeyctl.config.model import rules_model as rules_model_for
    from journeyctl.validation import translate_errors

    data = document.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        raise ConfigError(
            [
                validation_error(
                    document.shown,
                    document.source_map.value(()),
                    SCHEMA,
                    f"a configuration is a mapping of settings (include, exclude, select, "
                    f"ignore, fail-on, ...), not {found}",
                )
            ]
        )
    problems: list[Diagnostic] = []
    model = config_model()
    validated: BaseModel | None = None
    try:
        validated = model.model_validate(data)
    except ValidationError as exc:
        problems += translate_errors(
            exc, document.shown, document.source_map, data, model, "the configuration"
        )
    from journeyctl.lint.registry import lookup

    rules = data.get("rules")
    options: dict[str, Any] = {}
    if isinstance(rules, dict):  # unknown rules and non-mappings are reported above
        rules = {k: v for k, v in rules.items() if isinstance(v, dict) and lookup(str(k))}
    if isinstance(rules, dict) and rules:
        rules_model = rules_model_for(tuple(str(name) for name in rules))
        try:
            options = rules_model.model_validate({"rules": rules}).model_dump()["rules"]
        except ValidationError as exc:
            more = translate_errors(
                exc,
                document.shown,
                document.source_map,
                data,
                rules_model,
                "the configuration",
                {"rules": rules},
            )
            problems += [problem for problem in more if problem not in problems]
    if problems or validated is None:
        raise ConfigError(sorted(problems, key=lambda d: d.sort_key))
    values = validated.model_dump(exclude_unset=True, by_alias=False)
    if "rules" in values:
        values["rules"] = options
    _check_teams(document, values)
    return values


def _check_teams(document: RawConfig, values: dict[str, Any]) -> None:
    seen: dict[str, int] = {}
    for index, team in enumerate(values.get("teams") or ()):
        if team["id"] in seen:
            first = document.source_map.value(("teams", seen[team["id"]], "id")).line
            raise ConfigError(
                [
                    validation_error(
                        document.shown,
                        document.source_map.value(("teams", index, "id")),
                        SCHEMA,
                        f"team id {team['id']!r} is declared twice (first at line {first})",
                    )
                ]
            )
        seen[team["id"]] = index


def _merge(base: Settings, values: dict[str, Any], path: Path) -> Settings:
    """`base` with every key the file sets replaced (as ruff's `extend`: key by key)."""
    from dataclasses import replace

    folder = path.parent
    changes: dict[str, Any] = {"source": path}
    if values.get("include") is not None:
        changes["include"] = tuple(values["include"])
        changes["include_root"] = folder
    if values.get("exclude") is not None:
        changes["exclude"] = tuple(values["exclude"])
        changes["exclude_root"] = folder
    if values.get("select") is not None:
        changes["select"] = tuple(values["select"])
    if values.get("ignore") is not None:
        changes["ignore"] = tuple(values["ignore"])
    if values.get("fail_on") is not None:
        changes["fail_on"] = values["fail_on"]
    if values.get("severity") is not None:
        changes["severity"] = dict(values["severity"])
    if values.get("rules") is not None:
        changes["rules"] = {
            name: {k: v for k, v in options.items() if v is not None}
            for name, options in values["rules"].items()
            if options is not None
        }
    if values.get("teams") is not None:
        changes["teams"] = {team["id"]: team["name"] for team in values["teams"]}
    if values.get("limits") is not None:
        given = {k: v for k, v in values["limits"].items() if v is not None}
        changes["limits"] = replace(base.limits, **given)
    if values.get("baseline") is not None:
        changes["baseline"] = Path(folder / values["baseline"]).resolve()
    return replace(base, **changes)


class ConfigResolver:
    """Finds and caches the configuration that applies to each folder."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_config(explicit) if explicit is not None else None
        self._by_folder: dict[Path, Settings | ConfigError] = {}

    @property
    def explicit(self) -> Settings | None:
        return self._explicit

    def for_folder(self, folder: Path) -> Settings:
        """The configuration for files in `folder` (an absolute path, or resolved here)."""
        if self._explicit is not None:
            return self._explicit
        folder = Path(folder).resolve()
        walked: list[Path] = []
        settings: Settings | ConfigError = DEFAULT_SETTINGS
        current = folder
        while True:
            if current in self._by_folder:
                settings = self._by_folder[current]
                break
            walked.append(current)
            found = config_in(current)
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
