"""Step 1: bytes to text, strictly, before any YAML parser sees the input."""

from __future__ import annotations

import codecs

from journeyctl.diagnostics import Span
from journeyctl.load.errors import LoadError
from journeyctl.load.files import too_large

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(data: bytes, max_size: int) -> str:
    """Return the text of a UTF-8 file (a UTF-8 BOM is dropped) or raise LoadError."""
    if len(data) > max_size:
        raise LoadError(too_large(len(data), max_size))
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise LoadError(f"file is encoded as {name}; journey maps must be UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"file is not valid UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue "
            "a character",
            _position_of_byte(data, exc.start),
        ) from None
    if "\x00" in text:
        # NUL is valid UTF-8 but no YAML stream may carry it; it usually means UTF-16 without BOM.
        raise LoadError(
            "file contains a NUL byte; it is probably UTF-16 or binary, not UTF-8 text",
            _position_of_byte(data, data.index(b"\x00")),
        )
    return text


def _position_of_byte(data: bytes, offset: int) -> Span:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Span.point(line, column)
