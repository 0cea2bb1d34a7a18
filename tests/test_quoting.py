"""How messages quote the file's text: short, escaped, any integer, dates as written."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from journeyctl.quoting import ECHO_LIMIT, integer, quote, shorten


def test_short_text_is_kept_and_long_text_is_cut_with_an_ellipsis() -> None:
    assert shorten("a" * ECHO_LIMIT) == "a" * ECHO_LIMIT
    cut = shorten("a" * 2_000_000)
    assert cut == "a" * (ECHO_LIMIT - 3) + "..." and len(cut) == ECHO_LIMIT


def test_invisible_characters_are_escaped_like_repr() -> None:
    assert quote("a\u202eb\u200bc\x1bd") == "'a\\u202eb\\u200bc\\x1bd'"


def test_any_integer_can_be_shown() -> None:
    assert integer(5) == "5" and integer(-(10**40)) == str(-(10**40))
    assert integer(10**100) == "10000000000000000000... (101 digits)"
    assert integer(16**4000 - 1) == "an integer of about 4,817 digits"
    assert integer(-(8**6000)) == "-an integer of about 5,419 digits"


@given(st.integers(0, 70_000), st.integers(-(2**64), 2**64))
def test_every_integer_is_short(bits: int, low: int) -> None:
    for value in (2**bits + low, -(2**bits) + low):
        assert len(integer(value)) <= ECHO_LIMIT


def test_dates_and_times_read_as_written() -> None:
    assert quote(datetime.date(2026, 9, 14)) == "2026-09-14"
    moment = datetime.datetime(2026, 9, 14, 10, 30, tzinfo=datetime.UTC)
    assert quote(moment) == "2026-09-14 10:30:00+00:00"
    assert quote(None) == "null" and quote([1]) == "a list" and quote({}) == "a mapping"
