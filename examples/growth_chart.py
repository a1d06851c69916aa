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

The chart is ``learning_cities.charts.growth_chart()``; this script writes it to a file.

Usage::

    pip install 'learning-cities[plot]'
    python examples/growth_chart.py                 # writes examples/output/growth_chart.png
    python examples/growth_chart.py chart.png       # or a file (or a directory) of your choice
    python examples/growth_chart.py --lang th --calendar buddhist   # in Thai, with B.E. years

A Thai chart needs a font with Thai glyphs (Debian, Ubuntu: ``apt-get install
fonts-thai-tlwg``); ``growth_chart`` finds it and draws the Thai text with it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import learning_cities as lc
from learning_cities.charts import after_cohorts, growth_chart, held_per_year

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "output" / "growth_chart.png"


def draw(net: lc.Network, output: Path, language: str = "en", calendar: str = "gregorian") -> Path:
    """Write the chart to ``output`` (a PNG file) and return its path."""
    output.parent.mkdir(parents=True, exist_ok=True)
    growth_chart(net, language=language, calendar=calendar).savefig(output)
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
    parser.add_argument("--lang", choices=("en", "th"), default="en", help="language of the chart's texts")
    parser.add_argument("--calendar", choices=("gregorian", "buddhist"), default="gregorian", help="calendar of years")
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
    print(f"\nwrote {draw(net, output, args.lang, args.calendar)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
