"""Growth of the Global Network of Learning Cities, year by year, as a PNG chart.

Two kinds of numbers, drawn so they cannot be mistaken for each other:

- bars: the member records this package holds, counted with ``net.members_on`` on 31
  December of each year, each bar on its own year; members
  that no source dates (``net.undated``) cannot be counted on any past day, so a note gives
  their number instead;
- markers: UNESCO's own reported network sizes, on the day they were reported: every exact,
  dated total a source gave (``net.network_totals``), and the size after each admission
  round (``Cohort.network_cities_after``).

The gap between them is the part of the network no source we have read names.

Usage::

    pip install 'learning-cities[plot]'
    python examples/growth_chart.py                 # writes examples/output/growth_chart.png
    python examples/growth_chart.py chart.png       # or a file (or a directory) of your choice

In a notebook, ``figure(lc.load())`` returns the chart as a matplotlib ``Figure``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from matplotlib.figure import Figure

import learning_cities as lc

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "output" / "growth_chart.png"
HELD = "#1f77b4"
REPORTED = "#d62728"


def held_per_year(net: lc.Network) -> list[tuple[int, dt.date, int]]:
    """``(year, day, members)``: records known to be members on 31 December of each year.

    Up to the data's own year: a member whose source dates it only by its year (member in
    2025) counts from 31 December of that year.
    """
    first = min(city.member_since for city in net.cities if city.member_since is not None).year
    days = [(year, dt.date(year, 12, 31)) for year in range(first, net.data_as_of.year + 1)]
    return [(year, day, len(net.members_on(day))) for year, day in days]


def reported_totals(net: lc.Network) -> list[tuple[dt.date, int]]:
    """UNESCO's exact network totals that carry a full date, by date."""
    return sorted((t.date, t.cities) for t in net.network_totals if t.date is not None and t.cities is not None)


def after_cohorts(net: lc.Network) -> list[tuple[int, dt.date, int]]:
    """(round year, announcement date, network size UNESCO gave after the round)."""
    return [(c.year, c.announced_on, c.network_cities_after) for c in net.cohorts if c.network_cities_after is not None]


def _position(day: dt.date) -> float:
    """``day`` on the chart's axis: the year ``Y`` spans ``Y - 0.5`` to ``Y + 0.5``, centred on its label."""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year - 0.5 + (day - start).days / length


def figure(net: lc.Network) -> Figure:
    """The chart as a matplotlib ``Figure`` (displayed as an image in a notebook)."""
    held = held_per_year(net)
    reported = reported_totals(net)
    cohorts = after_cohorts(net)
    undated = len(net.undated)

    chart = Figure(figsize=(10, 6), dpi=120, layout="constrained")
    axes = chart.add_subplot()
    years = [year for year, _, _ in held]
    axes.bar(
        years,
        [count for _, _, count in held],
        width=0.8,
        color=HELD,
        alpha=0.35,
        edgecolor=HELD,
        label="Members this package holds, at the end of each year",
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
            label="Members held that no source dates (members today, in no earlier year)",
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
        label="Network size reported by UNESCO or its partners, on the day reported",
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
        label="Network size UNESCO gave after an admission round",
    )
    for year, day, count in cohorts:
        axes.annotate(
            f"{count} after the {year} round",
            (_position(day), count),
            textcoords="offset points",
            xytext=(-8, 8),
            ha="right",
            fontsize=8,
            color=REPORTED,
        )

    total = net.reported_total
    axes.set_title("UNESCO Global Network of Learning Cities: members held vs. UNESCO's reported size")
    axes.set_xticks(years, [str(year) for year in years])
    axes.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    axes.set_xlabel("year (bars: members on 31 December; markers: on the day reported)")
    axes.set_ylabel("member cities")
    axes.set_ylim(0, max(count for *_, count in [*held, *reported]) * 1.18)
    axes.grid(True, axis="y", alpha=0.3)
    handles, labels = axes.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: not labels[i].startswith("Members"))  # bars first
    axes.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper left", fontsize=9)
    axes.text(
        0.01,
        0.76,
        f"+{undated} members held that no source dates: members today, in no earlier year.\n"
        f"Newest reported size: {total.cities} cities in {total.countries} countries ({total.as_of}); "
        f"held: {held[-1][2] + undated} members.\n"
        "Reported sizes fall between rounds because UNESCO removes inactive members; the gap is\n"
        f"members that no source we have read names. Data as of {net.data_as_of.isoformat()} "
        f"(learning-cities {lc.__version__}).",
        transform=axes.transAxes,
        ha="left",
        va="top",
        fontsize=8,
        color="#444444",
        bbox={"facecolor": "white", "edgecolor": "#cccccc", "alpha": 0.9},
    )
    return chart


def draw(net: lc.Network, output: Path) -> Path:
    """Write the chart to ``output`` (a PNG file) and return its path."""
    output.parent.mkdir(parents=True, exist_ok=True)
    figure(net).savefig(output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"PNG file or directory (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args(argv)
    output: Path = args.output
    if output.is_dir() or not output.suffix:
        output = output / DEFAULT_OUTPUT.name

    net = lc.load()
    print("year  on          held  (records known to be members)")
    for year, day, count in held_per_year(net):
        print(f"{year}  {day.isoformat()}  {count:4d}")
    print(f"+{len(net.undated)} members that no source dates (members today, in no year above)")
    print("\nUNESCO's network size after each round:")
    for year, day, count in after_cohorts(net):
        print(f"{year} (announced {day.isoformat()}): {count}")
    print(f"\nwrote {draw(net, output)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
