"""Hypothesis strategies for journey-map-shaped and hostile inputs, and a tiny YAML emitter.

Every strategy returns bytes (the loader's input) and keeps them under about 2 MB; large
inputs are built by repeating small drawn pieces, since hypothesis draws at most a few
kilobytes of choices per example.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from journeyctl.cli.checking import LintOptions
from journeyctl.config import Settings
from journeyctl.lint.registry import catalogue
from journeyctl.load import Limits
from journeyctl.model.vocabulary import (
    EvidenceSource,
    FeedbackMethod,
    Laer,
    MapState,
    Moment,
    OpportunityStatus,
    PainPointSeverity,
    Pimo,
)

EXAMPLE = (Path(__file__).resolve().parents[1] / "data" / "format-example.journey.yaml").read_text(
    encoding="utf-8"
)
MAX_DEPTH = 64
"""The loader's default nesting limit, which the depth strategies aim around."""
MAX_LONG = 1_000_000
"""Longest string the long-string strategies build (characters)..."""
MAX_NESTING_BYTES = 1_800_000
"""The most bytes a deep-nesting input may take (its depth is capped to fit)."""
MAX_LONG_BYTES = 1_200_000
"""...and the most bytes an input holding it may take once written (escapes make it longer)."""

# --- characters and scalars --------------------------------------------------------------------

UNUSUAL = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x7f", "\x80", "\x85",
    "\x9f", "\xa0", "\u00ad", "\u0301", "\u0338", "\u05d0", "\u0627", "\u061c", "\u200b",
    "\u200d", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069",
    "\ufeff", "\ufffd", "\ufffe", "\uffff", "\U0001f600", "\U0001f469\u200d\U0001f4bb",
    "\U0001f1eb\U0001f1f7", "\U000e0001", "\U0010ffff", "e\u0301", "\u3000", "\t", "\r",
    "\r\n", "\n", " ",
]  # fmt: skip
"""Control characters, NEL, bidi and zero-width marks, BOMs, combining marks, emoji (including
ZWJ sequences and flags), noncharacters and the last code point."""

YAML_TOKENS = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "#", " #", "&a", "&a ", "*a", "!!", "!", "|",
    ">", "|-", ">+", "?", "? ", "'", '"', "%", "@", "`", "<<", "<<: ", "---", "...", "~",
    "!!python/object/apply:os.system ", "!!binary ", "!custom ", "!<tag:x> ", "&b ", "*b",
    "\\", "\\u", "\\x", "journeyctl: 1", "id: x", "stages:", "- id: s", "  ", "    ",
]  # fmt: skip

PLAIN_SPECIALS = [
    "~", "null", "Null", "NULL", "true", "True", "yes", "no", "on", "off", "y", "n", ".inf",
    "-.inf", ".nan", ".NaN", "0", "-0", "007", "0o17", "0x1F", "0b101", "1_000", "1:20:30",
    "+1", "1e3", "1.5e+300", "1e400", "6.8523015e+5", "2026-09-14", "2026-02-30", "2026-13-01",
    "0000-01-01", "9999-12-31", "2026-09-14T10:00:00Z", "2026-09-14 10:00:00.5 +02:00",
    "2026-9-4", "=", "<<", "-", "''", '""', "' '", '"\\u0000"', '"\\x85"', '"\\ud800"',
    "!!str 1", "!!int x", "!!float 1", "!!bool maybe", "!!null x", "!!timestamp 2026-02-30",
    "!!binary aGk=", "!!set {a}", "!!omap [a: 1]", "!!python/name:os.system", "!custom x",
    "*undefined", "&a x", "{}", "[]", "{a: 1}", "[1, [2]]", "|", ">", "'multi\n  line'",
    '"a\\\nb"', "18446744073709551616", "-18446744073709551617", "9" * 5000,
    "0x" + "f" * 4000, "0x" + "F" * 20_000, "0o" + "7" * 6000, "!!int 0x" + "1" * 5000,
]  # fmt: skip
"""Plain-text scalars that resolve to every core-schema type, and some that almost do."""

IDS = ["evaluate", "buy", "onboard", "adopt", "renew", "demo", "trial", "kickoff", "call",
       "pricing-unclear", "slow-setup", "calculator", "a", "b-2", "x"]  # fmt: skip
TEAMS = ["marketing", "sales", "onboarding", "cs", "support"]
CODES_AND_NAMES = [name for info in catalogue() for name in (info.code, info.name)]
LINT_CODES = [info.code for info in catalogue() if info.code not in {"JM001", "JM002", "JM003"}]


class Built:
    """An input too large to show in a failure report: its bytes, and how it was built.

    A plain class, not a dataclass: hypothesis prints dataclasses field by field, and a
    megabyte of bytes helps nobody."""

    __slots__ = ("raw", "recipe")

    def __init__(self, raw: bytes, recipe: str) -> None:
        self.raw = raw
        self.recipe = recipe

    def __repr__(self) -> str:
        return f"<{len(self.raw):,} bytes: {self.recipe}>"


