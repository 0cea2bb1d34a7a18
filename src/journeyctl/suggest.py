"""Suggestions ("did you mean ...?") for a misspelt key, team or rule."""

from __future__ import annotations

from collections.abc import Sequence


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The nearest choice to a misspelt word, or None when nothing is close."""
    import difflib  # costs start-up time, and only a run with a problem needs it

    found = difflib.get_close_matches(word, list(choices), n=1)
    return found[0] if found else None
