"""Every bad input of docs/architecture.md ("Bad input"), with the diagnostic it must produce.

One table, used twice: by tests/load (the library, `journeyctl.check`) and by tests/cli (the real
command line, text and JSON). Each case names the code, the 1-based line and column the
diagnostic points at, and key words its message must contain (case-insensitive). Positions
are derived from the text itself (`at()`), never typed in as bare numbers, so a reader can see
what each one points at.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from tests.conftest import ROOT

EXAMPLE = (ROOT / "tests" / "data" / "format-example.journey.yaml").read_text()

# The smallest valid map: what a case adds its one problem to.
MINIMAL = """\
journeyctl: 1
id: small
title: Small map
stages:
  - id: only
    name: Only stage
"""


@dataclass(frozen=True)
class BadInput:
    name: str
    content: bytes
    code: str
    line: int
    column: int | None
    """None where the exact column is the implementation's choice (only the line is fixed)."""
    words: tuple[str, ...]
    config: str | None = None
    """A `.journeyctl.yaml` to put next to the file (for the configurable limits)."""
    only: bool = True
    """Whether this is the file's only diagnostic (load errors stop at the first problem)."""
    in_process: bool = True
    """False for inputs that would crash (SIGSEGV) the process if step 2 let them pass:
    those run only through the command line, in a subprocess, never inside pytest."""

    @property
    def rule(self) -> str:
        return {"JM001": "yaml-syntax", "JM002": "schema", "JM003": "reference"}[self.code]


def at(text: str, pattern: str, token: str | None = None, nth: int = 1) -> tuple[int, int]:
    """(line, column) of `token` on the `nth` line matching the regex `pattern`.

    Without `token`, the column of the line's first non-blank character.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(pattern, line):
            nth -= 1
            if nth:
                continue
            if token is None:
                return number, len(line) - len(line.lstrip()) + 1
            index = line.find(token)
            assert index >= 0, f"{token!r} not on line {number}: {line!r}"
            return number, index + 1
    raise AssertionError(f"no line matches {pattern!r}")


def replaced(old: str, new: str, text: str = EXAMPLE) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def case(
    name: str,
    text: str | bytes,
    code: str,
    where: tuple[int, int | None],
    *words: str,
    config: str | None = None,
    only: bool = True,
    in_process: bool = True,
) -> BadInput:
    content = text.encode() if isinstance(text, str) else text
    return BadInput(name, content, code, where[0], where[1], words, config, only, in_process)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        uses = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{uses}]")
    return "\n".join(lines) + "\n"


def nested_mappings(depth: int) -> str:
    """`depth` mappings, each the value of the previous one's only key."""
    lines = ["  " * level + f"k{level}:" for level in range(depth - 1)]
    lines.append("  " * (depth - 1) + f"k{depth - 1}: leaf")
    return "\n".join(lines) + "\n"


def flow_nesting(depth: int) -> str:
    """A mapping holding `depth - 1` nested flow sequences: `depth` levels in all."""
    return "deep: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


