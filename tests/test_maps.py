"""Maps: the static world map example (basemap) and the interactive folium map of learning_cities.maps."""

from __future__ import annotations

import collections
import contextlib
import importlib.util
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities import maps

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "world_map.py"

DOCUMENTED = (lc.LearningCitiesError, LookupError, TypeError, ValueError)


def placed_and_unplaced(net: lc.Network) -> tuple[list[lc.City], list[lc.City]]:
    active = [city for city in net.cities if city.is_active]
    return [c for c in active if c.location is not None], [c for c in active if c.location is None]


# -- the static world map (examples/world_map.py) ------------------------------------------


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Run the example once, as a user would, into a temporary folder."""
    pytest.importorskip("mpl_toolkits.basemap", reason="the static map needs basemap and basemap-data")
    folder = tmp_path_factory.mktemp("world_map")
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"},
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return folder, result.stdout


def _image(path: Path) -> tuple[Any, dict[str, Any]]:
    from PIL import Image  # matplotlib's own dependency

    with Image.open(path) as image:
        import numpy

        return numpy.asarray(image.convert("RGB")), dict(image.info)


@pytest.mark.parametrize("name", ["world_map.png", "world_map_rounds.png"])
def test_world_map_is_a_full_size_picture_with_the_right_title(
    drawn: tuple[Path, str], name: str, net: lc.Network
) -> None:
    folder, out = drawn
    path = folder / name
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels, info = _image(path)
    assert pixels.shape == (1375, 1540, 3)
    # not blank: land, water, outlines and markers make many colours and a wide spread
    assert pixels.std() > 20
    assert len({tuple(p) for p in pixels[::7, ::7].reshape(-1, 3)}) > 200
    placed, unplaced = placed_and_unplaced(net)
    active = len(placed) + len(unplaced)
    assert active == len(net.where(status="active"))
    title = f"UNESCO Global Network of Learning Cities: {len(placed)} of {active} active members placed"
    assert info["Title"] == title
    assert f"Data as of {net.data_as_of.isoformat()}" in info["Description"]
    assert f"{len(unplaced)} members are not drawn" in info["Description"]
    assert f"wrote {path}: {title}" in out


def test_world_map_by_region_shows_every_region_colour(drawn: tuple[Path, str]) -> None:
    folder, _out = drawn
    pixels, _info = _image(folder / "world_map.png")
    colours = collections.Counter(tuple(int(v) for v in p) for p in pixels.reshape(-1, 3))
    for region, colour in maps.REGION_COLOURS.items():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert colours[rgb] > 30, f"no {region.value} marker drawn"


def test_world_map_lists_what_it_cannot_place(drawn: tuple[Path, str], net: lc.Network) -> None:
    _folder, out = drawn
    placed, unplaced = placed_and_unplaced(net)
    assert out.startswith(f"{len(placed)} of {len(placed) + len(unplaced)} active members placed; not placed:\n")
    for city in unplaced:
        assert f"  {city.name} ({city.country.name})\n" in out


def test_world_map_example_refuses_a_folder_and_docs_together(tmp_path: Path) -> None:
    pytest.importorskip("mpl_toolkits.basemap")
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), str(tmp_path), "--docs"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 2
    assert "give a folder or --docs, not both" in result.stderr
    assert not list(tmp_path.iterdir())


def test_the_docs_show_the_committed_figures() -> None:
    page = (ROOT / "docs" / "places.md").read_text(encoding="utf-8")
    for name in ("world_map.png", "world_map_rounds.png"):
        assert f"_static/{name}" in page
        assert (ROOT / "docs" / "_static" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def how_placed(city: lc.City) -> str:
    """The linking tool's own notes tell an automatic match from a curated one (tools/link_geonames.py)."""
    if city.location is None:
        return "unplaced"
    if city.place_note.startswith(("only GeoNames place of that name", "most populous of")):
        return "matched_automatically"
    return "curated"


def test_the_docs_coverage_table_is_the_linking_tools_count_and_the_datas(net: lc.Network) -> None:
    meta = json.loads((ROOT / "reference" / "generated" / "places.meta.json").read_text(encoding="utf-8"))
    counts = meta["counts_over_active_members"]
    active = net.where(status="active")
    assert counts == {"active": len(active), **collections.Counter(how_placed(city) for city in active)}
    page = (ROOT / "docs" / "places.md").read_text(encoding="utf-8")
    row = [counts[key] for key in ("active", "matched_automatically", "curated", "unplaced")]
    assert "| " + " | ".join(map(str, row)) + " |" in page
    assert all(city.place_note.startswith("unplaced: ") for city in active if city.location is None)


