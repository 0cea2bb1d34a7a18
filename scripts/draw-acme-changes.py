"""Draw docs/images/acme-changes.png: `journeyctl render --diff-against v1` of the ACME example
after a realistic edit, in a scratch git repository.

The edit is the one the tests check mark by mark (tests/render/diffcase.py), so the picture in
the docs shows what the tests hold. Run by `make images`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.render.diffcase import make_repo  # noqa: E402 (needs ROOT on the path)

TARGET = ROOT / "docs" / "images" / "acme-changes.png"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="journeyctl-changes-") as folder:
        repo = Path(folder)
        journey = make_repo(repo).relative_to(repo)
        argv = ["render", str(journey), "--diff-against", "v1", "-o", str(TARGET)]
        return subprocess.run([sys.executable, "-m", "journeyctl", *argv], cwd=repo).returncode


if __name__ == "__main__":
    sys.exit(main())
