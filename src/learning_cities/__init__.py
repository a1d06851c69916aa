"""learning-cities: the UNESCO Global Network of Learning Cities as typed, sourced data.

>>> import learning_cities as lc
>>> net = lc.load()
>>> net.city("Khon Kaen").joined
2024
>>> lc.load() is net
True
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .coverage import CountryCoverageRow, CoverageRow, country_coverage, coverage
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
    CountryTotal,
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
    "AwardCycle",
    "AwardSchedule",
    "City",
    "Cohort",
    "CohortCorrection",
    "Conference",
    "Country",
    "CountryCoverageRow",
    "CountryTotal",
    "CoverageRow",
    "CriterionResult",
    "DataError",
    "EligibilityReport",
    "LearningCitiesError",
    "MembershipApplication",
    "MembershipChange",
    "MembershipStatus",
    "Network",
    "NetworkTotal",
    "Outcome",
    "Region",
    "StructureError",
    "UnknownAwardError",
    "UnknownCityError",
    "UnknownCohortError",
    "UnknownConferenceError",
    "UnknownCountryError",
    "UnknownRegionError",
    "__version__",
    "award_schedule",
    "check_award_eligibility",
    "check_membership",
    "country_coverage",
    "coverage",
    "from_buddhist_era",
    "from_json",
    "load",
    "structure",
    "to_buddhist_era",
    "to_json",
    "unstructure",
]

if TYPE_CHECKING:
    from .awards import AwardCycle, AwardSchedule, award_schedule
    from .calendars import from_buddhist_era, to_buddhist_era
    from .eligibility import (
        CriterionResult,
        EligibilityReport,
        MembershipApplication,
        Outcome,
        check_award_eligibility,
        check_membership,
    )
    from .serialization import StructureError, from_json, structure, to_json, unstructure

_LAZY: dict[str, str] = {}  # coverage is imported above: a lazy submodule would shadow lc.coverage()
# serialization imports cattrs only when a converter is first needed
_LAZY.update(dict.fromkeys(("StructureError", "from_json", "structure", "to_json", "unstructure"), "serialization"))
_LAZY.update(dict.fromkeys(("AwardCycle", "AwardSchedule", "award_schedule"), "awards"))
_LAZY.update(dict.fromkeys(("from_buddhist_era", "to_buddhist_era"), "calendars"))
_LAZY.update(
    dict.fromkeys(
        (
            "CriterionResult",
            "EligibilityReport",
            "MembershipApplication",
            "Outcome",
            "check_award_eligibility",
            "check_membership",
        ),
        "eligibility",
    )
)


def __getattr__(name: str) -> Any:
    """Import the less used parts of the API on first use, to keep ``import`` cheap."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'learning_cities' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
