"""Plain scalars to values by the YAML 1.2 core schema, plus dates (the format needs them).

Only what a journey map can hold: null, booleans, integers, floats, dates and timestamps. The
resolution is ours, not the parser's, so that a `%YAML 1.1` directive cannot turn `yes` or
`0777` into something else, and so that nothing is ever constructed from a tag.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

CORE = "tag:yaml.org,2002:"
STR, MAP, SEQ = CORE + "str", CORE + "map", CORE + "seq"
SCALAR_TAGS = frozenset(CORE + name for name in ("str", "int", "float", "bool", "null",
                                                   "timestamp"))  # fmt: skip

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}  # fmt: skip
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = frozenset({".nan", ".NaN", ".NAN"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]*))?[ \t]*(Z|[-+][0-9]{1,2}(?::?[0-9]{2})?)?"
)
# The first character decides which patterns can match at all: most plain scalars are text.
_MAYBE_TYPED = frozenset("0123456789-+.~nNtTfF")


_MAX_DIGITS = 4_300
"""Python's limit on decimal text to int (sys.int_info.default_max_str_digits): the work is
quadratic in the digits. Hex and octal literals have no such cost and load at any length; the
messages that show them go through `journeyctl.quoting`."""


class ScalarError(ValueError):
    """A scalar whose explicit tag asks for a type its text is not."""


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar."""
    if text and text[0] not in _MAYBE_TYPED:
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return _to_int(text)
    if _FLOAT.fullmatch(text) or _INFINITY.fullmatch(text) or text in _NAN:
        return _to_float(text)
    moment = _to_timestamp(text)
    return text if moment is None else moment


def construct(tag: str, text: str) -> Any:
    """The value of a scalar with an explicit core tag (`!!int 3`); raises ScalarError."""
    name = tag[len(CORE) :]
    if name == "str":
        return text
    if name == "null" and text in _NULL:
        return None
    if name == "bool" and text in _BOOL:
        return _BOOL[text]
    if name == "int" and _INT.fullmatch(text):
        return _to_int(text)
    if name == "float" and (_FLOAT.fullmatch(text) or _INFINITY.fullmatch(text)
                            or text in _NAN or _INT.fullmatch(text)):  # fmt: skip
        return _to_float(text)
    if name == "timestamp":
        moment = _to_timestamp(text)
        if moment is not None:
            return moment
    raise ScalarError(f"cannot read {_excerpt(text)} as {name}")


def _to_int(text: str) -> int:
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    try:
        return int(text)
    except ValueError:  # over Python's 4,300-digit limit for int(str)
        raise ScalarError(
            f"cannot read {_excerpt(text)} as int: {len(text):,} digits are too many (at most "
            f"{_MAX_DIGITS:,})"
        ) from None


def _to_float(text: str) -> float:
    if text in _NAN:
        return math.nan
    if _INFINITY.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    return float(text)


def _to_timestamp(text: str) -> datetime.date | None:
    """A date or datetime, or None when the text is not a real one (`2026-02-30` stays text)."""
    try:
        if _DATE.fullmatch(text):
            return datetime.date.fromisoformat(text)
        match = _TIMESTAMP.fullmatch(text)
        if match is None:
            return None
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        tzinfo = None
        if zone == "Z":
            tzinfo = datetime.UTC
        elif zone:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
            offset = datetime.timedelta(hours=int(hours), minutes=int(minutes))
            tzinfo = datetime.timezone(sign * offset)
        return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                                 int(second), micro, tzinfo)  # fmt: skip
    except ValueError:
        return None


def _excerpt(text: str) -> str:
    from journeyctl.quoting import quote

    return quote(text, 40)
