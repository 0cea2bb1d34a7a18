"""A realistic edit of the ACME example, for `render --diff-against`: one of each mark.

- the Expand stage is removed (its Monthly usage report moves to Adopt first);
- the Adopt stage gains a touchpoint (Community forum answer);
- the Implement stage loses a touchpoint (Admin training);
- the Evaluate stage's demo is renamed (Product demo -> Live product demo), and one of its
  goals is replaced by another;
- the price calculator opportunity is now in progress;
- the map's title changes.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.gitrepo import git, init_repo

from .helpers import ROOT

ACME = ROOT / "examples" / "acme-analytics-b2b.journey.yaml"

EXPECTED = {
    ("stage", "expand"): "removed",
    ("touchpoint", "community-forum"): "added",
    ("touchpoint", "admin-training"): "removed",
    ("touchpoint", "usage-report"): "moved",
    ("touchpoint", "demo"): "changed",
    ("stage", "evaluate"): "changed",
    ("opportunity", "price-calculator"): "changed",
    ("map", "acme-analytics-b2b"): "changed",
}
"""Every element the edit marks, with its mark; nothing else is marked."""


def edited_acme() -> str:
    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    data: Any = yaml.load(ACME.read_text("utf-8"))
    data["title"] = "ACME Analytics, from first demo to renewal"
    stages = {stage["id"]: stage for stage in data["stages"]}
    evaluate, implement, adopt, expand = (
        stages[name] for name in ("evaluate", "implement", "adopt", "expand")
    )
    demo = next(tp for tp in evaluate["touchpoints"] if tp["id"] == "demo")
    demo["name"] = "Live product demo"
    evaluate["goals"][1] = "Know the price before the first call"
    evaluate["opportunities"][0]["status"] = "in-progress"
    implement["touchpoints"] = [
        tp for tp in implement["touchpoints"] if tp["id"] != "admin-training"
    ]
    usage = next(tp for tp in expand["touchpoints"] if tp["id"] == "usage-report")
    adopt["touchpoints"].insert(0, usage)
    adopt["touchpoints"].append(
        {
            "id": "community-forum",
            "name": "Community forum answer",
            "channel": "community",
            "owner": "cs",
            "direct": False,
            "moment": "positive",
            "emotion": 1,
        }
    )
    data["stages"] = [stage for stage in data["stages"] if stage["id"] != "expand"]
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def make_repo(root: Path) -> Path:
    """A repository whose `v1` (and `main`'s first commit) has the ACME example at
    `maps/acme.journey.yaml`; a second commit makes the edit. Returns the map's path."""
    maps = root / "maps"
    maps.mkdir(parents=True)
    init_repo(root)
    target = maps / "acme.journey.yaml"
    shutil.copy(ACME, target)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "the example")
    git(root, "tag", "v1")
    target.write_text(edited_acme(), "utf-8")
    git(root, "commit", "-q", "-am", "the edit")
    return target
