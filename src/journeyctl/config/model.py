"""The configuration file's format as pydantic models, validated like a map.

Unknown keys are errors with the nearest known key; rule codes and names are checked against
the rule registry (with the nearest rule name); the validation codes JM001-JM003 cannot be
ignored or re-graded; each rule's `rules:` entry is a model of that rule's own options, built
from the registry, so that an unknown option or a value of the wrong type is reported at its
line like any other key. The models say nothing about merging or paths: see `discovery`.
"""

from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model
from pydantic_core import PydanticCustomError

from journeyctl.model.elements import Slug, Text

FailOnLevel = Literal["error", "warning", "info", "never"]
SeverityLevel = Literal["error", "warning", "info"]


def _comma_list(value: Any) -> Any:
    """`select: JM201, JM202` as well as `select: [JM201, JM202]`, as on the command line."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def unknown_rule_error(name: str) -> PydanticCustomError:
    from journeyctl.lint.policy import unknown_rule_message

    return PydanticCustomError("unknown_rule", unknown_rule_message(name))


def _lint_rule(name: str) -> str:
    """A rule that a configuration may select, ignore or re-grade: not JM001-JM003."""
    from journeyctl.diagnostics import VALIDATION_CODES
    from journeyctl.lint.registry import lookup

    info = lookup(name)
    if info is None:
        raise unknown_rule_error(name)
    if info.code in VALIDATION_CODES:
        raise PydanticCustomError(
            "validation_code",
            "{code} ({rule}) is a validation error: it always runs, and cannot be selected, "
            "ignored or re-graded",
            {"code": info.code, "rule": info.name},
        )
    return name


RuleName = Annotated[str, AfterValidator(_lint_rule)]
RuleKey = Annotated[str, AfterValidator(lambda name: _known_rule(name))]
RuleList = Annotated[list[RuleName], BeforeValidator(_comma_list)]
Glob = Annotated[str, Field(min_length=1)]
GlobList = Annotated[list[Glob], BeforeValidator(_comma_list)]
PositiveInt = Annotated[int, Field(strict=True, ge=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class TeamEntry(_Strict):
    """A team of the shared registry: the same shape as a map's `teams` entry."""

    id: Slug = Field(description="Team id, referenced by owners and handoffs.")
    name: Text = Field(description="Display name of the team, shown by render and report.")


LIMIT_CAPS = {
    "max_file_size": 100_000_000,
    "max_depth": 1_000,
    "max_alias_nodes": 200_000,
    "max_nodes": 600_000,
    "max_files": 1_000_000,
}
"""How far a configuration may raise each limit: beyond, one input could take gigabytes of
memory or hours. `max_nodes` is the one that bounds memory (about 1.2 KB a node for the
worst valid map, once validated and linted: tests/load/test_memory_bound.py), and it
cannot be raised: the other caps are measured with it."""
MAX_OPTION_VALUE = 1_000_000
"""The largest integer a rule option takes (a day count, a participant count)."""


def _cap(name: str) -> Callable[[int], int]:
    cap = LIMIT_CAPS[name]

    def check(value: int) -> int:
        if value > cap:
            raise PydanticCustomError("limit_cap", f"may be raised to at most {cap:,}")
        return value

    return check


MaxFileSize = Annotated[PositiveInt, AfterValidator(_cap("max_file_size"))]
MaxDepth = Annotated[PositiveInt, AfterValidator(_cap("max_depth"))]
MaxAliasNodes = Annotated[PositiveInt, AfterValidator(_cap("max_alias_nodes"))]
MaxNodes = Annotated[PositiveInt, AfterValidator(_cap("max_nodes"))]
MaxFiles = Annotated[PositiveInt, AfterValidator(_cap("max_files"))]


class LimitsModel(_Strict):
    """Bounds on hostile or huge input (`journeyctl rules JM001`), each capped."""

    max_file_size: MaxFileSize | None = Field(None, description="Bytes (10,000,000).")
    max_depth: MaxDepth | None = Field(None, description="Nesting levels (64).")
    max_alias_nodes: MaxAliasNodes | None = Field(None, description="Alias expansion (10,000).")
    max_nodes: MaxNodes | None = Field(None, description="YAML nodes per file (600,000).")
    max_files: MaxFiles | None = Field(None, description="Files per run (100,000).")


def _known_rule(name: str) -> str:
    from journeyctl.lint.registry import lookup

    if lookup(name) is None:
        raise unknown_rule_error(name)
    return name


@cache
def options_model(code: str) -> type[BaseModel]:
    """The options of one rule as a model: each option typed like its default."""
    from journeyctl.lint.registry import all_rules

    rule = next((r for r in all_rules() if r.code == code), None)
    fields: dict[str, Any] = {}
    for option, default in (rule.options if rule is not None else {}).items():
        if isinstance(default, bool):
            kind: Any = Annotated[bool, Field(strict=True)]
        elif isinstance(default, int):
            kind = Annotated[int, Field(strict=True, ge=0, le=MAX_OPTION_VALUE)]
        else:
            kind = Annotated[type(default), Field(strict=True)]
        fields[option] = (kind | None, None)
    return create_model(f"{code} options", __base__=_Strict, **fields)


@cache
def rules_model(names: tuple[str, ...]) -> type[BaseModel]:
    """A configuration holding only `rules:`, for the rule names a file uses (as written).

    Built per file rather than once for every rule: a model of every rule's options costs
    tens of milliseconds, a cost each run would pay before checking a single map.
    """
    from journeyctl.lint.registry import lookup

    fields: dict[str, Any] = {}
    for name in names:
        info = lookup(name)
        if info is not None:
            fields[name] = (options_model(info.code) | None, None)
    rules: Any = create_model("rules", __base__=_Strict, **fields) | None
    return create_model("Configuration", __base__=_Strict, rules=(rules, None))


class Configuration(_Strict):
    extend: Glob | None = Field(
        None,
        description="Another configuration to start from, relative to this file; this file's "
        "keys replace its keys.",
    )
    include: GlobList | None = Field(None, description="Globs of the files a folder search reads.")
    exclude: GlobList | None = Field(None, description="Globs of files and folders to skip.")
    select: RuleList | None = Field(None, description="Run only these rules (codes or names).")
    ignore: RuleList | None = Field(None, description="Skip these rules (codes or names).")
    fail_on: FailOnLevel | None = Field(
        None, alias="fail-on", description="The lowest severity that fails the run."
    )
    severity: dict[RuleName, SeverityLevel] | None = Field(
        None, description="A severity per rule code or name."
    )
    teams: list[TeamEntry] | None = Field(None, description="The shared team registry.")
    limits: LimitsModel | None = None
    baseline: Glob | None = Field(
        None, description="A baseline file (`--write-baseline`), relative to this file."
    )
    rules: dict[RuleKey, dict[str, Any]] | None = Field(
        None, description="Options per rule code or name (checked by `rules_model`)."
    )
    cache_dir: Glob | None = Field(
        None,
        alias="cache-dir",
        description="The folder of the result cache, relative to this file (default: "
        "`.journeyctl_cache` at the project's root).",
    )


def config_model() -> type[BaseModel]:
    """The configuration file's model; each rule's options are checked by `rules_model`."""
    return Configuration
