"""The packaged network: read from the package's data file once, on first use, under a lock.

>>> load() is load()
True
"""

from __future__ import annotations

import threading

from . import _codec
from ._checks import require_instance
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
