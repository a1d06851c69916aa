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
from typing import TYPE_CHECKING, Any

from ._packaged import load
from ._version import __version__
from .cities import Cities
from .errors import (
    AmbiguousCityError,
    BuddhistEraError,
    DataError,
    LearningCitiesError,
    UnknownAwardError,
    UnknownCityError,
    UnknownCohortError,
    UnknownConferenceError,
    UnknownCountryError,
    UnknownRegionError,
)
from .model import City, CityKind, Country, Location, MembershipStatus, Population, Region
from .network import ANY, Network
from .places import distance_km

__all__ = [
    "ANY",
    "AmbiguousCityError",
    "Award",
    "AwardCycle",
    "AwardSchedule",
    "BuddhistEraError",
    "Change",
    "ChangeKind",
    "Changes",
    "Cities",
    "City",
    "CityKind",
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
    "Location",
    "MembershipApplication",
    "MembershipChange",
    "MembershipStatus",
    "Network",
    "NetworkTotal",
    "Outcome",
    "Population",
    "RecencyRow",
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
    "diff",
    "distance_km",
    "from_buddhist_era",
    "from_json",
    "get_display",
    "load",
    "recency",
    "set_display",
    "structure",
    "to_buddhist_era",
    "to_json",
    "unstructure",
]

if TYPE_CHECKING:
    from .awards import AwardCycle, AwardSchedule, award_schedule
    from .calendars import from_buddhist_era, to_buddhist_era
    from .changes import Change, ChangeKind, Changes, diff
    from .cohorts import Cohort, CohortCorrection, CountryTotal, MembershipChange, NetworkTotal
    from .completeness import CountryCoverageRow, CoverageRow, RecencyRow, country_coverage, coverage, recency
    from .conferences import Award, Conference
    from .display_options import get_display, set_display
    from .document import from_json, structure, to_json, unstructure
    from .eligibility import (
        CriterionResult,
        EligibilityReport,
        MembershipApplication,
        Outcome,
        check_award_eligibility,
        check_membership,
    )
    from .serialization import StructureError

_LAZY = dict.fromkeys(
    ("CountryCoverageRow", "CoverageRow", "RecencyRow", "country_coverage", "coverage", "recency"), "completeness"
)
# serialization imports cattrs only when a converter is first needed; document takes a
# Network as one document and hands every other record to serialization
_LAZY["StructureError"] = "serialization"
_LAZY.update(dict.fromkeys(("from_json", "structure", "to_json", "unstructure"), "document"))
_LAZY.update(dict.fromkeys(("Change", "ChangeKind", "Changes", "diff"), "changes"))
_LAZY.update(dict.fromkeys(("AwardCycle", "AwardSchedule", "award_schedule"), "awards"))
_LAZY.update(dict.fromkeys(("from_buddhist_era", "to_buddhist_era"), "calendars"))
_LAZY.update(dict.fromkeys(("get_display", "set_display"), "display_options"))
# record classes of rounds, totals, conferences and awards: defined when first used
_LAZY.update(
    dict.fromkeys(("Cohort", "CohortCorrection", "CountryTotal", "MembershipChange", "NetworkTotal"), "cohorts")
)
_LAZY.update(dict.fromkeys(("Award", "Conference"), "conferences"))
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


if not TYPE_CHECKING:  # type checkers see the imports above, and no other name

    def __getattr__(name: str) -> Any:
        """Import the less used parts of the API on first use, to keep ``import`` cheap."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'learning_cities' has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The public API, for ``dir(lc)`` and notebook tab completion."""
    return sorted(__all__)
