"""One module per command; importing this package registers them all on the application."""

from journeyctl.cli.commands import export, lint, report, rules, schema, validate

__all__ = ["export", "lint", "report", "rules", "schema", "validate"]
