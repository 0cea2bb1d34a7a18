"""The public Python API: one call that every command, test and benchmark goes through.

    >>> import journeyctl
    >>> result = journeyctl.check(Path("maps/onboarding.journey.yaml"))
    >>> result.valid, [d.code for d in result.diagnostics]

`check` reads nothing but the source it is given (and, with `config=None`, the configuration
that applies to its path), prints nothing, exits nothing, forks nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.config import DEFAULT_SETTINGS, ConfigResolver, Settings, load_config
from journeyctl.diagnostics import Diagnostic, Severity, validation_error

if TYPE_CHECKING:
    from journeyctl.lint.policy import RulePolicy
    from journeyctl.load import LoadedDocument, LoadError
    from journeyctl.model import JourneyMap

Source = str | bytes | Path
ConfigArgument = Settings | Path | str | None


@dataclass(slots=True)
class CheckResult:
    """One map after loading, validation and (optionally) lint."""

    path: str
    """The name diagnostics carry: the `path` given, the source's path, or `<string>`."""
    document: LoadedDocument | None
    """The text, the plain data and the source map; None when the YAML could not be read."""
    journey: JourneyMap | None
    """The validated model; None when the map is invalid."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Validation diagnostics, or lint findings of a valid map; sorted by position."""
    team_names: Mapping[str, str] = field(default_factory=dict)
    """Display names of every team the map may name: its own teams and the registry's."""

    @property
    def valid(self) -> bool:
        return self.journey is not None

    def team_name(self, team_id: str) -> str:
        """A team's display name, or its id when no registry names it."""
        return self.team_names.get(team_id, team_id)


def check(
    source: Source,
    *,
    path: str | Path | None = None,
    config: ConfigArgument = None,
    today: datetime.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    lint: bool = True,
) -> CheckResult:
    """Load, validate and lint one journey map.

    `source` is the map's text (`str`), its bytes, or a `Path` to read. `config` is loaded
    `Settings`, the path of a configuration file, or None to use the configuration that applies
    to `path`'s folder (the nearest `.journeyctl.yaml` or `pyproject.toml` up to the git work
    tree's root; none without a path). `select` and `ignore` take rule codes or names and win
    over the configuration's, as on the command line. Raises `ConfigError` for a broken
    configuration, `UnknownRuleError` for an unknown rule name, and `OSError` when a `Path`
    cannot be opened; a `Path` that is not a regular file or is over `limits.max_file_size`
    is not read and gives one JM001.
    """
    if isinstance(source, Path):
        path = path if path is not None else source
    shown = Path(path).as_posix() if isinstance(path, Path) else (path or "<string>")
    settings = settings_for(config, Path(path) if path is not None else None)
    if isinstance(source, Path):
        from journeyctl.load.files import FileRefusedError, read_bounded

        try:  # stat first: a FIFO, a device or a 3 GB file is refused without being read
            raw = read_bounded(source, settings.limits.max_file_size)
        except FileRefusedError as exc:
            return CheckResult(shown, None, None, [refused(shown, exc)], dict(settings.teams))
    else:
        raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    policy = rule_policy(settings, select=select, ignore=ignore, today=today) if lint else None
    return check_bytes(raw, shown, settings, policy)


def settings_for(config: ConfigArgument, path: Path | None) -> Settings:
    """The configuration to use: given, read from a file, discovered from `path`, or none."""
    if isinstance(config, Settings):
        return config
    if config is not None:
        return load_config(Path(config))
    if path is None:
        return DEFAULT_SETTINGS
    return ConfigResolver().for_folder(path.resolve().parent)


def rule_policy(
    settings: Settings,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    today: datetime.date | None = None,
) -> RulePolicy:
    """The one place where rule selection is decided: the caller's `select` wins over the
    configuration's, both ignore lists apply; options and severities come from the
    configuration, by code or name."""
    from journeyctl.lint.policy import RulePolicy, enabled_codes, resolve_code

    chosen = tuple(select) if select is not None else settings.select
    enabled = enabled_codes(chosen, tuple(ignore), settings.ignore)
    options = {
        code: dict(values)
        for name, values in settings.rules.items()
        if (code := resolve_code(name)) is not None
    }
    severities = {
        code: Severity.parse(level)
        for name, level in settings.severity.items()
        if (code := resolve_code(name)) is not None
    }
    return RulePolicy(enabled, today or datetime.date.today(), options, severities)


def check_bytes(
    raw: bytes, shown: str, settings: Settings, policy: RulePolicy | None
) -> CheckResult:
    """`check` after the inputs are resolved: what the run pipeline calls for each file."""
    from journeyctl.load import LoadError, load_bytes
    from journeyctl.validation import validate_document

    team_names = dict(settings.teams)
    try:
        document = load_bytes(raw, settings.limits)
    except LoadError as exc:
        problem = validation_error(shown, exc.span, exc.kind, exc.message)
        return CheckResult(shown, None, None, [_fingerprinted(problem)], team_names)
    journey, problems = validate_document(document, shown, frozenset(settings.teams))
    if journey is None:
        found = [_fingerprinted(p) for p in problems]
        return CheckResult(shown, document, None, found, team_names)
    team_names.update({team.id: team.name for team in journey.teams})
    diagnostics: list[Diagnostic] = []
    if policy is not None:
        from journeyctl.lint.engine import lint_map

        diagnostics = lint_map(journey, document, shown, policy)
    return CheckResult(shown, document, journey, diagnostics, team_names)


def refused(shown: str, exc: LoadError) -> Diagnostic:
    """The JM001 of a file that was not read (not a regular file, over the size limit)."""
    return _fingerprinted(validation_error(shown, exc.span, exc.kind, exc.message))


def _fingerprinted(problem: Diagnostic) -> Diagnostic:
    """Validation problems have no element: their code and message identify them."""
    from dataclasses import replace

    from journeyctl.lint.identity import fingerprint

    return replace(problem, fingerprint=fingerprint(problem.code, "validation", problem.message))
