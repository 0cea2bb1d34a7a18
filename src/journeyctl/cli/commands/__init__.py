"""One module per command; importing this package registers them all on the application."""

from journeyctl.cli.commands import lint, render, rules, schema, validate

__all__ = ["lint", "render", "rules", "schema", "validate"]
