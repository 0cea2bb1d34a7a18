"""Suggestions ("did you mean ...?") for a misspelt key, team or rule."""

from __future__ import annotations

from collections.abc import Sequence


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The nearest choice to a misspelt word, or None when nothing is close."""
    import difflib  # costs start-up time, and only a run with a problem needs it

    # Case is a weak signal: `CSAT` means `csat`, `Stale-Evidence` means `stale-evidence`.
    by_lower = {choice.lower(): choice for choice in choices}
    if word.lower() in by_lower:
        return by_lower[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=1)
    return by_lower[found[0]] if found else None
