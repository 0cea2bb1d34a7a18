"""`journeyctl schema`: the JSON Schema of the map format, generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error


@app.command(short_help="Print the JSON Schema of the map format.")
def schema(
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the schema to this file instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of the map format (for editors and other validators).

    Example: journeyctl schema -o schemas/journey-map.schema.json
    """
    from journeyctl.model.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            usage_error(f"{output}: {exc.strerror or exc}")
