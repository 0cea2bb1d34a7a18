"""A map in the formats other tools read: Mermaid for GitHub, JSON for scripts, text for git.

Pure functions from a `CheckResult` (or its parts) to text; the `export` command writes them.
"""

from __future__ import annotations

from journeyctl.export.json import map_json
from journeyctl.export.mermaid import journey_diagram, mermaid_text
from journeyctl.export.text import file_text, map_text

FORMATS = ("mermaid", "json", "text")

__all__ = ["FORMATS", "file_text", "journey_diagram", "map_json", "map_text", "mermaid_text"]
