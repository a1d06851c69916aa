from __future__ import annotations

import csv
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import learning_cities as lc

ROOT = Path(__file__).resolve().parent.parent
# The build tools are scripts in tools/ that import their shared helper by name, as they do when run.
sys.path.insert(0, str(ROOT / "tools"))
REFERENCE = ROOT / "reference"


@pytest.fixture(scope="session")
def net() -> lc.Network:
    return lc.load()


def load_tool(name: str) -> ModuleType:
    """A fresh import of ``tools/<name>.py``, registered by name as the tools import one another."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def scratch_clone(tmp_path: Path) -> Path:
    """A copy of ``reference/`` and ``tools/`` to change and build; the tools import the installed package."""
    copy = tmp_path / "clone"
    for part in ("reference", "tools"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def reference_rows(relative: str) -> list[dict[str, str]]:
    with (REFERENCE / relative).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def deep_list(depth: int) -> list[Any]:
    """A list nested ``depth`` levels deep (made without recursion), for hostile-input tests."""
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


class BadRepr:
    """An object whose ``repr`` fails: a message quoting it must not."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")
