"""A parsed report, seen as a user sees it: headings, tables, code blocks and text."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from tests.markdown.gfm import GFM, inline_text, walk


@dataclass
class Table:
    heading: str
    """The text of the nearest heading above the table."""
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def column(self, name: str) -> list[str]:
        index = self.header.index(name)
        return [row[index] for row in self.rows]


@dataclass
class Parsed:
    tokens: list[Token]
    headings: list[tuple[int, str]]
    tables: list[Table]
    fences: list[tuple[str, str]]
    """(info, content) of every fenced code block."""
    text: list[str]
    """The text of every inline token (what GitHub's filters read)."""

    def table(self, heading: str) -> Table:
        found = [t for t in self.tables if t.heading == heading]
        assert len(found) == 1, (heading, [t.heading for t in self.tables])
        return found[0]

    def link_targets(self) -> list[str]:
        return [
            str(t.attrs.get("href") or t.attrs.get("src"))
            for t in walk(self.tokens)
            if t.type in {"link_open", "image"}
        ]


def parse(markdown: str) -> Parsed:
    tokens = GFM.parse(markdown)
    headings: list[tuple[int, str]] = []
    tables: list[Table] = []
    fences: list[tuple[str, str]] = []
    text: list[str] = []
    current: Table | None = None
    row: list[str] | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((int(token.tag[1]), inline_text(tokens[index + 1])))
        elif token.type == "fence":
            fences.append((token.info.strip(), token.content))
        elif token.type == "table_open":
            current = Table(headings[-1][1] if headings else "", [])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and current is not None and row is not None:
            if current.header:
                current.rows.append(row)
            else:
                current.header = row
        elif token.type == "table_close" and current is not None:
            tables.append(current)
            current = None
        elif token.type == "inline":
            text.append(inline_text(token))
            if row is not None and current is not None:
                row.append(inline_text(token))
    return Parsed(tokens, headings, tables, fences, text)
