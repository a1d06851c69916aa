"""How complete the data is: records held against UNESCO's reported figures.

Every count follows the one meaning of membership in time (see :meth:`Network.members_on`):
active records that no source dates (:attr:`Network.undated`) are shown on a row of their
own, never dropped, so the rows outside the rounds, the active records of the rounds and
the undated add up to the network row, which counts every active record.

>>> import learning_cities as lc
>>> row = lc.coverage()[0]
>>> row.label, row.reported
('2015-2018 (rolling admission)', None)
>>> lc.coverage(lc.load()) == lc.coverage()
True
"""

from __future__ import annotations

from ._coverage import (
    CountryCoverageRow,
    CoverageRow,
    RecencyRow,
    country_coverage_rows,
    coverage_rows,
    recency_rows,
)
from ._packaged import network_or_load
from ._tables import Rows
from .network import Network

__all__ = ["CountryCoverageRow", "CoverageRow", "RecencyRow", "country_coverage", "coverage", "recency"]


def coverage(network: Network | None = None) -> Rows[CoverageRow]:
    """Rows for the members outside the rounds, each round, and the whole network, in that order.

    The first three rows have no reported count: the active records admitted on a rolling
    basis before the first round, those outside every round's list whose join year no
    source gives (but which a source dates, e.g. by an award), and the active records that
    no source dates at all (:attr:`Network.undated`). Each round's row sets the active
    records of its published list against UNESCO's count; the network row sets every
    active record against UNESCO's newest reported total. ``network`` defaults to
    :func:`learning_cities.load`.

    >>> import learning_cities as lc
    >>> rows = lc.coverage()
    >>> [r.label for r in rows[:3]]
    ['2015-2018 (rolling admission)', 'join year unknown', 'undated (no source dates them)']
    >>> [r.year for r in rows if r.year][:4], rows[-1].label
    ([2019, 2020, 2022, 2024], 'network (2025-12-04)')
    >>> rows[2].held == len(lc.load().undated)
    True
    >>> lc.coverage("network")
    Traceback (most recent call last):
    TypeError: network must be a Network, not str: 'network'
    """
    return coverage_rows(network_or_load(network))


def country_coverage(network: Network | None = None) -> Rows[CountryCoverageRow]:
    """One row per country with member cities: most records held first, then by name.

    ``network`` defaults to :func:`learning_cities.load`.

    >>> import learning_cities as lc
    >>> korea = next(r for r in lc.country_coverage() if r.country.code == "KR")
    >>> korea.reported, korea.reported_as_of
    (59, '2025-12-04')
    >>> lc.country_coverage(lc.load) # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: network must be a Network, not function: <function load at 0x...>
    """
    return country_coverage_rows(network_or_load(network))


def recency(network: Network | None = None) -> Rows[RecencyRow]:
    """How recently a dated source showed each active member as a member (:attr:`City.last_confirmed`).

    UIL removes inactive members without naming them, so an old confirmation is weaker
    evidence of membership today than a recent one.

    >>> import learning_cities as lc
    >>> rows = lc.recency()
    >>> [row.label for row in rows]
    ['confirmed 2022 or later', 'confirmed 2019-2021', 'confirmed only before 2019', 'no dated confirmation']
    >>> sum(row.held for row in rows) == sum(city.is_active for city in lc.load().cities)
    True
    """
    return recency_rows(network_or_load(network))
