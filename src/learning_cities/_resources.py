"""The package's data files, read through :mod:`importlib.resources`.

This works wherever the package is installed: as plain files, from a zip file, or through
any loader that supports resources.

>>> read("rules.json")[:1]
b'{'
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    from importlib.resources import files
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib_resources import files

__all__ = ["DATA_PACKAGE", "read"]

DATA_PACKAGE = "learning_cities.data"


def read(name: str) -> bytes:
    """The bytes of the packaged data file ``name``."""
    return files(DATA_PACKAGE).joinpath(name).read_bytes()
