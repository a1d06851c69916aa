"""learning-cities: the UNESCO Global Network of Learning Cities as typed, sourced data.

>>> import learning_cities as lc
>>> net = lc.load()
>>> net.city("Khon Kaen").joined
2024
>>> lc.load() is net
True
"""

from __future__ import annotations

import threading

from ._version import __version__
from .coverage import CoverageRow, country_coverage, coverage
from .errors import (
    AmbiguousCityError,
    DataError,
    LearningCitiesError,
    UnknownAwardError,
    UnknownCityError,
    UnknownCohortError,
    UnknownConferenceError,
    UnknownCountryError,
    UnknownRegionError,
)
from .model import (
    Award,
    City,
    Cohort,
    CohortCorrection,
    Conference,
    Country,
    MembershipChange,
    MembershipStatus,
    NetworkTotal,
    Region,
)
from .network import ANY, Network

__all__ = [
    "ANY",
    "AmbiguousCityError",
    "Award",
    "City",
    "Cohort",
    "CohortCorrection",
    "Conference",
    "Country",
    "CoverageRow",
    "DataError",
    "LearningCitiesError",
    "MembershipChange",
    "MembershipStatus",
    "Network",
    "NetworkTotal",
    "Region",
    "UnknownAwardError",
    "UnknownCityError",
    "UnknownCohortError",
    "UnknownConferenceError",
    "UnknownCountryError",
    "UnknownRegionError",
    "__version__",
    "country_coverage",
    "coverage",
    "load",
]

_lock = threading.Lock()
_network: Network | None = None


def load() -> Network:
    """The packaged :class:`Network`, read on the first call and cached.

    Every call returns the same object; concurrent first calls from many threads read
    the data once. A malformed data file raises :class:`DataError`.
    """
    global _network
    network = _network
    if network is None:
        with _lock:
            network = _network
            if network is None:
                from . import _load

                network = _network = Network(**_load.parse(_load.read_text()))
    return network
