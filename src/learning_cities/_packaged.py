"""The packaged network: read from the package's data file once, on first use, under a lock.

Nothing below this module loads a network. It registers how the packaged network pickles
(by reference: it comes back as itself) with :mod:`copyreg`, and serves the two deprecated
relations of the records, ``Country.cities`` and ``City.awards``, from the packaged network.

>>> load() is load()
True
>>> import pickle
>>> pickle.loads(pickle.dumps(load())) is load()
True
"""

from __future__ import annotations

import copyreg
import threading
import warnings
from typing import Any

from . import _codec
from ._checks import require_instance
from .model import City, Country
from .network import Network

__all__ = ["is_packaged", "load", "network_or_load"]

_lock = threading.Lock()
_network: Network | None = None


def load() -> Network:
    """The packaged :class:`Network`, read on the first call and cached.

    Every call returns the same object; concurrent first calls from many threads read
    the data once. A malformed data file raises :class:`~learning_cities.DataError`.

    >>> import learning_cities as lc
    >>> lc.load().city("Khon Kaen").joined
    2024
    """
    global _network
    network = _network
    if network is None:
        with _lock:
            network = _network
            if network is None:
                data = _codec.read_bytes()
                network = _network = Network.from_data(data, alternate_names=_codec.read_alternate_names, lazy=True)
    return network


def network_or_load(network: object) -> Network:
    """``network`` if it is a :class:`Network`, the packaged one where it is ``None``; else :class:`TypeError`.

    What every function that takes ``network=`` uses, so a network passed in is the one used.

    >>> network_or_load(None) is load()
    True
    """
    if network is None:
        return load()
    return require_instance("network", network, Network)


def is_packaged(network: Network) -> bool:
    """Whether ``network`` is the one :func:`load` returns."""
    return network is _network


def _reduce(network: Network) -> str | tuple[Any, ...]:
    """How :mod:`pickle` saves a network: the packaged one by reference (:func:`load`), any other whole."""
    return (load, ()) if is_packaged(network) else network.__reduce__()


copyreg.pickle(Network, _reduce)


def _deprecated(what: str, instead: str) -> None:
    warnings.warn(
        f"{what} is deprecated and will be removed in the next minor release: records know nothing of a "
        f"network; ask the network that holds the record: {instead}",
        DeprecationWarning,
        stacklevel=3,
    )


def _country_cities(country: Country) -> tuple[City, ...]:
    """Deprecated: its member cities in the packaged data; ask the network, ``net.cities_in(country)``.

    >>> import warnings, learning_cities as lc
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     cities = lc.load().country("TH").cities
    >>> cities == lc.load().cities_in("TH"), caught[0].category.__name__
    (True, 'DeprecationWarning')
    """
    _deprecated("Country.cities", "net.cities_in(country) or net.where(country=country)")
    network = load()
    return network.where(country=country) if country in network.countries else ()


def _city_awards(city: City) -> tuple[Any, ...]:
    """Deprecated: the award editions it received in the packaged data; ask the network, ``net.awards_of(city)``."""
    _deprecated("City.awards", "net.awards_of(city)")
    network = load()
    return network.awards_of(city) if city in network else ()


# The deprecated relations, set on the record classes from here: records import no network.
type.__setattr__(Country, "cities", property(_country_cities))
type.__setattr__(City, "awards", property(_city_awards))