# -- popups ----------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(fragment: str) -> _Tags:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser


def test_popup_gives_name_country_year_member_since_and_source(net: lc.Network) -> None:
    bangkok = net.city("Bangkok")
    popup = parsed(maps.popup_html(bangkok))
    assert popup.text == [
        "Bangkok",
        " ",
        "กรุงเทพมหานคร",
        "Thailand · Asia and the Pacific",
        "joined 2024",
        "member since 2024-02-14",
        f"source: {popup.tags[-1][1]['href'].split('/')[2].removeprefix('www.')}",  # type: ignore[union-attr]
    ]
    link = popup.tags[-1]
    assert link == ("a", {"href": bangkok.sources[0], "target": "_blank", "rel": "noopener noreferrer"})


def test_popup_of_a_city_without_year_or_date(net: lc.Network) -> None:
    cork = net.city("Cork")
    assert cork.joined is None
    text = parsed(maps.popup_html(attrs.evolve(cork, member_since=None))).text
    assert "joined in a year unknown" in text
    assert "member since: not known" in text


def test_popup_of_a_withdrawn_city(net: lc.Network) -> None:
    gone = net.city("Laâyoune")
    assert not gone.is_active
    text = parsed(maps.popup_html(gone)).text
    assert any(line.startswith("withdrawn") for line in text)
    assert gone.status_changed == 2020
    assert f"withdrawn in {gone.status_changed}" in text


@pytest.mark.parametrize(
    ("sources", "shown"),
    [
        ((), "no source"),
        (("a national paper, 2019",), "source: a national paper, 2019"),
        (("javascript:alert(1)",), "source: javascript:alert(1)"),
        (("https://" + "a" * 3000,), "source: https://" + "a" * 3000),
    ],
)
def test_a_source_that_is_no_web_link_is_text(net: lc.Network, sources: tuple[str, ...], shown: str) -> None:
    popup = parsed(maps.popup_html(attrs.evolve(net.city("Cork"), sources=sources)))
    assert popup.text[-1] == shown
    assert "a" not in [tag for tag, _ in popup.tags]


def test_popup_takes_only_a_city() -> None:
    with pytest.raises(TypeError, match="city"):
        maps.popup_html("Bangkok")  # type: ignore[arg-type]


