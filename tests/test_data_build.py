"""The packaged data is exactly what tools/build_data.py makes of reference/."""

from __future__ import annotations

import filecmp
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import REFERENCE, ROOT
from learning_cities import _load

SHARED = ROOT.parent / "shared" / "reference"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "tools" / "build_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_data"] = module
    spec.loader.exec_module(module)
    return module


def test_packaged_data_matches_the_build_script() -> None:
    build = _build_module()
    packaged = _load.read_text()  # the installed package's file, wherever it is installed
    assert packaged == build.render(build.build()), "run: python tools/build_data.py"


def test_build_refuses_an_unknown_country(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build_module()
    countries = build.Countries(build._rows(REFERENCE / "curated" / "countries.csv"))
    with pytest.raises(build.BuildError, match="Atlantis"):
        countries.code_of("Atlantis", "test")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reference is not beside this clone")
def test_vendored_reference_is_the_shared_one() -> None:
    names = sorted(p.name for p in SHARED.iterdir() if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(SHARED, REFERENCE / "upstream", names, shallow=False)
    assert (mismatch, errors) == ([], []), "copy ../shared/reference/* to reference/upstream/ and rebuild"


def test_slugs_are_ascii() -> None:
    build = _build_module()
    assert build.slug("Sønderborg") == "sonderborg"
    assert build.slug("Câmara de Lobos") == "camara-de-lobos"
    assert build.slug("Sa Đéc") == "sa-dec"
