"""Growth of the Global Network of Learning Cities, year by year, as a PNG chart.

Two kinds of numbers, drawn so they cannot be mistaken for each other:

- the member records this package holds, counted with ``net.members_on`` at each year end
  (a city counts from its cohort's announcement, or from the end of its join year; cities
  with no known year at all are not counted), and
- UNESCO's own reported network totals: every exact, dated total a source gave
  (``net.network_totals``), and the size after each admission round
  (``Cohort.network_cities_after``).

The gap between them is the part of the network no source we have read names.

Usage::

    pip install 'learning-cities[plot]'
    python examples/growth_chart.py                 # writes examples/output/growth_chart.png
    python examples/growth_chart.py chart.png       # or a file (or a directory) of your choice
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from matplotlib.figure import Figure

import learning_cities as lc

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "output" / "growth_chart.png"


def held_per_year(net: lc.Network) -> list[tuple[dt.date, int]]:
    """Member records known to be members on 31 December of each year, up to the data date."""
    first = min(year for city in net.cities if (year := city.earliest_known_year) is not None)
    days = [dt.date(year, 12, 31) for year in range(first, net.data_as_of.year + 1)]
    return [(day, len(net.members_on(day))) for day in days]


def reported_totals(net: lc.Network) -> list[tuple[dt.date, int]]:
    """UNESCO's exact network totals that carry a full date, by date."""
    return sorted((t.date, t.cities) for t in net.network_totals if t.date is not None and t.cities is not None)


def after_cohorts(net: lc.Network) -> list[tuple[int, dt.date, int]]:
    """(cohort year, announcement date, network size UNESCO gave after the round)."""
    return [(c.year, c.announced_on, c.network_cities_after) for c in net.cohorts if c.network_cities_after is not None]


def draw(net: lc.Network, output: Path) -> Path:
    held = held_per_year(net)
    reported = reported_totals(net)
    cohorts = after_cohorts(net)

    figure = Figure(figsize=(10, 6), dpi=120, layout="constrained")
    axes = figure.add_subplot()
    axes.plot(
        [day for day, _ in held],
        [count for _, count in held],
        marker="s",
        markersize=5,
        color="#1f77b4",
        linewidth=2.5,
        label="member records this package holds (net.members_on, on 31 December)",
    )
    for day, count in held:
        axes.annotate(
            str(count),
            (day, count),
            textcoords="offset points",
            xytext=(6, -8),
            ha="left",
            va="center",
            fontsize=8,
            color="#1f77b4",
        )
    axes.plot(
        [day for day, _ in reported],
        [count for _, count in reported],
        linestyle="none",
        marker="o",
        markersize=5,
        color="#d62728",
        alpha=0.7,
        label="network size reported by UNESCO or its partners (exact, dated)",
    )
    axes.plot(
        [day for _, day, _ in cohorts],
        [count for _, _, count in cohorts],
        linestyle="none",
        marker="D",
        markersize=8,
        markerfacecolor="none",
        markeredgewidth=2,
        color="#d62728",
        label="network size UNESCO gave after an admission round",
    )
    for year, day, count in cohorts:
        axes.annotate(
            f"{count} after the {year} round",
            (day, count),
            textcoords="offset points",
            xytext=(-8, 8),
            ha="right",
            fontsize=8,
            color="#d62728",
        )

    total = net.reported_total
    axes.set_title("UNESCO Global Network of Learning Cities: records held vs. UNESCO's reported size")
    axes.set_xlabel("year")
    axes.set_ylabel("member cities")
    axes.set_ylim(0, max(count for _, count in [*held, *reported]) * 1.12)
    axes.grid(True, alpha=0.3)
    axes.legend(loc="upper left", fontsize=9)
    axes.text(
        0.99,
        0.02,
        f"Data as of {net.data_as_of.isoformat()} (learning-cities {lc.__version__}). Reported sizes fall "
        f"between rounds because UIL removes inactive members.\nNewest reported total: {total.cities} cities in "
        f"{total.countries} countries ({total.as_of}); held: {held[-1][1]} records.\n"
        "The gap is members that no source we have read names.",
        transform=axes.transAxes,
        ha="right",
        va="bottom",
        fontsize=8,
        color="#444444",
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output)
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
    print("year end    held  (records known to be members)")
    for day, count in held_per_year(net):
        print(f"{day.isoformat()}  {count:4d}")
    print("\nUNESCO's network size after each round:")
    for year, day, count in after_cohorts(net):
        print(f"{year} (announced {day.isoformat()}): {count}")
    print(f"\nwrote {draw(net, output)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