hostile_text = st.one_of(
    st.text(),
    st.text(alphabet="<>&\"'`\\${}/ scriptonerr=()\u0301\u200b\u2028\n", max_size=60),
    st.sampled_from(["</script><script>alert(1)</script>", "${alert(1)}", "`+alert(1)+`", "\\`", "<!--", "]]>"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=hostile_text, local=hostile_text, source=hostile_text)
def test_popup_text_never_becomes_markup_or_script(name: str, local: str, source: str, net: lc.Network) -> None:
    city = attrs.evolve(net.city("Khon Kaen"), name=name, local_names={"th": local}, sources=(source,))
    fragment = maps.popup_html(city)
    # nothing a JavaScript template literal would read as code, nor a raw tag from the data
    assert not set(fragment) & {"`", "\\", "$"}
    popup = parsed(fragment)
    assert [tag for tag, _ in popup.tags][:2] == ["div", "strong"]
    assert {tag for tag, _ in popup.tags} <= {"div", "strong", "span", "br", "a"}
    text = "".join(popup.text)
    assert name in text
    for tag, attributes in popup.tags:
        if tag == "a":
            assert attributes["href"] == source
            assert source.startswith(("http://", "https://"))


# -- interactive_map ---------------------------------------------------------------------


needs_folium = pytest.mark.skipif(
    importlib.util.find_spec("folium") is None, reason="folium (the 'maps' extra) is not installed"
)


def markers(world: Any) -> list[Any]:
    import folium

    return [child for child in world._children.values() if isinstance(child, folium.Marker)]


@needs_folium
def test_default_map_has_one_marker_per_located_active_member(net: lc.Network) -> None:
    placed, _unplaced = placed_and_unplaced(net)
    world = maps.interactive_map()
    found = markers(world)
    assert len(found) == len(placed)
    where = {tuple(marker.location) for marker in found}
    assert where == {(c.location.latitude, c.location.longitude) for c in placed if c.location is not None}
    page = world.get_root().render()
    assert page.count("L.marker(") == page.count("lc-marker-icon") == len(placed)
    assert "Members placed" in page
    for region, count in collections.Counter(city.region for city in placed).items():
        assert f"{region.value}: {count}\\u003c" in page  # the legend, in a JSON string


@needs_folium
def test_map_of_a_query_uses_its_network_and_skips_the_unplaced(net: lc.Network) -> None:
    cameroon = net.where(country="CM")  # Bikok, Hina and Mayo-Baléo are not placed
    located = [city for city in cameroon if city.location is not None]
    assert 0 < len(located) < len(cameroon)
    world = maps.interactive_map(cameroon)
    assert len(markers(world)) == len(located)
    page = world.get_root().render()
    for city in cameroon:
        assert (f'data-city-id=\\"{city.id}\\"' in page) is (city.location is not None)


@needs_folium
def test_map_from_names_repeats_and_cities(net: lc.Network) -> None:
    world = maps.interactive_map(["Bangkok", "กรุงเทพมหานคร", net.city("Bangkok"), "Khon Kaen"], network=net)
    assert len(markers(world)) == 2


@needs_folium
def test_map_of_a_network_given_is_its_active_members(net: lc.Network) -> None:
    placed, _unplaced = placed_and_unplaced(net)
    assert len(markers(maps.interactive_map(network=net))) == len(placed)


@needs_folium
def test_map_of_no_city_is_an_empty_world() -> None:
    world = maps.interactive_map([])
    assert markers(world) == []
    assert "fitBounds" not in world.get_root().render()


@needs_folium
def test_one_city_is_not_zoomed_in_past_town_level() -> None:
    page = maps.interactive_map(["Khon Kaen"]).get_root().render()
    assert '"maxZoom": 9' in page


@needs_folium
@pytest.mark.parametrize(
    ("cities", "network", "error", "message"),
    [
        ("Bangkok", None, TypeError, r"not one str: 'Bangkok' \(for one city, pass a list: \['Bangkok'\]\)"),
        (b"Bangkok", None, TypeError, "not one bytes"),
        (42, None, TypeError, "iterable of City records or names, not int: 42"),
        ({"Bangkok": 1}, None, TypeError, "not dict"),
        ([["Bangkok"]], None, TypeError, r"hold City records or names, not list: \['Bangkok'\]"),
        ([None], None, TypeError, "not NoneType"),
        (["Bangkokk"], None, lc.UnknownCityError, "Bangkok"),
        (None, "the network", TypeError, "network"),
    ],
)
def test_bad_input_is_a_clear_error(cities: Any, network: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        maps.interactive_map(cities, network)


def test_without_folium_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "folium", None)
    with pytest.raises(ImportError, match=r"pip install 'learning-cities\[maps\]'") as caught:
        maps.interactive_map(["Bangkok"])
    assert caught.value.name == "folium"


def test_importing_the_package_or_maps_does_not_import_folium() -> None:
    code = (
        "import sys, learning_cities, learning_cities.maps as m; "
        "print('folium' in sys.modules, sorted(dir(m)) == sorted(m.__all__))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.split() == ["False", "True"]


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.lists(st.one_of(st.text(max_size=12), st.integers(), st.none(), st.lists(st.text(max_size=3))), max_size=4),
    st.lists(st.sampled_from(["Bangkok", "Cork", "ขอนแก่น", "Kourion", "Seoul"]), max_size=4),
    st.builds(lambda n: "x" * n, st.integers(min_value=10_000, max_value=200_000)),
    st.builds(lambda n: 10**n, st.integers(min_value=20, max_value=5000)),
)


@needs_folium
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cities=anything.filter(lambda value: value is not None))  # None, the whole network: tested above
def test_any_cities_argument_answers_or_raises_a_documented_error(cities: object) -> None:
    with contextlib.suppress(*DOCUMENTED):
        world = maps.interactive_map(cities)  # type: ignore[arg-type]
        assert len(markers(world)) <= 5


@needs_folium
@settings(max_examples=50, deadline=None)
@given(network=anything)
def test_any_network_argument_answers_or_raises_a_documented_error(network: object) -> None:
    with contextlib.suppress(*DOCUMENTED):
        maps.interactive_map(["Bangkok"], network)  # type: ignore[arg-type]
        assert network is None


def test_colours_are_distinct_and_cover_every_region() -> None:
    assert set(maps.REGION_COLOURS) == set(lc.Region)
    assert len(set(maps.REGION_COLOURS.values())) == len(lc.Region)
    with pytest.raises(TypeError):
        maps.REGION_COLOURS[lc.Region.AFRICA] = "#000000"  # type: ignore[index]
