"""The shared escaping of map text for terminals and XML."""

from __future__ import annotations

import json

from journeyctl.output._common import surrogates_as_json_escapes, visible, visible_inline

UNSHOWABLE = [
    *map(chr, range(0x00, 0x20)),
    *map(chr, range(0x7F, 0xA0)),
    "\u2028",
    "\u2029",
    *map(chr, range(0xD800, 0xE000)),
    "\ufffe",
    "\uffff",
]


def test_every_unshowable_character_is_escaped() -> None:
    for char in UNSHOWABLE:
        shown = visible(f"a{char}b")
        assert shown.startswith("a\\") and shown.endswith("b") and shown.isprintable(), hex(
            ord(char)
        )


def test_inline_keeps_tab_and_line_breaks_only() -> None:
    for char in UNSHOWABLE:
        shown = visible_inline(char)
        if char in "\t\n\r":
            assert shown == char
        else:
            assert shown.startswith("\\"), hex(ord(char))


def test_named_and_numbered_escapes() -> None:
    assert visible("a\nb\rc\td\x1b[0m\x00\x85\udce9") == r"a\nb\rc\td\x1b[0m\x00\x85\udce9"


def test_printable_text_is_untouched() -> None:
    text = "Café ☕ 日本語 [/x] <&> 100% \\ \u00a0nbsp"
    assert visible(text) == text and visible_inline(text) == text


def test_surrogates_become_json_escapes() -> None:
    document = json.dumps(["caf\udce9"], ensure_ascii=False)
    fixed = surrogates_as_json_escapes(document)
    fixed.encode("utf-8")
    assert json.loads(fixed) == ["caf\udce9"]
    assert surrogates_as_json_escapes('["ok"]') == '["ok"]'