# fmt: off
def _cases() -> list[BadInput]:
    cases: list[BadInput] = []
    add = cases.append

    # --- YAML syntax --------------------------------------------------------------------
    text = MINIMAL + "description: [unclosed, flow\n"
    add(case("syntax-unclosed-flow", text, "JM001", (text.count("\n") + 1, 1),
             "expected ',' or ']'", "flow sequence", "line 7"))
    text = replaced("title: Small map\n", "title: Small map\n  extra: value\n", MINIMAL)
    add(case("syntax-bad-indentation", text, "JM001", at(text, r"^  extra:", ":"),
             "mapping values are not allowed"))
    text = MINIMAL + 'description: "never closed\n'
    add(case("syntax-unclosed-quote", text, "JM001", (text.count("\n") + 1, 1),
             "quoted scalar"))
    text = replaced("  - id: only\n", "\t- id: only\n", MINIMAL)
    add(case("tab-indentation", text, "JM001", at(text, r"^\t- id", "\t"), "tab", "spaces"))
    text = replaced("    name: Only stage\n", "    name: Only stage\n\tdescription: x\n", MINIMAL)
    add(case("tab-in-block-mapping", text, "JM001", at(text, r"^\tdescription", "\t"), "tab"))

    # --- duplicate keys: at the second occurrence, naming the first one's line -----------
    text = MINIMAL + "id: again\n"
    add(case("duplicate-top-level-key", text, "JM001", at(text, r"^id: again"),
             "duplicate key 'id'", f"line {at(text, r'^id: small')[0]}"))
    text = replaced("    name: Only stage\n", "    name: Only stage\n    name: Twice\n", MINIMAL)
    add(case("duplicate-nested-key", text, "JM001", at(text, r"name: Twice"),
             "duplicate key 'name'", f"line {at(text, r'name: Only stage')[0]}"))
    text = replaced("  - {id: sales, name: Sales}", "  - {id: sales, name: Sales, id: s2}")
    add(case("duplicate-key-in-flow-mapping", text, "JM001", at(text, r"id: s2", "id: s2"),
             "duplicate key 'id'", f"line {at(text, r'id: s2')[0]}"))

    # --- tags that would build objects: rejected at the tag, never constructed ----------
    for name, tag_text in [
        ("tag-python-object-apply", '!!python/object/apply:os.system ["touch PWNED"]'),
        ("tag-python-object-new", '!!python/object/new:subprocess.Popen [["touch", "PWNED"]]'),
        ("tag-python-name", "!!python/name:os.system"),
        ("tag-custom", "!foo bar"),
        ("tag-binary", "!!binary aGVsbG8="),
        ("tag-set", "!!set {a, b}"),
        ("tag-omap", "!!omap [a: 1]"),
        ("tag-verbatim", "!<tag:yaml.org,2002:python/none> x"),
    ]:
        text = MINIMAL + f"description: {tag_text}\n"
        shown = tag_text.split(" ")[0].replace("!<tag:yaml.org,2002:", "!!").rstrip(">")
        add(case(name, text, "JM001", at(text, r"^description:", "!"),
                 f"tag '{shown}'", "not allowed", "nothing is ever constructed"))
    text = "journeyctl: 1\n!!python/name:os.system key: value\n"
    add(case("tag-on-a-key", text, "JM001", at(text, r"^!!python"), "tag", "not allowed"))
    text = replaced("stages:\n", "stages: !!python/object/apply:os.system\n", MINIMAL)
    add(case("tag-on-a-sequence", text, "JM001", at(text, r"^stages:", "!!"),
             "tag '!!python/object/apply:os.system'"))
    text = MINIMAL + "description: !!bool maybe\n"
    add(case("core-tag-with-a-bad-value", text, "JM001", at(text, r"^description:", "!!"),
             "cannot read 'maybe' as bool"))
    text = MINIMAL + 'description: !!int ""\n'
    add(case("core-tag-int-of-nothing", text, "JM001", at(text, r"^description:", "!!"),
             "as int"))

    # --- merge keys and aliases ----------------------------------------------------------
    text = MINIMAL + "x-base: &base {a: 1}\nx-other:\n  <<: *base\n"
    add(case("merge-key", text, "JM001", at(text, r"^  <<"), "merge keys", "<<"))
    text = billion_laughs()
    # each use adds the anchored subtree's size; the first `*a3` crosses 10,000
    add(case("billion-laughs", text, "JM001", at(text, r"^a4:", "*a3"),
             "aliases expand to more than 10,000", "billion laughs"))
    text = MINIMAL + "x-loop: &loop [*loop]\n"
    add(case("recursive-alias", text, "JM001", at(text, r"^x-loop:", "*loop"),
             "alias", "itself"))
    # `]` inside a verbatim tag closes nothing; the tag itself is refused first
    text = "deep: [" + "!<]]]]> [" * 100 + "]" * 101 + "\n"
    add(case("flow-nesting-with-brackets-in-tags", text, "JM001", (1, 8),
             "tag ']]]]' is not allowed"))
    text = MINIMAL + "description: *nowhere\n"
    add(case("undefined-alias", text, "JM001", at(text, r"^description", "*"),
             "undefined alias"))

    # --- bytes that are not UTF-8 --------------------------------------------------------
    # a Latin-1 file: the é of Café is the byte 0xe9, which UTF-8 cannot start with here
    raw = MINIMAL.encode().replace(b"Small map", b"Caf\xe9 map")
    add(case("latin1-file", raw, "JM001", (3, len("title: Caf") + 1), "not valid UTF-8",
             "0xe9"))
    # columns count characters, not bytes: four two-byte and one three-byte character first
    prefix = "title: Ünïcödé € "
    raw = MINIMAL.encode().replace(b"title: Small map", prefix.encode() + b"\xffmap")
    add(case("invalid-utf8-after-multibyte", raw, "JM001", (3, len(prefix) + 1),
             "not valid UTF-8", "0xff"))
    add(case("utf16-with-bom", MINIMAL.encode("utf-16"), "JM001", (1, 1), "UTF-16", "UTF-8"))
    add(case("utf16-be-with-bom", codecs.BOM_UTF16_BE + MINIMAL.encode("utf-16-be"), "JM001",
             (1, 1), "UTF-16"))
    add(case("utf32-with-bom", MINIMAL.encode("utf-32"), "JM001", (1, 1), "UTF-32"))
    add(case("utf16-le-without-bom", MINIMAL.encode("utf-16-le"), "JM001", (1, 2),
             "NUL byte", "UTF-16"))
    add(case("utf16-be-without-bom", MINIMAL.encode("utf-16-be"), "JM001", (1, 1),
             "NUL byte", "UTF-16"))
    raw = MINIMAL.encode() + b"description: a\x00b\n"
    add(case("nul-byte", raw, "JM001", (MINIMAL.count("\n") + 1, 15), "NUL byte"))

    # --- control characters --------------------------------------------------------------
    text = replaced("title: Small map", "title: Small\x01map", MINIMAL)
    add(case("control-character", text, "JM001", at(text, r"^title", "\x01"),
             "U+0001", "not allowed"))
    text = replaced("title: Small map", "title: Small\x1bmap", MINIMAL)
    add(case("escape-character", text, "JM001", at(text, r"^title", "\x1b"), "U+001B"))

    # --- empty, comment-only, not a mapping ----------------------------------------------
    add(case("empty-file", b"", "JM001", (1, 1), "empty"))
    add(case("whitespace-only", b"  \n\n   \n", "JM001", (1, 1), "empty"))
    add(case("comment-only", b"# just a comment\n# and another\n", "JM001", (1, 1), "empty"))
    add(case("suppression-comment-only", b"# journeyctl: ignore-file[JM201]\n", "JM001",
             (1, 1), "empty"))
    add(case("utf8-bom-only", codecs.BOM_UTF8, "JM001", (1, 1), "empty"))
    add(case("top-level-list", b"- journeyctl: 1\n- id: x\n", "JM002", (1, 1),
             "top level must be a mapping", "not a list"))
    add(case("top-level-scalar", b"just some text\n", "JM002", (1, 1),
             "top level must be a mapping", "single value"))
    add(case("top-level-null", b"---\n~\n", "JM002", (2, 1), "top level must be a mapping"))

    # --- size limit (configured small, to keep the test small) --------------------------
    big = MINIMAL + "description: " + "x" * 1000 + "\n"
    add(case("over-the-size-limit", big, "JM001", (1, 1),
             f"file is {len(big.encode()):,} bytes", "over the limit of 1,000 bytes",
             "max_file_size", config="limits: {max_file_size: 1000}\n"))

    # --- deep nesting, rejected by step 2 before the composer runs ----------------------
    text = flow_nesting(101)  # `deep:` and 100 flow levels
    add(case("flow-nesting-100", text, "JM001", (1, len("deep: ") + 64),
             "deeper than 64 levels", "max_depth"))
    text = nested_mappings(100)
    add(case("block-nesting-100", text, "JM001", at(text, r"^ *k64:"),
             "deeper than 64 levels"))
    # Far deeper than the C composer survives (it overflows its stack near 30,000 levels):
    # step 2 must reject these before the composer runs, or the process dies of SIGSEGV.
    text = "deep: " + "[" * 100_000 + "]" * 100_000 + "\n"
    add(case("flow-nesting-100000", text, "JM001", (1, len("deep: ") + 64),
             "deeper than 64 levels", in_process=False))
    # (the text pre-scan may overestimate by a level here, so only the line is fixed)
    text = "[" * 100_000 + "]" * 100_000 + "\n"
    add(case("top-level-flow-nesting-100000", text, "JM001", (1, None), "deeper than 64 levels",
             in_process=False))
    text = "deep:\n" + "- " * 100_000 + "leaf\n"
    add(case("compact-sequence-nesting-100000", text, "JM001", (2, None),
             "deeper than 64 levels", in_process=False))
    # The same depth written in ways a line-based pre-scan loses track of; where
    # exactly it reports is its choice, so only the line is fixed. At 100 levels nothing
    # crashes when step 2 misses them; at 40,000 the process would.
    for name, text, line in [
        # flow collections after a node property (anchor or tag): `&a [`, `! [`
        ("flow-nesting-after-anchors", "deep: " + "&a [" * 100 + "]" * 100 + "\n", 1),
        ("flow-nesting-after-tags", "deep: " + "! [" * 100 + "]" * 100 + "\n", 1),
        # `]` inside a verbatim tag closes nothing
        # a block scalar under `- key: |` ends where its mapping's indentation resumes
        ("flow-nesting-after-block-scalar-in-sequence",
         "- a: |\n    text\n  deep: " + "[" * 100 + "]" * 100 + "\n", 3),
        # a plain scalar continued on a line that starts with a quote or a bracket
        ("flow-nesting-after-plain-continuation-quote",
         "a: plain\n  'continued\ndeep: " + "[" * 100 + "]" * 100 + "\n", 3),
        ("compact-nesting-after-plain-continuation-bracket",
         "a: plain\n  [continued\ndeep:\n" + "- " * 100 + "leaf\n", 4),
        # `[[` inside a plain scalar opens nothing
        ("compact-nesting-after-brackets-in-plain-text",
         "a: x[[y\ndeep:\n" + "- " * 100 + "leaf\n", 3),
    ]:
        add(case(name, text, "JM001", (line, None), "deeper than 64 levels"))
    text = "deep: " + "&a [" * 40_000 + "]" * 40_000 + "\n"
    add(case("flow-nesting-after-anchors-40000", text, "JM001", (1, None),
             "deeper than 64 levels", in_process=False))
    text = "a: plain\n  [continued\ndeep:\n" + "- " * 40_000 + "leaf\n"
    add(case("compact-nesting-after-plain-continuation-40000", text, "JM001", (4, None),
             "deeper than 64 levels", in_process=False))

    # --- format version --------------------------------------------------------------------
    for value, shown in [("2", "2"), ('"1"', "'1'"), ("true", "True"), ("1.0", "1.0")]:
        text = replaced("journeyctl: 1\n", f"journeyctl: {value}\n", MINIMAL)
        add(case(f"version-{value.strip(chr(34))}", text, "JM002", at(text, r"^journeyctl", value),
                 f"unknown format version {shown}", "journeyctl: 1", "upgrade"))

    # --- odd YAML: directives, several documents, huge numbers ---------------------------
    text = "%YAML 1.1\n---\n" + replaced("journeyctl: 1\n", "journeyctl: 2\n", MINIMAL)
    add(case("yaml-1.1-directive-keeps-positions", text, "JM002", at(text, r"^journeyctl", "2"),
             "unknown format version 2"))
    add(case("yaml-2.0-directive", "%YAML 2.0\n---\n" + MINIMAL, "JM001", (1, 1),
             "incompatible YAML document"))
    text = "---\n" + MINIMAL + "---\n" + MINIMAL
    add(case("two-documents", text, "JM001", (MINIMAL.count("\n") + 2, 1),
             "another document", "single document"))
    text = replaced("id: small\n", f"id: {'a' * 1_000_000}\n", MINIMAL)  # a 1 MB line
    add(case("very-long-line", text, "JM002", at(text, r"^id:", "a"),
             "at most 64 characters", "..."))
    text = MINIMAL + "x-big: " + "9" * 5000 + "\n"
    add(case("huge-integer", text, "JM001", at(text, r"^x-big", "9"),
             "as int", "5000 digits"))

    # --- schema errors (JM002) on a copy of docs/format.md's example --------------------------
    text = replaced("    touchpoints:  ", "    touchpiont:   ")
    add(case("misspelt-key", text, "JM002", at(text, r"^    touchpiont:", "touchpiont"),
             "unknown key 'touchpiont'", "did you mean 'touchpoints'"))
    text = replaced("moment: positive", "moment: postive ")
    add(case("wrong-enum", text, "JM002", at(text, r"moment: postive", "postive"),
             "'positive', 'neutral' or 'negative'", "postive", "did you mean 'positive'"))
    text = replaced("        name: Product demo\n", "")
    add(case("missing-key-in-touchpoint", text, "JM002", at(text, r"- id: demo", "id"),
             "missing required key 'name'", "stages[0].touchpoints[0]"))
    text = replaced("title: ACME Analytics, from first call to renewal    # required\n", "")
    add(case("missing-top-level-key", text, "JM002", at(text, r"^journeyctl:"),
             "missing required key 'title'"))
    text = replaced("emotion: 2\n", "emotion: 3\n")
    add(case("out-of-range", text, "JM002", at(text, r"emotion: 3", "3"),
             "emotion", "less than or equal to 2"))
    text = replaced("date: 2026-09-14", "date: 2026-02-30")
    add(case("impossible-date", text, "JM002", at(text, r"date: 2026-02-30", "2026"),
             "evidence[0].date", "real date written YYYY-MM-DD"))
    text = replaced("participants: 6", "participants: many")
    add(case("wrong-type", text, "JM002", at(text, r"participants: many", "many"),
             "valid integer", "many"))
    text = replaced("persona:\n  name: Priya, RevOps lead\n", "persona:\n  name: ''\n")
    add(case("empty-string", text, "JM002", at(text, r"^  name: ''", "''"),
             "at least 1 character"))

    # --- reference errors (JM003) ----------------------------------------------------------
    text = replaced("owner: sales  ", "owner: sles   ")
    add(case("dangling-owner", text, "JM003", at(text, r"owner: sles", "sles"),
             "touchpoint owner 'sles' is not a team",
             "(known: cs, marketing, onboarding, sales, support)", "did you mean 'sales'"))
    text = replaced("      - id: price-calculator", "      - id: demo")
    add(case("duplicate-id", text, "JM003", at(text, r"^      - id: demo", "demo", nth=2),
             "id 'demo' is already used by the touchpoint 'demo'",
             f"first at line {at(text, r'^      - id: demo')[0]}"))
    text = replaced("{from: marketing, to: sales,", "{from: sales, to: sales,")
    line, column = at(text, r"from: sales, to: sales", "to: sales")
    add(case("handoff-to-itself", text, "JM003", (line, column + len("to: ")),
             "handoff goes from 'sales' to itself", "must be different teams"))
    text = replaced("root_cause: demo ", "root_cause: dmeo ")
    add(case("unknown-root-cause", text, "JM003", at(text, r"root_cause: dmeo", "dmeo"),
             "root_cause 'dmeo' is not a stage or touchpoint", "(known: demo, evaluate)"))
    text = replaced("addresses: [pricing-unclear]", "addresses: [pricing-unknown]")
    add(case("unknown-pain-point", text, "JM003", at(text, r"addresses:", "pricing-unknown"),
             "opportunity addresses 'pricing-unknown' is not a pain point"))
    return cases
