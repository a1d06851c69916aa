"""Thai members answer to their municipal forms (derived in the build from their Thai official
names) and to the standard abbreviation กทม. for กรุงเทพมหานคร."""

from __future__ import annotations

import json
from importlib.resources import files
from types import ModuleType

import pytest

import learning_cities as lc
from conftest import load_tool
from learning_cities._text import normalize

NET = lc.load()
PACKAGED_KEYS = json.loads((files("learning_cities") / "data" / "gnlc.json").read_text(encoding="utf-8"))["name_keys"]
THAI = list(NET.where(country="TH"))


@pytest.fixture(scope="module")
def thai_names() -> ModuleType:
    return load_tool("thai_names")


@pytest.mark.parametrize("query", ["กทม.", "นครขอนแก่น", "นครเชียงราย", "นครยะลา"])
def test_the_forms_a_thai_analyst_types(query: str) -> None:
    expected = {"กทม.": "th-bangkok", "นครขอนแก่น": "th-khon-kaen", "นครเชียงราย": "th-chiang-rai", "นครยะลา": "th-yala"}
    assert NET.city(query).id == expected[query]


@pytest.mark.parametrize("city", THAI, ids=lambda city: city.id)
def test_every_thai_member_answers_to_its_municipal_forms(city: lc.City, thai_names: ModuleType) -> None:
    official = city.official_names["th"]
    forms = thai_names.municipal_forms(official)
    if thai_names.base_name(official) is None:
        assert city.id == "th-bangkok"  # กรุงเทพมหานคร: a local government of its own kind, no prefix to take off
        assert forms == ()
        return
    assert len(forms) == 5
    for form in forms:
        assert NET.city(form) == city, form  # one member, never ambiguous
        assert PACKAGED_KEYS[normalize(form)] == [city.id], form  # in the packaged name index itself


def test_the_forms_are_in_the_packaged_name_index(thai_names: ModuleType) -> None:
    khon_kaen = NET.city("th-khon-kaen")
    assert set(khon_kaen.aliases) >= {"นครขอนแก่น", "เมืองขอนแก่น", "จังหวัดขอนแก่น", "เทศบาลเมืองขอนแก่น"}
    assert "เทศบาลนครขอนแก่น" not in khon_kaen.aliases  # its official name already
    assert thai_names.municipal_forms("จังหวัดระยอง")[3] == "นครระยอง"


def test_the_abbreviation_of_bangkok_has_its_source() -> None:
    bangkok = NET.city("กทม.")
    assert "กทม." in bangkok.aliases
    assert "https://xn--w8juj0cr28rkma.com/learning-thai/thai-abbreviation" in bangkok.sources


def _record(city_id: str, name: str, official: str, aliases: tuple[str, ...] = ()) -> dict[str, object]:
    return {
        "id": city_id,
        "name": name,
        "country": "TH",
        "aliases": list(aliases),
        "local_names": {"th": official.removeprefix("เทศบาลนคร").removeprefix("จังหวัด")},
        "official_names": {"th": official},
    }


def test_the_build_refuses_a_form_another_member_answers_to(thai_names: ModuleType) -> None:
    records = [_record("th-a", "A", "เทศบาลนครขอนแก่น"), _record("th-b", "B", "จังหวัดยะลา", aliases=("นครขอนแก่น",))]
    with pytest.raises(thai_names.NameCollisionError, match=r"'นครขอนแก่น' of th-a .* is a name th-b answers to"):
        thai_names.add_municipal_forms(records)
    twins = [_record("th-a", "A", "เทศบาลนครขอนแก่น"), _record("th-b", "B", "จังหวัดขอนแก่น")]
    with pytest.raises(thai_names.NameCollisionError):
        thai_names.add_municipal_forms(twins)


def test_the_build_adds_the_forms(thai_names: ModuleType) -> None:
    records = [_record("th-a", "A", "เทศบาลนครขอนแก่น"), _record("th-c", "C", "กรุงเทพมหานคร")]
    added = thai_names.add_municipal_forms(records)
    assert added == {"th-a": ("เทศบาลเมืองขอนแก่น", "จังหวัดขอนแก่น", "นครขอนแก่น", "เมืองขอนแก่น"), "th-c": ()}
    assert records[0]["aliases"] == sorted(added["th-a"])


def test_the_build_turns_a_collision_into_a_build_error(monkeypatch: pytest.MonkeyPatch) -> None:
    build_data = load_tool("build_data")

    def collide(records: object) -> None:
        raise build_data.thai_names.NameCollisionError("the form 'x' of th-a is a name th-b answers to")

    monkeypatch.setattr(build_data.thai_names, "add_municipal_forms", collide)
    with pytest.raises(build_data.BuildError, match="the form 'x' of th-a"):
        build_data.build()
