"""The names of diagnostic severities and of the `--fail-on` levels, as plain strings.

Kept apart from `diagnostics` so that the command line can offer them as choices at start-up
without building the diagnostic classes, and the configuration can check them, from one list.
"""

SEVERITY_NAMES = ("error", "warning", "info")
FAIL_ON_LEVELS = (*SEVERITY_NAMES, "never")
"""`--fail-on` and the `fail-on` configuration key: a severity, or never."""
