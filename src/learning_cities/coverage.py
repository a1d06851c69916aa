"""How complete the data is: records held against UNESCO's reported figures.

>>> import learning_cities as lc
>>> row = lc.coverage(lc.load())[0]
>>> row.label, row.reported
('2015-2018 (rolling admission)', None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .model import City
    from .network import Network

__all__ = ["CoverageRow", "country_coverage", "coverage"]


@attrs.frozen
class CoverageRow:
    """One line of the coverage table: ``held`` active records against ``reported``."""

    label: str
    year: int | None
    held: int
    reported: int | None
    held_countries: int
    reported_countries: int | None

    @property
    def missing(self) -> int | None:
        """Cities UNESCO reported that we do not hold (``None`` where unreported)."""
        return None if self.reported is None else self.reported - self.held

    @property
    def share(self) -> float | None:
        """``held / reported`` (``None`` where unreported)."""
        return None if not self.reported else self.held / self.reported


def coverage(network: Network) -> tuple[CoverageRow, ...]:
    """Rows for the early members, each cohort, and the whole network, in that order.

    Members admitted before the first cohort, and those whose join year is unknown, have
    no reported count; the network row sets every active record against UNESCO's newest
    reported total.
    """
    first = min(c.year for c in network.cohorts)
    outside = [c for c in network.cities if c.is_active and not c.cohorts]
    early = [c for c in outside if c.joined is not None and c.joined < first]
    undated = [c for c in outside if c.joined is None]
    rows = [
        CoverageRow(f"2015-{first - 1} (rolling admission)", None, len(early), None, _countries(early), None),
        CoverageRow("join year unknown", None, len(undated), None, _countries(undated), None),
    ]
    for cohort in network.cohorts:
        rows.append(
            CoverageRow(
                label=str(cohort.year),
                year=cohort.year,
                held=cohort.held,
                reported=cohort.reported_cities,
                held_countries=cohort.held_countries,
                reported_countries=cohort.reported_countries,
            )
        )
    total = network.reported_total
    active = [c for c in network.cities if c.is_active]
    rows.append(
        CoverageRow(
            label=f"network ({total.date.isoformat() if total.date else total.as_of})",
            year=None,
            held=len(active),
            reported=total.cities,
            held_countries=_countries(active),
            reported_countries=total.countries,
        )
    )
    return tuple(rows)


def _countries(cities: list[City]) -> int:
    return len({city.country.code for city in cities})


def country_coverage(network: Network) -> dict[str, int]:
    """Active member records held per country code, largest first (then by code)."""
    counts: dict[str, int] = {}
    for city in network.cities:
        if city.is_active:
            counts[city.country.code] = counts.get(city.country.code, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
