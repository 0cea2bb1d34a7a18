"""`journeyctl init`: a commented starter map from a template."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from journeyctl.cli.app import app, usage_error


class Template(StrEnum):
    """The starter maps (package data in journeyctl/templates)."""

    laer = "laer"
    pimo = "pimo"
    lifecycle = "lifecycle"
    onboarding = "onboarding"


@app.command(short_help="Start a new map from a commented template.")
def init(
    path: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional here
        typer.Argument(
            help="The file to write, or a folder to write TEMPLATE.journey.yaml in. "
            "Default: TEMPLATE.journey.yaml here.",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Template,
        typer.Option(
            "--template",
            "-t",
            help="laer: the supplier's view (land, adopt, expand, renew); pimo: the "
            "customer's (plan, implement, monitor, optimize); lifecycle: awareness to "
            "advocacy with both; onboarding: a map focused on onboarding.",
        ),
    ] = Template.lifecycle,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
) -> None:
    """Write a commented, valid starter map that teaches the format.

    Each stage rests on an assumption only, so `journeyctl lint` reports JM201 on every
    stage until customers are heard: fill the map in from what they tell you. The first line
    points editors at the JSON Schema; when the project has no schemas/journey-map.schema.json
    in the file's folder or above, one is written at the top of the project (the git work
    tree).

    Example: journeyctl init maps/renewals.journey.yaml --template laer
    """
    import datetime
    import os

    from journeyctl.init import default_target, plan_init

    target = default_target(path, template.value)
    if target.exists() and not force:
        usage_error(f"{target}: already exists (use --force to overwrite it)")
    if target.exists() and target.is_dir():
        usage_error(f"{target}: is a folder")
    if not target.absolute().parent.is_dir():
        usage_error(f"{target.parent}: no such folder")
    plan = plan_init(target, template.value, datetime.date.today())
    try:
        if plan.schema_file is not None:
            from journeyctl.model.schema import schema_text

            plan.schema_file.parent.mkdir(parents=True, exist_ok=True)
            plan.schema_file.write_text(schema_text(), encoding="utf-8")
            shown = os.path.relpath(plan.schema_file)
            sys.stderr.write(f"wrote {shown} (the schema the map's first line names)\n")
        target.write_text(plan.text, encoding="utf-8")
    except OSError as exc:
        usage_error(f"{exc.filename or target}: {exc.strerror or exc}")
    sys.stderr.write(
        f"wrote {target} from the {template.value} template; `journeyctl lint {target}` "
        "lists what to fill in (JM201 on every stage until customers are heard)\n"
    )
    if not target.name.endswith((".journey.yaml", ".journey.yml")):
        sys.stderr.write(
            "journeyctl: warning: folders are searched for *.journey.yaml and *.journey.yml; "
            f"lint finds {target.name} only when it is named on the command line\n"
        )
