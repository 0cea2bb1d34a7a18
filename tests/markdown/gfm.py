"""A GitHub-like Markdown parser for tests, and GitHub's own patterns for what it links.

markdown-it-py with GFM tables, strikethrough and autolinks of URLs and e-mail addresses
(linkify-it without its fuzzy bare-domain links, which GitHub does not make either). GitHub
finds mentions and issue references in the text of the rendered page, so the patterns below
run on the text tokens, as GitHub's filters do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from journeyctl.markdown import WORD_JOINER

MENTION = re.compile(r"(?:^|\W)@[a-z0-9]", re.IGNORECASE)
ISSUE_REFERENCE = re.compile(r"#\d|\bgh-\d", re.IGNORECASE)
WWW_AUTOLINK = re.compile(r"\bwww\.", re.IGNORECASE)
HTML_TOKENS = {"html_inline", "html_block"}


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
    md.linkify.set({"fuzzy_link": False})
    return md


GFM = parser()


def walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def inline_text(token: Token) -> str:
    """The text an inline token renders to (code spans included), as GitHub's filters see it."""
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
    return "".join(parts)


def unsafe_tokens(tokens: list[Token]) -> list[str]:
    """Every HTML, link or image token: none may come from map text."""
    return [
        token.type
        for token in walk(tokens)
        if token.type in HTML_TOKENS or token.type in {"link_open", "image"}
    ]


def github_would_link(text: str) -> list[str]:
    """What GitHub would turn into a mention, an issue link or a www autolink in `text`."""
    found = []
    for pattern in (MENTION, ISSUE_REFERENCE, WWW_AUTOLINK):
        found += [match.group() for match in pattern.finditer(text)]
    return found


def without_joiners(text: str) -> str:
    return text.replace(WORD_JOINER, "")
