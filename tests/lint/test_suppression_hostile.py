"""JM010 speaks of suppression comments in the file's own words, escaped like every message."""

from __future__ import annotations

from tests.conftest import lint_yaml
from tests.load.cases import MINIMAL


def test_an_unclosed_suppression_is_reported() -> None:
    text = MINIMAL.replace("  - id: only\n", "  - id: only  # journeyctl: ignore[JM204\n")
    (found,) = lint_yaml(text, select=("JM010", "JM204"))
    assert (found.code, found.span.line, found.span.column) == ("JM010", 5, 15)
    assert found.message == (
        "suppression 'journeyctl: ignore[JM204' has no closing `]`, so it suppresses nothing; "
        "write `# journeyctl: ignore[CODE, ...]`"
    )


def test_an_unclosed_suppression_inside_a_string_is_map_text() -> None:
    text = MINIMAL + "description: 'see # journeyctl: ignore[JM204'\n"
    assert lint_yaml(text, select=("JM010",)) == []


def test_unknown_rule_names_are_quoted_and_escaped() -> None:
    name = "a\u202eb\u200bc" + "x" * 500
    text = MINIMAL.replace("  - id: only\n", f"  - id: only  # journeyctl: ignore[{name}]\n")
    (found,) = lint_yaml(text, select=("JM010",))
    assert found.message.startswith("suppression names an unknown rule 'a\\u202eb\\u200bcxxx")
    assert "...' (see `journeyctl rules`)" in found.message and len(found.message) < 140
    assert "\u202e" not in found.message and "\u200b" not in found.message
