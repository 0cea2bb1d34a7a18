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

CACHE_FORMAT = 1
"""Bumped when the layout of an entry changes; part of every key."""
NAMED_FILES = ("extend", "baseline")
"""Configuration keys whose value is another file the results depend on."""
SCANNED_KEYS = (*NAMED_FILES, "cache-dir")
MAX_CHAIN = 16
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
    """The configuration file of one folder, by the rule of `journeyctl.config`."""
    yaml_file = folder / ".journeyctl.yaml"
    if yaml_file.is_file():
        return yaml_file
    pyproject = folder / "pyproject.toml"
    try:
        if pyproject.is_file() and b"[tool.journeyctl]" in pyproject.read_bytes():
            return pyproject
    except OSError:
        return None
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
        try:
            raw = current.read_bytes()
        except OSError:
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
        table = tomllib.loads(raw.decode("utf-8")).get("tool", {}).get("journeyctl", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
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
            try:
                parts.append((config.path.parent / baseline).read_bytes())
            except OSError:
                parts.append(b"\0unreadable")
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
