"""`journeyctl rules`: the catalogue as a table, or one rule's page, like `ruff rule X`.

On a terminal the page is rendered as Markdown with rich; otherwise it is printed as plain
text, so that it can be piped and grepped.
"""

from __future__ import annotations

import sys

from journeyctl.cli.console import stdout_console, wants_color
from journeyctl.diagnostics import RuleInfo
from journeyctl.lint.registry import catalogue


def show_catalogue() -> None:
    infos = catalogue()
    if not sys.stdout.isatty():
        for info in infos:
            sys.stdout.write(
                f"{info.code}  {info.name:<34} {info.severity.label:<8} {info.summary}\n"
            )
        return
    from rich.table import Table

    table = Table(title="journeyctl rules", title_justify="left")
    for column in ("code", "name", "severity", "what it checks"):
        table.add_column(column, overflow="fold")
    for info in infos:
        table.add_row(info.code, info.name, info.severity.label, info.summary)
    stdout_console().print(table)


def show_rule(info: RuleInfo) -> None:
    page = info.help_text or f"{info.code} {info.name}: {info.summary}"
    header = f"{page}\n\nDefault severity: {info.severity.label}\n"
    if not sys.stdout.isatty() or not wants_color(sys.stdout):
        sys.stdout.write(header)
        return
    from rich.markdown import Markdown

    title, _, body = page.partition("\n")
    stdout_console().print(
        Markdown(f"# {title}\n{body}\n\n**Default severity:** {info.severity.label}")
    )
