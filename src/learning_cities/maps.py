# mypy: disable-error-code="unused-ignore"
# (the ignores below are needed with folium installed, or without it: each is unused in the other case)
"""Members on an interactive map, for notebooks (the ``maps`` extra: ``pip install 'learning-cities[maps]'``).

:func:`interactive_map` returns a ``folium`` map (Leaflet) with one marker per located
city, coloured by UNESCO region, each with a popup that names the city, its country, the year
it joined and links to its first source. folium is imported only when a map is made: the rest
of the package never needs it. A city without a known location gets no marker (never a
guessed one).

>>> import learning_cities as lc
>>> from learning_cities import maps
>>> thai = lc.load().where(country="TH")
>>> world = maps.interactive_map(thai)
>>> type(world).__name__, world.get_root().render().count("L.marker(")
('Map', 13)
>>> maps.REGION_COLOURS[lc.Region.ASIA_PACIFIC]
'#d55e00'
"""

from __future__ import annotations

import html
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ._checks import require_instance
from ._repr import shown
from .model import City, Region

if TYPE_CHECKING:
    import folium

    from .network import Network

__all__ = ["REGION_COLOURS", "interactive_map", "popup_html"]

#: A colour per UNESCO region (from Okabe and Ito's palette, which colour-blind readers can
#: tell apart), shared by the interactive map and the example's static world map.
REGION_COLOURS: Mapping[Region, str] = types.MappingProxyType(
    {
        Region.AFRICA: "#e69f00",
        Region.ARAB_STATES: "#009e73",
        Region.ASIA_PACIFIC: "#d55e00",
        Region.EUROPE_NORTH_AMERICA: "#0072b2",
        Region.LATIN_AMERICA_CARIBBEAN: "#cc79a7",
    }
)

# folium puts popup and tooltip HTML inside JavaScript template literals (`...`): besides
# HTML's own characters, a backtick, a backslash or "${" there would be read as code. As
# character references they are only text.
_SCRIPT_SAFE = str.maketrans({"`": "&#96;", "\\": "&#92;", "$": "&#36;"})

#: Markers: a round dot in the region's colour (no image to fetch, so it works offline too).
_DOT = (
    '<span class="lc-marker" data-city-id="{id}" style="display:block;width:12px;height:12px;'
    "border-radius:50%;background:{colour};border:1.5px solid #ffffff;box-shadow:0 0 2px rgba(0,0,0,0.7);"
    'box-sizing:border-box"></span>'
)


def _text(value: object) -> str:
    """``value`` as HTML text that is also inert inside a JavaScript template literal."""
    return html.escape(str(value), quote=True).translate(_SCRIPT_SAFE)


def _source_html(source: str) -> str:
    parts = urlsplit(source) if len(source) <= 2000 else None
    if parts is not None and parts.scheme in ("http", "https") and parts.hostname:
        site = parts.hostname.removeprefix("www.")
        return f'<a href="{_text(source)}" target="_blank" rel="noopener noreferrer">source: {_text(site)}</a>'
    return f"source: {_text(source)}"  # a plain citation, or anything that is not a web link


def popup_html(city: City) -> str:
    """The HTML of a city's popup: name, country, year joined, member since and its first source.

    Every value is escaped, so the text of a record can never become markup or code.

    >>> import learning_cities as lc
    >>> for line in popup_html(lc.load().city("Khon Kaen")).split("<br>"):
    ...     print(line)
    <div class="lc-popup"><strong>Khon Kaen</strong> <span lang="th">ขอนแก่น</span>
    Thailand · Asia and the Pacific
    joined 2024
    member since 2024-02-14
    <a href="http://www.center4mediarts.com/..." target="_blank" rel="noopener noreferrer">source: ...</a></div>
    >>> "joined in a year unknown" in popup_html(lc.load().city("Cork"))
    True
    """
    require_instance("city", city, City)
    local = next(iter(city.local_names.items()), None)
    name = f"<strong>{_text(city.name)}</strong>"
    if local is not None and local[1] != city.name:
        name += f' <span lang="{_text(local[0])}">{_text(local[1])}</span>'
    joined = "joined in a year unknown" if city.joined is None else f"joined {city.joined}"
    since = "member since: not known" if city.member_since is None else f"member since {city.member_since.isoformat()}"
    lines = [name, f"{_text(city.country.name)} · {_text(city.region.value)}", joined, since]
    if not city.is_active:
        left = "" if city.status_changed is None else f" in {city.status_changed}"
        lines.append(f"withdrawn{left}")
    lines.append(_source_html(city.sources[0]) if city.sources else "no source")
    return '<div class="lc-popup">' + "<br>".join(lines) + "</div>"


