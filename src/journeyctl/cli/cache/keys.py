"""What a cached result depends on, found without parsing anything heavy.

A hit must not import pydantic or ruamel.yaml, so the configuration that applies to a file is
found here by the same rule as `journeyctl.config` (the closest `.journeyctl.yaml`, or
`pyproject.toml` with a `[tool.journeyctl]` table, in the file's folder or above, up to the
root of the git work tree) and is never parsed: the key holds the *bytes* of every
configuration file that applies. The files a configuration names (`extend`, `baseline`) and
the `cache-dir` key are read by a scanner that only accepts a key written plainly on one line
(`extend: ../base.yaml`); anything it is unsure of makes the file uncacheable, never a wrong
key. The full run checks the scanner against the real parser before it writes an entry
(`verify_chain`), so an entry exists only for configurations the scanner reads exactly.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from journeyctl import __version__

try:  # the module behind hashlib.blake2b, without the OpenSSL import hashlib pays for
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python implementation
    from hashlib import blake2b

CACHE_FORMAT = 2
"""Bumped when the layout of an entry changes; part of every key."""
NAMED_FILES = ("extend", "baseline")
"""Configuration keys whose value is another file the results depend on."""
SCANNED_KEYS = (*NAMED_FILES, "cache-dir")
MAX_CHAIN = 16
MAX_CONFIG_SIZE = 1_000_000
"""Larger configuration files are not cached (the configuration reads at most as much)."""
_VALUE = r"""(?P<value>'[^'\n]*'|"[^"\\\n]*"|[A-Za-z0-9_./][^#\n]*?)"""
"""A quoted string without escapes, or a plain one that starts like a path (not with a YAML
indicator: `>`, `|`, `&`, `*`, `!`, `[`, `{`, `~`, ...)."""


@dataclass(frozen=True, slots=True)
class ConfigFile:
    path: Path
    """Absolute."""
    raw: bytes
    values: dict[str, str]
    """The scanned keys it sets (`extend`, `baseline`, `cache-dir`), as written."""


Chain = tuple[ConfigFile, ...]
"""The configuration files that apply to a folder: the closest (or `--config`) first, then
every file it extends; empty when none applies."""


def absolute(path: Path | str) -> Path:
    """An absolute path with `..` removed and links kept, as the configuration makes them."""
    return Path(os.path.abspath(path))  # noqa: PTH100 - Path.resolve() would follow links


def blake(*parts: bytes) -> str:
    """A fast hash of length-prefixed parts (so that `ab`+`c` and `a`+`bc` differ)."""
    digest = blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


_code_fingerprint: str | None = None


def code_fingerprint() -> str:
    """journeyctl's version and the size and time of every module of the installed package.

    The version alone would keep serving old results to someone who edits a rule in a
    checkout; stat-ing the hundred-odd files costs about a millisecond.
    """
    global _code_fingerprint
    if _code_fingerprint is None:
        parts = [__version__.encode(), str(CACHE_FORMAT).encode()]
        folders = [str(Path(__file__).resolve().parents[2])]
        while folders:  # os.scandir: its entries carry their stat, and no Path is built
            with os.scandir(folders.pop()) as found:
                for entry in sorted(found, key=lambda e: e.name):
                    if entry.is_dir() and not entry.name.startswith((".", "__")):
                        folders.append(entry.path)
                    elif entry.name.endswith(".py"):
                        info = entry.stat()
                        parts.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}".encode())
        _code_fingerprint = blake(*parts)
    return _code_fingerprint


def config_in(folder: Path) -> Path | None:
    """The configuration file of one folder, by the rule of `journeyctl.config`: a
    `.journeyctl.yaml` of any kind (a FIFO too: the configuration says why it cannot be used),
    or a `pyproject.toml` with a `[tool.journeyctl]` table."""
    yaml_file = folder / ".journeyctl.yaml"
    if yaml_file.exists():
        return yaml_file
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    raw = read_regular(pyproject, MAX_CONFIG_SIZE)
    return pyproject if raw is None or b"[tool.journeyctl" in raw else None