class Plain(str):
    """A scalar the emitter writes as it is (a date, `~`, a tagged value...), not JSON-quoted."""

    __slots__ = ()


def enum_values(*enums: Any) -> list[str]:
    return [member.value for enum in enums for member in enum]


ENUM_VALUES = enum_values(Laer, Pimo, MapState, Moment, FeedbackMethod, PainPointSeverity,
                          OpportunityStatus, EvidenceSource)  # fmt: skip

texts = st.lists(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from(UNUSUAL)), max_size=24
).map("".join)
"""Short text from the whole of Unicode (no surrogates: they cannot be UTF-8), biased to the
characters most likely to confuse a parser, an escaper or a terminal."""

scalars: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    st.sampled_from(IDS + TEAMS + ENUM_VALUES),
    st.sampled_from(PLAIN_SPECIALS).map(Plain),
    st.dates().map(lambda day: Plain(day.isoformat())),
)


def values(depth: int = 2) -> st.SearchStrategy[Any]:
    """A random scalar, or (shallowly) a list or mapping of them."""
    if depth <= 0:
        return scalars
    inner = values(depth - 1)
    return st.one_of(
        scalars,
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(texts, st.sampled_from(IDS)), inner, max_size=3),
    )


# --- a tiny YAML emitter ---------------------------------------------------------------------


def emit(value: Any, block_levels: int, indent: int = 0) -> str:
    """YAML text for `value`: containers in the top `block_levels` levels in block style, the
    rest in JSON-style flow (which is YAML). Strings are JSON-quoted; `Plain` is written as is."""
    lines = _block(value, block_levels, indent)
    if lines is None:
        return " " * indent + _flow(value) + "\n"
    return "".join(line + "\n" for line in lines)


_NOT_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")
"""Characters JSON leaves raw but YAML does not allow raw (JSON escapes C0 controls itself)."""


def _flow(value: Any) -> str:
    if isinstance(value, Plain):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    written = json.dumps(value, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", written)


def _block(value: Any, levels: int, indent: int) -> list[str] | None:
    if levels <= 0 or not isinstance(value, (dict, list)) or not value:
        return None
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            nested = _block(item, levels - 1, indent + 2)
            if nested is None:
                lines.append(f"{pad}{_flow(key)}: {_flow(item)}")
            else:
                lines.append(f"{pad}{_flow(key)}:")
                lines.extend(nested)
        return lines
    for item in value:
        nested = _block(item, levels - 1, indent + 2)
        if nested is None:
            lines.append(f"{pad}- {_flow(item)}")
        else:  # compact form: the first line of the item goes after the dash
            lines.append(f"{pad}- {nested[0][indent + 2 :]}")
            lines.extend(nested[1:])
    return lines


# --- structurally plausible maps ---------------------------------------------------------------


@st.composite
def _perturbed(draw: st.DrawFn, mapping: dict[str, Any]) -> Any:
    """A mapping of the format with, sometimes, a key added, dropped or its value replaced."""
    if draw(st.integers(0, 30)) == 30:
        return draw(values())  # the whole element is the wrong type
    result = dict(mapping)
    if result and draw(st.integers(0, 12)) == 12:
        del result[draw(st.sampled_from(sorted(result)))]
    if result and draw(st.integers(0, 12)) == 12:
        result[draw(st.sampled_from(sorted(result)))] = draw(values())
    if draw(st.integers(0, 12)) == 12:
        key = draw(st.one_of(texts, st.sampled_from(["x-notes", "x-", "touchpiont", "ID", "<<"])))
        result[key] = draw(values())
    return result


def _maybe(
    draw: st.DrawFn, mapping: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]
) -> None:
    if draw(st.booleans()):
        mapping[key] = draw(strategy)


_ids = st.sampled_from(IDS)
_teams = st.sampled_from(TEAMS)
_printable = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1,
                     max_size=20)  # fmt: skip
_short_texts = st.one_of(
    st.sampled_from(["Demo", "Trial", "Priya, RevOps lead", "CSAT", ">= 25%", "- x", "a: b"]),
    _printable,
    st.tuples(st.sampled_from("Ab1"), texts).map("".join),
)
"""Text for the map's free-text fields: plausible, any printable Unicode, or hostile (the
emitter escapes what YAML cannot carry raw, so hostile text reaches validation and lint)."""
_dates = st.one_of(
    st.dates(datetime.date(2020, 1, 1), datetime.date(2027, 12, 31)),
    st.dates(),
).map(lambda day: Plain(day.isoformat()))
_emotions = st.integers(-2, 2)


@st.composite
def _touchpoint(draw: st.DrawFn) -> Any:
    element: dict[str, Any] = {"id": draw(_ids), "name": draw(_short_texts)}
    _maybe(draw, element, "channel", _short_texts)
    _maybe(draw, element, "owner", _teams)
    _maybe(draw, element, "direct", st.booleans())
    _maybe(draw, element, "moment", st.sampled_from(enum_values(Moment)))
    _maybe(draw, element, "critical", st.booleans())
    _maybe(draw, element, "emotion", _emotions)
    _maybe(draw, element, "feedback", st.fixed_dictionaries(
        {"method": st.sampled_from(enum_values(FeedbackMethod))},
        optional={"metric": _short_texts},
    ))  # fmt: skip
    return draw(_perturbed(element))


