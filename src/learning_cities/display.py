"""HTML for notebooks: every record, result and report shows as a small table.

Jupyter calls ``_repr_html_``. A record draws its own table from its fields through the
generic tables of ``learning_cities._tables`` (re-exported here); the views here add
what only a network knows, such as a country's member cities.

>>> import learning_cities as lc
>>> html = lc.load().city("Khon Kaen")._repr_html_()
>>> html.startswith("<table") and "ขอนแก่น" in html and "2024-02-14" in html
True
>>> "13 active of 13 held" in country_html(lc.load().country("TH"), lc.load())
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from ._tables import MAX_ROWS, Rows, fields_table, table

if TYPE_CHECKING:
    from .cohorts import Cohort
    from .conferences import Award, Conference
    from .model import City, Country

__all__ = [
    "MAX_ROWS",
    "Holder",
    "Rows",
    "award_html",
    "city_html",
    "cohort_html",
    "conference_html",
    "country_html",
    "fields_table",
    "table",
]


class Holder(Protocol):
    """What a view asks of the network that holds a record (a :class:`~learning_cities.Network` has it)."""

    def where(self, *, country: Country) -> Sequence[City]:
        """The cities of ``country`` that the network holds."""


def city_html(city: City) -> str:
    """A city's facts, with its sources as links."""
    return city._repr_html_()


def country_html(country: Country, network: Holder | None = None) -> str:
    """A country's names and, given the ``network`` that holds it, its member cities there."""
    if network is None:
        return country._repr_html_()
    names = "; ".join(f"{name} ({tag})" for tag, name in country.names.items())
    cities = network.where(country=country)
    return fields_table(
        f"{country.name} ({country.code}, {country.alpha3})",
        [
            ("region", country.region),
            ("names", names or "none"),
            ("also called", country.aliases or "none"),
            ("member cities", f"{sum(c.is_active for c in cities)} active of {len(cities)} held"),
        ],
    )


def cohort_html(cohort: Cohort) -> str:
    """A cohort's figures beside the records held, then its cities."""
    return cohort._repr_html_()


def award_html(award: Award) -> str:
    """An award edition and its laureates."""
    return award._repr_html_()


def conference_html(conference: Conference) -> str:
    """A conference's dates, place and theme."""
    return conference._repr_html_()
