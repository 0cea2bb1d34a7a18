"""The three validation codes, documented like rules so that `journeyctl rules JM001` works.

They are errors at every `--fail-on` but `never`, and no configuration can hide or re-grade
them: a map that is not valid cannot be linted, rendered or diffed.
"""

from __future__ import annotations

from journeyctl.diagnostics import RuleInfo, Severity

_YAML_SYNTAX = """JM001 yaml-syntax: the file is not safe, well-formed YAML.

## What it does
Reports a file that cannot be read as one plain YAML document: bytes that are not UTF-8
(UTF-16 and UTF-32 included), syntax errors, tabs used for indentation, duplicate keys (at the
second one, naming the first one's line), YAML tags (`!!python/object`, any custom `!tag`),
merge keys (`<<`), aliases that expand beyond the node budget, more YAML nodes than
`max_nodes`, nesting deeper than the depth limit, a file over the size limit (refused by its
size, unread), a path that is not a regular file (a FIFO, a device, a socket, a directory:
refused unread), a byte order mark in the middle of the file, and an empty file (blank,
comments or `...` only).

## Why is this bad?
A journey map is read by people and by CI. YAML that a parser reads differently from a person
(a duplicate key silently keeps one value) or that asks a loader to build objects is a risk,
not a map. journeyctl never constructs anything from a tag: it reports it.

## Limits
Configurable under `limits` in `.journeyctl.yaml`: `max_file_size` (10,000,000 bytes; at
most 100,000,000), `max_depth` (64; at most 1,000), `max_alias_nodes` (10,000; at most
200,000), `max_nodes` (600,000 keys, values, lists and mappings per file, a node deeper than
32 levels counting once more per 32 levels; at most 600,000), `max_files` (100,000 per run;
at most 1,000,000). A configuration file itself may have at most 1,000,000 bytes. The caps
keep every file under 1 GB of memory.
"""

_SCHEMA = """JM002 schema: the map does not follow the format.

## What it does
Reports a top level that is not a mapping, an unknown format version (`journeyctl: 2`), an
unknown key (with the nearest known key: `touchpiont` -> did you mean `touchpoints`?), a
missing required key (at the first key of the mapping that lacks it), and a value of the wrong
type or outside its range or vocabulary (at the value). Keys starting with `x-` are the
team's own and always allowed.

## Why is this bad?
A misspelt key is a silently lost fact: a `touchpiont` list is not a touchpoint anyone will
see. The format is in docs/format.md; `journeyctl schema` gives editors the same checks.
"""

_REFERENCE = """JM003 reference: an id is reused or a reference does not resolve.

## What it does
Reports an id used twice among stages, touchpoints, pain points and opportunities (at the
second one), a team declared twice, and a reference that names nothing: an `owner`, handoff
`from`/`to` or opportunity `owner` that is not a team (of the map or of the configuration's
`teams`), a handoff `via` or pain point `touchpoint` that is not a touchpoint, a `root_cause`
that is neither a stage nor a touchpoint, an opportunity that `addresses` an unknown pain
point, and a handoff from a team to itself.

## Why is this bad?
One id names one thing, so that a diff can follow it between versions; a dangling owner means
nobody is accountable for that touchpoint, whatever the map says.
"""

VALIDATION_RULES = (
    RuleInfo("JM001", "yaml-syntax", Severity.ERROR,
             "The file is not safe, well-formed YAML.", _YAML_SYNTAX),
    RuleInfo("JM002", "schema", Severity.ERROR,
             "The map does not follow the format.", _SCHEMA),
    RuleInfo("JM003", "reference", Severity.ERROR,
             "An id is reused or a reference does not resolve.", _REFERENCE),
)  # fmt: skip
