"""Markdown reports of checked maps: one map (`map_report`), or many with an index and a
coverage matrix (`index_report`). Pure functions from `CheckResult`s to text; the `report`
command reads the maps and writes the files.
"""

from __future__ import annotations

from journeyctl.report.index import MapSummary, combined_report, index_report, summarize
from journeyctl.report.single import ReportOptions, map_report, map_title

__all__ = [
    "MapSummary",
    "ReportOptions",
    "combined_report",
    "index_report",
    "map_report",
    "map_title",
    "summarize",
]
