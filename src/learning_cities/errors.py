"""The exceptions of learning-cities.

Every error subclasses :class:`LearningCitiesError` and a builtin, so callers can catch
broadly (``except LookupError``) or precisely (``except UnknownCityError``).

>>> import learning_cities as lc
>>> try:
...     lc.load().city("Khon Kean")
... except LookupError as error:
...     print(error)
no member city 'Khon Kean'; did you mean 'Khon Kaen'?
"""

from __future__ import annotations

from collections.abc import Sequence

from ._repr import shown as _shown

__all__ = [
    "AmbiguousCityError",
    "BuddhistEraError",
    "DataError",
    "LearningCitiesError",
    "UnknownAwardError",
    "UnknownCityError",
    "UnknownCohortError",
    "UnknownConferenceError",
    "UnknownCountryError",
    "UnknownRegionError",
]


class LearningCitiesError(Exception):
    """Base class of every error this package raises.

    >>> import learning_cities as lc
    >>> issubclass(lc.UnknownCityError, lc.LearningCitiesError), issubclass(lc.DataError, lc.LearningCitiesError)
    (True, True)
    """


class _UnknownError(LearningCitiesError, LookupError):
    """A value asked for is not in the data; ``suggestions`` holds the closest known ones.

    ``where`` is the scope it was looked for in (a country's name), ``""`` for the whole network.
    """

    kind = "value"

    def __init__(self, value: object, suggestions: Sequence[object] = (), detail: str = "", *, where: str = "") -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        self.where = where
        message = f"no {self.kind} {_shown(value)}" + (f" in {where}" if where else "")
        if detail:
            message += f"; {detail}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(_shown(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:  # LookupError would otherwise quote the message again
        return str(self.args[0])


class UnknownCityError(_UnknownError):
    """No member city has that id, name or local name.

    ``value`` is what was asked for, ``suggestions`` the closest names (possibly none),
    ``where`` the country it was asked for in (``Network.city(..., country=...)``), if any.

    >>> import learning_cities as lc
    >>> try:
    ...     lc.load().city("Medellinn")
    ... except lc.UnknownCityError as error:
    ...     print(error.value, error.suggestions)
    Medellinn ('Medellín',)
    """

    kind = "member city"


class UnknownCountryError(_UnknownError):
    """No country with member cities has that code or name.

    >>> import learning_cities as lc
    >>> lc.load().country("Thailnd")
    Traceback (most recent call last):
    learning_cities.errors.UnknownCountryError: no country with member cities 'Thailnd'; did you mean 'Thailand'?
    """

    kind = "country with member cities"


class UnknownRegionError(_UnknownError):
    """Not one of UNESCO's five regional groups.

    >>> import learning_cities as lc
    >>> lc.load().where(region="Europe")
    Traceback (most recent call last):
    learning_cities.errors.UnknownRegionError: no UNESCO region 'Europe'; did you mean 'Europe and North America'?
    """

    kind = "UNESCO region"


class UnknownCohortError(_UnknownError):
    """No admission round in that year.

    >>> import learning_cities as lc
    >>> try:
    ...     lc.load().cohort(2021)
    ... except lc.UnknownCohortError as error:
    ...     print(error.value, error.suggestions)
    2021 (2022,)
    """

    kind = "cohort in"


class UnknownAwardError(_UnknownError):
    """No UNESCO Learning City Award edition in that year.

    >>> import learning_cities as lc
    >>> try:
    ...     lc.load().award(2018)
    ... except LookupError as error:
    ...     print(type(error).__name__, error.suggestions)
    UnknownAwardError (2017,)
    """

    kind = "Learning City Award in"


class UnknownConferenceError(_UnknownError):
    """No International Conference on Learning Cities of that number.

    >>> import learning_cities as lc
    >>> try:
    ...     lc.load().conference(9)
    ... except lc.UnknownConferenceError as error:
    ...     print(error.value)
    9
    """

    kind = "conference number"


class AmbiguousCityError(LearningCitiesError, LookupError):
    """A name that several member cities share; ``candidates`` holds their ids.

    >>> import learning_cities as lc
    >>> try:
    ...     lc.load().city("La Paz")
    ... except lc.AmbiguousCityError as error:
    ...     print(error)
    'La Paz' names 2 member cities: ar-la-paz, mx-la-paz; ask for one by its id or give its country
    >>> lc.load().city("mx-la-paz").country.name, lc.load().city("La Paz", country="AR").id
    ('Mexico', 'ar-la-paz')
    """

    def __init__(self, value: str, candidates: Sequence[str]) -> None:
        self.value = value
        self.candidates = tuple(candidates)
        super().__init__(
            f"{_shown(value)} names {len(self.candidates)} member cities: "
            + ", ".join(self.candidates)
            + "; ask for one by its id or give its country"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class DataError(LearningCitiesError, ValueError):
    """A packaged data file is malformed; the message names the file and the record.

    >>> import learning_cities as lc
    >>> error = lc.DataError("gnlc.json", "cities[3] 'th-yala'", "joined must be an int, not '2024'")
    >>> print(error)
    gnlc.json: cities[3] 'th-yala': joined must be an int, not '2024'
    >>> isinstance(error, ValueError)
    True
    """

    def __init__(self, file: str, record: str, problem: str) -> None:
        self.file = file
        self.record = record
        self.problem = problem
        super().__init__(f"{file}: {record}: {problem}")


class BuddhistEraError(LearningCitiesError, ValueError):
    """A year or date given in the Buddhist Era where the Common Era is expected.

    Thai sources write years in the Buddhist Era (BE = CE + 543). Every year and date
    argument of this library is Common Era (1 to 2399), so a year from 2400 to 2942 is taken
    for a slip (a later one would stand for an unsupported year: a plain ``ValueError``);
    ``year`` holds the value given, ``common_era`` the year it stands for.

    >>> import learning_cities as lc
    >>> try:
    ...     lc.load().cohort(2567)
    ... except ValueError as error:
    ...     print(error.common_era)
    2024
    """

    def __init__(self, message: str, year: int) -> None:
        self.year = year
        self.common_era = year - 543
        super().__init__(message)