def read_regular(path: Path, max_size: int) -> bytes | None:
    """The bytes of a regular file of at most `max_size` bytes; None for anything else (a
    FIFO, a device, a folder, a larger file, an unreadable one), which is never read: the full
    run reads it again and reports what is wrong."""
    from journeyctl.load.files import FileRefusedError, read_bounded

    try:
        return read_bounded(path, max_size)
    except (OSError, FileRefusedError):
        return None


def closest_config(folder: Path) -> Path | None:
    current = folder
    while True:
        found = config_in(current)
        if found is not None:
            return found
        if (current / ".git").exists() or current.parent == current:
            return None
        current = current.parent


def git_root(folder: Path) -> Path | None:
    current = folder
    while True:
        if (current / ".git").exists():
            return current
        if current.parent == current:
            return None
        current = current.parent


_chains: dict[tuple[Path, Path | None], Chain | None] = {}


def chain_for(folder: Path, explicit: Path | None) -> Chain | None:
    """The configuration files that apply to files in `folder`; None when unsure.

    Remembered per folder for the rest of the process, as the configuration resolver does:
    a run reads each configuration once however many maps a folder holds.
    """
    if (folder, explicit) not in _chains:
        _chains[folder, explicit] = _chain_for(folder, explicit)
    return _chains[folder, explicit]


def _chain_for(folder: Path, explicit: Path | None) -> Chain | None:
    start = absolute(explicit) if explicit is not None else closest_config(folder)
    files: list[ConfigFile] = []
    current = start
    while current is not None:
        if len(files) >= MAX_CHAIN or any(f.path == current for f in files):
            return None  # a loop or a long chain: the real run reports it
        raw = read_regular(current, MAX_CONFIG_SIZE)
        if raw is None:
            return None
        values = scan(current, raw)
        if values is None:
            return None
        files.append(ConfigFile(current, raw, values))
        extend = values.get("extend")
        current = absolute(current.parent / extend) if extend else None
    return tuple(files)


def scan(path: Path, raw: bytes) -> dict[str, str] | None:
    """The values of `extend`, `baseline` and `cache-dir` in one file; None when unsure."""
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        return _scan_toml(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    values: dict[str, str] = {}
    for key in SCANNED_KEYS:
        mentions = text.count(key)
        if not mentions:
            continue
        found = re.findall(
            rf"^{re.escape(key)}:[ \t]+{_VALUE}[ \t]*(?:#[^\n]*)?\r?$", text, re.MULTILINE
        )
        if mentions != 1 or len(found) != 1:
            return None  # a comment, a flow mapping, a second document: do not guess
        value = found[0]
        values[key] = value[1:-1] if value[:1] in ("'", '"') else value
    return values


def _scan_toml(raw: bytes) -> dict[str, str] | None:
    import tomllib

    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    table = tool.get("journeyctl", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        return None
    values: dict[str, str] = {}
    for key in SCANNED_KEYS:
        if key in table:
            if not isinstance(table[key], str):
                return None
            values[key] = table[key]
    return values


def chain_key(chain: Chain) -> str:
    """Everything of the configuration a result can depend on: each file's path and bytes,
    and the bytes of the files they name (a baseline)."""
    parts: list[bytes] = [code_fingerprint().encode()]
    for config in chain:
        parts += [os.fsencode(config.path), config.raw]
        baseline = config.values.get("baseline")
        if baseline:
            found = read_regular(config.path.parent / baseline, 1 << 30)
            parts.append(b"\0unreadable" if found is None else found)
    return blake(*parts)


def verify_chain(chain: Chain) -> bool:
    """Whether the scanner read each YAML configuration of `chain` as the loader does.

    Called only by a full run, where the loader is imported anyway.
    """
    from journeyctl.load import LoadError, load_bytes

    for config in chain:
        if config.path.name == "pyproject.toml" or config.path.suffix == ".toml":
            continue  # tomllib is the real parser
        try:
            data = load_bytes(config.raw).data
        except LoadError:
            return False
        if not isinstance(data, dict):
            return False
        for key in SCANNED_KEYS:
            if data.get(key) != config.values.get(key):
                return False
    return True
