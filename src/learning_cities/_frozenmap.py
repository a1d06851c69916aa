"""An immutable, hashable mapping for record fields such as ``City.local_names``."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView

from ._repr import shown


class FrozenMap(Mapping[str, str]):
    """A read-only ``str -> str`` mapping that hashes and compares like a dict.

    >>> names = FrozenMap({"th": "ขอนแก่น"})
    >>> names["th"], names == {"th": "ขอนแก่น"}
    ('ขอนแก่น', True)
    >>> names["th"] = "x"
    Traceback (most recent call last):
    TypeError: 'FrozenMap' object does not support item assignment
    """

    __slots__ = ("_data", "_hash")
    _data: dict[str, str]
    _hash: int | None

    def __init__(self, data: Mapping[str, str] | None = None) -> None:
        items = dict(data or {})
        for key, value in items.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"FrozenMap takes str keys and values, not {shown(key)}: {shown(value)}")
        object.__setattr__(self, "_data", items)
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # The mixin methods of Mapping work through __getitem__; the dict's own views are
    # faster and just as read-only.
    def keys(self) -> KeysView[str]:
        return self._data.keys()

    def values(self) -> ValuesView[str]:
        return self._data.values()

    def items(self) -> ItemsView[str, str]:
        return self._data.items()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self._data.get(key, default)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        assert self._hash is not None
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"FrozenMap is immutable: cannot set {name!r}")

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, str]]]:
        return (FrozenMap, (dict(self._data),))


#: The empty mapping, shared by every record without names.
EMPTY = FrozenMap()
