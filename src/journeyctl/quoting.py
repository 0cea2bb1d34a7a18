"""How a message quotes what it found in a file: short, on one line, in the file's own words.

Every message that echoes map or configuration text goes through `quote` (a value) or
`shorten` (text already chosen for the message), so that:

- a message stays short whatever the file holds: text beyond `ECHO_LIMIT` characters is cut
  with an ellipsis (a 2 MB string behind 200 aliases gives 200 short messages, not 400 MB);
- invisible and control characters are written as escapes (`\\u202e`, `\\x1b`), as Python's
  `repr` writes them, so that no message can reorder or hide the text around it;
- an integer of any size can be shown: Python refuses to convert one of more than 4,300 digits
  to text, and a hex literal of 4,000 digits is such an integer;
- a date or a time reads as the file wrote it (`2026-09-20 10:00:00`), not as Python's
  `datetime.datetime(2026, 9, 20, 10, 0)`.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

ECHO_LIMIT = 60
"""Characters of the file's text a message quotes at most (the ellipsis included)."""
ELLIPSIS = "..."
"""ASCII, so that every terminal, log and XML reader shows it as written."""
_SHOWN_DIGITS = 20
"""Digits an integer longer than ECHO_LIMIT shows: its first ones, then its size."""


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` cut to `limit` characters, ending in an ellipsis when it was longer."""
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def quote(value: Any, limit: int = ECHO_LIMIT) -> str:
    """A value from the file as a message shows it: strings quoted and escaped like `repr`,
    numbers, booleans, dates and null as written, lists and mappings by their kind."""
    if isinstance(value, str):
        return repr(shorten(value, limit))
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes them, not Python's `True`
    if isinstance(value, int):
        return integer(value, limit)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return "null"
    if isinstance(value, float):
        return shorten(repr(value), limit)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return shorten(repr(value), limit)


def integer(value: int, limit: int = ECHO_LIMIT) -> str:
    """An integer of any size as text: in full when short, else its first digits and length."""
    # Only the bit length is looked at first: str() of a huge int raises (or takes quadratic
    # time), whatever sys.get_int_max_str_digits says.
    bits = abs(value).bit_length()
    if bits <= 3 * limit:  # at most about 0.9 * limit digits: safe and short
        return str(value)
    digits = math.floor((bits - 1) * math.log10(2)) + 1  # exact or one short
    sign = "-" if value < 0 else ""
    if digits <= 4_000:
        text = str(abs(value))
        return f"{sign}{text[:_SHOWN_DIGITS]}{ELLIPSIS} ({len(text):,} digits)"
    return f"{sign}an integer of about {digits:,} digits"
