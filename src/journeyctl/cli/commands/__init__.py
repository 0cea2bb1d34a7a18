"""One module per command; importing this package registers them all on the application."""

from journeyctl.cli.commands import lint, rules, schema, validate

__all__ = ["lint", "rules", "schema", "validate"]
