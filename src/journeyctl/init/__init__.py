"""`journeyctl init` as a library: starter maps drawn from the templates, ready to fill in.

Templates are package data (`journeyctl/templates/*.journey.yaml.in`). Each is a valid,
commented map whose stages rest on an `assumption` only, so that `journeyctl lint` reports
JM201 on every stage until customers are heard; `TEMPLATE_FINDINGS` says which codes each
template reports when fresh, and a test holds the templates to it.

The first line points editors at the JSON Schema by a path relative to the new file: the
nearest `schemas/journey-map.schema.json` in the target's folder or a folder above it. When
there is none, `plan_init` says to write one at the top of the project (the git work tree, or
the target's folder outside one), so the line always resolves.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

TEMPLATES = ("laer", "pimo", "lifecycle", "onboarding")
DEFAULT_TEMPLATE = "lifecycle"
SCHEMA_PATH = Path("schemas") / "journey-map.schema.json"

TEMPLATE_FINDINGS: dict[str, frozenset[str]] = {
    "laer": frozenset({"JM201"}),
    "pimo": frozenset({"JM201", "JM606"}),
    "lifecycle": frozenset({"JM201"}),
    "onboarding": frozenset({"JM201"}),
}
"""The codes `journeyctl lint` reports on a fresh template (its comments announce them)."""

_SLUG = re.compile(r"[^a-z0-9]+")


def template_text(name: str) -> str:
    """A template as shipped, with its placeholders."""
    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r} (known: {', '.join(TEMPLATES)})")
    files = resources.files("journeyctl") / "templates" / f"{name}.journey.yaml.in"
    return files.read_text(encoding="utf-8")


def render(name: str, *, map_id: str, schema: str, today: datetime.date) -> str:
    """A template filled in: the map's id, the schema path and today's date."""
    return (
        template_text(name)
        .replace("__ID__", map_id)
        .replace("__SCHEMA__", schema)
        .replace("__TODAY__", today.isoformat())
    )


def map_id_for(target: Path, template: str) -> str:
    """An id from the file's name (`acme-renewals.journey.yaml` -> `acme-renewals`)."""
    stem = target.name.split(".")[0].lower()
    slug = _SLUG.sub("-", stem).strip("-")[:64].strip("-")
    return slug or f"{template}-journey"


@dataclass(frozen=True)
class InitPlan:
    target: Path
    text: str
    schema_file: Path | None
    """A schema file to write first, when the project has none for the first line to name."""


def default_target(path: Path | None, template: str) -> Path:
    """PATH as given; a folder (or nothing) gets `<template>.journey.yaml` inside it."""
    name = f"{template}.journey.yaml"
    if path is None:
        return Path(name)
    if path.is_dir() or str(path).endswith(("/", os.sep)):
        return path / name
    return path


def plan_init(target: Path, template: str, today: datetime.date) -> InitPlan:
    folder = target.absolute().parent
    found = find_schema(folder)
    schema_file = None
    if found is None:
        found = project_root(folder) / SCHEMA_PATH
        schema_file = found
    relative = Path(os.path.relpath(found, folder)).as_posix()
    text = render(template, map_id=map_id_for(target, template), schema=relative, today=today)
    return InitPlan(target, text, schema_file)


def find_schema(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        path = candidate / SCHEMA_PATH
        if path.is_file():
            return path
    return None


def project_root(folder: Path) -> Path:
    """The git work tree holding `folder`, or `folder` itself outside one."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder
