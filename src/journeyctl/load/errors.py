"""The failure every loading step raises: a message and where in the file it applies."""

from __future__ import annotations

from journeyctl.diagnostics import FILE_START, YAML_SYNTAX, Span


class LoadError(Exception):
    """A content problem that stops loading; it becomes one JM001 (or JM002) diagnostic."""

    def __init__(
        self, message: str, span: Span = FILE_START, kind: tuple[str, str] = YAML_SYNTAX
    ) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.kind = kind
