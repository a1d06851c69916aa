from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

import learning_cities as lc

ROOT = Path(__file__).resolve().parent.parent
# The build tools are scripts in tools/ that import their shared helper by name, as they do when run.
sys.path.insert(0, str(ROOT / "tools"))
REFERENCE = ROOT / "reference"


@pytest.fixture(scope="session")
def net() -> lc.Network:
    return lc.load()


def reference_rows(relative: str) -> list[dict[str, str]]:
    with (REFERENCE / relative).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