# fmt: on


BAD_INPUTS = _cases()


def _odd_but_valid() -> dict[str, bytes]:
    """Files that look unusual and are valid maps: each must load with no diagnostic at all."""
    anything = "{nested: [1, {deep: true}], note: free text}"
    x_keys = EXAMPLE
    for old, new in [
        ("persona:\n", f"x-top: {anything}\npersona:\n  x-persona: 1\n"),
        ("  - {id: sales, name: Sales}", "  - {id: sales, name: Sales, x-slack: '#sales'}"),
        ("    name: Evaluate\n", f"    name: Evaluate\n    x-notes: {anything}\n"),
        ("        name: Product demo\n", "        name: Product demo\n        x-email: a@b\n"),
        ("{method: survey, metric: CSAT}", "{method: survey, metric: CSAT, x-tool: typeform}"),
        ("{name: Trial-to-paid rate,", "{x-id: 7, name: Trial-to-paid rate,"),
        ("note: Demo request form}", "note: Demo request form, x-sla: 1d}"),
        ("        severity: high ", "        x-jira: CX-1\n        severity: high "),
        ("        status: planned ", "        x-quarter: Q3\n        status: planned "),
        ("        participants: 6\n", "        participants: 6\n        x-recording: []\n"),
    ]:
        x_keys = replaced(old, new, x_keys)
    aliases = replaced(
        "    goals: [Prove the tool fits our data stack]",
        "    goals: &fit [Prove the tool fits our data stack]\n    x-again: *fit",
    )
    aliases = replaced("        owner: sales  ", "        owner: &seller sales  ", aliases)
    aliases = replaced("{from: marketing, to: sales,", "{from: marketing, to: *seller,", aliases)
    long_line = replaced(
        "description: Mid-market buyers of the analytics suite.",
        "description: " + "word " * 200_000,  # a 1 MB line
    )
    return {
        "x-keys-everywhere": x_keys.encode(),
        "small-aliases": aliases.encode(),
        "utf8-bom": codecs.BOM_UTF8 + EXAMPLE.encode(),
        "crlf-line-ends": EXAMPLE.replace("\n", "\r\n").encode(),
        "directive-and-end-marker": ("%YAML 1.2\n---\n" + EXAMPLE + "...\n").encode(),
        "very-long-line": long_line.encode(),
        "tabs-inside-values": replaced("summary: Five of six", "summary: Five\tof six").encode(),
        "not-quite-a-date-as-text": replaced("name: Evaluate\n", "name: 2026-02-30\n").encode(),
        "hash-in-values": replaced("name: Evaluate\n", "name: 'Evaluate # 1'\n").encode(),
    }


ODD_BUT_VALID = _odd_but_valid()
