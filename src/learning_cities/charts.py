"""Charts of the network with matplotlib (the ``plot`` extra): ``growth_chart()`` is one call.

:func:`growth_chart` draws two kinds of numbers so they cannot be mistaken for each other:
bars for the member records this package holds on 31 December of each year
(:meth:`~learning_cities.Network.members_on`; the members no source dates are stacked on the
last bar), markers for UNESCO's own reported network sizes on the day they were reported.
The gap between them is the part of the network no source we have read names.

Its texts follow :func:`~learning_cities.set_display` (or its ``language`` and ``calendar``
arguments): in Thai, with Buddhist Era years, it draws its Thai glyphs with a Thai font found
on the system (:func:`thai_font`; on Debian or Ubuntu ``apt-get install fonts-thai-tlwg``),
after the default font, so Latin text keeps its usual look.

>>> import learning_cities as lc
>>> from learning_cities.charts import growth_chart
>>> chart = growth_chart(lc.load())
>>> chart.axes[0].get_title()
"UNESCO Global Network of Learning Cities: members held vs. UNESCO's reported size"
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import TYPE_CHECKING, Any, Final

from ._checks import BUDDHIST_ERA_OFFSET
from ._i18n import N_
from ._packaged import network_or_load
from ._version import __version__
from .display_options import set_display, show_as_of, show_date, show_year, text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .network import Network

__all__ = ["THAI_FONTS", "after_cohorts", "growth_chart", "held_per_year", "reported_totals", "thai_font"]

#: Font families with Thai glyphs, in the order :func:`thai_font` prefers them: TLWG's (Debian's
#: ``fonts-thai-tlwg``), Google's Noto, then those of Windows and macOS.
THAI_FONTS = (
    "Loma",
    "Garuda",
    "Norasi",
    "Kinnari",
    "Sawasdee",
    "Tlwg Typo",
    "Noto Sans Thai",
    "Noto Sans Thai UI",
    "Noto Serif Thai",
    "Sarabun",
    "Leelawadee UI",
    "Tahoma",
    "Thonburi",
)
#: The chart's texts, marked for the catalog's extraction (drawn through
#: :func:`~learning_cities.display_options.text`).
_MESSAGES: Final[tuple[str, ...]] = (
    N_("UNESCO Global Network of Learning Cities: members held vs. UNESCO's reported size"),
    N_("Members this package holds, at the end of each year"),
    N_("Members held that no source dates (members today, in no earlier year)"),
    N_("Network size reported by UNESCO or its partners, on the day reported"),
    N_("Network size UNESCO gave after an admission round"),
    N_("{count} after the {year} round"),
    N_("year (bars: members on 31 December; markers: on the day reported)"),
    N_("year, B.E. (bars: members on 31 December; markers: on the day reported)"),
    N_("+{undated} members held that no source dates: members today, in no earlier year."),
    N_("No exact reported size is held; held: {held} members."),
    N_("Newest reported size: {cities} cities in {countries} countries ({as_of}); held: {held} members."),
    N_("Reported sizes fall between rounds because UNESCO removes inactive members; the gap is"),
    N_("members that no source we have read names. Data as of {date} (learning-cities {version})."),
)
HELD = "#1f77b4"
REPORTED = "#d62728"
_THAI_KO_KAI = 0x0E01  # ก: a font that has it draws Thai


def _matplotlib() -> Any:
    try:
        import matplotlib
        from matplotlib import font_manager
    except ImportError as error:
        raise ImportError(
            "learning_cities.charts needs matplotlib, an optional extra: pip install 'learning-cities[plot]'",
            name="matplotlib",
        ) from error
    return matplotlib, font_manager


def _draws_thai(path: str) -> bool:
    from matplotlib import ft2font

    try:
        return _THAI_KO_KAI in ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):  # a font file FreeType cannot read
        return False


def thai_font() -> str | None:
    """The family name of a font with Thai glyphs that matplotlib can use, or ``None``.

    The families of :data:`THAI_FONTS` first; then any system font with Thai glyphs (one
    installed after matplotlib made its font cache is added to it).
    """
    _, font_manager = _matplotlib()
    manager = font_manager.fontManager
    known = {entry.name: entry.fname for entry in manager.ttflist}
    for family in THAI_FONTS:
        if family in known and _draws_thai(known[family]):
            return family
    for path in sorted(font_manager.findSystemFonts()):
        if path not in {entry.fname for entry in manager.ttflist} and _draws_thai(path):
            manager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    return None


def held_per_year(network: Network | None = None) -> list[tuple[int, dt.date, int]]:
    """``(year, day, members)``: the records known to be members on 31 December of each year.

    Up to the data's own year: a member whose source dates it only by its year (member in
    2025) counts from 31 December of that year.

    >>> import learning_cities as lc
    >>> held_per_year(lc.load())[0][:2]
    (2015, datetime.date(2015, 12, 31))
    """
    net = network_or_load(network)
    first = min(city.member_since for city in net.cities if city.member_since is not None).year
    days = [(year, dt.date(year, 12, 31)) for year in range(first, net.data_as_of.year + 1)]
    return [(year, day, len(net.members_on(day))) for year, day in days]


def reported_totals(network: Network | None = None) -> list[tuple[dt.date, int]]:
    """UNESCO's exact network totals that carry a full date, by date."""
    net = network_or_load(network)
    return sorted((t.date, t.cities) for t in net.network_totals if t.date is not None and t.cities is not None)


