"""Which element a finding is about, by ids rather than list positions, and its fingerprint.

A fingerprint survives edits that do not touch the finding: lines inserted above, stages
reordered, another `--today`. It hashes the rule's code, the element's identity (the ids on
its path: `stages/kickoff/touchpoints/kickoff-call`; entries without an id by their natural
key: evidence by source and date, handoffs by from and to, metrics by name) and the finding's
`detail`, never its message or line. SARIF's `partialFingerprints`, the JSON output, `diff`'s
introduced/resolved findings and the baseline all use it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from journeyctl.load.sourcemap import PathKey

_NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "evidence": ("source", "date"),
    "handoffs": ("from", "to"),
    "metrics": ("name",),
}


def element_identity(data: Any, path: PathKey) -> str:
    """The path with every list index replaced by the id (or natural key) of its element."""
    parts: list[str] = []
    node = data
    parent_key = ""
    for step in path:
        if isinstance(step, int):
            element = node[step] if isinstance(node, list) and step < len(node) else None
            parts.append(_element_name(element, parent_key, step))
            node = element
        else:
            parts.append(step)
            parent_key = step
            node = node.get(step) if isinstance(node, dict) else None
    return "/".join(parts)


def _element_name(element: Any, list_key: str, index: int) -> str:
    if isinstance(element, dict):
        if isinstance(element.get("id"), str):
            return str(element["id"])
        natural = _NATURAL_KEYS.get(list_key)
        if natural and all(key in element for key in natural):
            return "@".join(str(element[key]) for key in natural)
    return f"#{index}"


def fingerprint(code: str, identity: str, detail: str = "") -> str:
    """A short, stable hash: 16 hex digits are plenty to tell one map's findings apart."""
    digest = hashlib.sha256(f"{code}\0{identity}\0{detail}".encode()).hexdigest()
    return digest[:16]