@st.composite
def _stage(draw: st.DrawFn) -> Any:
    element: dict[str, Any] = {"id": draw(_ids), "name": draw(_short_texts)}
    _maybe(draw, element, "laer", st.sampled_from(enum_values(Laer)))
    _maybe(draw, element, "pimo", st.sampled_from(enum_values(Pimo)))
    for key in ("goals", "actions", "thoughts", "milestones"):
        _maybe(draw, element, key, st.lists(_short_texts, max_size=3))
    _maybe(draw, element, "emotion", _emotions)
    _maybe(draw, element, "metrics", st.lists(st.fixed_dictionaries(
        {"name": _short_texts}, optional={"target": _short_texts, "source": _short_texts}
    ), max_size=2))  # fmt: skip
    _maybe(draw, element, "touchpoints", st.lists(_touchpoint(), max_size=4))
    _maybe(draw, element, "handoffs", st.lists(st.fixed_dictionaries(
        {"from": _teams, "to": _teams}, optional={"via": _ids, "note": _short_texts}
    ), max_size=2))  # fmt: skip
    _maybe(draw, element, "pain_points", st.lists(st.fixed_dictionaries(
        {"id": _ids, "description": _short_texts},
        optional={"severity": st.sampled_from(enum_values(PainPointSeverity)), "touchpoint": _ids,
                  "root_cause": _ids},
    ), max_size=2))  # fmt: skip
    _maybe(draw, element, "opportunities", st.lists(st.fixed_dictionaries(
        {"id": _ids, "description": _short_texts},
        optional={"addresses": st.lists(_ids, max_size=2), "owner": _teams,
                  "status": st.sampled_from(enum_values(OpportunityStatus))},
    ), max_size=2))  # fmt: skip
    _maybe(draw, element, "evidence", st.lists(st.fixed_dictionaries(
        {"source": st.sampled_from(enum_values(EvidenceSource)), "date": _dates},
        optional={"participants": st.integers(0, 12), "summary": _short_texts,
                  "link": _short_texts},
    ), max_size=3))  # fmt: skip
    return draw(_perturbed(element))


@st.composite
def plausible_map(draw: st.DrawFn) -> Any:
    """Data shaped like the format (ids from a small pool, so references often resolve), with
    random perturbations: unknown keys, missing keys, values of the wrong type."""
    journey: dict[str, Any] = {
        "journeyctl": 1 if draw(st.integers(0, 15)) < 15 else draw(scalars),
        "id": draw(_ids) if draw(st.integers(0, 15)) < 15 else draw(texts),
        "title": draw(_short_texts),
    }
    _maybe(draw, journey, "description", _short_texts)
    _maybe(draw, journey, "scope", st.sampled_from(["end-to-end", "onboarding"]))
    _maybe(draw, journey, "state", st.sampled_from(enum_values(MapState)))
    _maybe(draw, journey, "owner", _teams)
    _maybe(draw, journey, "updated", _dates)
    _maybe(draw, journey, "persona", st.fixed_dictionaries(
        {"name": _short_texts},
        optional={"description": _short_texts, "desired_outcomes": st.lists(_short_texts,
                                                                            max_size=2)},
    ))  # fmt: skip
    if draw(st.integers(0, 5)) < 5:
        journey["teams"] = [{"id": team, "name": team.title()} for team in TEAMS]
    else:
        _maybe(draw, journey, "teams", st.lists(
            st.fixed_dictionaries({"id": _teams, "name": _short_texts}), max_size=5
        ))  # fmt: skip
    journey["stages"] = draw(st.lists(_stage(), min_size=0 if draw(st.integers(0, 9)) == 9 else 1,
                                      max_size=4))  # fmt: skip
    if draw(st.integers(0, 3)) < 3:
        _repair(journey)
    return draw(_perturbed(journey))


