"""The International Conferences on Learning Cities and the UNESCO Learning City Award.

>>> import learning_cities as lc
>>> lc.load().award(2017)
Award(2017: edition 2, 16 laureates, conference 3)
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._fields import Record, Year
from .model import City, Country

__all__ = ["Award", "Conference"]


@attrs.frozen(cache_hash=True)
class Conference(Record):
    """An International Conference on Learning Cities (ICLC).

    A planned conference has ``start``/``end``/``host_city``/``country`` ``None`` where not
    yet known, and ``planned_month`` where announced.

    >>> import learning_cities as lc
    >>> third = lc.load().conference(3)
    >>> third.year, third.host_city, third.country.name, third.start, third.end
    (2017, 'Cork', 'Ireland', datetime.date(2017, 9, 18), datetime.date(2017, 9, 20))
    """

    number: int
    year: Year
    start: dt.date | None
    end: dt.date | None
    host_city: str | None
    country: Country | None
    theme: str
    outcome_document: str | None
    planned_month: int | None = None
    sources: tuple[str, ...] = attrs.field(default=(), repr=False)
    notes: str = attrs.field(default="", repr=False)

    def __repr__(self) -> str:
        where = ", ".join(x for x in (self.host_city, self.country.name if self.country else None) if x)
        when = self.start.isoformat() if self.start else f"planned {self.year}"
        return f"Conference({self.number}: {where or 'host not yet known'}, {when})"

    def _repr_html_(self) -> str:
        """Its dates, place and theme."""
        from ._tables import fields_table  # only for notebooks

        where = ", ".join(x for x in (self.host_city, self.country.name if self.country else None) if x)
        return fields_table(
            f"International Conference on Learning Cities no. {self.number} ({self.year})",
            [
                ("dates", None if self.start is None else f"{self.start} to {self.end}"),
                ("planned month", self.planned_month),
                ("host", where or None),
                ("theme", self.theme),
                ("outcome document", self.outcome_document),
                *(("source", source) for source in self.sources),
            ],
        )

    @property
    def held(self) -> bool:
        """``True`` once the conference has dates, i.e. it took place.

        >>> import learning_cities as lc
        >>> lc.load().conference(6).held, lc.load().conference(7).held
        (True, False)
        """
        return self.start is not None


@attrs.frozen(cache_hash=True)
class Award(Record):
    """One edition of the UNESCO Learning City Award (edition 1 is 2015).

    >>> import learning_cities as lc
    >>> award = lc.load().award(2017)
    >>> award.edition, award.conference.host_city, len(award.laureates)
    (2, 'Cork', 16)
    """

    year: Year
    edition: int
    conference: Conference
    laureates: tuple[City, ...]
    sources: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"Award({self.year}: edition {self.edition}, {len(self.laureates)} laureates, "
            f"conference {self.conference.number})"
        )

    def _repr_html_(self) -> str:
        """The edition and its laureates."""
        from ._tables import table  # only for notebooks

        rows = [(c.name, c.country.name) for c in self.laureates]
        caption = f"{self.year} UNESCO Learning City Award (edition {self.edition}), {len(rows)} laureates"
        return table(caption, ("laureate", "country"), rows)
