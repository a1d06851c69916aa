"""tools/changelog_data.py: the changelog's Data sections are generated from lc.diff of the release snapshots."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import learning_cities as lc
from conftest import ROOT, load_tool

tool = load_tool("changelog_data")


def test_the_changelog_is_current() -> None:
    assert tool.main(["--check"]) == 0


def test_every_release_has_a_snapshot_of_its_data(net: lc.Network) -> None:
    releases = tool.snapshots()
    assert next(iter(releases)) == "0.1.0"
    text = (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
    for version, path in releases.items():
        snapshot = tool.read_snapshot(path)
        assert f"## {version} (" in text
        assert f"data as of {snapshot.data_as_of.isoformat()})" in text
        assert json.loads(path.read_text(encoding="utf-8"))["format"] == "learning-cities/network"
    assert lc.__version__ in releases or tool._version(lc.__version__) > tool._version(list(releases)[-1])


def test_each_snapshot_is_a_network_document_written_one_record_per_line(net: lc.Network) -> None:
    for path in tool.snapshots().values():
        snapshot = tool.read_snapshot(path)
        assert path.read_text(encoding="utf-8") == tool.snapshot_text(snapshot)
        assert path.read_text(encoding="utf-8").count("\n") > len(snapshot.cities)
        assert {city.id for city in snapshot.cities} <= {city.id for city in net.cities}, "ids are stable"


def test_the_unreleased_block_says_what_changed_since_the_last_release(net: lc.Network) -> None:
    text = (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- data: unreleased -->\n(.*?)<!-- end data -->", text, re.DOTALL)
    assert block is not None
    active = sum(city.is_active for city in net.cities)
    assert f"{len(net.cities)} member records ({active} active)" in block[1]
    last = list(tool.snapshots())[-1]
    changes = lc.diff(tool.read_snapshot(tool.snapshots()[last]), net)
    assert (f"No record changed since {last}" in block[1]) is (not changes)


def _edited(net: lc.Network) -> lc.Network:
    data: dict[str, Any] = lc.unstructure(net)
    data["cities"] = [city for city in data["cities"] if city["id"] != "th-yala"]
    next(city for city in data["cities"] if city["id"] == "th-bangkok")["joined"] = 2023
    return lc.structure(data, lc.Network)


def test_the_blocks_of_an_edited_release(tmp_path: Path, net: lc.Network) -> None:
    (tmp_path / "0.1.0.json").write_text(tool.snapshot_text(_edited(net)), encoding="utf-8")
    (tmp_path / "0.2.0.json").write_text(tool.snapshot_text(net), encoding="utf-8")
    (tmp_path / "0.10.0.json").write_text(tool.snapshot_text(net), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    releases = tool.snapshots(tmp_path)
    assert list(releases) == ["0.1.0", "0.2.0", "0.10.0"]
    blocks = tool.blocks(releases, net)
    assert blocks["0.1.0"].startswith(f"{len(net.cities) - 1} member records")
    assert blocks["0.2.0"].splitlines()[2:] == [
        "Since 0.1.0: 1 member record added, 1 member record changed.",
        "",
        "- member records added (1): `th-yala`",
        "- member records changed (1): `th-bangkok` (joined 2023 → 2024)",
    ]
    assert blocks["0.10.0"].endswith("No record changed since 0.2.0 (data as of 2025-12-04).\n")
    assert blocks["unreleased"].endswith("No record changed since 0.10.0 (data as of 2025-12-04).\n")


def test_a_changelog_is_rewritten_and_its_headings_dated(tmp_path: Path, net: lc.Network) -> None:
    (tmp_path / "0.1.0.json").write_text(tool.snapshot_text(_edited(net)), encoding="utf-8")
    releases = tool.snapshots(tmp_path)
    text = (
        "## Unreleased\n\n<!-- data: unreleased -->\nstale: 3 cities\n<!-- end data -->\n\n"
        "## 0.1.0 (2026-11-30; data as of 1999-01-01)\n\n<!-- data: 0.1.0 -->\n<!-- end data -->\n"
    )
    written = tool.rewrite(text, releases, net)
    assert "stale" not in written
    assert "## 0.1.0 (2026-11-30; data as of 2025-12-04)" in written
    assert "- member records changed (1): `th-bangkok` (joined 2023 → 2024)" in written
    assert tool.rewrite(written, releases, net) == written


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<!-- data: unreleased -->\n<!-- end data -->\n", "release headings"),
        ("## 0.1.0 (2026-11-30; data as of 2025-12-04)\n<!-- data: 0.1.0 -->\n<!-- end data -->\n", "data blocks"),
        (
            "## 0.1.0 (2026-11-30; data as of 2025-12-04)\n<!-- data: unreleased -->\n<!-- end data -->\n"
            "<!-- data: unreleased -->\n<!-- end data -->\n<!-- data: 0.1.0 -->\n<!-- end data -->\n",
            "data blocks",
        ),
    ],
)
def test_a_changelog_without_its_headings_or_blocks_is_refused(
    tmp_path: Path, net: lc.Network, text: str, problem: str
) -> None:
    (tmp_path / "0.1.0.json").write_text(tool.snapshot_text(net), encoding="utf-8")
    with pytest.raises(tool.ChangelogError, match=problem):
        tool.rewrite(text, tool.snapshots(tmp_path), net)


def test_a_release_snapshot_is_never_rewritten(capsys: pytest.CaptureFixture[str]) -> None:
    assert tool.main(["--snapshot", "0.1.0"]) == 1
    assert "exists" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        tool.main(["--snapshot", "latest"])
