"""`journeyctl diff`: what changed in the journey between two versions of a map."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error
from journeyctl.cli.options import ConfigOption, TodayOption

if TYPE_CHECKING:
    from pathlib import Path

    from journeyctl.api import CheckResult
    from journeyctl.config import Settings
    from journeyctl.diff import MapDiff
    from journeyctl.diff.sources import Pair


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command(short_help="Show what changed in the journey between two versions of a map.")
def diff(
    inputs: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="OLD NEW: files or git REV:PATH. With --base: the paths to look at "
            "(default: the whole work tree).",
            show_default=False,
            metavar="[OLD NEW | PATH...]",
        ),
    ] = None,
    base: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--base",
            metavar="REV",
            help="Compare every map added, removed, renamed or changed between REV and the "
            "work tree.",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--fail-on",
            metavar="SIGNAL,...",
            help="Exit 1 when one of these signals is raised (validation-lost, emotion-drop, "
            "moment-worse, critical-removed, stage-removed, touchpoint-removed, "
            "owner-removed, new-errors; 'any': any change). Default: always exit 0.",
        ),
    ] = None,
    config: ConfigOption = None,
    today: TodayOption = None,
) -> None:
    """Show what changed in the journey, not in the YAML: moved touchpoints, worse moments,
    stages that lost their customer validation, lint findings introduced and resolved.

    Examples: journeyctl diff main:maps/erp.journey.yaml maps/erp.journey.yaml;
    journeyctl diff --base origin/main --format markdown
    """
    from pathlib import Path

    from journeyctl.diff.sources import SourceError, base_pairs, read_side

    wanted = _fail_on(fail_on)
    configurations = _Configurations(config)
    paths = inputs or []
    cwd = Path.cwd()
    try:
        if base is not None:
            pairs = base_pairs(base, paths, cwd, configurations.is_map)
        elif len(paths) == 2:
            from journeyctl.diff.sources import Pair

            pairs = [Pair(read_side(paths[0], cwd), read_side(paths[1], cwd))]
        else:
            usage_error("give two maps (OLD NEW, files or REV:PATH), or --base REV [PATH...]")
    except SourceError as exc:
        usage_error(str(exc))

    day = today.date() if today else None
    from journeyctl.cli.diffing import compare_pairs

    jobs = [(pair, configurations.for_pair(pair)) for pair in pairs]
    diffs, invalid = compare_pairs(jobs, day)
    if invalid:
        _print_invalid(invalid)
    if base is None and invalid:
        raise typer.Exit(1)
    _print(diffs, output_format, many=base is not None)
    raised = {name for d in diffs for name in d.signals}
    if "any" in wanted and any(d.changes for d in diffs):
        raised.add("any")
    failed = bool(invalid) or bool(raised & wanted)
    raise typer.Exit(1 if failed else 0)


def _fail_on(value: str | None) -> set[str]:
    from journeyctl.diff.signals import ANY, SIGNALS

    if value is None:
        return set()
    names = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(names - set(SIGNALS) - {ANY})
    if unknown:
        usage_error(
            f"--fail-on: unknown signal {', '.join(unknown)} "
            f"(expected: {', '.join([*SIGNALS, ANY])})"
        )
    return names


class _Configurations:
    """The configuration for each folder (`journeyctl.api.settings_for`), read once per folder:
    `--base` may look at thousands of changed files."""

    def __init__(self, config: Path | None) -> None:
        self.config = config
        self.by_folder: dict[Path, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        """Raises ConfigError for a broken configuration, OSError for an unreadable one."""
        from journeyctl.api import settings_for

        folder = path.resolve().parent
        found = self.by_folder.get(folder)
        if found is None:
            found = self.by_folder[folder] = settings_for(self.config, path)
        return found

    def is_map(self, path: Path) -> bool:
        """Whether a changed file is a journey map: the configuration's include and exclude
        globs (the default globs where the configuration is broken; it is reported later)."""
        from journeyctl.config import DEFAULT_SETTINGS, ConfigError

        try:
            settings = self.for_path(path)
        except (ConfigError, OSError):
            return DEFAULT_SETTINGS.includes(path)
        return settings.includes(path) and not settings.excludes(path)

    def for_pair(self, pair: Pair) -> Settings:
        """The configuration of both versions of a map; a usage error when it is broken."""
        from journeyctl.config import ConfigError

        try:
            return self.for_path(pair.config_path)
        except ConfigError as exc:
            from journeyctl.output.text import format_line

            for problem in exc.diagnostics:
                sys.stderr.write(format_line(problem) + "\n")
            usage_error("the configuration cannot be used")
        except OSError as exc:
            usage_error(f"{self.config}: {exc.strerror or exc}")


def _print_invalid(invalid: list[CheckResult]) -> None:
    """The validation diagnostics of invalid versions, on stderr, as `lint` prints them."""
    from journeyctl import __version__
    from journeyctl.cli.console import wants_color
    from journeyctl.diagnostics import FileReport, Report
    from journeyctl.output.text import format_report

    report = Report([FileReport(r.path, r.diagnostics) for r in invalid], [], __version__)
    sys.stderr.write(format_report(report, color=wants_color(sys.stderr)))
    from journeyctl.output._common import visible

    names = ", ".join(visible(r.path) for r in invalid)
    sys.stderr.write(f"journeyctl: invalid map, not compared: {names}\n")


def _print(diffs: list[MapDiff], output_format: DiffFormat, *, many: bool) -> None:
    if output_format is DiffFormat.json:
        from journeyctl.diff.json import format_json

        sys.stdout.write(format_json(diffs, many=many) if diffs or many else "")
    elif output_format is DiffFormat.markdown:
        from journeyctl.diff.markdown import format_markdown

        sys.stdout.write(format_markdown(diffs))
    else:
        from journeyctl.cli.console import wants_color
        from journeyctl.diff.text import format_text

        sys.stdout.write(format_text(diffs, color=wants_color(sys.stdout)))