def _legend_html(counts: Mapping[Region, int]) -> str:
    rows = "".join(
        f'<div><span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
        f'background:{REGION_COLOURS[region]};margin-right:6px"></span>{_text(region.value)}: {count}</div>'
        for region, count in counts.items()
        if count
    )
    return (
        '<div class="lc-legend" style="background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;'
        f'font:12px/1.5 sans-serif;box-shadow:0 0 4px rgba(0,0,0,0.3)"><strong>Members placed</strong>{rows}</div>'
    )


def _cities(cities: object, network: Network | None) -> list[City]:
    if isinstance(cities, (str, bytes, bytearray)):
        raise TypeError(
            f"cities must be an iterable of City records or names, not one {type(cities).__name__}: "
            f"{shown(cities)} (for one city, pass a list: [{shown(cities)}])"
        )
    if isinstance(cities, Mapping) or not isinstance(cities, Iterable):
        raise TypeError(
            f"cities must be an iterable of City records or names, not {type(cities).__name__}: {shown(cities)}"
        )
    found: list[City] = []
    seen: set[str] = set()
    for item in cities:
        if isinstance(item, str):
            if network is None:
                from ._packaged import load

                network = load()
            item = network.resolve(item)
        elif not isinstance(item, City):
            raise TypeError(f"cities must hold City records or names, not {type(item).__name__}: {shown(item)}")
        if item.location is not None and item.id not in seen:
            seen.add(item.id)
            found.append(item)
    return found


def interactive_map(cities: Iterable[City | str] | None = None, network: Network | None = None) -> folium.Map:
    """A ``folium`` map with one marker per located city, coloured by UNESCO region.

    ``cities``: City records or names (looked up in ``network``), for example a query's
    :class:`~learning_cities.Cities`; by default every active member of ``network`` (default:
    the packaged one). Cities without a location, and repeats, get no marker. Each marker's
    popup is :func:`popup_html`; its tooltip is the city's name. The map opens on the markers,
    over OpenStreetMap tiles (which a browser fetches when the map is shown), with a legend.
    Display it in a notebook, or ``.save("map.html")``.

    Needs folium (``pip install 'learning-cities[maps]'``): without it, an :class:`ImportError`
    names that extra.

    >>> import learning_cities as lc
    >>> placed = [c for c in lc.load().where(status="active") if c.location is not None]
    >>> interactive_map().get_root().render().count("L.marker(") == len(placed)
    True
    >>> three = interactive_map(["Bangkok", "Khon Kaen", "Kourion"])  # no source places Kourion
    >>> three.get_root().render().count("L.marker(")
    2
    >>> three.save("map.html")  # doctest: +SKIP
    """
    if network is not None:
        from .network import Network

        require_instance("network", network, Network)
    if cities is None:
        if network is None:
            from ._packaged import load

            network = load()
        chosen = _cities((city for city in network.cities if city.is_active), network)
    else:
        chosen = _cities(cities, network if network is not None else getattr(cities, "network", None))
    try:
        import folium
        from branca.element import MacroElement
        from jinja2 import Template
    except ImportError as error:
        raise ImportError(
            "interactive_map needs folium, an optional extra: pip install 'learning-cities[maps]'", name="folium"
        ) from error

    world = folium.Map(location=(20.0, 10.0), zoom_start=2, min_zoom=1, tiles="OpenStreetMap", control_scale=True)
    counts = dict.fromkeys(Region, 0)
    points = []
    for city in chosen:
        assert city.location is not None  # _cities keeps located cities only
        counts[city.region] += 1
        points.append((city.location.latitude, city.location.longitude))
        dot = _DOT.format(id=_text(city.id), colour=REGION_COLOURS[city.region])
        folium.Marker(
            location=points[-1],
            icon=folium.DivIcon(html=dot, icon_size=(12, 12), icon_anchor=(6, 6), class_name="lc-marker-icon"),
            popup=folium.Popup(popup_html(city), max_width=320),
            tooltip=folium.Tooltip(_text(city.name)),
        ).add_to(world)
    if points:
        latitudes, longitudes = zip(*points, strict=True)
        world.fit_bounds([(min(latitudes), min(longitudes)), (max(latitudes), max(longitudes))], max_zoom=9)

    class Legend(MacroElement):  # type: ignore[misc]  # (MacroElement is Any where folium is not installed)
        """The colours' meaning, in a corner of the map (a Leaflet control)."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "(function () { var legend = L.control({position: 'bottomleft'});"
            " legend.onAdd = function () { var div = L.DomUtil.create('div');"
            " div.innerHTML = {{ this.legend_html|tojson }}; return div; };"
            " legend.addTo({{ this._parent.get_name() }}); })();"
            "{% endmacro %}"
        )

        def __init__(self, legend_html: str) -> None:
            super().__init__()  # type: ignore[no-untyped-call]  # (branca's __init__ is unannotated)
            self._name = "Legend"
            self.legend_html = legend_html

    Legend(_legend_html(counts)).add_to(world)
    return world


def __dir__() -> list[str]:
    return sorted(__all__)