def after_cohorts(network: Network | None = None) -> list[tuple[int, dt.date, int]]:
    """``(round year, announcement date, network size UNESCO gave after the round)``."""
    net = network_or_load(network)
    return [(c.year, c.announced_on, c.network_cities_after) for c in net.cohorts if c.network_cities_after is not None]


def _position(day: dt.date) -> float:
    """``day`` on the chart's axis: the year ``Y`` spans ``Y - 0.5`` to ``Y + 0.5``, centred on its label."""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year - 0.5 + (day - start).days / length


def growth_chart(network: Network | None = None, *, language: str | None = None, calendar: str | None = None) -> Figure:
    """The growth of the network as a matplotlib ``Figure`` (an image in a notebook).

    ``language`` (``"en"``, ``"th"``) and ``calendar`` (``"gregorian"``, ``"buddhist"``)
    default to the display's (:func:`~learning_cities.set_display`). A Thai chart draws with
    :func:`thai_font`; without one, it warns how to install one.
    """
    matplotlib, _ = _matplotlib()
    from matplotlib.figure import Figure

    net = network_or_load(network)
    with set_display(calendar=calendar, language=language) as options:
        families: list[str] = list(matplotlib.rcParams["font.family"])
        if options.language == "th":
            thai = thai_font()
            if thai is None:
                warnings.warn(
                    "no font with Thai glyphs found: install one (Debian, Ubuntu: apt-get install fonts-thai-tlwg; "
                    "or Noto Sans Thai), or draw the chart with language='en'",
                    UserWarning,
                    stacklevel=2,
                )
            else:
                families.append(thai)
        with matplotlib.rc_context({"font.family": families}):
            chart = Figure(figsize=(10, 6), dpi=120, layout="constrained")
            _draw(chart, net, buddhist=options.calendar == "buddhist")
    return chart


def _draw(chart: Figure, net: Network, *, buddhist: bool) -> None:
    held = held_per_year(net)
    reported = reported_totals(net)
    cohorts = after_cohorts(net)
    undated = len(net.undated)
    axes = chart.add_subplot()
    years = [year for year, _, _ in held]
    axes.bar(
        years,
        [count for _, _, count in held],
        width=0.8,
        color=HELD,
        alpha=0.35,
        edgecolor=HELD,
        label=text("Members this package holds, at the end of each year"),
    )
    last_year, _, last_count = held[-1]
    if undated:
        axes.bar(
            [last_year],
            [undated],
            bottom=[last_count],
            width=0.8,
            color="white",
            edgecolor=HELD,
            hatch="///",
            label=text("Members held that no source dates (members today, in no earlier year)"),
        )
    for year, _, count in held:
        label = f"{count} + {undated}" if year == last_year and undated else str(count)
        top = count + undated if year == last_year else count
        axes.annotate(
            label, (year, top), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=8, color=HELD
        )
    axes.plot(
        [_position(day) for day, _ in reported],
        [count for _, count in reported],
        linestyle="none",
        marker="o",
        markersize=5,
        color=REPORTED,
        alpha=0.7,
        label=text("Network size reported by UNESCO or its partners, on the day reported"),
    )
    axes.plot(
        [_position(day) for _, day, _ in cohorts],
        [count for _, _, count in cohorts],
        linestyle="none",
        marker="D",
        markersize=8,
        markerfacecolor="none",
        markeredgewidth=2,
        color=REPORTED,
        label=text("Network size UNESCO gave after an admission round"),
    )
    for year, day, count in cohorts:
        axes.annotate(
            text("{count} after the {year} round").format(count=count, year=show_year(year)),
            (_position(day), count),
            textcoords="offset points",
            xytext=(-8, 8),
            ha="right",
            fontsize=8,
            color=REPORTED,
        )
    total = net.reported_total
    axes.set_title(text("UNESCO Global Network of Learning Cities: members held vs. UNESCO's reported size"))
    axes.set_xticks(years, [str(year + BUDDHIST_ERA_OFFSET if buddhist else year) for year in years])
    axes.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    axes.set_xlabel(
        text("year, B.E. (bars: members on 31 December; markers: on the day reported)")
        if buddhist
        else text("year (bars: members on 31 December; markers: on the day reported)")
    )
    axes.set_ylabel(text("Member cities"))
    axes.set_ylim(0, max([count for *_, count in held] + [count for _, count in reported]) * 1.18)
    axes.grid(True, axis="y", alpha=0.3)
    from matplotlib.container import BarContainer

    handles, labels = axes.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: not isinstance(handles[i], BarContainer))  # bars first
    axes.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper left", fontsize=9)
    note = [
        text("+{undated} members held that no source dates: members today, in no earlier year.").format(
            undated=undated
        ),
        text("No exact reported size is held; held: {held} members.").format(held=held[-1][2] + undated)
        if total is None
        else text(
            "Newest reported size: {cities} cities in {countries} countries ({as_of}); held: {held} members."
        ).format(
            cities=total.cities,
            countries=total.countries,
            as_of=show_as_of(total.as_of),
            held=held[-1][2] + undated,
        ),
        text("Reported sizes fall between rounds because UNESCO removes inactive members; the gap is"),
        text("members that no source we have read names. Data as of {date} (learning-cities {version}).").format(
            date=show_date(net.data_as_of), version=__version__
        ),
    ]
    axes.text(
        0.01,
        0.76,
        "\n".join(note),
        transform=axes.transAxes,
        ha="left",
        va="top",
        fontsize=8,
        color="#444444",
        bbox={"facecolor": "white", "edgecolor": "#cccccc", "alpha": 0.9},
    )
