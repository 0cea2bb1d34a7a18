"""One module per command; importing this package registers them all on the application."""

from journeyctl.cli.commands import diff, fmt, init, lint, rules, schema, validate

__all__ = ["diff", "fmt", "init", "lint", "rules", "schema", "validate"]
