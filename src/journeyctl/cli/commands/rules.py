"""`journeyctl rules [CODE]`: the catalogue, or one rule's page (ruff's `ruff rule X`)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error


@app.command(short_help="List the rules, or show one rule's documentation.")
def rules(
    rule: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="A rule code or name; without it, the whole catalogue."),
    ] = None,
) -> None:
    """List the rules, or show one rule's documentation.

    Example: journeyctl rules JM304
    """
    from journeyctl.cli.catalogue_view import show_catalogue, show_rule
    from journeyctl.lint.registry import lookup

    if rule is None:
        show_catalogue()
        return
    info = lookup(rule)
    if info is None:
        usage_error(f"unknown rule {rule!r}; `journeyctl rules` lists them all")
    show_rule(info)
