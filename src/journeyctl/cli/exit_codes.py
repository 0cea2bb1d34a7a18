"""The exit codes of every command, defined once (README "Exit codes")."""

EXIT_OK = 0
"""Nothing failed the run."""
EXIT_FAILED = 1
"""A map is invalid, or a finding is at or above `--fail-on`."""
EXIT_USAGE = 2
"""A bad option, a missing or unreadable path, a broken configuration, an internal error."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl-C (128 + SIGINT, as shells report it)."""
