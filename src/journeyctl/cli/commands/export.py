"""`journeyctl export`: a map as Mermaid, JSON, or canonical text (a git textconv driver)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error
from journeyctl.cli.options import ConfigOption

if TYPE_CHECKING:
    from journeyctl.diagnostics import Diagnostic


class ExportFormat(StrEnum):
    mermaid = "mermaid"
    json = "json"
    text = "text"


@app.command(short_help="Export a map as Mermaid, JSON or canonical text (for git diff).")
def export(
    map_path: Annotated[
        str, typer.Argument(metavar="MAP", help="The map's file; '-' reads stdin.")
    ],
    to: Annotated[ExportFormat, typer.Option("--to", help="The format to write.")],
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file. Default: stdout.", dir_okay=False),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Export a map: a Mermaid journey diagram, the validated map as JSON, or a canonical
    line-oriented text for `git diff` (works on invalid maps and reads no configuration).

    Example: journeyctl export maps/onboarding.journey.yaml --to mermaid
    """
    import sys

    import journeyctl
    from journeyctl.config import ConfigError

    source = Path(map_path)
    shown = "<stdin>" if map_path == "-" else source.as_posix()
    try:
        raw = sys.stdin.buffer.read() if map_path == "-" else source.read_bytes()
    except OSError as exc:
        usage_error(f"{map_path}: {exc.strerror or exc}")
    if to is ExportFormat.text:
        from journeyctl.export.text import file_text

        _write(file_text(raw), output)
        return
    try:
        result = journeyctl.check(raw, path=shown, config=config, lint=False)
    except ConfigError as exc:
        _print(exc.diagnostics)
        raise typer.Exit(1) from None
    if result.journey is None:
        _print(result.diagnostics)
        raise typer.Exit(1)
    elif to is ExportFormat.mermaid:
        from journeyctl.export import journey_diagram

        document = journey_diagram(result.journey, result.team_name)
    else:
        from journeyctl.export import map_json

        written = result.document.data if result.document is not None else None
        document = map_json(result.journey, written)
    _write(document, output)


def _write(document: str, output: Path | None) -> None:
    import sys

    if output is None:
        sys.stdout.write(document)
        return
    try:
        output.write_text(document, encoding="utf-8")
    except OSError as exc:
        usage_error(f"{output}: {exc.strerror or exc}")


def _print(diagnostics: list[Diagnostic]) -> None:
    import sys

    from journeyctl import __version__
    from journeyctl.diagnostics import FileReport, Report
    from journeyctl.output.text import format_report

    files = [FileReport(d.path, [d]) for d in diagnostics]
    sys.stderr.write(format_report(Report(files, [], __version__)))