def _items(container: Any, key: str) -> list[dict[str, Any]]:
    found = container.get(key) if isinstance(container, dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _repair(journey: dict[str, Any]) -> None:
    """Make ids unique and references resolve (as far as the drawn shapes allow), so that a
    good share of the generated maps is valid and reaches the lint rules."""
    teams = [team["id"] for team in _items(journey, "teams") if isinstance(team.get("id"), str)]
    seen: set[str] = set()

    def unique(element: dict[str, Any]) -> None:
        if isinstance(element.get("id"), str):
            base, number = element["id"], 2
            while element["id"] in seen:
                element["id"], number = f"{base}-{number}", number + 1
            seen.add(element["id"])

    stages = _items(journey, "stages")
    touchpoints: set[str] = set()
    pain_points: set[str] = set()
    for stage in stages:
        unique(stage)
        for key, known in (("touchpoints", touchpoints), ("pain_points", pain_points),
                           ("opportunities", set())):  # fmt: skip
            for item in _items(stage, key):
                unique(item)
                known.add(str(item.get("id")))
    stage_ids = {str(stage.get("id")) for stage in stages}

    def resolve(element: dict[str, Any], key: str, known: set[str] | list[str]) -> None:
        if key in element and element[key] not in known:
            del element[key]

    resolve(journey, "owner", teams)
    for stage in stages:
        for touchpoint in _items(stage, "touchpoints"):
            resolve(touchpoint, "owner", teams)
        handoffs = _items(stage, "handoffs")
        for handoff in handoffs:
            resolve(handoff, "via", touchpoints)
        stage["handoffs"] = [
            handoff for handoff in handoffs
            if handoff.get("from") in teams and handoff.get("to") in teams
            and handoff.get("from") != handoff.get("to")
        ]  # fmt: skip
        for pain in _items(stage, "pain_points"):
            resolve(pain, "touchpoint", touchpoints)
            resolve(pain, "root_cause", touchpoints | stage_ids)
        for opportunity in _items(stage, "opportunities"):
            resolve(opportunity, "owner", teams)
            if isinstance(opportunity.get("addresses"), list):
                opportunity["addresses"] = [
                    pain for pain in opportunity["addresses"] if pain in pain_points
                ]


@st.composite
def generated_maps(draw: st.DrawFn) -> bytes:
    """A plausible map written by the tiny emitter, in block, flow or mixed layout, with LF,
    CRLF or CR line ends (JSON escapes line breaks inside strings, so the ends are all layout;
    NEL, LS and PS stay raw inside strings, where YAML 1.1 parsers count them as breaks)."""
    data = draw(plausible_map())
    text = emit(data, block_levels=draw(st.integers(0, 6)))
    if draw(st.booleans()):
        text = "---\n" + text
    eol = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
    return text.replace("\n", eol).encode("utf-8")


# --- random bytes and text ---------------------------------------------------------------------

BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE]  # fmt: skip
BAD_UTF8 = [b"\x80", b"\xbf", b"\xc0\x80", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xfe", b"\xff", b"\x00"]  # fmt: skip
"""Lone continuation and high bytes, overlong NUL, truncated sequences, an encoded surrogate,
a code point past U+10FFFF, five-byte forms, and NUL."""


@st.composite
def random_bytes(draw: st.DrawFn) -> bytes:
    data = draw(st.binary(max_size=2048))
    if draw(st.booleans()):
        data = draw(st.sampled_from(BOMS)) + data
    return data


@st.composite
def random_text(draw: st.DrawFn) -> bytes:
    """Text mixing YAML syntax with unusual Unicode, in any line-end style; sometimes with
    bytes that are not UTF-8 or a BOM spliced in."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(YAML_TOKENS), st.sampled_from(UNUSUAL), texts,
    ), max_size=80))  # fmt: skip
    text = "".join(pieces)
    eol = draw(st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028"]))
    text = text.replace("\n", eol) if eol != "\n" else text
    data = text.encode("utf-8")
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([*BAD_UTF8, *BOMS])) + data[at:]
    if draw(st.booleans()):
        data = draw(st.sampled_from(BOMS)) + data
    return data


# --- mutations of the FORMAT example -----------------------------------------------------------

INSERTIONS = [":", "-", "[", "{", "]", "}", "&a ", "*a", "!!", "#", "\t", " ", "  ", "'", '"',
              "|", ">", "? ", ",", "%", "@", "`", "&a", "*a ", "!!str ", "!!map ",
              "!!python/object:os.system ", "\x00", "\ufeff", "\U0001f600", "\u202e", "\r",
              "\u2028", "\x85", "\\", "~", "<<: *a", " # journeyctl: ignore[JM201]",
              "  # journeyctl: ignore[JM305, stage-without-goals] reason",
              " # journeyctl: ignore-file[JM203]", " # journeyctl: ignore[nope]"]  # fmt: skip
EXTRA_LINES = ["x-notes: kept", "- id: extra", "  - {id: t9, name: T}", "<<: *a",
               "anchor: &a {id: q}", "ref: *a", "---", "...", "%YAML 1.2", "%YAML 1.1",
               "%TAG ! tag:example.com,2000:", "? complex", ": value", "journeyctl: 2",
               "journeyctl: 1", "id: acme-analytics-b2b", "stages: []", "teams:",
               "      - id: demo", "# journeyctl: ignore-file[JM601]", "!!map", "- !!seq",
               "description: |", "  text with # hash", "'quoted key': 1", '"\\x41": b',
               "a: 'unclosed", 'b: "unclosed']  # fmt: skip


@st.composite
def mutated_example(draw: st.DrawFn) -> bytes:
    """docs/format.md's example with random line and character edits, and random line ends."""
    lines = EXAMPLE.splitlines()
    for _ in range(draw(st.integers(1, 8))):
        operation = draw(st.sampled_from(
            ["delete", "duplicate", "swap", "insert", "indent", "value", "line", "cut"]
        ))  # fmt: skip
        if not lines:
            lines = [""]
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        elif operation == "insert":
            at = draw(st.integers(0, len(line)))
            token = draw(st.one_of(st.sampled_from(INSERTIONS), texts))
            lines[index] = line[:at] + token + line[at:]
        elif operation == "indent":
            change = draw(st.integers(-4, 4))
            stripped = line.lstrip(" ")
            indent = max(0, len(line) - len(stripped) + change)
            lead = draw(st.sampled_from([" " * indent, "\t", " " * indent + "\t", "\t" + " "]))
            lines[index] = lead + stripped
        elif operation == "value":
            if ": " in line:
                head = line[: line.index(": ") + 2]
                value = draw(scalars)
                written = str(value) if isinstance(value, Plain) else _flow(value)
                lines[index] = head + written
        elif operation == "line":
            pad = " " * draw(st.sampled_from([0, 2, 4, 6, 8]))
            lines.insert(index, pad + draw(st.sampled_from(EXTRA_LINES)))
        else:
            lines[index] = line[: draw(st.integers(0, len(line)))]
    eol = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    text = eol.join(lines) + (eol if draw(st.booleans()) else "")
    if draw(st.integers(0, 5)) == 5:
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode("utf-8")


# --- deep nesting ------------------------------------------------------------------------------

depths = st.one_of(
    st.integers(1, 16),
    st.integers(MAX_DEPTH - 3, MAX_DEPTH + 3),
    st.integers(MAX_DEPTH + 4, 1_000),
    st.integers(1_000, 40_000),
    st.integers(40_000, 200_000),
    st.sampled_from([MAX_DEPTH, MAX_DEPTH + 1, 30_000, 100_000, 200_000]),
)
"""Depths 1..200,000, biased to the limit (64) and to far beyond it, where the C composer is
quadratic (thousands) and crashes (about 30,000)."""

FLOW_OPENERS = ["[", "{a: ", "[a, ", "{? ", "[? ", "&{n} [", "!!seq [", "!t [", "&{n} !!map {",
                "[\n", "{\n a: ", "['x', ", '["]", ', "[# c\n", "{'k': ", "[{n}, ",
                "[\"a\" : ", "{\"a\":"]  # fmt: skip
BLOCK_OPENERS = ["- ", "? ", ": ", "- ? ", "- &{n} ", "- !!seq ", "? - ", "-\t", "a:\n",
                 "- a:\n", "? a\n:\n", "a: &{n}\n", "a: !!map\n", "- |\n  t\n"]  # fmt: skip
NOISE = ["", "# c\n", "a: b - 'x\n", "a: x, 'y\n", "a: x # 'y\n", "a: x, [\n", "a: x, {\n",
         "- k: |\n    t\n  ", "- k: >-\n    t\n  ", "- - k: |\n      t\n    ",
         "a: |\n      \n  ", "a: >2\n", "a: 'x\n y'\n", "'k': 1\n", "---\n",
         "%YAML 1.2\n---\n", "a: [b, c]\n", "a: \"x\\\"\n", "? |\n  t\n: v\n",
         "a: b\n  'c\n", "a: !t 'x\n", "a: &b 'x\n", "a: x\u2028'y\n", "a: x\x85'y\n"]  # fmt: skip
"""Text before the nesting. Some of it confuses a pre-scan that has to guess, line by line,
where quoted scalars, block scalars and flow collections start."""


def _opener(template: str, level: int) -> str:
    return template.replace("{n}", f"a{level}")


def _flow_nesting(openers: list[str], depth: int) -> str:
    parts: list[str] = []
    closers: list[str] = []
    for level in range(depth):
        opener = _opener(openers[level % len(openers)], level)
        parts.append(opener)
        last = max(opener.rfind("["), opener.rfind("{"))
        closers.append("]" if opener[last] == "[" else "}")
    return "".join(parts) + "x" + "".join(reversed(closers))


def _block_nesting(openers: list[str], depth: int, indent: int) -> str:
    """Compact openers (`- `, `? `) stay on one line, so text stays O(depth); the others start
    a new line one space deeper, so their depth is capped by the caller."""
    parts: list[str] = [" " * indent]
    for level in range(depth):
        opener = _opener(openers[level % len(openers)], level)
        if opener.endswith("\n"):
            indent += 1
            opener += " " * indent
        parts.append(opener)
    return "".join(parts) + "x"


@st.composite
def _nesting(draw: st.DrawFn, depth_strategy: st.SearchStrategy[int]) -> tuple[Built, int]:
    depth = draw(depth_strategy)
    noise = draw(st.sampled_from(NOISE))
    indent = len(noise) - len(noise.rstrip(" "))
    if draw(st.booleans()):
        openers = draw(st.lists(st.sampled_from(FLOW_OPENERS), min_size=1, max_size=3))
        widest = max(len(_opener(opener, depth)) for opener in openers) + 1  # and its closer
        depth = min(depth, MAX_NESTING_BYTES // widest)
        text = noise + "k: " + _flow_nesting(openers, depth)
    else:
        openers = draw(st.lists(st.sampled_from(BLOCK_OPENERS), min_size=1, max_size=3))
        if any(opener.endswith("\n") for opener in openers):
            depth = min(depth, 1_500)  # one more space per level: O(depth^2) text
        widest = max(len(_opener(opener, depth)) for opener in openers)
        depth = min(depth, MAX_NESTING_BYTES // widest)
        text = noise + "k:\n" + _block_nesting(openers, depth, indent)
    text += "\n"
    recipe = f"noise {noise!r}, openers {openers!r}, depth {depth}"
    if draw(st.integers(0, 4)) == 4:  # truncated, so unbalanced
        cut = draw(st.integers(0, len(text)))
        text, recipe = text[:cut], f"{recipe}, cut at {cut}"
    return Built(text.encode("utf-8"), recipe), depth


def deep_nesting() -> st.SearchStrategy[tuple[Built, int]]:
    """Nested flow or block collections of a drawn depth as the value of a key, after noise
    and with decorations (anchors, tags, explicit keys, comments, quotes). Gives the input and
    the number of levels it was built with."""
    return _nesting(depths)


_PROBE_PIECES = [
    "[", "]", "{", "}", ", ", ": ", "- ", "? ", "a", "k: ", "'", '"', "''", "\\\"", "#", " #",
    " ", "  ", "\n", "\n  ", "\n    ", "\r\n", "\x85", "\u2028", "\t", "&a ", "*a", "!t ",
    "!!seq ", "|", ">", "|2", ">-", "|\n  ", "---\n", "...\n", "%YAML 1.2\n",
]  # fmt: skip


def nesting_probes() -> st.SearchStrategy[str]:
    """Small texts that nest a few levels in every way YAML allows: the pieces that decide
    nesting (brackets, indicators, quotes, properties, block scalars, comments, line breaks)
    at random, or the deep-nesting builder at small depths."""
    return st.one_of(
        st.lists(st.sampled_from(_PROBE_PIECES), max_size=60).map("".join),
        _nesting(st.integers(1, 10)).map(lambda case: case[0].raw.decode("utf-8")),
    )


# --- long strings ------------------------------------------------------------------------------

lengths = st.one_of(
    st.integers(0, 2_000),
    st.sampled_from([63, 64, 65, 1023, 1024, 1025, 4096, 65_536]),
    st.integers(2_000, 100_000),
    st.integers(100_000, MAX_LONG),
)


PLACES = ["plain", "json", "single", "key", "comment", "block", "folded", "line", "id", "goals"]


def _place(long: str, place: str) -> str:
    head = EXAMPLE
    if place == "plain":
        return head.replace("title: ACME", "title: " + long.replace("\n", " ") + " ACME", 1)
    if place == "json":
        return head.replace("title: ACME", f"title: {_flow(long)}\nx-title: ACME", 1)
    if place == "single":
        return head + "x-long: '" + long.replace("'", "''") + "'\n"
    if place == "key":
        return head + _flow(long) + ": 1\n"
    if place == "comment":
        return head + "# " + long + "\n"
    if place in {"block", "folded"}:
        indicator = "|" if place == "block" else ">"
        body = "".join("  " + long[i : i + 100] + "\n" for i in range(0, len(long), 100))
        return head + f"x-long: {indicator}\n" + body
    if place == "line":
        return long
    if place == "id":
        return head.replace("id: acme-analytics-b2b", "id: " + _flow(long), 1)
    items = ", ".join(_flow(long[i : i + 50]) for i in range(0, len(long), 50))
    return head.replace("goals: [Prove", f"goals: [{items}, Prove", 1)


@st.composite
def long_strings(draw: st.DrawFn) -> Built:
    """A string of up to 1 MB (a drawn unit repeated) as a value, key, comment, block scalar,
    quoted scalar or bare line of an otherwise valid map."""
    units = ["a", "ab ", "é", "\U0001f600", "x" * 7 + " ", "#", "[", "'", "\\", "\t"]
    unit = draw(st.one_of(
        st.sampled_from(units), st.tuples(st.sampled_from("a#"), texts).map("".join)
    ))  # fmt: skip
    length = draw(lengths)
    place = draw(st.sampled_from(PLACES))
    raw = _place((unit * (length // len(unit) + 1))[:length], place).encode("utf-8")
    while len(raw) > MAX_LONG_BYTES:  # escapes made it bigger than its length: scale it down
        length = length * MAX_LONG_BYTES // len(raw) - 1_000
        raw = _place((unit * (length // len(unit) + 1))[:length], place).encode("utf-8")
    return Built(raw, f"({unit!r} * n)[:{length}] placed as {place!r}")


# --- alias graphs ------------------------------------------------------------------------------


@st.composite
def alias_graphs(draw: st.DrawFn) -> bytes:
    """Anchors and aliases: exponential "laughs" of random width and depth, random DAGs with
    forward, self and undefined references, aliases as keys, and a valid map sharing nodes."""
    kind = draw(st.sampled_from(["laughs", "graph", "shared"]))
    if kind == "laughs":
        width = draw(st.integers(1, 12))
        depth = draw(st.integers(1, 40))
        flow = draw(st.booleans())
        lines = ['l0: &l0 "lol"'] if draw(st.booleans()) else ["l0: &l0 [lol, {k: v}]"]
        for level in range(1, depth + 1):
            refs = [f"*l{level - 1}"] * width
            if flow:
                lines.append(f"l{level}: &l{level} [{', '.join(refs)}]")
            else:
                lines.append(f"l{level}: &l{level}")
                lines.extend(f"  - {ref}" for ref in refs)
        if draw(st.booleans()):
            lines = [*EXAMPLE.splitlines(), *(f"x-{line}" for line in lines)]
        return ("\n".join(lines) + "\n").encode()
    if kind == "graph":
        count = draw(st.integers(1, 30))
        lines = []
        for index in range(count):
            items = []
            for _ in range(draw(st.integers(0, 6))):
                choice = draw(st.integers(0, 9))
                if choice < 6 and index > 0:
                    items.append(f"*n{draw(st.integers(0, index - 1))}")
                elif choice == 6:  # itself, a later node, or an undefined anchor
                    items.append(f"*n{draw(st.integers(index, count + 2))}")
                else:
                    items.append(_flow(draw(scalars)))
            if draw(st.booleans()):
                body = "[" + ", ".join(items) + "]"
            else:  # a mapping, sometimes with an alias as a key
                keys = [f"*n{draw(st.integers(0, count))} " if draw(st.integers(0, 5)) == 5
                        else f"k{i}" for i in range(len(items))]  # fmt: skip
                body = "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"
            lines.append(f"n{index}: &n{index} {body}")
        return ("\n".join(lines) + "\n").encode()
    # a valid map whose lists and mappings are shared through aliases
    text = EXAMPLE.replace("  - {id: sales, name: Sales}", "  - &team {id: sales, name: Sales}")
    text = text.replace("goals: [Prove", "goals: &goals [Prove")
    text += "x-goals: *goals\nx-team: *team\nx-teams: [*team, *goals, *team]\n"
    if draw(st.booleans()):
        text += draw(st.sampled_from(["x-bad: *nothere\n", "<<: *team\n", "x-c: &goals again\n",
                                      "*team : v\n", "x-d: !!seq *goals\n"]))  # fmt: skip
    return text.encode()


# --- limits, settings and lint options ---------------------------------------------------------

limits = st.builds(
    Limits,
    max_file_size=st.one_of(st.just(10_000_000), st.integers(0, 4096)),
    max_depth=st.one_of(st.just(64), st.integers(0, 70)),
    max_alias_nodes=st.one_of(st.just(10_000), st.integers(0, 100)),
    max_nodes=st.one_of(st.just(600_000), st.integers(0, 200)),
)

lint_options = st.builds(
    LintOptions,
    select=st.one_of(st.none(), st.lists(st.sampled_from(CODES_AND_NAMES), max_size=4).map(tuple)),
    ignore=st.lists(st.sampled_from(CODES_AND_NAMES), max_size=4).map(tuple),
    today=st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)),
)

lint_settings = st.builds(
    Settings,
    severity=st.dictionaries(st.sampled_from(LINT_CODES), st.sampled_from(["error", "warning",
                                                                            "info"]), max_size=3),
    rules=st.just({}) | st.fixed_dictionaries({
        "stale-evidence": st.fixed_dictionaries({"max_age_days": st.integers(0, 10_000)}),
        "thin-evidence": st.fixed_dictionaries({"min_participants": st.integers(0, 20)}),
    }),
    teams=st.dictionaries(_teams, _short_texts, max_size=3),
)  # fmt: skip


# --- round two: around the parser -------------------------------------------------------------


@st.composite
def alias_amplified(draw: st.DrawFn) -> Built:
    """One large anchored string used through aliases as many keys and values: the loader's
    node budget counts each use once, but every message that quotes it would repeat it."""
    unit = draw(st.sampled_from(["x", "ab ", "\u202e", "é", "0"]))
    size = draw(st.sampled_from([100, 10_000, 200_000, 1_000_000]))
    uses = draw(st.integers(1, 300))
    where = draw(st.sampled_from(["keys", "ids", "values", "enum", "teams"]))
    while True:
        anchored = (unit * (size // len(unit) + 1))[:size]
        head = f"journeyctl: 1\nid: amplified\ntitle: Amplified\nx-big: &a {_flow(anchored)}\n"
        if where == "teams":
            head += "teams:\n" + "".join(f"  - {{id: t{i}, name: *a}}\n" for i in range(uses))
        head += "stages:\n"
        body = []
        for i in range(uses):
            if where == "keys":
                body.append(f"  - {{id: s{i}, name: S, *a : 1}}")
            elif where == "ids":
                body.append(
                    f"  - {{id: *a, name: S{i}}}" if i == 0 else f"  - {{id: s{i}, name: *a}}"
                )
            elif where == "enum":
                body.append(f"  - {{id: s{i}, name: S, laer: *a, emotion: *a}}")
            else:
                body.append(f"  - {{id: s{i}, name: *a, goals: [*a], actions: [*a]}}")
        raw = (head + "\n".join(body) + "\n").encode("utf-8")
        if len(raw) <= MAX_LONG_BYTES:
            break
        size //= 4  # escapes made it too big
    return Built(raw, f"{size:,} x {unit!r} used {uses} times as {where}")


FILE_NAME_PIECES = ["x", "\n", "\r", "::error file=a,line=1::forged", "%0A", "%", "\x1b[31m",
                    "\u202e", "\u200b", "\x85", "\u2028", " ", "é", "\\", ",", ":", "\t", "\x07",
                    "[/x]", "&a", "*a"]  # fmt: skip


hostile_file_names = st.lists(st.sampled_from(FILE_NAME_PIECES), min_size=1, max_size=6).map(
    lambda pieces: ("".join(pieces) + ".journey.yaml").replace("/", "_")
)
"""File names a pull request may add: line breaks, workflow commands, escapes, bidi marks."""

FOLDER_ENTRIES = ["map", "broken-map", "fifo", "link-to-device", "link-loop", "link-outside",
                  "link-inside", "dangling-link", "folder", "huge-sparse"]  # fmt: skip

folder_entries = st.lists(
    st.tuples(hostile_file_names, st.sampled_from(FOLDER_ENTRIES)),
    min_size=1,
    max_size=8,
    unique_by=lambda entry: entry[0],
)
"""What a searched folder holds: maps under hostile names, and every kind of non-regular file
and symbolic link (to a device, to itself, out of the folder, into it, to nothing)."""


FLAT_ITEMS = ["0", "{}", "a", "[]", "{id: s, name: S}", "{id: t, name: T}", "null", "x: 1"]


@st.composite
def flat_collections(draw: st.DrawFn) -> Built:
    """A long flat list or mapping (up to 3,000 items, mostly alike) where the map has a list
    or a mapping: every item may be a problem, and only the first 100 are listed."""
    count = draw(st.integers(90, 3_000))
    item = draw(st.sampled_from(FLAT_ITEMS))
    odd = draw(st.sampled_from(FLAT_ITEMS))
    every = draw(st.integers(1, 500))
    items = [odd if i % every == every - 1 else item for i in range(count)]
    where = draw(st.sampled_from(["stages", "touchpoints", "goals", "teams", "keys", "x-"]))
    head = "journeyctl: 1\nid: flat\ntitle: Flat\n"
    flow = "[" + ", ".join(items) + "]"
    if where == "stages":
        text = head + "stages: " + flow + "\n"
    elif where in {"touchpoints", "goals"}:
        text = head + f"stages:\n- id: s\n  name: S\n  {where}: {flow}\n"
    elif where == "teams":
        text = head + "teams: " + flow + "\nstages: [{id: s, name: S}]\n"
    else:
        prefix = "x-" if where == "x-" else ""
        keys = "".join(f"{prefix}k{i}: {value}\n" for i, value in enumerate(items))
        text = head + "stages: [{id: s, name: S}]\n" + keys
    return Built(text.encode("utf-8"), f"{count} x {item} ({odd} every {every}) in {where}")


@st.composite
def large_configurations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A `.journeyctl.yaml` or `pyproject.toml` that is big, deep, or holds huge numbers."""
    huge = draw(st.sampled_from(["0x" + "f" * 5000, "0o" + "7" * 6000, "9" * 4000, "1"]))
    kind = draw(st.sampled_from(["limits", "options", "padding", "keys", "toml-error", "tool"]))
    if kind == "limits":
        key = draw(st.sampled_from(["max_file_size", "max_depth", "max_alias_nodes",
                                    "max_nodes", "max_files"]))  # fmt: skip
        return ".journeyctl.yaml", f"limits: {{{key}: {huge}}}\n".encode()
    if kind == "options":
        return ".journeyctl.yaml", (
            f"rules: {{stale-evidence: {{max_age_days: {huge}}}}}\n"
            f"severity: {{JM201: {huge}}}\nfail-on: {huge}\n"
        ).encode()
    if kind == "padding":
        lines = draw(st.integers(1, 150_000))
        return "pyproject.toml", b"[tool.journeyctl]\n" + b"# padding\n" * lines
    if kind == "keys":
        count = draw(st.integers(1, 20_000))
        name = draw(hostile_file_names)
        return ".journeyctl.yaml", "".join(
            f"{_flow(name + str(i))}: 1\n" for i in range(count)
        ).encode("utf-8", "surrogatepass")
    if kind == "toml-error":
        return "pyproject.toml", draw(st.sampled_from([
            b"[tool.journeyctl]\nselect = [\n", b"[tool.journeyctl]\nx = = 1\n",
            b"[tool.journeyctl\n", b"[tool.journeyctl]\n\xff\n",
        ]))  # fmt: skip
    return "pyproject.toml", draw(st.sampled_from([
        b"# [tool.journeyctl]\ntool = 5\n", b"[tool]\njourneyctl = 5\n",
        b"[tool.journeyctl]\nlimits = 3\n", b"[[tool.journeyctl]]\n",
    ]))  # fmt: skip
